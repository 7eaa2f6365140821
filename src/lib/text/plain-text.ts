/**
 * The plain text a reader sees of a document's MDX: no Markdown syntax, no tags, character
 * references decoded, escapes removed. Derived from the parsed tree (Sätteri's mdast), never by
 * pattern-matching the markup. A publisher's <EditorialNote> is dropped: it is not the document's words.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';

export interface MdastNode {
  type: string;
  value?: string;
  name?: string | null;
  children?: MdastNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Plain text with, for each of its characters, the offset in the raw text it came from. */
export interface PlainTextMap {
  /** blocks (paragraphs, headings, table rows, list items…) are separated by a blank line */
  text: string;
  offsets: number[];
}

/** Elements whose words are not the document's own. */
const DROPPED_ELEMENTS = new Set(['EditorialNote']);
/** Nodes a reader does not see as text. */
const DROPPED_TYPES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'image', 'imageReference', 'footnoteReference', 'footnoteDefinition', 'definition', 'yaml', 'toml', 'thematicBreak']);
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'code', 'mdxJsxFlowElement']);

/** The mdast tree of a text: MDX as the site parses it, or Markdown where the text is not valid MDX. */
export function parseMarkdown(markdown: string): MdastNode {
  try {
    return mdxToMdast(markdown, { features: { gfm: true } }) as MdastNode;
  } catch {
    return markdownToMdast(markdown, { features: { gfm: true } }) as MdastNode;
  }
}

/** What else to keep: the footnotes, which a quote leaves out but a reader of the whole document sees. */
export interface PlainTextOptions {
  footnotes?: boolean;
}

/** The plain text of a tree (or of one node of it), with where each character came from. */
export function plainTextOf(tree: MdastNode, options: PlainTextOptions = {}): PlainTextMap {
  // The text is gathered in pieces and joined once, and only its last two characters are kept to look
  // back on: testing the growing string itself made a long document's text quadratic to build.
  const pieces: string[] = [];
  let last = '';
  const offsets: number[] = [];
  const emit = (value: string, start: number, end: number) => {
    if (value === '') return;
    pieces.push(value);
    last = (last + value).slice(-2);
    for (let index = 0; index < value.length; index++) offsets.push(Math.min(start + index, Math.max(start, end - 1)));
  };
  const separate = (separator: string, at: number) => {
    if (offsets.length === 0 || last === '\n\n') return;
    if (separator === ' ' && /\s$/.test(last)) return;
    emit(separator, at, at + separator.length);
  };
  const walk = (node: MdastNode) => {
    const start = node.position?.start.offset ?? offsets.at(-1) ?? 0;
    const end = node.position?.end.offset ?? start;
    if (DROPPED_TYPES.has(node.type) && !(options.footnotes && node.type === 'footnoteDefinition')) return;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && DROPPED_ELEMENTS.has(node.name ?? '')) return;
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      // a text node's value is its raw span with escapes and references resolved; where their
      // lengths differ, each character is placed at the nearest raw offset
      emit(node.value ?? '', start, end);
      return;
    }
    if (node.type === 'break' || (node.type === 'mdxJsxTextElement' && node.name === 'br')) {
      separate(' ', start);
      return;
    }
    const block = BLOCK_TYPES.has(node.type);
    if (block) separate('\n\n', start);
    for (const child of node.children ?? []) {
      if (node.type === 'tableRow') separate(' ', child.position?.start.offset ?? start);
      walk(child);
    }
    if (block) separate('\n\n', end);
  };
  walk(tree);
  return { text: pieces.join(''), offsets };
}

/** The plain text a reader sees of some MDX, on one line. */
export function plainText(markdown: string, options: PlainTextOptions = {}): string {
  return plainTextOf(parseMarkdown(markdown), options).text.replace(/\s+/g, ' ').trim();
}

/** The publisher's note a span of the raw text lies in, if any. */
export function editorialNoteAround(tree: MdastNode, start: number, end: number): MdastNode | undefined {
  for (const node of tree.children ?? []) {
    const nodeStart = node.position?.start.offset;
    const nodeEnd = node.position?.end.offset;
    if (nodeStart === undefined || nodeEnd === undefined || start < nodeStart || end > nodeEnd) continue;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && DROPPED_ELEMENTS.has(node.name ?? '')) return node;
    return editorialNoteAround(node, start, end);
  }
  return undefined;
}
