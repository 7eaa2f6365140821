import { describe, expect, it } from 'vitest';
import { brokenLinks, internalLinksInText } from '#lib/check/link-check.ts';

const files = new Set(['index.html', 'bcb/index.html', 'bcb/2019-06-11/index.html', 'search.js', 'feeds/papers.xml']);
const exists = (path: string) => files.has(path);

describe('internal links', () => {
  it('accepts links to pages and files that exist, with fragments and queries', () => {
    const html = '<a href="/p/bcb/">x</a><a href="/p/bcb/2019-06-11/#item-5">y</a><script src="/p/search.js"></script><a href="/p/feeds/papers.xml?x=1">z</a><a href="/p/">home</a>';
    expect(brokenLinks('bcb/index.html', html, '/p/', exists)).toEqual([]);
  });
  it('ignores other sites, mail and fragments of the same page', () => {
    expect(brokenLinks('index.html', '<a href="https://example.org/x">a</a><a href="mailto:a@b">b</a><a href="#main">c</a>', '/p/', exists)).toEqual([]);
  });
  it('reports a link to a page that does not exist', () => {
    expect(brokenLinks('bcb/index.html', '<a href="/p/bcb/2019-06-12/">x</a>', '/p/', exists)).toEqual([{ page: 'bcb/index.html', href: '/p/bcb/2019-06-12/' }]);
  });
  it('reports a root link that forgets the base path', () => {
    expect(brokenLinks('bcb/index.html', '<a href="/bcb/">x</a>', '/p/', exists)).toEqual([{ page: 'bcb/index.html', href: '/bcb/' }]);
  });
  it('resolves relative links against the page', () => {
    expect(brokenLinks('bcb/2019-06-11/index.html', '<a href="../">up</a><a href="missing/">m</a>', '/p/', exists)).toEqual([{ page: 'bcb/2019-06-11/index.html', href: 'missing/' }]);
  });
  it('finds the site links written in content, with their lines', () => {
    expect(internalLinksInText('Text\nSee [the paper](/bcb/2019-06-11/9/) and [GOV.UK](https://www.gov.uk).\n<a href="/decisions/">register</a>')).toEqual([
      { href: '/bcb/2019-06-11/9/', line: 2 },
      { href: '/decisions/', line: 3 },
    ]);
  });
});
