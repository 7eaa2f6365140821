/**
 * The settings files under content/ (bodies.yaml, site.yaml) as the tools read them: the importer,
 * `npm run new` and the benchmark. Each is read, as the check reads it, through parseYamlFile and its zod
 * schema with its defaults (judgeBodies, judgeSite), and used only when the check would pass it; nothing
 * reads raw YAML and trusts it.
 */
import { readFileSync } from 'node:fs';
import { judgeBodies, judgeSite } from './one-file.ts';
import { formatProblem, type Problem } from './problem.ts';
import { parseYamlFile, SyntaxProblem, type ParsedFile } from '#lib/text/frontmatter.ts';
import { BODIES_FILE, SITE_FILE } from '#lib/model/document-kinds.ts';
import { resolveInside } from '#lib/build/safe-write.ts';
import type { Body, Site } from '#lib/model/schema.ts';

/** A settings file that cannot be used, with each of its problems as the check states them. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

function readSettings<T>(contentDir: string, file: string, judge: (parsed: ParsedFile, name: string, problems: Problem[]) => T): T {
  const name = `content/${file}`;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolveInside(contentDir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new SettingsError(`${name} is missing; create it (npm run new -- site writes a first one), then run this again.`);
    throw new SettingsError(error instanceof Error ? error.message : String(error));
  }
  const problems: Problem[] = [];
  let value: T | undefined;
  try {
    value = judge(parseYamlFile(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), name, problems);
  } catch (error) {
    if (error instanceof SyntaxProblem) problems.push({ file: name, line: error.line, message: error.message });
    else if (error instanceof TypeError) problems.push({ file: name, message: 'is not UTF-8 text; save it as UTF-8' });
    else throw error;
  }
  if (problems.length > 0 || value === undefined) {
    throw new SettingsError(`${name} cannot be used until it is mended (npm run check says the same); nothing was written:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`);
  }
  return value;
}

/** The bodies of content/bodies.yaml, every one valid by bodySchema, with its defaults (aliases: []). */
export function readBodies(contentDir: string): Body[] {
  return readSettings(contentDir, BODIES_FILE, judgeBodies);
}

/** The publisher's settings in content/site.yaml, valid by siteSchema, with its defaults. */
export function readSite(contentDir: string): Site {
  return readSettings(contentDir, SITE_FILE, judgeSite) as Site;
}
