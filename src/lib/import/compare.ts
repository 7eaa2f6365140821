/** Pure measures for the importer's own report: how close imported text is to a published page. */
import { parseFrontmatterFile } from '#lib/text/frontmatter.ts';
import { plainText } from '#lib/text/plain-text.ts';

/** Lower-cased words with punctuation stripped ("decision-making" and "decisionmaking" are one word). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length > 0);
}

/** Recall and precision of `got` against `expected`, counted word by word (multisets of words, not sets). */
export function wordOverlap(expected: readonly string[], got: readonly string[]): { common: number; recall: number; precision: number } {
  const counts = new Map<string, number>();
  for (const word of expected) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of got) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(word, left - 1);
    }
  }
  return { common, recall: expected.length ? common / expected.length : 1, precision: got.length ? common / got.length : 1 };
}

/** F1 of precision and recall over the multisets of words of the two texts (1 when both are empty). */
export function wordF1(expected: string, actual: string): number {
  const want = wordsOf(expected);
  const got = wordsOf(actual);
  if (want.length === 0 && got.length === 0) return 1;
  if (want.length === 0 || got.length === 0) return 0;
  const { common, precision, recall } = wordOverlap(want, got);
  return common === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * The words of a published .mdx page's body as a reader sees them, footnotes included: the text the
 * site's own `plainText` gives (Sätteri's parse, `<EditorialNote>`s dropped), after the frontmatter as the
 * check splits it.
 */
export function plainTextOfMdx(source: string): string {
  return plainText(parseFrontmatterFile(source).body, { footnotes: true });
}
