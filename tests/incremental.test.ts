/**
 * Incremental builds publish exactly what a clean build of the same content publishes. One copy of the
 * fixture archive is built, changed step by step and rebuilt incrementally after each change; after each,
 * a second copy of the same content is built clean, and the two outputs must be the same, byte for byte,
 * Pagefind's index included. Each change reaches pages beyond the file changed: a quote in another
 * meeting's "Cited by", a decision's title on its paper, an action's page, a citation that a new meeting
 * resolves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FIXTURE, buildSite, projectRoot, readPage } from './support/site.ts';
import { buildCacheDirectory } from '#lib/build/build-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'board-papers-incremental-'));
const site = { contentDir: join(work, 'incremental/content'), outDir: join(work, 'incremental/dist'), base: FIXTURE.base };
const cacheOf = (contentDir: string) => join(projectRoot, buildCacheDirectory(projectRoot, contentDir));

function write(file: string, text: string): void {
  mkdirSync(join(site.contentDir, file, '..'), { recursive: true });
  writeFileSync(join(site.contentDir, file), text);
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(site.contentDir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the change to ${file} changed nothing`);
  writeFileSync(path, after);
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The files that differ between two outputs, or that only one of them has. */
function differences(a: string, b: string): string[] {
  const inA = files(a);
  const inB = new Set(files(b));
  const differing = inA.filter((file) => !inB.has(file) || !readFileSync(join(a, file)).equals(readFileSync(join(b, file))));
  return [...differing, ...[...inB].filter((file) => !inA.includes(file)).map((file) => `${file} (only in the clean build)`)];
}

/** Builds the incremental copy, then the same content clean in a folder of its own, and compares them. */
function rebuildAndCompare(step: string): { reused: number; keyed: number } {
  const result = buildSite(site);
  if (result.status !== 0) throw new Error(`the incremental build after ${step} failed:\n${result.output}`);
  const counts = /(\d+) of (\d+) pages unchanged since the last build were copied/.exec(result.output);
  if (!counts) throw new Error(`the build did not say how many pages it copied:\n${result.output}`);
  const clean = { contentDir: join(work, step, 'content'), outDir: join(work, step, 'dist'), base: site.base };
  cpSync(site.contentDir, clean.contentDir, { recursive: true });
  const cleanResult = buildSite(clean);
  rmSync(cacheOf(clean.contentDir), { recursive: true, force: true });
  if (cleanResult.status !== 0) throw new Error(`the clean build after ${step} failed:\n${cleanResult.output}`);
  expect(differences(site.outDir, clean.outDir), `after ${step}`).toEqual([]);
  return { reused: Number(counts[1]), keyed: Number(counts[2]) };
}

beforeAll(() => {
  cpSync(FIXTURE.contentDir, site.contentDir, { recursive: true });
  // A second meeting, whose paper cites a paper of the first and a meeting not yet in the archive.
  write(
    'meetings/bcb/2019-07-18/index.mdx',
    '---\ntime: "10:00"\nvenue: HQ, Conference Room 3\nagenda:\n  - number: "4"\n    title: Offenders theme follow-up\n---\n',
  );
  write(
    'meetings/bcb/2019-07-18/04-follow-up.mdx',
    '---\ntitle: Offenders theme follow-up\nitem: "4"\n---\n\n' +
      '4.1 ‘Constabulary work to deliver actions’, Agenda Item 8.1, Business Coordination Board, 11th June 2019, set out the actions.\n\n' +
      '4.2 A final report will be brought to this Board on 12 September 2019.\n',
  );
  const result = buildSite(site);
  if (result.status !== 0) throw new Error(`the first build failed:\n${result.output}`);
});

