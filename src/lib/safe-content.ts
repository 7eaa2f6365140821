/**
 * The safe subset of MDX that content may use, enforced inside the compiler on the tree it compiles.
 *
 * Content is written by staff and published to the world, and MDX can run code when the site is built.
 * The same plugins run in the build (astro.config.mjs gives them to Astro's Sätteri processor) and in
 * the content check (`findUnsafeContent` compiles the text with them), so the check reports exactly
 * what the build refuses.
 *
 * Allowed: Markdown and GFM (headings, paragraphs, lists, quotes, tables, links, footnotes,
 * strikethrough, code); the site's components, with no attributes; and a few HTML elements, with no
 * attributes, that the packs need: `<br />` for line breaks inside table cells, `<sup>` and `<sub>` for
 * ordinals, footnote marks and chemical or legal notation. Everything else is refused.
 */
import { decodeHTML } from 'entities';
import { mdxToJs, type HastPluginDefinition, type MdastPluginDefinition, type PluginFactoryContext } from 'satteri';

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

/** Thrown by the compiler plugins: the build stops on it, the check reports its problems. */
export class UnsafeContentError extends Error {
  readonly problems: UnsafeContent[];
  constructor(problems: UnsafeContent[], file?: string) {
    super(
      `${file ?? 'The text'} uses what content may not (see "Safe MDX" in README.md):\n` +
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

/**
 * The node types the plugin judges. Every other type the compiler can produce is refused outright:
 * these are all the types of Sätteri's tree, so a type the site has not judged can never pass.
 */
const JUDGED_TYPES = ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'link', 'definition'] as const;
const REFUSED_TYPES = [
  'image', 'imageReference', 'html', 'yaml', 'toml', 'math', 'inlineMath', 'containerDirective', 'leafDirective', 'textDirective',
  'superscript', 'subscript', 'descriptionList', 'descriptionTerm', 'descriptionDetails', 'custom',
] as const;

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
 * The tree may be no deeper than this. The compiler's code generation crashes on emphasis nested
 * about 20,000 deep, and the build on lists nested 500 deep; the papers need fewer than 10 levels.
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

function fileOf(context: { fileURL: URL | undefined }): string | undefined {
  if (!context.fileURL) return undefined;
  const path = decodeURIComponent(context.fileURL.pathname);
  const at = path.lastIndexOf('/content/');
  return at >= 0 ? path.slice(at + 1) : path;
}

/**
 * The compiler plugin. Before the text is parsed: refuses nesting deep enough to crash or stall the
 * parser. On the parsed tree: the compiler calls it for every node of a judged or refused type, and
 * it refuses every construct outside the safe subset, by throwing UnsafeContentError once all are known.
 */
export function safeContentPlugin(context: PluginFactoryContext): MdastPluginDefinition {
  const nesting = findExcessiveNesting(context.source);
  if (nesting.length > 0) throw new UnsafeContentError(nesting, fileOf(context));
  const problems: UnsafeContent[] = [];
  const judge = (node: unknown) => {
    const tree = node as TreeNode;
    for (const message of judgeNode(tree)) problems.push({ line: tree.position?.start.line ?? 1, message });
  };
  const visitors = Object.fromEntries([...JUDGED_TYPES, ...REFUSED_TYPES].map((type) => [type, judge]));
  // Not a matter of safety but of the page: its title is its only level-1 heading.
  const heading = (node: { depth: number; position?: { start: { line: number } } }) => {
    if (node.depth === 1) problems.push({ line: node.position?.start.line ?? 1, message: 'is a level-1 heading (# …), but the page title is the only one; start a section with ## instead' });
  };
  return {
    name: 'board-papers-safe-content',
    options: { position: true },
    before(root) {
      const deep = mayNestDeeply(context.source) ? tooDeep(root as unknown as TreeNode) : undefined;
      if (deep) throw new UnsafeContentError([deep], fileOf(context));
    },
    ...visitors,
    heading,
    after() {
      if (problems.length > 0) throw new UnsafeContentError(problems.sort((a, b) => a.line - b.line), fileOf(context));
    },
  };
}

/**
 * GFM writes a table column's alignment as an inline style, which a strict Content-Security-Policy
 * blocks; the site writes it as a class instead (`align-right`), styled by its own stylesheet.
 */
export const tableAlignmentClasses: HastPluginDefinition = {
  name: 'board-papers-table-alignment',
  element: {
    filter: ['th', 'td'],
    visit(node, context) {
      const style = node.properties?.style;
      if (typeof style !== 'string') return;
      const align = /^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$/.exec(style)?.[1];
      context.setProperty(node, 'style', undefined);
      if (align) context.setProperty(node, 'className', [`align-${align}`]);
    },
  },
};

/**
 * The check's way in: the same plugin, the same compiler and the same features as the build. The text
 * is the file as the compiler receives it. The plugins are synchronous, so the compile is too.
 */
export function findUnsafeContent(text: string): UnsafeContent[] {
  try {
    mdxToJs(text, { mdastPlugins: [safeContentPlugin], features: CONTENT_FEATURES });
    return [];
  } catch (error) {
    if (error instanceof UnsafeContentError) return error.problems;
    return [describeSyntaxError(error)];
  }
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
