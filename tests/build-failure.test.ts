/** A bad file fails the real build with a message that names it, and the published site is left as it was. */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE, buildSite } from './support/site.ts';

function brokenCopy(file: string, change: (text: string) => string): { contentDir: string; outDir: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'board-papers-broken-'));
  const contentDir = join(dir, 'content');
  cpSync(FIXTURE.contentDir, contentDir, { recursive: true });
  const path = join(contentDir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  // a previous good site, which a failed build must not touch
  const outDir = join(dir, 'dist');
  cpSync(FIXTURE.outDir, outDir, { recursive: true });
  return { contentDir, outDir, base: FIXTURE.base };
}

describe('a failed build', () => {
  it('stops on a content problem, names the file and field, and leaves the site alone', () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/05-fms.mdx', (text) => text.replace('item: "5.0"', 'item: "6"'));
    const before = readFileSync(join(site.outDir, 'bcb/2019-06-11/5/index.html'), 'utf8');
    const result = buildSite(site);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/content\/meetings\/bcb\/2019-06-11\/05-fms\.mdx:3 item: found "6", which is not on the agenda of bcb\/2019-06-11/);
    expect(result.output).toContain('The build failed; the site in dist/ was not changed.');
    expect(readFileSync(join(site.outDir, 'bcb/2019-06-11/5/index.html'), 'utf8')).toBe(before);
    expect(existsSync(`${site.outDir}.staging`)).toBe(false);
  });

  it('stops on an unclosed MDX tag, naming the file', () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/08-1-actions.mdx', (text) => `${text}\n<EditorialNote>never closed\n`);
    const result = buildSite(site);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('08-1-actions.mdx');
    expect(existsSync(join(site.outDir, 'bcb/2019-06-11/8.1/index.html'))).toBe(true);
  });

  it('puts back the old site when an earlier build was stopped between moving it aside and moving the new one in', () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/05-fms.mdx', (text) => text.replace('item: "5.0"', 'item: "6"'));
    renameSync(site.outDir, `${site.outDir}.previous`);
    const result = buildSite(site);
    expect(result.status).not.toBe(0);
    expect(existsSync(join(site.outDir, 'bcb/2019-06-11/5/index.html'))).toBe(true);
    expect(existsSync(`${site.outDir}.previous`)).toBe(false);
  });

  it('stops on a link to a page that does not exist, naming the page and the link', () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/08-1-actions.mdx', (text) => `${text}\nSee [the register](/board/registers/).\n`);
    const result = buildSite(site);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('bcb/2019-06-11/8.1/index.html: links to /board/registers/, which does not exist');
  });
});
