/** The glossary on the texts: first uses explained where they stand, and what a text uses. */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { documentsUsingTerms, explainFirstUses, termAnchor, termsUsedIn } from '#lib/text/glossary.ts';
import { glossaryTermSchema, type GlossaryTerm } from '#lib/model/schema.ts';

const term = (fields: Partial<GlossaryTerm> & { term: string }): GlossaryTerm =>
  glossaryTermSchema.parse({ explanation: `What ${fields.term} means.`, publicWords: [], ...fields });

const TERMS = [
  term({ term: 'MTFS', expansion: 'Medium Term Financial Strategy', alsoWritten: ['Medium-Term Financial Strategy'] }),
  term({ term: 'PCC', expansion: 'Police and Crime Commissioner' }),
  term({ term: 'OPCC', expansion: 'Office of the Police and Crime Commissioner' }),
  term({ term: 'precept' }),
  term({ term: 'Band D' }),
  term({ term: 'special constable', alsoWritten: ['specials'] }),
];
const HREF = '/glossary/';

/** The HTML with every explanation taken away again: what must equal the input, byte for byte. */
const withoutExplanations = (html: string) => html.replace(/<a class="glossary-term" href="[^"]*">(?:<abbr title="[^"]*">)?([^<]*)(?:<\/abbr>)?<\/a>/g, '$1');

describe('explaining the first use of each term', () => {
  it('links the first use of an abbreviation to its entry, with its expansion as the abbreviation’s title', () => {
    const html = explainFirstUses('<p>The MTFS sets the budget. The MTFS is reviewed.</p>', TERMS, HREF);
    expect(html).toBe('<p>The <a class="glossary-term" href="/glossary/#mtfs"><abbr title="Medium Term Financial Strategy">MTFS</abbr></a> sets the budget. The MTFS is reviewed.</p>');
  });
  it('links a word term in whatever case it is written, and a plural', () => {
    expect(explainFirstUses('<p>Precepts rose; the precept is set.</p>', TERMS, HREF)).toBe('<p><a class="glossary-term" href="/glossary/#precept">Precepts</a> rose; the precept is set.</p>');
    expect(explainFirstUses('<p>the Special\nConstable</p>', TERMS, HREF)).toContain('<a class="glossary-term" href="/glossary/#special-constable">Special\nConstable</a>');
  });
  it('matches capitals only in capitals, and whole words only', () => {
    expect(explainFirstUses('<p>The pcc, CPCC 2017-020, OPCCs and PCCs.</p>', TERMS, HREF)).toBe(
      '<p>The pcc, CPCC 2017-020, <a class="glossary-term" href="/glossary/#opcc"><abbr title="Office of the Police and Crime Commissioner">OPCCs</abbr></a> and <a class="glossary-term" href="/glossary/#pcc"><abbr title="Police and Crime Commissioner">PCCs</abbr></a>.</p>',
    );
  });
  it('explains a term where it is written out without an abbreviation’s title', () => {
    expect(explainFirstUses('<p>The Medium-Term Financial Strategy</p>', TERMS, HREF)).toBe('<p>The <a class="glossary-term" href="/glossary/#mtfs">Medium-Term Financial Strategy</a></p>');
  });
  it('never explains inside a link, code, a heading or a table header, and explains the next use instead', () => {
    const html = '<h2 id="mtfs">MTFS</h2><p><a href="/x/">the MTFS</a> <code>MTFS</code></p><table><tr><th>MTFS</th></tr><tr><td>MTFS</td></tr></table>';
    expect(explainFirstUses(html, TERMS, HREF)).toBe(html.replace('<td>MTFS</td>', '<td><a class="glossary-term" href="/glossary/#mtfs"><abbr title="Medium Term Financial Strategy">MTFS</abbr></a></td>'));
  });
  it('never finds a term inside a character reference, nor across one', () => {
    const terms = [term({ term: 'amp' }), term({ term: 'Police and Crime' })];
    const html = '<p>Fish &amp; chips; Police&nbsp;and Crime</p>';
    expect(explainFirstUses(html, terms, HREF)).toBe(html);
  });
  it('leaves a text without terms, or a glossary without terms, as it was', () => {
    expect(explainFirstUses('<p>Nothing to see.</p>', TERMS, HREF)).toBe('<p>Nothing to see.</p>');
    expect(explainFirstUses('<p>The MTFS.</p>', [], HREF)).toBe('<p>The MTFS.</p>');
  });

  // Generated texts: words, terms in every form, character references and elements, at random.
  const WORDS = ['the', 'MTFS', 'mtfs', 'Medium-Term Financial Strategy', 'precept', 'PRECEPT', 'Band D', 'band d', 'specials', 'OPCC', 'PCC', 'CPCC', '&amp;', '&nbsp;', '2019', '£222.66', 'Panel', 'PCCs'];
  const WRAPS = [['<p>', '</p>'], ['<a href="/a/">', '</a>'], ['<h3 id="h">', '</h3>'], ['<code>', '</code>'], ['<th>', '</th>'], ['<td>', '</td>'], ['<em>', '</em>'], ['<li>', '</li>']];
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const generated = Array.from({ length: 300 }, (_, index) => {
    const next = random(index + 1);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    return Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
      const [open, close] = pick(WRAPS);
      return `${open}${Array.from({ length: 1 + Math.floor(next() * 8) }, () => pick(WORDS)).join(pick([' ', ', ', '\n']))}${close}`;
    }).join('');
  });
  const explanations = (html: string) => [...html.matchAll(/<a class="glossary-term" href="[^"#]*#([^"]+)">/g)].map((match) => match[1]!);
  const nestedInside = (html: string) => {
    const bad: string[] = [];
    const walk = (nodes: ReturnType<typeof parseDocument>['children'], ancestors: string[]) => {
      for (const node of nodes) {
        if (node.type !== 'tag') continue;
        if (node.attribs.class === 'glossary-term') bad.push(...ancestors.filter((name) => ['a', 'code', 'th', 'h3', 'abbr'].includes(name)));
        walk(node.children, [...ancestors, node.name]);
      }
    };
    walk(parseDocument(html).children, []);
    return bad;
  };
  it('on generated texts: only the explanations are added, each term once, never inside a link, code, heading or header cell', () => {
    for (const html of generated) {
      const output = explainFirstUses(html, TERMS, HREF);
      expect(withoutExplanations(output)).toBe(html);
      const anchors = explanations(output);
      expect(new Set(anchors).size).toBe(anchors.length);
      expect(nestedInside(output)).toEqual([]);
      // every term the text explains is one the text uses
      const used = new Set(termsUsedIn(html.replace(/&[a-z]+;/g, ' '), TERMS).map((each) => termAnchor(each.term)));
      for (const anchor of anchors) expect(used).toContain(anchor);
    }
  });
  it('on generated texts: explaining twice changes nothing more', () => {
    for (const html of generated.slice(0, 100)) {
      const once = explainFirstUses(html, TERMS, HREF);
      expect(explainFirstUses(once, TERMS, HREF)).toBe(once);
    }
  });
});

