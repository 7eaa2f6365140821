import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { breakSeal, buildCacheDirectory, cacheState, clearPageCache, INCREMENTAL_MANIFEST, sealCache } from '#lib/build/build-cache.ts';

/** A cache as Astro leaves it: a manifest and a copy of each page it lists. */
function cache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'board-papers-cache-'));
  const manifest = { version: 1, routes: { 'src/pages/[body]/index.astro': { dependencyHash: 'h', paths: { '/bcb': { cacheKey: 'k', outputFile: 'bcb/index.html' } } } } };
  writeFileSync(join(dir, INCREMENTAL_MANIFEST), JSON.stringify(manifest));
  mkdirSync(join(dir, 'dist/bcb'), { recursive: true });
  writeFileSync(join(dir, 'dist/bcb/index.html'), '<h1>Business Coordination Board</h1>');
  return dir;
}

describe('the incremental build cache', () => {
  it('is empty before a first build', async () => {
    expect(await cacheState(join(tmpdir(), 'board-papers-no-cache'))).toEqual({ state: 'empty' });
  });

  it('is not trusted when it holds pages but no manifest: a first build that failed after rendering some', async () => {
    const dir = cache();
    rmSync(join(dir, INCREMENTAL_MANIFEST));
    expect(await cacheState(dir)).toEqual({ state: 'broken', reason: 'it holds pages but no manifest' });
    await clearPageCache(dir);
    expect(await cacheState(dir)).toEqual({ state: 'empty' });
    rmSync(dir, { recursive: true });
  });

  it('is trusted once a complete build sealed it, and not while a build runs', async () => {
    const dir = cache();
    await sealCache(dir);
    expect(await cacheState(dir)).toEqual({ state: 'sealed' });
    await breakSeal(dir);
    expect(await cacheState(dir)).toEqual({ state: 'broken', reason: 'the last build did not finish' });
    rmSync(dir, { recursive: true });
  });

  it('is not trusted when a page or the manifest changed after the seal, or a page is missing', async () => {
    for (const spoil of [
      (dir: string) => writeFileSync(join(dir, 'dist/bcb/index.html'), '<h1>stale</h1>'),
      (dir: string) => writeFileSync(join(dir, INCREMENTAL_MANIFEST), '{"routes":{}}'),
      (dir: string) => rmSync(join(dir, 'dist/bcb/index.html')),
      (dir: string) => writeFileSync(join(dir, INCREMENTAL_MANIFEST), '{ not json'),
    ]) {
      const dir = cache();
      await sealCache(dir);
      spoil(dir);
      expect((await cacheState(dir)).state).toBe('broken');
      await clearPageCache(dir);
      expect(await cacheState(dir)).toEqual({ state: 'empty' });
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses a manifest that lists a page outside the cache', async () => {
    const dir = cache();
    await sealCache(dir);
    writeFileSync(join(dir, INCREMENTAL_MANIFEST), JSON.stringify({ routes: { page: { paths: { '/': { outputFile: '../../etc/passwd' } } } } }));
    expect(await cacheState(dir)).toMatchObject({ state: 'broken', reason: expect.stringContaining('outside the output') });
    rmSync(dir, { recursive: true });
  });

  it('is named after the content folder relative to the project, so another checkout finds its own', () => {
    expect(buildCacheDirectory('/ci/a/project', 'content')).toBe(buildCacheDirectory('/home/b/project', '/home/b/project/content'));
    expect(buildCacheDirectory('/ci/a/project', 'content')).not.toBe(buildCacheDirectory('/ci/a/project', 'tests/fixtures/archive/content'));
    expect(buildCacheDirectory('/ci/a/project', 'content')).toMatch(/^node_modules\/\.astro\/[0-9a-f]{16}$/);
  });
});
