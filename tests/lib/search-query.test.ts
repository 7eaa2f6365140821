import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bareWord,
  MAX_ALTERNATIVES,
  MAX_FULL_SEARCHES,
  MAX_RELAXED_SEARCHES,
  RELAXED_PAGE_BUDGET,
  STOP_WORDS,
  describePlan,
  fullSearches,
  missingConcepts,
  normaliseWord,
  pagesFound,
  planSearch,
  rankPages,
  relaxedSearches,
  searchGlossary,
  textFragment,
  withTextFragment,
  type SearchRun,
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
    expect(planSearch('MTFS', GLOSSARY).concepts[0]!.alternatives).toEqual(['MTFS', '"Medium Term Financial Strategy"']);
    expect(planSearch('Medium Term Financial Strategy', GLOSSARY).concepts[0]!.alternatives).toEqual(['"Medium Term Financial Strategy"', 'MTFS']);
    expect(planSearch('budget plan', GLOSSARY).concepts[0]!.alternatives).toEqual(['"budget plan"', 'MTFS']);
    expect(planSearch('precept', GLOSSARY).concepts[0]!.alternatives).toEqual(['precept', '"council tax"']);
  });
  it('matches the glossary whatever the case, plural or punctuation', () => {
    expect(planSearch('Special Constable?', GLOSSARY).concepts.map((concept) => concept.alternatives)).toEqual([['"Special Constable"', 'specials']]);
    expect(planSearch('specials', GLOSSARY).concepts.map((concept) => concept.alternatives)).toEqual([['specials', '"special constables"']]);
  });
  it('keeps a phrase in quotes exact, even of glossary words or common words', () => {
    const plan = planSearch('"the council tax" police', GLOSSARY);
    expect(plan.concepts[0]).toEqual({ typed: 'the council tax', alternatives: ['"the council tax"'], exact: true });
    expect(plan.leftOut).toEqual([]);
  });
  it('searches a query of nothing but common words as it is', () => {
    const plan = planSearch('how much', GLOSSARY);
    expect(plan.concepts.map((concept) => concept.typed)).toEqual(['how', 'much']);
    expect(plan.leftOut).toEqual([]);
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
  it('counts the pages of every word of every way of writing every concept, once each, and writes each concept as typed first', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const plan = planSearch(query, GLOSSARY);
        for (const concept of plan.concepts) {
          expect(concept.alternatives.length).toBeLessThanOrEqual(MAX_ALTERNATIVES);
          expect(concept.alternatives[0]!.replace(/^"|"$/g, '')).toBe(concept.typed);
          for (const alternative of concept.alternatives) for (const word of alternative.replace(/"/g, '').split(' ')) expect(plan.words).toContain(bareWord(word).toLowerCase());
        }
        expect(new Set(plan.words).size).toBe(plan.words.length);
      }),
    );
  });
});

/** how many pages hold each word: any count, 0 meaning no page */
const countsFor = (words: readonly string[]) =>
  fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 })), { minLength: words.length, maxLength: words.length }).map((values) => new Map(words.map((word, index) => [word, values[index]!])));

