import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ENOUGH_RESULTS,
  bareWord,
  MAX_ALTERNATIVES,
  STOP_WORDS,
  describePlan,
  normaliseWord,
  planSearch,
  rankPages,
  searchGlossary,
  textFragment,
  withTextFragment,
  type FoundPage,
} from '#lib/outputs/search-query.ts';

const GLOSSARY = searchGlossary([
  { term: 'precept', publicWords: ['council tax'] },
  { term: 'general reserve', publicWords: ['rainy day fund'] },
  { term: 'MTFS', expansion: 'Medium Term Financial Strategy', publicWords: ['budget plan'], alsoWritten: ['Medium-Term Financial Strategy'] },
  { term: 'special constables', publicWords: ['specials'] },
]);

const MEANINGFUL = ['police', 'tax?', '(budget)', '–', 'sickness', 'violence', 'reserve', 'budget', 'custody', '2019', 'Band', '£222.66', 'S151', 'CPCC', '2017-020'];
const STOPS = ['how', 'much', 'the', 'goes', 'to', 'of', 'what', 'is'];
const GLOSSED = ['council tax', 'rainy day fund', 'MTFS', 'specials', 'precept', 'general reserve'];
/** queries of meaningful words, common words, glossary phrases and quoted phrases, in any order */
const queries = fc
  .array(
    fc.oneof(
      fc.constantFrom(...MEANINGFUL),
      fc.constantFrom(...STOPS),
      fc.constantFrom(...GLOSSED),
      fc.array(fc.constantFrom(...MEANINGFUL, ...STOPS), { minLength: 1, maxLength: 3 }).map((words) => `"${words.join(' ')}"`),
    ),
    { minLength: 1, maxLength: 7 },
  )
  .map((parts) => parts.join(' '));

describe('reading a query', () => {
  it('leaves out the words that carry no meaning and keeps the rest, in order', () => {
    const plan = planSearch('how much council tax goes to the police', GLOSSARY);
    expect(plan.leftOut).toEqual(['how', 'much', 'goes', 'to', 'the']);
    expect(plan.concepts.map((concept) => concept.typed)).toEqual(['council tax', 'police']);
  });
  it('searches a public phrase also as the papers’ term, and a term also as its expansion and public words', () => {
    expect(planSearch('rainy day fund', GLOSSARY).concepts[0]!.alternatives).toEqual(['"rainy day fund"', '"general reserve"']);
    expect(planSearch('MTFS', GLOSSARY).concepts[0]!.alternatives).toEqual(['MTFS', '"Medium Term Financial Strategy"', '"Medium-Term Financial Strategy"', '"budget plan"']);
    expect(planSearch('precept', GLOSSARY).searches).toEqual(['precept', '"council tax"']);
  });
  it('matches the glossary whatever the case, plural or punctuation', () => {
    expect(planSearch('Special Constable?', GLOSSARY).concepts.map((concept) => concept.alternatives)).toEqual([['"Special Constable"', 'specials']]);
  });
  it('keeps a phrase in quotes exact, even of glossary words or common words', () => {
    const plan = planSearch('"the council tax" police', GLOSSARY);
    expect(plan.concepts[0]).toEqual({ typed: 'the council tax', alternatives: ['"the council tax"'], exact: true });
    expect(plan.leftOut).toEqual([]);
  });
  it('searches a query of nothing but common words as it is', () => {
    const plan = planSearch('how much', GLOSSARY);
    expect(plan.searches).toEqual(['how', 'much']);
    expect(plan.together).toBe('how much');
  });
  it('accounts for every word typed, once: in a concept or left out', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const plan = planSearch(query, GLOSSARY);
        const typed = query.replace(/"/g, ' ').split(/\s+/).map(bareWord).filter(Boolean);
        const accounted = [...plan.concepts.flatMap((concept) => concept.typed.split(' ')), ...plan.leftOut];
        expect(accounted.sort()).toEqual(typed.sort());
        for (const word of plan.leftOut) expect(STOP_WORDS.has(normaliseWord(word)) || STOP_WORDS.has(word.toLowerCase())).toBe(true);
      }),
    );
  });
  it('searches each way of writing each concept alone, once, the words as typed first, and all of them together when there are several', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const plan = planSearch(query, GLOSSARY);
        // nothing to search only when nothing but punctuation was typed
        expect(plan.searches.length > 0).toBe(plan.concepts.length > 0);
        for (const concept of plan.concepts) {
          expect(concept.alternatives.length).toBeLessThanOrEqual(MAX_ALTERNATIVES);
          expect(concept.alternatives[0]!.replace(/^"|"$/g, '')).toBe(concept.typed);
        }
        expect(new Set(plan.searches)).toEqual(new Set(plan.concepts.flatMap((concept) => concept.alternatives)));
        expect(new Set(plan.searches).size).toBe(plan.searches.length);
        expect(plan.together).toBe(plan.concepts.length > 1 ? plan.concepts.map((concept) => concept.typed).join(' ') : undefined);
      }),
    );
  });
});

