/**
 * The safe subset of MDX that content may use, judged on the tree the site renders.
 *
 * Content is written by staff and published to the world. The site never compiles it to code: its text
 * is parsed into a tree, judged here node by node, and written out as HTML (src/lib/text/content-html.ts).
 * The build renders through `findUnsafeContent` and the content check calls it, so the check reports
 * exactly what the build refuses.
 *
 * Allowed: Markdown and GFM (headings, paragraphs, lists, quotes, tables, links, footnotes,
 * strikethrough, code); the site's components, with no attributes; and a few HTML elements, with no
 * attributes, that the packs need: `<br />` for line breaks inside table cells, `<sup>` and `<sub>` for
 * ordinals, footnote marks and chemical or legal notation. Everything else is refused.
 */
import { decodeHTML } from 'entities';
import { mdxToMdast } from 'satteri';

/** The components the site supplies to content, without an import. */
export const CONTENT_COMPONENTS = ['EditorialNote'] as const;

/** Raw HTML elements content may use, with why. They take no attributes. */
export const CONTENT_HTML_ELEMENTS = {
  br: 'a line break inside a table cell or an address',
  sup: 'a raised ordinal or footnote mark, such as 1<sup>st</sup>',
  sub: 'lowered text, such as a chemical formula',
} as const;

/** Schemes a link may use; an address with no scheme is a page of this site. */
export const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

/** Deeper nesting of lists or quotes than this is refused before it is parsed. */
export const MAX_NESTING = 16;
/**
 * Deeper nesting of tags and braces than this is refused before it is parsed: the parser's time
 * doubles with each level of `<b a={` (measured: 0.9 s at 18 levels, 11.7 s at 22); the papers need 2.
 */
export const MAX_TAG_NESTING = 8;

/** The Markdown features of the build: GFM and smart punctuation, as Astro's own defaults. */
export const CONTENT_FEATURES = { gfm: true, smartPunctuation: true } as const;

export interface UnsafeContent {
  /** 1-based line within the text given */
  line: number;
  message: string;
}

/** How UnsafeContentError's message says what is wrong, after the file's name. */
export const UNSAFE_CONTENT_WORDS = 'uses what content may not';

/** Thrown by the renderer: the build stops on it, naming the file; the check reports its problems. */
export class UnsafeContentError extends Error {
  readonly problems: UnsafeContent[];
  constructor(problems: UnsafeContent[], file?: string) {
    super(
      `${file ?? 'The text'} ${UNSAFE_CONTENT_WORDS} (see docs/publishing/safe-mdx.md):\n` +
        problems.map((problem) => `  line ${problem.line}: ${problem.message}`).join('\n'),
    );
    this.name = 'UnsafeContentError';
    this.problems = problems;
  }
}

const ALLOWED_ADDRESSES = `expected an address starting ${SAFE_SCHEMES.map((scheme) => `${scheme}:`).join(', ')} or / (a page of this site)`;

/**
 * True when an address is one the site may publish as a link: http, https, mailto, tel, or a path on
 * this site. Judged as a browser reads it: after decoding character references and dropping the
 * spaces and control characters a browser ignores.
 */
