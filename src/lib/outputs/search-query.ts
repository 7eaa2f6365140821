/**
 * Longer than 300 lines on purpose: the browser loads this module whole as /search-query.js, so the plan it
 * runs is one file, the same one the unit tests read.
 *
 * Search in the public's words: how the search page turns what a reader typed into Pagefind searches, and
 * how it ranks the pages those searches find. Pure functions; public/search.js runs the plan in the
 * browser with Pagefind and shows the result.
 *
 * A query is read as concepts: a phrase in quotes (searched exactly), a run of words the glossary knows
 * ("council tax", searched also as the papers' terms: "precept", "Band D"), or a single word. Words that
 * carry no meaning ("how", "the") are left out. Pagefind requires every word of a query but silently drops
 * a word that no page holds, so the page first counts the pages holding each word (a search that a filter
 * leaves empty returns the count and costs little), then searches every concept together, once for each
 * way of writing them that some page holds; when that finds too little, it searches the best subsets of the
 * concepts (those of the rarest words first), and pages holding more of the concepts rank first.
 */

import type { GlossaryTerm } from '#lib/model/schema.ts';

/** The fields of a glossary term that search reads. */
export type SearchGlossaryTerm = Pick<GlossaryTerm, 'term' | 'expansion' | 'publicWords'> & { alsoWritten?: readonly string[] };

/**
 * Words that carry no meaning in a question: left out of the search unless the query holds nothing else.
 * Question words, articles, pronouns, prepositions and the commonest verbs.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor of to in on at for by with from about into onto over under after before between during since until ' +
    'is are was were be been being am do does did done doing has have had having get gets got goes go going went gone come comes came ' +
    'how much many what which who whom whose when where why there here their theirs they them it its this that these those ' +
    'i me my mine we us our ours you your yours he him his she her hers ' +
    'can could should would will shall may might must any some all each every not no yes than then as if so up out per very ' +
    'tell show find know want please give gives given make made also just only still ever'
  ).split(' '),
);

/**
 * The most ways of writing one concept that are searched: the words as typed, then the glossary's first
 * form for them. Each word searched costs its part of the index, about 270 KB at 10,000 documents (a search
 * of three common words downloads about 1 MB in all): a third form, such as "Band D" for "council tax", cost
 * half as much again as the whole search.
 */
export const MAX_ALTERNATIVES = 2;
/** Fewer pages than this with every concept, and the best subsets of the concepts are searched too. */
export const ENOUGH_RESULTS = 5;
/** The most searches of every concept together (each a choice of one way of writing each concept). */
export const MAX_FULL_SEARCHES = 3;
/** The most searches of subsets of the concepts, when every concept together finds too little. */
export const MAX_RELAXED_SEARCHES = 10;
/**
 * The most pages that the searches of subsets may score in all, estimated by each subset's rarest concept:
 * Pagefind's time goes on scoring the pages a search finds, so a subset of words that most pages hold is
 * left out once the budget is spent (the pages holding only common words say little about a question).
 */
export const RELAXED_PAGE_BUDGET = 3000;

export interface Concept {
  /** what the reader typed for it */
  typed: string;
  /** the Pagefind queries that find it: the typed words first, then the glossary's other forms */
  alternatives: string[];
  /** a phrase in quotes, searched exactly */
  exact: boolean;
}

export interface SearchPlan {
  /** the concepts searched for, in the order typed */
  concepts: Concept[];
  /** the words left out as carrying no meaning, in the order typed */
  leftOut: string[];
  /** the words whose pages are counted first, lower case, once each: every word of every way of writing a concept */
  words: string[];
}

/** One Pagefind search of a plan, and which of its concepts (by their index) a page it finds holds. */
export interface PlannedSearch {
  query: string;
  holds: number[];
}

/** A word without the punctuation around it ("tax?" → "tax", but "£222.66" and "10%" whole). */
export function bareWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}£$]+|[^\p{L}\p{N}%]+$/gu, '');
}