describe('the searches', () => {
  it('search every concept that some page holds together, the words as typed first, and never a word no page holds', () => {
    fc.assert(
      fc.property(
        queries.chain((query) => {
          const plan = planSearch(query, GLOSSARY);
          return fc.tuple(fc.constant(plan), countsFor(plan.words));
        }),
        ([plan, counts]) => {
          const searches = fullSearches(plan, counts);
          const missing = missingConcepts(plan, counts);
          expect(searches.length).toBeLessThanOrEqual(MAX_FULL_SEARCHES);
          expect(searches.length === 0).toBe(missing.length === plan.concepts.length);
          for (const search of searches) {
            expect(search.holds.length).toBe(plan.concepts.length - missing.length);
            for (const word of search.query.replace(/"/g, '').split(' ')) expect(counts.get(bareWord(word).toLowerCase()), search.query).toBeGreaterThan(0);
          }
          const relaxed = relaxedSearches(plan, counts).flat();
          expect(relaxed.length).toBeLessThanOrEqual(MAX_RELAXED_SEARCHES);
          // the pages they may score, each bounded by its rarest word's, stay within the budget
          const rarest = (query: string) => Math.min(...query.replace(/"/g, '').split(' ').map((word) => counts.get(bareWord(word).toLowerCase())!));
          expect(relaxed.reduce((sum, search) => sum + rarest(search.query), 0)).toBeLessThanOrEqual(RELAXED_PAGE_BUDGET);
          for (const search of relaxed) {
            expect(search.holds.length).toBeLessThan(plan.concepts.length - missing.length);
            for (const word of search.query.replace(/"/g, '').split(' ')) expect(counts.get(bareWord(word).toLowerCase())).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
  it('try the subsets of the rarest words first, all but one concept before all but two', () => {
    const plan = planSearch('police sickness levels');
    const counts = new Map([['police', 9000], ['sickness', 12], ['levels', 400]]);
    expect(fullSearches(plan, counts)).toEqual([{ query: 'police sickness levels', holds: [0, 1, 2] }]);
    expect(relaxedSearches(plan, counts)).toEqual([
      [{ query: 'sickness levels', holds: [1, 2] }, { query: 'police sickness', holds: [0, 1] }, { query: 'police levels', holds: [0, 2] }],
      [{ query: 'sickness', holds: [1] }, { query: 'levels', holds: [2] }],
    ]);
    // "police" alone would score 9,000 pages: past the budget
  });
  it('search a concept by the papers’ term when no page holds the public’s words, and say which word no page holds', () => {
    const plan = planSearch('rainy day fund zzqx', GLOSSARY);
    const counts = new Map([['rainy', 0], ['day', 30], ['fund', 20], ['general', 40], ['reserve', 10], ['zzqx', 0]]);
    expect(fullSearches(plan, counts)).toEqual([{ query: '"general reserve"', holds: [0] }]);
    expect(missingConcepts(plan, counts).map((concept) => concept.typed)).toEqual(['zzqx']);
    const ranked = rankPages([{ query: '"general reserve"', holds: [0], pages: [{ id: 'a', score: 1 }] }]);
    expect(describePlan(plan, counts, ranked)).toEqual([
      'Also searched for “general reserve” (for “rainy day fund”).',
      'No page holds “zzqx”.',
      'No page has all of “rainy day fund” and “zzqx”; the pages with the most of them come first.',
    ]);
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
  it('searches a public word shared by several terms as the shortest term', () => {
    const glossary = searchGlossary([
      { term: 'precept', publicWords: ['council tax', 'police tax'] },
      { term: 'Band D', publicWords: ['council tax', 'council tax bill'] },
      { term: 'council tax base', publicWords: ['council tax'] },
    ].reverse());
    expect(planSearch('council tax', glossary).concepts[0]!.alternatives).toEqual(['"council tax"', 'precept']);
    expect(planSearch('police tax', glossary).concepts[0]!.alternatives).toEqual(['"police tax"', 'precept']);
  });
});

/** runs holding one to three concepts, each finding a random subset of ten pages with random scores */
const runs = fc.array(
  fc.record({
    query: fc.constantFrom('a', 'b', 'c', 'd'),
    holds: fc.subarray([0, 1, 2], { minLength: 1 }),
    pages: fc.uniqueArray(fc.record({ id: fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'), score: fc.double({ min: 0, max: 10, noNaN: true }) }), { selector: (page) => page.id }),
  }),
  { maxLength: 6 },
);

describe('ranking the pages found', () => {
  it('lists every page found once, those holding more of the concepts first, then the better scored', () => {
    fc.assert(
      fc.property(runs, (found: SearchRun[]) => {
        const ranked = rankPages(found);
        expect(ranked.length).toBe(pagesFound(found));
        for (let index = 1; index < ranked.length; index++) {
          const [before, after] = [ranked[index - 1]!, ranked[index]!];
          expect(before.matched > after.matched || (before.matched === after.matched && before.score >= after.score)).toBe(true);
        }
      }),
    );
  });
  it('counts for a page the most concepts any search that found it held, and stands for it by such a search', () => {
    fc.assert(
      fc.property(runs, (found: SearchRun[]) => {
        for (const page of rankPages(found)) {
          const finding = found.filter((run) => run.pages.some((other) => other.id === page.id));
          expect(page.matched).toBe(Math.max(...finding.map((run) => run.holds.length)));
          expect(finding.some((run) => run.query === page.query && run.holds.length === page.matched)).toBe(true);
        }
      }),
    );
  });
  it('orders pages holding as many concepts by the order given, such as newest first', () => {
    const found = [{ query: 'police', holds: [0], pages: [{ id: 'old', score: 9 }, { id: 'new', score: 1 }] }];
    expect(rankPages(found).map((page) => page.id)).toEqual(['old', 'new']);
    expect(rankPages(found, new Map([['new', 0], ['old', 1]])).map((page) => page.id)).toEqual(['new', 'old']);
  });
  it('ranks a page found by both the public’s words and the papers’ term above one found by either alone, at equal scores', () => {
    const found = [
      { query: '"rainy day fund"', holds: [0], pages: [{ id: 'both', score: 1 }, { id: 'public', score: 1.5 }] },
      { query: '"general reserve"', holds: [0], pages: [{ id: 'both', score: 1 }, { id: 'papers', score: 1.5 }] },
    ];
    expect(rankPages(found)[0]!.id).toBe('both');
  });
});

describe('what the reader is told', () => {
  const plan = planSearch('how much council tax goes to the police', GLOSSARY);
  const counts = new Map([['council', 5], ['tax', 5], ['precept', 3], ['police', 40]]);
  it('names the papers’ terms searched for their words and the words left out', () => {
    const notes = describePlan(plan, counts, [{ id: 'a', matched: 2, score: 1, query: 'x' }]);
    expect(notes).toEqual(['Also searched for “precept” (for “council tax”).', 'Left out as too common: “how”, “much”, “goes”, “to” and “the”.']);
  });
  it('says plainly when no page has all the words', () => {
    expect(describePlan(plan, counts, [{ id: 'a', matched: 1, score: 1, query: 'police' }])).toContain('No page has all of “council tax” and “police”; the pages with the most of them come first.');
    expect(describePlan(plan, counts, [{ id: 'a', matched: 2, score: 1, query: 'x' }]).join(' ')).not.toMatch(/No page/);
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