afterAll(() => {
  rmSync(cacheOf(site.contentDir), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('an incremental build', () => {
  it('after one paper changed: the page it quotes shows the new words in its "Cited by"', () => {
    const before = readPage(site, 'bcb/2019-06-11/8.1/');
    expect(before).toContain('set out the actions');
    edit('meetings/bcb/2019-07-18/04-follow-up.mdx', (text) => text.replace('set out the actions', 'listed every action'));
    const { reused, keyed } = rebuildAndCompare('one-paper');
    expect(readPage(site, 'bcb/2019-06-11/8.1/')).toContain('listed every action');
    // the pages of the first meeting's other papers, its decisions and actions were copied
    expect(reused).toBeGreaterThan(0);
    expect(reused).toBeLessThan(keyed);
  });

  it("after one decision's title changed: the paper it was made on shows the new title", () => {
    edit('decisions/2019/cpcc-2019-001.mdx', (text) => text.replace('title: Force Management Statement publication', 'title: Publication of the Force Management Statement'));
    const { reused } = rebuildAndCompare('one-decision');
    expect(readPage(site, 'bcb/2019-06-11/5/')).toContain('Publication of the Force Management Statement');
    expect(reused).toBeGreaterThan(0);
  });

  it("after one row of an action log changed: the action's page shows it", () => {
    edit('meetings/bcb/2019-06-11/action-log.yaml', (text) => text.replace('update: Request noted for further reports.', 'update: Request noted; the next report will include outcomes.'));
    const { reused } = rebuildAndCompare('one-action');
    expect(readPage(site, 'bcb/actions/2019-02-28-1.0/')).toContain('the next report will include outcomes');
    expect(reused).toBeGreaterThan(0);
  });

  it('after a glossary term was added: the pages that use it explain it, and the others are copied', () => {
    expect(readPage(site, 'bcb/2019-06-11/5/')).not.toContain('glossary/#board');
    edit('glossary.yaml', (text) => `${text}  - term: Board\n    explanation: The meeting this paper was written for.\n    publicWords: [meeting]\n`);
    const { reused } = rebuildAndCompare('one-glossary-term');
    expect(readPage(site, 'bcb/2019-06-11/5/')).toContain('<a class="glossary-term" href="/board/glossary/#board">Board</a>');
    expect(reused).toBeGreaterThan(0);
  });

  it('after one meeting was added: the citation of it in an earlier paper becomes a link', () => {
    expect(readPage(site, 'bcb/2019-07-18/4/')).not.toMatch(/<a class="citation" href="\/board\/bcb\/2019-09-12\/"/);
    write('meetings/bcb/2019-09-12/index.mdx', '---\ntime: "10:00"\nvenue: HQ, Conference Room 3\nagenda:\n  - number: "2"\n    title: Offenders theme final report\n---\n');
    for (const [number, slug] of [['2', 'final-report'], ['3', 'annex'], ['4', 'budget'], ['5', 'plan']] as const) {
      write(`meetings/bcb/2019-09-12/0${number}-${slug}.mdx`, `---\ntitle: Offenders theme ${slug.replace('-', ' ')}\n${number === '2' ? 'item: "2"\n' : ''}---\n\n${number}.1 The ${slug.replace('-', ' ')} of the offenders theme.\n`);
    }
    const { reused } = rebuildAndCompare('one-meeting');
    expect(readPage(site, 'bcb/2019-07-18/4/')).toMatch(/<a class="citation" href="\/board\/bcb\/2019-09-12\/"/);
    expect(reused).toBeGreaterThan(0);
  });

  it('renders every page again when a cached page was changed since the last build sealed the cache', () => {
    const cached = join(cacheOf(site.contentDir), 'dist/bcb/2019-06-11/8.1/index.html');
    expect(existsSync(cached)).toBe(true);
    writeFileSync(cached, '<p>stale</p>');
    const result = buildSite(site);
    expect(result.status).toBe(0);
    expect(result.output).toContain('The cache of the last build cannot be trusted (its pages differ from those the last build left): every page is built again.');
    expect(result.output).toMatch(/ 0 of \d+ pages unchanged since the last build were copied/);
    expect(readPage(site, 'bcb/2019-06-11/8.1/')).toContain('listed every action');
  });
});
