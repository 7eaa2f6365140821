/**
 * npm run build [-- --clean]: builds into a staging folder and moves it into dist/ only when every step
 * succeeded, so a failed build never leaves a half-built site to publish. Builds are incremental: a page
 * whose records and code are unchanged is copied from the last build's cache (see src/lib/build/build-cache.ts);
 * --clean (or CLEAN_BUILD=1) empties that cache first and renders every page.
 */
import module from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, rename } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { breakSeal, buildCacheDirectory, cacheState, clearPageCache, incrementalBuildsOn, reusedPages, sealCache } from '#lib/build/build-cache.ts';
import { BuildLocked, acquireBuildLock } from '#lib/build/build-lock.ts';

// One build at a time in this checkout: a second waits for the first (BUILD_WAIT_SECONDS, 20 minutes unless
// set), then stops. Taken before anything touches dist/ or the cache; given back however the build ends.
// The checkout's one lock: builds here share more than dist/ (Astro's .astro/ folder, its caches).
const lockFile = resolve('node_modules/.astro/build.lock');
await mkdir(dirname(lockFile), { recursive: true });
const lock = await acquireBuildLock(lockFile, {
  waitMs: Number(process.env.BUILD_WAIT_SECONDS ?? 1200) * 1000,
  onWait: (pid) => console.log(`Another build is running (process ${pid}); waiting for it to finish.`),
  onStale: (pid) => console.warn(`A build that was stopped (process ${pid}) left its lock behind; this build takes it over.`),
}).catch((error: unknown) => {
  if (!(error instanceof BuildLocked)) throw error;
  console.error(`${error.message}.\nThe site in dist/ was not changed.`);
  process.exit(1);
});
process.on('exit', () => lock.release());
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) process.on(signal, () => process.exit(code));

// As `astro build` does: keep V8's compiled code of Astro, Vite and the bundler between builds, except
// in CI, where nothing is reused, so that this build starts as the framework's own command does.
if (!process.env.CI) module.enableCompileCache?.();
const { build } = await import('astro');

const finalDir = resolve(process.env.OUT_DIR ?? 'dist');
const stagingDir = `${finalDir}.staging`;
const previousDir = `${finalDir}.previous`;

// A build stopped between its two renames below left the old site aside: put it back first.
if (!existsSync(finalDir) && existsSync(previousDir)) await rename(previousDir, finalDir);

// The incremental build's cache: used only when the last build sealed it, else every page is rendered.
const cacheDir = resolve(buildCacheDirectory(process.cwd(), process.env.CONTENT_DIR ?? 'content'));
if (process.argv.includes('--clean') || process.env.CLEAN_BUILD === '1') {
  await rm(cacheDir, { recursive: true, force: true });
} else {
  const cache = await cacheState(cacheDir);
  if (cache.state === 'broken') {
    console.warn(`The cache of the last build cannot be trusted (${cache.reason}): every page is built again.`);
    await clearPageCache(cacheDir);
  }
}
await breakSeal(cacheDir);
const started = Date.now();

await rm(stagingDir, { recursive: true, force: true });
try {
  await build({ outDir: stagingDir, logLevel: 'warn' });
} catch (error) {
  await rm(stagingDir, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  console.error('\nThe build failed; the site in dist/ was not changed.');
  process.exit(1);
}
// There is a site in dist/ at every moment: the old one is renamed aside, the new one moved in, and only
// then is the old one deleted.
await rm(previousDir, { recursive: true, force: true });
if (existsSync(finalDir)) await rename(finalDir, previousDir);
await rename(stagingDir, finalDir);
await rm(previousDir, { recursive: true, force: true });
await sealCache(cacheDir);
if (incrementalBuildsOn()) {
  const { reused, keyed } = reusedPages(cacheDir, started);
  console.log(`Built the site into ${finalDir}; ${reused} of ${keyed} pages unchanged since the last build were copied from its cache.`);
} else {
  console.log(`Built the site into ${finalDir}, every page rendered (INCREMENTAL_BUILD=0).`);
}

// The build report, one line: what the archive cites but does not hold is listed at /gaps/, the staff's list
// of what to publish next. It is not an error and stops nothing.
const { counts, gaps } = JSON.parse(await readFile(resolve(finalDir, 'gaps.json'), 'utf8')) as {
  counts: { citations: number; resolved: number; missing: number };
  gaps: unknown[];
};
const gapsPage = `${(process.env.BASE_PATH ?? '/').replace(/\/?$/, '/')}gaps/`;
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
console.log(
  counts.missing === 0
    ? `Citations: ${counts.citations} found, all linked.`
    : `Citations: ${counts.citations} found, ${counts.resolved} linked; ${plural(counts.missing, 'cites', 'cite')} ` +
        `${plural(gaps.length, 'document', 'documents')} not in the archive, listed at ${gapsPage} ` +
        '(nothing to fix: publish those documents when you have them)',
);
