/** Building a site for the tests, with the real build command, and reading what it wrote. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { buildEnvironment, noteBuildCache, type BuildResult, type SharedArchive } from './test-run.ts';

export type { BuildResult };

export const projectRoot = resolve(import.meta.dirname, '../..');
export const outputRoot = join(projectRoot, 'tests/.output');

/** The fixture archive, built under a sub-path to prove every link carries the base. */
export const FIXTURE = { name: 'fixture', contentDir: 'tests/fixtures/archive/content', outDir: join(outputRoot, 'fixture'), base: '/board/' } satisfies SharedArchive;
/**
 * A second office, invented, with other bodies, another decision numbering ("PFCC/045/21") and its own word
 * for a body ("this Forum"): built by the same code with no change, under a sub-path of its own.
 */
export const OFFICE_TWO = { name: 'office-two', contentDir: 'tests/fixtures/office-two/content', outDir: join(outputRoot, 'office-two'), base: '/papers/' } satisfies SharedArchive;
/** The real archive in content/, built at the root. */
export const REAL = { name: 'real', contentDir: 'content', outDir: join(outputRoot, 'real'), base: '/' } satisfies SharedArchive;
/** The archives every test that reads a built site shares, in the order they are built: the fixture is read most. */
export const SHARED_ARCHIVES = [FIXTURE, REAL, OFFICE_TWO];

/** Builds a site with the real build command (`npm run build`), into its own folder. */
export function buildSite(site: { contentDir: string; outDir: string; base: string }): BuildResult {
  noteBuildCache(site.contentDir);
  const result = spawnSync(process.execPath, ['src/cli/build.ts'], { cwd: projectRoot, env: buildEnvironment(site), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The HTML of a built page, by its path without the base ("bcb/2019-06-11/"). */
export function readPage(site: { outDir: string }, path: string): string {
  const file = join(site.outDir, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`no page was built at /${path} (${file})`);
  return readFileSync(file, 'utf8');
}

export function loadPage(site: { outDir: string }, path: string): CheerioAPI {
  return load(readPage(site, path));
}
