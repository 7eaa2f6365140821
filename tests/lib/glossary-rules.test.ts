/** What makes a glossary whole: each term once, and each public word leading to one term unless it says it is shared. */
import { describe, expect, it } from 'vitest';
import { comparableWord, glossaryConflicts, type TermNames } from '#lib/model/glossary-rules.ts';
import { glossarySchema } from '#lib/model/schema.ts';

const NAMES = ['MTFS', 'mtfs', 'Precept', 'precept ', 'Band D', 'band  d', 'PCC', 'OPCC'];
const WORDS = ['council tax', 'Council Tax', 'rainy day fund', 'budget', 'police'];

/** Glossaries of up to four terms drawn from names and words that collide in case and spacing. */
function* generatedGlossaries(): Generator<TermNames[]> {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const some = (list: string[]) => list.filter(() => next() < 0.3);
  for (let run = 0; run < 500; run++) {
    yield Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
      const publicWords = some(WORDS);
      return { term: NAMES[Math.floor(next() * NAMES.length)]!, alsoWritten: some(NAMES), publicWords, sharedPublicWords: next() < 0.5 ? publicWords : some(publicWords) };
    });
  }
}

describe('a glossary’s conflicts', () => {
  it('on generated glossaries: a name defined twice is refused exactly when two names compare equal', () => {
    for (const terms of generatedGlossaries()) {
      const names = terms.flatMap((term) => [term.term, ...(term.alsoWritten ?? [])].map(comparableWord));
      const twice = glossaryConflicts(terms).filter((conflict) => conflict.message.startsWith('defined twice'));
      expect(twice.length).toBe(names.length - new Set(names).size);
    }
  });
  it('on generated glossaries: a public word is refused at a term exactly when another term has it and this one does not say it is shared', () => {
    for (const terms of generatedGlossaries()) {
      const expected = terms.flatMap((term, index) =>
        term.publicWords.flatMap((word, position) => {
          const elsewhere = terms.some((other, otherIndex) => otherIndex !== index && other.publicWords.some((own) => comparableWord(own) === comparableWord(word)));
          const shared = (term.sharedPublicWords ?? []).some((own) => comparableWord(own) === comparableWord(word));
          return elsewhere && !shared ? [`terms.${index}.publicWords.${position}`] : [];
        }),
      );
      const found = glossaryConflicts(terms).filter((conflict) => conflict.message.startsWith('also a public word')).map((conflict) => conflict.path.join('.'));
      expect(found).toEqual(expected);
    }
  });
  it('refuses a shared word that is not among the term’s public words', () => {
    expect(glossaryConflicts([{ term: 'precept', publicWords: [], sharedPublicWords: ['council tax'] }])).toEqual([
      { path: ['terms', 0, 'sharedPublicWords', 0], message: 'not in this term\'s publicWords; expected each shared word to be one of its public words too' },
    ]);
  });
  it('is what the glossary’s schema refuses', () => {
    const result = glossarySchema.safeParse({ terms: [{ term: 'PCC', explanation: 'The Commissioner.', publicWords: [] }, { term: 'pcc', explanation: 'Again.', publicWords: [] }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['terms', 1, 'term']]);
  });
});