describe('the terms a text uses', () => {
  it('finds each term by any of its forms, in the glossary’s order', () => {
    expect(termsUsedIn('The Medium-Term Financial Strategy and the special constables; Band D.', TERMS).map((each) => each.term)).toEqual(['MTFS', 'Band D', 'special constable']);
  });
  it('does not take part of a word or an identifier for a term', () => {
    expect(termsUsedIn('CPCC 2017-020 preceptor MTFSx', TERMS)).toEqual([]);
  });
});

describe('a term’s anchor', () => {
  it('is the term in lower case with hyphens', () => {
    expect(termAnchor('MTFS')).toBe('mtfs');
    expect(termAnchor('Band D')).toBe('band-d');
    expect(termAnchor('S151')).toBe('s151');
    expect(termAnchor('revenue / capital')).toBe('revenue-capital');
  });
});

describe('the documents that use each term', () => {
  it('lists each term’s documents in the order given, and none for a term no document uses', () => {
    const documents = [{ path: 'a', text: 'The precept and the MTFS.' }, { path: 'b', text: 'Nothing.' }, { path: 'c', text: 'Specials on patrol; the precept.' }];
    const uses = documentsUsingTerms(documents, TERMS);
    expect(TERMS.map((each) => [each.term, uses.get(each)!.map((document) => document.path)])).toEqual([
      ['MTFS', ['a']],
      ['PCC', []],
      ['OPCC', []],
      ['precept', ['a', 'c']],
      ['Band D', []],
      ['special constable', ['c']],
    ]);
  });
});
