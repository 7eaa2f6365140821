/**
 * The cache of incremental builds: where it is, and whether it can be trusted. Astro keeps, in the build's
 * cacheDir, a manifest of every keyed page (incremental-build.json) and a copy of each page (dist/); a page
 * whose code and key are unchanged is copied from there instead of being rendered.
 *
 * Astro rewrites a page's copy as soon as it renders it, but its manifest only at the end of the pages:
 * a build that failed or was stopped can leave copies that no longer match the manifest's keys. So
 * `npm run build` seals the cache after every complete build (a digest of the manifest and of every
 * copy), breaks the seal before it starts, and builds every page again from nothing when the seal is
 * missing or does not match.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

export const INCREMENTAL_MANIFEST = 'incremental-build.json';
const CACHED_PAGES = 'dist';
const SEAL = 'incremental-build.seal';

/** Whether builds are incremental: on unless INCREMENTAL_BUILD=0 (which the benchmark uses to compare). */
export function incrementalBuildsOn(environment: NodeJS.ProcessEnv = process.env): boolean {
  return environment.INCREMENTAL_BUILD !== '0';
}

/**
 * The build's cacheDir for a content folder, relative to the project: each content folder (CONTENT_DIR, as
 * the tests and the benchmark use) keeps its own, so that a folder deleted since cannot break another's
 * store. Named from the folder's path relative to the project, so that the same checkout in another place
 * (a CI runner's workspace) finds its cache.
 */
export function buildCacheDirectory(root: string, contentDir: string): string {
  const name = relative(resolve(root), resolve(root, contentDir)).split('\\').join('/');
  return `node_modules/.astro/${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

interface Manifest {
  routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
}

function readManifest(cacheDir: string): Manifest {
  const manifest = JSON.parse(readFileSync(join(cacheDir, INCREMENTAL_MANIFEST), 'utf8')) as Manifest;
  if (!manifest || typeof manifest.routes !== 'object') throw new Error('it has no routes');
  return manifest;
}

/** The cached copy of every page the manifest lists, by its path in the output. */
function cachedFiles(manifest: Manifest): string[] {
  const files = Object.values(manifest.routes).flatMap((route) => Object.values(route.paths).map((path) => path.outputFile));
  for (const file of files) {
    if (typeof file !== 'string' || isAbsolute(file) || file.split('/').includes('..')) throw new Error(`it lists a page outside the output: ${String(file)}`);
  }
  return files.sort();
}

/** One digest of the manifest and of every cached page it lists. */
async function sealOf(cacheDir: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(join(cacheDir, INCREMENTAL_MANIFEST)));
  for (const file of cachedFiles(readManifest(cacheDir))) {
    hash.update(`\n${file}\n`);
    hash.update(await readFile(join(cacheDir, CACHED_PAGES, file)));
  }
  return hash.digest('hex');
}

export type CacheState = { state: 'empty' } | { state: 'sealed' } | { state: 'broken'; reason: string };

/** Whether the cache left by the last build can be used: empty (a first build), sealed, or broken. */
export async function cacheState(cacheDir: string): Promise<CacheState> {
  const manifest = existsSync(join(cacheDir, INCREMENTAL_MANIFEST));
  const seal = existsSync(join(cacheDir, SEAL));
  // a first build that failed after rendering pages leaves their copies with no manifest to say what they are
  if (!manifest && !seal) return existsSync(join(cacheDir, CACHED_PAGES)) ? { state: 'broken', reason: 'it holds pages but no manifest' } : { state: 'empty' };
  if (!seal) return { state: 'broken', reason: 'the last build did not finish' };
  if (!manifest) return { state: 'broken', reason: 'its manifest is missing' };
  try {
    const expected = (await readFile(join(cacheDir, SEAL), 'utf8')).trim();
    return (await sealOf(cacheDir)) === expected ? { state: 'sealed' } : { state: 'broken', reason: 'its pages differ from those the last build left' };
  } catch (error) {
    return { state: 'broken', reason: `it cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Forgets every page of the cache, so that the next build renders them all. */
export async function clearPageCache(cacheDir: string): Promise<void> {
  await rm(join(cacheDir, SEAL), { force: true });
  await rm(join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
  await rm(join(cacheDir, CACHED_PAGES), { recursive: true, force: true });
}

/** Before a build: a build that does not finish leaves no seal. */
export async function breakSeal(cacheDir: string): Promise<void> {
  await rm(join(cacheDir, SEAL), { force: true });
}

/** After a complete build. */
export async function sealCache(cacheDir: string): Promise<void> {
  if (!existsSync(join(cacheDir, INCREMENTAL_MANIFEST))) return;
  await writeFile(join(cacheDir, SEAL), `${await sealOf(cacheDir)}\n`);
}

/**
 * How many of the keyed pages this build copied from the cache rather than rendered: Astro rewrites the
 * copy of each page it renders, so a copy older than the build's start was reused.
 */
export function reusedPages(cacheDir: string, startedMs: number): { reused: number; keyed: number } {
  if (!existsSync(join(cacheDir, INCREMENTAL_MANIFEST))) return { reused: 0, keyed: 0 };
  const files = cachedFiles(readManifest(cacheDir));
  const reused = files.filter((file) => statSync(join(cacheDir, CACHED_PAGES, file)).mtimeMs < startedMs).length;
  return { reused, keyed: files.length };
}
