/** Pure measures for the importer's own report: how close imported text is to a published page. */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parent } from 'mdast';

/** Lower-cased words with punctuation stripped ("decision-making" and "decisionmaking" are one word). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length > 0);
}

/** F1 of precision and recall over the multisets of words of the two texts (1 when both are empty). */
export function wordF1(expected: string, actual: string): number {
  const want = wordsOf(expected);
  const got = wordsOf(actual);
  if (want.length === 0 && got.length === 0) return 1;
  if (want.length === 0 || got.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of want) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of got) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(word, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / got.length;
  const recall = common / want.length;
  return (2 * precision * recall) / (precision + recall);
}

function withoutFrontmatter(source: string): string {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  return match ? source.slice(match[0].length) : source;
}

/** Drops EditorialNote elements (as parsed: HTML nodes or paragraphs holding them) and keeps the rest. */
function dropEditorialNotes(node: Nodes): Nodes | undefined {
  if (node.type === 'html' && /^<\/?EditorialNote\b/.test(node.value.trim())) return undefined;
  if ('children' in node) {
    const parent = node as Parent;
    const children: Nodes[] = [];
    let skipping = 0;
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'html') {
        const value = child.value.trim();
        const opens = (value.match(/<EditorialNote\b[^>]*>/g) ?? []).length;
        const closes = (value.match(/<\/EditorialNote>/g) ?? []).length;
        if (opens || closes) {
          skipping = Math.max(0, skipping + opens - closes);
          continue;
        }
      }
      if (skipping > 0) continue;
      const kept = dropEditorialNotes(child);
      if (kept) children.push(kept);
    }
    return { ...parent, children } as Nodes;
  }
  return node;
}

/**
 * The words of a published .mdx page's body: frontmatter and `<EditorialNote>…</EditorialNote>` removed,
 * Markdown (with GFM tables) reduced to its text.
 */
export function plainTextOfMdx(source: string): string {
  // EditorialNote elements are removed before parsing, so that one written inline in a paragraph goes too
  const body = withoutFrontmatter(source).replace(/<EditorialNote\b[^>]*>[\s\S]*?<\/EditorialNote>/g, '\n\n');
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const kept = dropEditorialNotes(tree) ?? tree;
  return blocksToText(kept);
}

/** The text of a tree with a space between blocks and cells, so words never run together. */
function blocksToText(node: Nodes): string {
  if (node.type === 'break' || node.type === 'html') return ' ';
  if ('children' in node) {
    return (node as Parent).children.map((child) => blocksToText(child as Nodes)).join(node.type === 'paragraph' || node.type === 'heading' ? '' : ' ');
  }
  return toString(node);
}
