import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { contentHtml } from '#lib/text/content-html.ts';
import { UnsafeContentError } from '#lib/text/safe-content.ts';

describe('the HTML of a document’s text', () => {
  it('writes GFM column alignment as align-* classes, never as an inline style', () => {
    const html = contentHtml('| a | b | c |\n| :-- | :-: | --: |\n| 1 | 2 | 3 |\n');
    expect(html).not.toContain('style');
    const $ = load(html);
    expect($('td').map((_, cell) => $(cell).attr('class')).get()).toEqual(['align-left', 'align-center', 'align-right']);
  });

  it('writes the publisher’s note and the HTML elements content may use as elements', () => {
    const $ = load(contentHtml('<EditorialNote>Page 3 is not in the pack.</EditorialNote>\n\nThe 1<sup>st</sup> line<br />and H<sub>2</sub>O.\n'));
    const note = $('div.editorial-note[role="note"]');
    expect(note.find('strong').text()).toBe('Note from the publisher');
    expect(note.text()).toBe('Note from the publisherPage 3 is not in the pack.');
    expect($('sup').text()).toBe('st');
    expect($('sub').text()).toBe('2');
    expect($('p br')).toHaveLength(1);
  });

  it('gives each heading an id from its words, as Astro does, and keeps the footnotes’ own', () => {
    const $ = load(contentHtml('## 1. Purpose\n\n### Drugs & Alcohol\n\n### Drugs & Alcohol\n\nA note[^1].\n\n[^1]: The note.\n'));
    expect($('h2, h3').map((_, heading) => $(heading).attr('id')).get()).toEqual(['1-purpose', 'drugs--alcohol', 'drugs--alcohol-1', 'footnote-label']);
    expect($('a[data-footnote-ref]').attr('aria-describedby')).toBe('footnote-label');
  });

  it('keeps text that looks like markup as text', () => {
    const html = contentHtml('A &lt;script&gt;alert(1)&lt;/script&gt; and \\{process.exit(1)\\} in words.\n');
    expect(html).not.toContain('<script');
    expect(load(html)('p').text()).toBe('A <script>alert(1)</script> and {process.exit(1)} in words.');
  });

  it('refuses the whole text, naming the file and each line, when any of it may not be published', () => {
    const render = () => contentHtml('\n\n\nFine.\n\n<Chart />\n\n[x](javascript:alert(1))\n', 'content/meetings/bcb/2019-06-11/08-0-support.mdx');
    expect(render).toThrow(UnsafeContentError);
    expect(render).toThrow(/content\/meetings\/bcb\/2019-06-11\/08-0-support\.mdx uses what content may not[\s\S]*line 6: uses <Chart>[\s\S]*line 8: links to "javascript:alert\(1\)"/);
  });
});

/**
 * Site addresses as staff write them, with the bases a site may be served under: any depth of path, with or
 * without a trailing slash, a fragment or a query. Seeded, so a failure can be replayed.
 */
function generatedSiteLinks(count: number, seed = 5): { base: string; address: string }[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const segment = () => ['bcb', 'contact', '2019-06-11', '9', '8.1', 'decisions', 'cpcc-2017-020', 'actions', 'data', 'papers.xml'][next(10)]!;
  const bases = ['/', '/board-papers/', '/papers', '/a/b/', '/bcb/'];
  return Array.from({ length: count }, () => {
    const path = Array.from({ length: next(4) }, segment).join('/');
    const end = path === '' ? '' : ['/', '', '/#para-3.1', '/?q=x', '#appendix-1'][next(5)]!;
    return { base: bases[next(bases.length)]!, address: `/${path}${end}` };
  });
}

describe('links to the site’s own pages, written in a text', () => {
  const hrefs = (markdown: string, base?: string) => load(contentHtml(markdown, undefined, base))('a').map((_, a) => load(a)('a').attr('href')).get();

  it('follow the base path the site is served under: /contact/ under /board-papers/ is /board-papers/contact/', () => {
    expect(hrefs('See [Contact](/contact/) and [the paper](/bcb/2019-06-11/9/#para-3.1).\n', '/board-papers/')).toEqual(['/board-papers/contact/', '/board-papers/bcb/2019-06-11/9/#para-3.1']);
    expect(hrefs('See [Contact](/contact/).\n')).toEqual(['/contact/']);
  });

  it('on generated addresses and bases: each is the base followed by the address, whatever its depth, fragment or query', () => {
    for (const { base, address } of generatedSiteLinks(300)) {
      const expected = `${base.replace(/\/?$/, '/')}${address.slice(1)}`;
      expect(hrefs(`A [link](${address}) in a paragraph, and in a table:\n\n| a |\n| --- |\n| [cell](${address}) |\n`, base), `${address} under ${base}`).toEqual([expected, expected]);
    }
  });

  it('leaves links to other sites, mail, telephone and fragments of the same page as they are written', () => {
    const others = ['https://www.gov.uk/police/', 'http://example.org/a', 'mailto:opcc@example.org', 'tel:+441234567890', '#para-3.1'];
    expect(hrefs(others.map((href) => `[x](${href})`).join(' ') + '\n', '/board-papers/')).toEqual(others);
  });
});