/** A word as it is compared: lower case, bare, without a plural or possessive "s". */
export function normaliseWord(word: string): string {
  const bare = bareWord(word.toLowerCase().replace(/[’']s$/u, ''));
  return bare.length > 3 && bare.endsWith('s') && !bare.endsWith('ss') ? bare.slice(0, -1) : bare;
}

/** The words of a text, bare, leaving out what is only punctuation. */
function words(text: string): string[] {
  return text
    .split(/\s+/u)
    .map(bareWord)
    .filter((word) => word !== '');
}

/**
 * The glossary as search reads it: groups of phrases that mean the same, one for each term: the term, its
 * expansion, the other forms the papers print and the public's words. This is what the search page
 * downloads (src/pages/search-glossary.json.ts), as data.
 */
export function searchGlossary(terms: readonly SearchGlossaryTerm[]): string[][] {
  return terms
    .map((term) => {
      const phrases = [term.term, term.expansion, ...(term.alsoWritten ?? []), ...term.publicWords].filter((phrase): phrase is string => !!phrase?.trim());
      const seen = new Set<string>();
      return phrases
        .map((phrase) => words(phrase).join(' '))
        .filter((phrase) => {
          const key = phraseKey(phrase);
          if (key === '' || seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    })
    .filter((group) => group.length > 1);
}

/** A Pagefind query for a phrase: one word as it is, more than one as an exact phrase (Pagefind searches a query in quotes exactly). */
function pagefindQuery(phrase: string): string {
  return words(phrase).length > 1 ? `"${phrase}"` : phrase;
}

/** A phrase's words as they are compared, as one string. */
function phraseKey(phrase: string): string {
  return words(phrase).map(normaliseWord).join(' ');
}

/**
 * Phrases of the glossary by their key, each with the phrases of every group that holds it: every group's
 * term first, the shortest first, so that a public word shared by several terms ("council tax": precept,
 * Band D, council tax base) is searched as the shortest term; then the groups' other forms in turn.
 */
function glossaryIndex(glossary: readonly (readonly string[])[]): Map<string, string[]> {
  const groupsByKey = new Map<string, (readonly string[])[]>();
  for (const group of glossary) {
    for (const phrase of group) {
      const key = phraseKey(phrase);
      const groups = groupsByKey.get(key) ?? [];
      if (!groups.includes(group)) groupsByKey.set(key, [...groups, group]);
    }
  }
  const index = new Map<string, string[]>();
  for (const [key, groups] of groupsByKey) {
    // the terms themselves first, the shortest first (a one-word term such as "precept" is the surest handle,
    // and the cheapest to search); then the other forms in the glossary's order, taken in turn from each
    // term: its expansion, the forms the papers print, the public's words
    const terms = groups.map((group) => group[0]!).sort((a, b) => words(a).length - words(b).length);
    const longest = Math.max(...groups.map((group) => group.length));
    const inTurn = [...terms, ...Array.from({ length: longest - 1 }, (_, position) => groups.flatMap((group) => group.slice(position + 1, position + 2)))].flat();
    const seen = new Set<string>();
    index.set(
      key,
      inTurn.filter((phrase) => {
        if (seen.has(phraseKey(phrase))) return false;
        seen.add(phraseKey(phrase));
        return true;
      }),
    );
  }
  return index;
}

/** Splits a query into its quoted phrases and its runs of unquoted words, in order. */
function pieces(query: string): { text: string; quoted: boolean }[] {
  const found: { text: string; quoted: boolean }[] = [];
  const quote = /["“”]([^"“”]*)["“”]/gu;
  let last = 0;
  for (const match of query.matchAll(quote)) {
    found.push({ text: query.slice(last, match.index), quoted: false });
    found.push({ text: match[1]!, quoted: true });
    last = match.index + match[0].length;
  }
  // an unmatched quote mark is not a phrase: its words are searched as words
  found.push({ text: query.slice(last).replace(/["“”]/gu, ' '), quoted: false });
  return found.filter((piece) => words(piece.text).length > 0);
}

/** The plan for a query: its concepts, the words left out and the Pagefind searches to run. */
export function planSearch(query: string, glossary: readonly (readonly string[])[] = []): SearchPlan {
  const index = glossaryIndex(glossary);
  const longest = Math.max(0, ...[...index.keys()].map((key) => key.split(' ').length));
  const concepts: Concept[] = [];
  const stopped: string[] = [];
  for (const piece of pieces(query)) {
    const typed = words(piece.text);
    if (piece.quoted) {
      const phrase = typed.join(' ');
      concepts.push({ typed: phrase, alternatives: [`"${phrase}"`], exact: true });
      continue;
    }
    for (let start = 0; start < typed.length; ) {
      let matched = 0;
      for (let length = Math.min(longest, typed.length - start); length > 0 && matched === 0; length--) {
        const key = phraseKey(typed.slice(start, start + length).join(' '));
        if (index.has(key) && !(length === 1 && STOP_WORDS.has(key))) matched = length;
      }
      if (matched > 0) {
        const phrase = typed.slice(start, start + matched).join(' ');
        const key = phraseKey(phrase);
        const others = index.get(key)!.filter((other) => phraseKey(other) !== key);
        concepts.push({ typed: phrase, alternatives: [phrase, ...others].slice(0, MAX_ALTERNATIVES).map(pagefindQuery), exact: false });
        start += matched;
      } else {
        const word = typed[start]!;
        if (STOP_WORDS.has(normaliseWord(word)) || STOP_WORDS.has(word.toLowerCase())) stopped.push(word);
        else concepts.push({ typed: word, alternatives: [word], exact: false });
        start += 1;
      }
    }
  }
  // a query of nothing but common words is searched as it is
  if (concepts.length === 0 && stopped.length > 0) return planOf(stopped.map((word) => ({ typed: word, alternatives: [word], exact: false })), []);
  return planOf(concepts, stopped);
}

function planOf(concepts: Concept[], leftOut: string[]): SearchPlan {
  const counted = [...new Set(concepts.flatMap((concept) => concept.alternatives.flatMap((alternative) => words(alternative).map((word) => word.toLowerCase()))))];
  return { concepts, leftOut, words: counted };
}

/** How many pages hold a way of writing a concept, at most: the fewest of its words' (0 when a word is in none). */
function pagesHolding(alternative: string, counts: ReadonlyMap<string, number>): number {
  return Math.min(...words(alternative).map((word) => counts.get(word.toLowerCase()) ?? 0));
}

/** Each concept's ways of writing that some page holds, in the plan's order, by the concept's index. */
function heldAlternatives(plan: SearchPlan, counts: ReadonlyMap<string, number>): Map<number, string[]> {
  const held = new Map<number, string[]>();
  plan.concepts.forEach((concept, index) => {
    const found = concept.alternatives.filter((alternative) => pagesHolding(alternative, counts) > 0);
    if (found.length > 0) held.set(index, found);
  });
  return held;
}

/** A Pagefind query of several concepts' ways of writing: exact when it is one phrase, else every word required. */
function queryOf(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : parts.map((part) => part.replace(/^"|"$/g, '')).join(' ');
}

/** The concepts no page holds in any of their ways of writing, given the pages counted for each word. */
export function missingConcepts(plan: SearchPlan, counts: ReadonlyMap<string, number>): Concept[] {
  const held = heldAlternatives(plan, counts);
  return plan.concepts.filter((_, index) => !held.has(index));
}

/**
 * The searches of every concept that some page holds, together: one for each combination of their ways of
 * writing that some page holds, the words as typed first, at most MAX_FULL_SEARCHES.
 */
export function fullSearches(plan: SearchPlan, counts: ReadonlyMap<string, number>): PlannedSearch[] {
  const held = heldAlternatives(plan, counts);
  if (held.size === 0) return [];
  const holds = [...held.keys()];
  let choices: number[][] = [[]];
  for (const index of holds) choices = choices.flatMap((choice) => held.get(index)!.map((_, position) => [...choice, position]));
  return choices
    .map((choice) => ({ choice, strays: choice.reduce((sum, position) => sum + position, 0) }))
    .sort((a, b) => a.strays - b.strays)
    .slice(0, MAX_FULL_SEARCHES)
    .map(({ choice }) => ({ query: queryOf(choice.map((position, at) => held.get(holds[at]!)![position]!)), holds }));
}

/**
 * When every concept together finds too little: the searches of subsets of the concepts that some page
 * holds, by level (all but one concept, then all but two, down to one), each level's best first: those
 * whose rarest concept is held by the fewest pages, since a rare word says most about what is sought, then
 * those whose concepts are held by fewer pages in all. Each
 * concept is written its first way that some page holds. At most MAX_RELAXED_SEARCHES in all, within
 * RELAXED_PAGE_BUDGET.
 */
export function relaxedSearches(plan: SearchPlan, counts: ReadonlyMap<string, number>): PlannedSearch[][] {
  const held = heldAlternatives(plan, counts);
  const indices = [...held.keys()];
  if (indices.length < 2) return [];
  const pagesOf = (index: number) => pagesHolding(held.get(index)![0]!, counts);
  // the subset whose rarest concept is rarest, then the one whose concepts are rarer in all
  const rarity = (subset: number[]) => Math.min(...subset.map(pagesOf));
  const commonness = (subset: number[]) => subset.reduce((sum, index) => sum + pagesOf(index), 0);
  const levels: PlannedSearch[][] = [];
  let searches = MAX_RELAXED_SEARCHES;
  let budget = RELAXED_PAGE_BUDGET;
  for (let size = indices.length - 1; size >= 1; size--) {
    const level: PlannedSearch[] = [];
    for (const subset of subsetsOf(indices, size).sort((a, b) => rarity(a) - rarity(b) || commonness(a) - commonness(b))) {
      if (searches === 0 || rarity(subset) > budget) break;
      searches -= 1;
      budget -= rarity(subset);
      level.push({ query: queryOf(subset.map((index) => held.get(index)![0]!)), holds: subset });
    }
    if (level.length > 0) levels.push(level);
  }
  return levels;
}

/** Every subset of `items` of `size` items, in order. */
function subsetsOf<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...subsetsOf(rest, size - 1).map((subset) => [first!, ...subset]), ...subsetsOf(rest, size)];
}

/** A page Pagefind found for one query: its id and its score for that query. */
export interface FoundPage {
  id: string;
  score: number;
}

export interface RankedPage {
  id: string;
  /** how many of the plan's concepts the page holds */
  matched: number;
  score: number;
  /** the query whose result stands for the page (its excerpt marks that query's words) */
  query: string;
}

/** A search that was run, and the pages it found. */
export interface SearchRun extends PlannedSearch {
  pages: readonly FoundPage[];
}

/** How many pages the runs found, each once: enough, and no subset of the concepts need be searched. */
export function pagesFound(runs: readonly SearchRun[]): number {
  return new Set(runs.flatMap((run) => run.pages.map((page) => page.id))).size;
}

/**
 * The pages found by a plan's searches, best first: pages holding more of the concepts first (the most
 * that any search that found them held), then by the sum of Pagefind's scores over those searches (a page
 * that uses both the public's words and the papers' term is the more about it), or by `order` (e.g. newest
 * first) when given. A page stands for itself by the result of its best-scored search.
 */
export function rankPages(runs: readonly SearchRun[], order?: ReadonlyMap<string, number>): RankedPage[] {
  const pages = new Map<string, RankedPage & { best: number }>();
  for (const run of runs) {
    for (const page of run.pages) {
      const known = pages.get(page.id);
      if (!known || run.holds.length > known.matched) {
        pages.set(page.id, { id: page.id, matched: run.holds.length, score: page.score, query: run.query, best: page.score });
      } else if (run.holds.length === known.matched) {
        known.score += page.score;
        if (page.score > known.best) Object.assign(known, { best: page.score, query: run.query });
      }
    }
  }
  const position = (id: string) => order?.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...pages.values()]
    .map(({ id, matched, score, query }) => ({ id, matched, score, query }))
    .sort((a, b) => b.matched - a.matched || (order ? position(a.id) - position(b.id) : b.score - a.score) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** "a", "a and b", "a, b and c" */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * What the reader is told about how their words were searched, beyond the number of results: the papers'
 * terms searched for their words, the common words left out, the words no page holds, and whether no page
 * holds all of them.
 */
export function describePlan(plan: SearchPlan, counts: ReadonlyMap<string, number>, ranked: readonly RankedPage[]): string[] {
  const notes: string[] = [];
  const quoted = (text: string) => `“${text}”`;
  const held = heldAlternatives(plan, counts);
  const glossed = plan.concepts
    .map((concept, index) => ({ concept, forms: (held.get(index) ?? []).filter((form) => form !== concept.alternatives[0]) }))
    .filter(({ forms }) => forms.length > 0);
  if (glossed.length > 0) {
    notes.push(`Also searched for ${listed(glossed.map(({ concept, forms }) => `${listed(forms.map((form) => quoted(form.replace(/^"|"$/g, ''))))} (for ${quoted(concept.typed)})`))}.`);
  }
  if (plan.leftOut.length > 0) notes.push(`Left out as too common: ${listed(plan.leftOut.map(quoted))}.`);
  const missing = missingConcepts(plan, counts);
  if (missing.length > 0 && ranked.length > 0) notes.push(`No page holds ${listed(missing.map((concept) => quoted(concept.typed)))}.`);
  if (ranked.length > 0 && plan.concepts.length > 1 && ranked.every((page) => page.matched < plan.concepts.length)) {
    notes.push(`No page has all of ${listed(plan.concepts.map((concept) => quoted(concept.typed)))}; the pages with the most of them come first.`);
  }
  return notes;
}

/**
 * A text fragment (`:~:text=…`, https://wicg.github.io/scroll-to-text-fragment/) for the words an excerpt
 * marks, so that the browser scrolls to them and highlights them: from the first marked word to the last
 * one within `span` words of it, never past the end of a sentence or across an ellipsis. The excerpt is given as its parts, each marked
 * or not. Empty when nothing is marked.
 */
export function textFragment(parts: readonly { text: string; marked: boolean }[], span = 8): string {
  const tokens = parts.flatMap((part) => part.text.split(/\s+/u).filter(Boolean).map((text) => ({ text, marked: part.marked })));
  const first = tokens.findIndex((token) => token.marked);
  if (first < 0) return '';
  let last = first;
  for (let index = first + 1; index < tokens.length && index - first < span; index++) {
    // Pagefind joins a table's cells and a list's items with ". ", which the page does not hold between
    // them, and a text fragment cannot run from one block into the next: stop at the end of a sentence
    if (/[.;:!?]$/u.test(tokens[index - 1]!.text) || /…|\.\.\./u.test(tokens[index]!.text)) break;
    if (tokens[index]!.marked) last = index;
  }
  const text = tokens
    .slice(first, last + 1)
    .map((token) => token.text)
    .join(' ')
    .replace(/^[^\p{L}\p{N}£$]+|[^\p{L}\p{N}%]+$/gu, '');
  if (text === '') return '';
  // the directive's own punctuation ("-" "," "&") must be escaped inside its text
  return `:~:text=${encodeURIComponent(text).replace(/-/g, '%2D')}`;
}

/** A result's address with a text fragment added: after its own #section when it has one, else after a bare "#". */
export function withTextFragment(url: string, fragment: string): string {
  if (fragment === '') return url;
  return url.includes('#') ? `${url}${fragment}` : `${url}#${fragment}`;
}