describe('the glossary as search reads it', () => {
  it('groups each term with its expansion, other forms and public words, once each', () => {
    expect(searchGlossary([{ term: 'MTFS', expansion: 'Medium Term Financial Strategy', publicWords: ['budget plan', 'Budget plans'] }])).toEqual([
      ['MTFS', 'Medium Term Financial Strategy', 'budget plan'],
    ]);
  });
  it('leaves out a term with nothing to search it as', () => {
    expect(searchGlossary([{ term: 'quorum', publicWords: [] }])).toEqual([]);
  });
  it('searches a public word shared by several terms as each term before any term’s other public words', () => {
    const glossary = searchGlossary([
      { term: 'precept', publicWords: ['council tax', 'police tax'] },
      { term: 'Band D', publicWords: ['council tax', 'council tax bill'] },
      { term: 'council tax base', publicWords: ['council tax'] },
    ]);
    expect(planSearch('council tax', glossary).concepts[0]!.alternatives).toEqual(['"council tax"', 'precept', '"Band D"', '"council tax base"']);
  });
});

/** found pages for every query of a plan: each query finds a random subset of ten pages */
function foundFor(queries: readonly string[]) {
  const pages = fc.subarray(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
  return fc.tuple(...queries.map(() => fc.tuple(pages, fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 10, maxLength: 10 })))).map(
    (sets) => new Map(queries.map((query, index) => [query, sets[index]![0].map((id, n) => ({ id, score: sets[index]![1][n]! }))] as [string, FoundPage[]])),
  );
}

describe('ranking the pages found', () => {
  const plan = planSearch('rainy day fund police sickness', GLOSSARY);
  const allQueries = [...plan.searches, plan.together!];
  const holding = (found: Map<string, FoundPage[]>, id: string) =>
    plan.concepts.filter((concept) => concept.alternatives.some((query) => found.get(query)?.some((page) => page.id === id))).length;

  it('puts the pages with more of the concepts first, then the better scored, each once', () => {
    fc.assert(
      fc.property(foundFor(allQueries), (found) => {
        const ranked = rankPages(plan, found);
        expect(new Set(ranked.map((page) => page.id)).size).toBe(ranked.length);
        for (let index = 1; index < ranked.length; index++) {
          const [before, after] = [ranked[index - 1]!, ranked[index]!];
          expect(before.matched > after.matched || (before.matched === after.matched && before.score >= after.score)).toBe(true);
        }
      }),
    );
  });
  it('counts the concepts whose searches found a page, whatever the search of them all together found', () => {
    fc.assert(
      fc.property(foundFor(allQueries), (found) => {
        for (const page of rankPages(plan, found)) {
          expect(page.matched).toBe(holding(found, page.id));
          expect(found.get(page.query)?.some((other) => other.id === page.id)).toBe(true);
          if (page.query === plan.together) expect(page.matched).toBe(plan.concepts.length);
        }
      }),
    );
  });
  it('shows the pages with some of the concepts only when too few have them all', () => {
    fc.assert(
      fc.property(foundFor(allQueries), (found) => {
        const ids = new Set(plan.searches.flatMap((query) => (found.get(query) ?? []).map((page) => page.id)));
        const all = [...ids].filter((id) => holding(found, id) === plan.concepts.length);
        const ranked = rankPages(plan, found);
        expect(ranked.length).toBe(all.length >= ENOUGH_RESULTS ? all.length : ids.size);
      }),
    );
  });
  it('orders pages with as many concepts by the order given, such as newest first', () => {
    const single = planSearch('police');
    const found = new Map([['police', [{ id: 'old', score: 9 }, { id: 'new', score: 1 }]]]);
    expect(rankPages(single, found).map((page) => page.id)).toEqual(['old', 'new']);
    expect(rankPages(single, found, new Map([['new', 0], ['old', 1]])).map((page) => page.id)).toEqual(['new', 'old']);
  });
  it('ranks a page holding both the public’s words and the papers’ term above one holding either alone, at equal scores', () => {
    const term = planSearch('rainy day fund', GLOSSARY);
    const found = new Map([
      ['"rainy day fund"', [{ id: 'both', score: 1 }, { id: 'public', score: 1 }]],
      ['"general reserve"', [{ id: 'both', score: 1 }, { id: 'papers', score: 1 }]],
    ]);
    expect(rankPages(term, found)[0]!.id).toBe('both');
  });
});