export function isSafeAddress(address: string): boolean {
  // most addresses: a web address or a path of this site, with nothing a browser would decode or drop
  if (/^(?:https?:\/\/|\/(?![\\/])|#)[^&\s\u0000-\u001f\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]*$/i.test(address)) return true;
  const cleaned = decodeHTML(address).replace(/[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, '');
  // "//host" and "/\host" lead to another host without naming a scheme
  if (/^[\\/][\\/]/.test(cleaned)) return false;
  const scheme = /^([^:/?#]*):/.exec(cleaned)?.[1];
  if (scheme === undefined) return true;
  return (SAFE_SCHEMES as readonly string[]).includes(scheme.toLowerCase());
}

function describeAddress(address: string): string {
  const shown = address.length > 60 ? `${address.slice(0, 57)}…` : address;
  return JSON.stringify(shown);
}

/**
 * Refuses, before the parser sees the text, nesting deep enough to crash it or to make it run for
 * minutes: lists or quotes nested deeper than MAX_NESTING on one line or by indentation, and tags or
 * braces nested deeper than MAX_TAG_NESTING. Content that passes is parsed; the tree is then judged.
 */
export function findExcessiveNesting(text: string): UnsafeContent[] {
  const found: UnsafeContent[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let openings = 0;
  lines.forEach((lineText, index) => {
    const line = index + 1;
    if (/^[ \t]*[>\-+*\d]/.test(lineText)) {
      // a list item nested by indentation sits one level deeper for each two columns
      const indentation = /^[ \t]*/.exec(lineText)![0].replace(/\t/g, '    ').length;
      const markers = /^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*/.exec(lineText)![0].replace(/[^>\-+*.)]/g, '').length;
      if (markers > 0 && Math.floor(indentation / 2) + markers > MAX_NESTING) {
        found.push({ line, message: `nests lists or quotes more than ${MAX_NESTING} levels deep; expected at most ${MAX_NESTING}` });
        return;
      }
    }
    if (!/[<{}]/.test(lineText)) return;
    for (const match of lineText.matchAll(/\\.|<\/|\/>|<[A-Za-z>]|[{}]/g)) {
      const token = match[0];
      if (token.startsWith('\\')) continue;
      openings = token === '</' || token === '/>' || token === '}' ? Math.max(0, openings - 1) : openings + 1;
      if (openings > MAX_TAG_NESTING) {
        found.push({ line, message: `nests tags or braces more than ${MAX_TAG_NESTING} levels deep; expected at most ${MAX_TAG_NESTING}` });
        openings = 0;
        return;
      }
    }
  });
  return found;
}

interface TreeNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: readonly TreeNode[];
}

const allowedElements = [...CONTENT_COMPONENTS.map((name) => `<${name}>`), ...Object.keys(CONTENT_HTML_ELEMENTS).map((name) => `<${name}>`)].join(', ');

function judgeElement(node: TreeNode): string[] {
  const name = node.name;
  if (!name) return ['has a fragment <>…</>, which content may not use; remove the <> and </>'];
  const isComponent = (CONTENT_COMPONENTS as readonly string[]).includes(name);
  if (!isComponent && !Object.hasOwn(CONTENT_HTML_ELEMENTS, name)) {
    return /^[A-Z]/.test(name)
      ? [`uses <${name}>, which the site does not supply; expected one of ${allowedElements}`]
      : [`uses <${name}>, which content may not use; expected Markdown, or one of ${allowedElements}`];
  }
  return (node.attributes ?? []).map((attribute) =>
    attribute.type === 'mdxJsxExpressionAttribute'
      ? `gives <${name}> a spread {…}, which runs code when the site is built; remove it`
      : `gives <${name}> the attribute ${attribute.name}, but ${isComponent ? 'the site’s components' : 'HTML elements in content'} take no attributes; remove it`,
  );
}

/** What is wrong with one node of the tree, in the words the check and the build report. */
export function judgeNode(node: TreeNode): string[] {
  switch (node.type) {
    case 'mdxjsEsm':
      return ['has an import or export, which MDX runs as code when the site is built; remove it (the site supplies its components without an import)'];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return /^\s*\/\*[\s\S]*\*\/\s*$/.test(String(node.value))
        ? ['has a comment {/* … */}, which would be published in quotes and search results; remove it']
        : ['has {…}, which MDX runs as code when the site is built; to show a brace as text, write \\{ and \\}'];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return judgeElement(node);
    case 'link':
    case 'definition':
      return node.url !== undefined && !isSafeAddress(node.url) ? [`links to ${describeAddress(node.url)}; ${ALLOWED_ADDRESSES}`] : [];
    case 'image':
    case 'imageReference':
      return ['has an image, which the site does not publish from content; describe it in words, or in an <EditorialNote>'];
    case 'html':
      return ['has raw HTML, which content may not use; expected Markdown'];
    default:
      return [`has a ${node.type}, which the site does not publish; expected Markdown`];
  }
}

/**
 * The tree may be no deeper than this. Sätteri's code generation crashed on emphasis nested about
 * 20,000 deep, and the build on lists nested 500 deep; the site's writer (content-html.ts) walks the
 * tree recursively too. The papers need fewer than 10 levels.
 */
export const MAX_TREE_DEPTH = 100;

/**
 * True when the text could nest emphasis deeply: some paragraph holds more than MAX_TAG_NESTING * 4
 * of the characters that open and close emphasis (* _ ~). Emphasis cannot cross a blank line, and
 * each level needs two such characters. Below this, and within the limits findExcessiveNesting sets on
 * lists, quotes and elements, the tree stays under MAX_TREE_DEPTH and need not be walked.
 */
export function mayNestDeeply(text: string): boolean {
  return text.split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/).some((block) => (block.match(/[*_~]/g)?.length ?? 0) > MAX_TAG_NESTING * 4);
}

/** The first node deeper than MAX_TREE_DEPTH, walking no further than that. */
function tooDeep(root: TreeNode): UnsafeContent | undefined {
  const stack: { node: TreeNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) {
      return { line: node.position?.start.line ?? 1, message: `nests emphasis, lists or elements more than ${MAX_TREE_DEPTH} levels deep; expected at most ${MAX_TREE_DEPTH}` };
    }
    for (const child of node.children ?? []) stack.push({ node: child, depth: depth + 1 });
  }
  return undefined;
}

/** The types of Sätteri's tree that content may use freely: Markdown and GFM with nothing to judge. */
const FREE_TYPES = new Set([
  'root', 'paragraph', 'text', 'heading', 'emphasis', 'strong', 'delete', 'inlineCode', 'code', 'break', 'thematicBreak',
  'blockquote', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'linkReference', 'footnoteReference', 'footnoteDefinition',
]);

/**
 * What is wrong with the text's tree: every node of a type outside FREE_TYPES is judged (judgeNode), so a
 * type the site has not judged, such as one a newer parser adds, is refused rather than published.
 */
function judgeTree(root: TreeNode): UnsafeContent[] {
  const problems: UnsafeContent[] = [];
  const stack: TreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const line = node.position?.start.line ?? 1;
    if (!FREE_TYPES.has(node.type)) {
      for (const message of judgeNode(node)) problems.push({ line, message });
    } else if (node.type === 'heading' && (node as { depth?: number }).depth === 1) {
      // Not a matter of safety but of the page: its title is its only level-1 heading.
      problems.push({ line, message: 'is a level-1 heading (# …), but the page title is the only one; start a section with ## instead' });
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return problems.sort((a, b) => a.line - b.line);
}

/**
 * Everything in a document's text that content may not use, each with its line; none when the text is
 * safe. The text is the file as the renderer receives it: the frontmatter blanked, so lines are the
 * file's. Before the text is parsed, nesting deep enough to crash or stall the parser is refused; the
 * parsed tree (the same parse the site renders, src/lib/text/content-html.ts) is then judged node by node.
 */
export function findUnsafeContent(text: string): UnsafeContent[] {
  const nesting = findExcessiveNesting(text);
  if (nesting.length > 0) return nesting;
  let root: TreeNode;
  try {
    root = mdxToMdast(text, { features: CONTENT_FEATURES }) as unknown as TreeNode;
  } catch (error) {
    return [describeSyntaxError(error)];
  }
  const deep = mayNestDeeply(text) ? tooDeep(root) : undefined;
  if (deep) return [deep];
  return judgeTree(root);
}

/** The parser's words for the mistakes staff make, and what to write instead. */
const PLAIN_MDX_ERRORS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/Unexpected character .*(?:after|before) `?</, () => 'a < in text starts a tag in MDX; for a less-than sign write &lt;'],
  [/Unexpected character `[^`]*` \(U\+[0-9A-F]+\) before name|Unexpected character .* in name/, () => 'a < in text starts a tag in MDX; for a less-than sign write &lt;'],
  [/closing brace for `\{`|Could not parse expression|Unexpected end of file in expression|Unexpected lazy line in expression/, () => 'a { in text starts code in MDX; for braces write \\{ and \\}'],
  [/Expected a closing tag for `<([^>]*)>`/, (match) => `the tag <${match[1]}> is never closed; add </${match[1]}> where it ends`],
  [/Unexpected closing (?:slash|tag) .*`<\/([^>]*)>`/, (match) => `the closing tag </${match[1]}> has no opening tag; remove it, or add <${match[1]}> where it starts`],
];

/** An MDX syntax error as the parser reports it ("8:1: Unexpected character …"), in plain words where it can. */
export function describeSyntaxError(error: unknown): UnsafeContent {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+):\s*(.*?)(?:\s*\(mdx[^)]*\))?$/s.exec(message);
  const detail = (match?.[3] ?? message).trim();
  for (const [pattern, explain] of PLAIN_MDX_ERRORS) {
    const found = pattern.exec(detail);
    if (found) return { line: match ? Number(match[1]) : 1, message: `is not valid MDX: ${explain(found)}` };
  }
  return { line: match ? Number(match[1]) : 1, message: `is not valid MDX: ${detail}` };
}
