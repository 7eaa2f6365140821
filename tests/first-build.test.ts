/**
 * An office's first archive: one meeting and its papers, and no minutes, action logs, forward plans or
 * decisions yet. It builds, and the build says only what it built: no warning of the kinds it has no
 * files of, which staff could do nothing about.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildSite, readPage, type BuildResult } from './support/site.ts';
import { buildCacheDirectory } from '#lib/build/build-cache.ts';

const OFFICE = 'tests/fixtures/office-two/content';
const FILES = [
  'site.yaml',
  'bodies.yaml',
  'meetings/af/2021-03-04/index.mdx',
  'meetings/af/2021-03-04/05-estates-strategy.mdx',
  'meetings/af/2021-03-04/06-shared-control-room.mdx',
];

const work = mkdtempSync(join(tmpdir(), 'board-papers-first-build-'));
const site = { contentDir: join(work, 'content'), outDir: join(work, 'dist'), base: '/' };
let result: BuildResult;

beforeAll(() => {
  for (const file of FILES) cpSync(join(OFFICE, file), join(site.contentDir, file));
  // its agenda lists an action log this first archive does not hold yet, and says so, as staff would
  const meeting = join(site.contentDir, 'meetings/af/2021-03-04/index.mdx');
  writeFileSync(meeting, readFileSync(meeting, 'utf8').replace('    kind: action-log\n', '    kind: action-log\n    paperNotInArchive: true\n'));
  result = buildSite(site);
});

afterAll(() => {
  rmSync(buildCacheDirectory(process.cwd(), site.contentDir), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('the first build of a new office', () => {
  it('builds its meeting and its papers', () => {
    expect(result.status, result.output).toBe(0);
    expect(readPage(site, 'af/2021-03-04/5/')).toContain('Estates Strategy 2021–2025');
  });

  it('warns of nothing: an office with no forward plans, minutes or decisions yet has made no mistake', () => {
    expect(result.output).toContain('Built the site into');
    expect(result.output).not.toMatch(/warn|No files found|does not exist or is empty/i);
  });
});
