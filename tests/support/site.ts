/** Building a site for the tests, with the real build command, and reading what it wrote. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const outputRoot = join(projectRoot, 'tests/.output');

/** The fixture archive, built under a sub-path to prove every link carries the base. */
export const FIXTURE = { contentDir: 'tests/fixtures/archive/content', outDir: join(outputRoot, 'fixture'), base: '/board/' };
/**
 * A second office, invented, with other bodies, another decision numbering ("PFCC/045/21") and its own word
 * for a body ("this Forum"): built by the same code with no change, under a sub-path of its own.
 */
export const OFFICE_TWO = { contentDir: 'tests/fixtures/office-two/content', outDir: join(outputRoot, 'office-two'), base: '/papers/' };
/** The real archive in content/, built at the root. */
export const REAL = { contentDir: 'content', outDir: join(outputRoot, 'real'), base: '/' };

export interface BuildResult {
  status: number | null;
  output: string;
}

export function buildSite(site: { contentDir: string; outDir: string; base: string }): BuildResult {
  // Vitest puts Vite's import.meta.env values (BASE_URL, MODE…) into the test process's environment;
  // the build must not inherit them.
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...environment } = process.env;
  const result = spawnSync(process.execPath, ['src/cli/build.ts'], {
    cwd: projectRoot,
    env: { ...environment, CONTENT_DIR: site.contentDir, OUT_DIR: site.outDir, BASE_PATH: site.base, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
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