describe('what the reader is told', () => {
  const plan = planSearch('how much council tax goes to the police', GLOSSARY);
  it('names the papers’ terms searched for their words and the words left out', () => {
    const notes = describePlan(plan, [{ id: 'a', matched: 2, score: 1, query: plan.searches[0]! }]);
    expect(notes).toContain('Also searched for “precept” (for “council tax”).');
    expect(notes).toContain('Left out as too common: “how”, “much”, “goes”, “to” and “the”.');
  });
  it('says plainly when no page has all the words', () => {
    expect(describePlan(plan, [{ id: 'a', matched: 1, score: 1, query: 'police' }])).toContain('No page has all of “council tax” and “police”; the pages with the most of them come first.');
    expect(describePlan(plan, [{ id: 'a', matched: 2, score: 1, query: 'x' }, { id: 'b', matched: 1, score: 1, query: 'x' }])).toContain('One page has all of your words; the others have some of them.');
    expect(describePlan(plan, [{ id: 'a', matched: 2, score: 1, query: 'x' }]).join(' ')).not.toMatch(/No page|some of them/);
  });
});

describe('a text fragment of the matched words', () => {
  it('runs from the first marked word to the last one near it, with the directive’s punctuation escaped', () => {
    const parts = [
      { text: 'The Band D ', marked: false },
      { text: 'precept', marked: true },
      { text: ' of £222.66 - an increase, for ', marked: false },
      { text: 'council', marked: true },
      { text: ' tax & more', marked: false },
    ];
    expect(textFragment(parts)).toBe(':~:text=precept%20of%20%C2%A3222.66%20%2D%20an%20increase%2C%20for%20council');
    expect(textFragment([{ text: 'the ', marked: false }, { text: 'precept.', marked: true }])).toBe(':~:text=precept');
    expect(textFragment(parts, 3)).toBe(':~:text=precept');
  });
  it('stops at the end of a sentence, where Pagefind may have joined two table cells', () => {
    expect(textFragment([{ text: 'Violence', marked: true }, { text: ' with Injury. Comparable. ', marked: false }, { text: 'Violence', marked: true }])).toBe(':~:text=Violence');
  });
  it('is empty when nothing is marked, and never runs across an ellipsis', () => {
    expect(textFragment([{ text: 'nothing here', marked: false }])).toBe('');
    expect(textFragment([{ text: 'reserve', marked: true }, { text: ' was set … the ', marked: false }, { text: 'reserve', marked: true }])).toBe(':~:text=reserve');
  });
  it('is a run of the excerpt’s own words that starts and ends with a marked word, for any excerpt', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9£.,&-]{1,8}$/);
    const parts = fc.array(fc.record({ text: fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => ` ${words.join(' ')} `), marked: fc.boolean() }), { maxLength: 8 });
    fc.assert(
      fc.property(parts, (excerpt) => {
        const fragment = textFragment(excerpt);
        if (!excerpt.some((part) => part.marked && /[\p{L}\p{N}]/u.test(part.text))) return;
        if (fragment === '') return;
        expect(fragment).toMatch(/^:~:text=[^-,&\s]+$/);
        const text = decodeURIComponent(fragment.slice(':~:text='.length));
        const flat = excerpt.map((part) => part.text).join('').replace(/\s+/g, ' ');
        expect(flat).toContain(text);
      }),
    );
  });
  it('goes after the section’s own anchor, or after a bare “#”', () => {
    expect(withTextFragment('/bcb/2019-06-11/6/#12-reserves', ':~:text=reserve')).toBe('/bcb/2019-06-11/6/#12-reserves:~:text=reserve');
    expect(withTextFragment('/bcb/2019-06-11/6/', ':~:text=reserve')).toBe('/bcb/2019-06-11/6/#:~:text=reserve');
    expect(withTextFragment('/bcb/2019-06-11/6/', '')).toBe('/bcb/2019-06-11/6/');
  });
});
