/**
 * What makes a glossary whole, beyond each term's own fields: each term defined once (its other written
 * forms included, whatever their case), and a word the public uses leading to one term unless every
 * term that takes it says it is shared. The glossary's schema applies these, so the check and the
 * build refuse the same files, at the line of the entry.
 */

/** The fields of a term these rules read. */
export interface TermNames {
  term: string;
  alsoWritten?: readonly string[];
  publicWords: readonly string[];
  sharedPublicWords?: readonly string[];
}

export interface GlossaryConflict {
  /** where in the glossary, from its top: ["terms", 3, "alsoWritten", 0] */
  path: (string | number)[];
  message: string;
}

/** How two ways of writing a word are compared: case and runs of spaces do not count. */
export const comparableWord = (word: string) => word.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

export function glossaryConflicts(terms: readonly TermNames[]): GlossaryConflict[] {
  const conflicts: GlossaryConflict[] = [];
  const definedBy = new Map<string, number>();
  terms.forEach((entry, index) => {
    const names: [string, (string | number)[]][] = [[entry.term, [index, 'term']], ...(entry.alsoWritten ?? []).map((form, position): [string, (string | number)[]] => [form, [index, 'alsoWritten', position]])];
    for (const [name, path] of names) {
      const earlier = definedBy.get(comparableWord(name));
      if (earlier !== undefined) {
        const where = earlier === index ? 'this term already' : `the term "${terms[earlier]!.term}" (terms[${earlier}]) already`;
        conflicts.push({ path: ['terms', ...path], message: `defined twice: ${where} gives "${name}"; expected each term, and each form it is written in, once` });
      } else definedBy.set(comparableWord(name), index);
    }
  });

  const termsOfWord = new Map<string, number[]>();
  terms.forEach((entry, index) => {
    for (const word of new Set(entry.publicWords.map(comparableWord))) termsOfWord.set(word, [...(termsOfWord.get(word) ?? []), index]);
  });
  terms.forEach((entry, index) => {
    const shared = new Set((entry.sharedPublicWords ?? []).map(comparableWord));
    entry.publicWords.forEach((word, position) => {
      const others = (termsOfWord.get(comparableWord(word)) ?? []).filter((other) => other !== index);
      if (others.length === 0 || shared.has(comparableWord(word))) return;
      const named = others.map((other) => `"${terms[other]!.term}"`).join(', ');
      conflicts.push({
        path: ['terms', index, 'publicWords', position],
        message: `also a public word of ${named}; expected it given to one term only, or listed in sharedPublicWords of every term that has it`,
      });
    });
    (entry.sharedPublicWords ?? []).forEach((word, position) => {
      if (!entry.publicWords.some((own) => comparableWord(own) === comparableWord(word))) {
        conflicts.push({ path: ['terms', index, 'sharedPublicWords', position], message: `not in this term's publicWords; expected each shared word to be one of its public words too` });
      }
    });
  });
  return conflicts;
}
