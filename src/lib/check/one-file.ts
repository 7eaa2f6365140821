/**
 * The check of one file on its own: where it sits, whether it is text, whether it parses, and whether it
 * matches its kind's schema; each problem names the file, the line, the field and what was expected.
 * bodies.yaml and site.yaml are judged here for the check and for every tool that reads them.
 */
import type { z } from 'zod';
import { parseFrontmatterFile, parseYamlFile, SyntaxProblem, type ParsedFile } from '#lib/text/frontmatter.ts';
import { bodySchema, siteSchema, type Site, type Body } from '#lib/model/schema.ts';
import { SITE_ROUTES } from '#lib/model/routes.ts';
import { fieldNamesAt, nearestName } from '#lib/model/field-names.ts';
import { SAFE_NAME } from '#lib/build/safe-write.ts';
import type { ContentFile, Problem } from './problem.ts';

/**
 * Files the site never reads, which may sit anywhere under content/: READMEs, the importer's report beside
 * a meeting, and hidden files such as .gitkeep, .DS_Store and editors' swap files. A hidden .mdx or .yaml
 * is not ignored: it is refused by its name, since staff would expect it to be published. A file in a
 * hidden folder, or with "..", "." or an empty part in its path, is never skipped: it is refused with the
 * reason (folderProblem).
 */
export const IGNORED_FILES = /(^|\/)README\.md$|(^|\/)import-report\.md$|(^|\/)\.[^/]*(?<!\.mdx|\.yaml)$/;
/** A folder or file name (without .mdx or .yaml) that can be part of a web address as it is: the one rule for names. */
export const ADDRESSABLE_NAME = SAFE_NAME;

/** Why a file's folders keep it from the site: a part that leaves or skips a folder, or a hidden folder. */
export function folderProblem(path: string): string | undefined {
  const part = path.split('/').slice(0, -1).find((segment) => segment === '' || segment === '.' || segment === '..' || segment.startsWith('.'));
  if (part === undefined) return undefined;
  if (part === '' || part === '.' || part === '..') return `has "${part}" in its path, which leaves or skips a folder; expected a file inside content/, in its meeting's or decision's folder`;
  return `is in the hidden folder "${part}", which the site never reads; move the file out of it, or delete it`;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)), '');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value);
}

export function validate<S extends z.ZodType>(schema: S, parsed: ParsedFile, file: string, problems: Problem[], pathPrefix: (string | number)[] = []): z.infer<S> | undefined {
  const data = pathPrefix.length ? valueAt(parsed.data, pathPrefix) : parsed.data;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = [...pathPrefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      const names = fieldNamesAt(schema, issue.path);
      for (const key of issue.keys) {
        const meant = nearestName(key, names);
        problems.push({
          file,
          line: parsed.lineOf([...path, key], true),
          message: meant
            ? `\`${key}\` is not a field; did you mean \`${meant}\`?`
            : `\`${key}\` is not a field here; expected one of ${names.map((name) => `\`${name}\``).join(', ')}`,
        });
      }
      continue;
    }
    const found = valueAt(parsed.data, path);
    const missing = found === undefined && issue.code === 'invalid_type';
    const expected = missing ? 'is missing; this field is required' : `found ${describeFound(found)}; ${issue.message.replace(/^Invalid input: /, '')}`;
    problems.push({ file, line: parsed.lineOf(path), field: fieldName(path), message: expected });
  }
  return undefined;
}

export function decode(file: ContentFile, prefix: string, problems: Problem[]): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    problems.push({ file: prefix + file.path, message: 'is not UTF-8 text; save it as UTF-8 (in most editors: "Save with encoding", UTF-8)' });
    return undefined;
  }
}

export function parse(file: ContentFile, prefix: string, text: string, problems: Problem[]): ParsedFile | undefined {
  try {
    return file.path.endsWith('.yaml') ? parseYamlFile(text) : parseFrontmatterFile(text);
  } catch (error) {
    if (error instanceof SyntaxProblem) {
      problems.push({ file: prefix + file.path, line: error.line, message: error.message });
      return undefined;
    }
    throw error;
  }
}

/**
 * The bodies of content/bodies.yaml, each judged by its schema; a problem for each that is not. The check
 * and every tool that reads the file (the importer, npm run new) judge it here.
 */
export function judgeBodies(parsed: ParsedFile, name: string, problems: Problem[]): Body[] {
  if (!Array.isArray(parsed.data)) {
    problems.push({ file: name, message: 'expected a list of bodies, each starting "- id: board"' });
    return [];
  }
  const bodies: Body[] = [];
  parsed.data.forEach((_, index) => {
    const body = validate(bodySchema, parsed, name, problems, [index]);
    if (body && (SITE_ROUTES as readonly string[]).includes(body.id)) {
      problems.push({ file: name, line: parsed.lineOf([index, 'id']), field: `[${index}].id`, message: `found "${body.id}", which is the address of a page of the site itself (/${body.id}/); expected another short id` });
    } else if (body) bodies.push(body as Body);
  });
  return bodies;
}

/** The publisher's settings in content/site.yaml judged by their schema, as the check and the tools judge them. */
export function judgeSite(parsed: ParsedFile, name: string, problems: Problem[]): Site | undefined {
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    problems.push({ file: name, message: 'expected the publisher’s settings, one per line, starting "name: …"' });
    return undefined;
  }
  return validate(siteSchema, parsed, name, problems) as Site | undefined;
}
