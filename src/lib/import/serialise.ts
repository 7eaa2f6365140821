/**
 * How an imported pack's values become the text of its files, never by joining strings into a format:
 * Markdown through remark-stringify with remark-gfm, every "{", "}" and "<" of the imported words escaped so
 * that nothing imported becomes an MDX expression, a tag or an import; YAML through the yaml library, its
 * comment included, with the control characters no file can hold removed by the one function for it.
 */
import type { Link, Nodes, Paragraph, Root } from 'mdast';
import { defaultHandlers, type Handle, type Unsafe } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { Document, type ToStringOptions } from 'yaml';
import type { z } from 'zod';
import { textForFiles } from '#lib/outputs/format-text.ts';
import { isSafeAddress } from '#lib/text/safe-content.ts';
import { fitToSchema } from './fit-to-schema.ts';
import type { ImportNote } from './model.ts';

/**
 * MDX reads these as code or markup: "{", "}" and "<" anywhere in text, and "import" or "export" at the start
 * of a line. Each is escaped by the serialiser (a letter as a character reference, such as "&#x69;mport").
 */
const MDX_SYNTAX: Unsafe[] = [{ character: '{' }, { character: '}' }, { character: '<' }, { character: 'i', after: 'mport\\b', atBreak: true }, { character: 'e', after: 'xport\\b', atBreak: true }];

/**
 * "\<", "\{" and "\}" as character references: a web address in text runs on over a backslash (GFM's
 * literal autolinks), which would leave the "<" after it unescaped; "&#x3C;" cannot be swallowed so.
 */
const CHARACTER_REFERENCE: Record<string, string> = { '<': '&#x3C;', '{': '&#x7B;', '}': '&#x7D;' };
const asCharacterReferences = (markdown: string) =>
  markdown.replace(/(?<!\\)((?:\\\\)*)\\([<{}])/g, (_match, backslashes: string, character: string) => `${backslashes}${CHARACTER_REFERENCE[character]}`);

/** `<EditorialNote>` on one line, holding its paragraph's text, escaped like any other text. */
const editorialNote: Handle = (node: { children: Paragraph[] }, _parent, state, info) => {
  const text = node.children.map((paragraph) => state.containerPhrasing(paragraph, info)).join(' ');
  return `<EditorialNote>${text}</EditorialNote>`;
};

/** Raw HTML and images are not in the site's safe subset: their text is written as text. */
const asText: Handle = (node: { value?: string; alt?: string | null }, _parent, state, info) => state.safe(node.value ?? node.alt ?? '', info);

/** A link to an address the site would refuse (javascript:, data:…) is written as its text alone. */
const safeLink: Handle = (node: Link, parent, state, info) =>
  isSafeAddress(node.url) ? defaultHandlers.link(node, parent, state, info) : state.containerPhrasing(node, info);

const markdown = unified()
  .use(remarkGfm)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fences: true,
    rule: '-',
    // never "<https://…>": MDX reads an autolink as a tag
    resourceLink: true,
    unsafe: MDX_SYNTAX,
    handlers: { mdxJsxFlowElement: editorialNote, html: asText, image: asText, link: safeLink },
  });

/** The Markdown of a document's text. */
export function markdownOf(body: Root): string {
  return asCharacterReferences(markdown.stringify(body as Nodes as Root));
}

/** How a file's data is judged before it is written: by its schema, what is left out said in the report. */
export interface Fit {
  schema: z.ZodType;
  document: string;
  report: ImportNote[];
  sourceLine?: number;
}

/** YAML frontmatter with the fields in the order given, undefined and empty lists left out. */
export function frontmatter(fields: Record<string, unknown>, comment: string, fit: Fit): string {
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
  const fitted = fitToSchema(fit.schema, present, fit.document, fit.report, fit.sourceLine);
  return `---\n${yamlWithComment(fitted, comment, { defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })}---\n`;
}

/** Every text of a value with the control characters no file can hold removed, by the one function for it. */
const withoutControls = (value: unknown): unknown =>
  typeof value === 'string' ? textForFiles(value) : Array.isArray(value) ? value.map(withoutControls) : typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype ? Object.fromEntries(Object.entries(value as object).map(([key, each]) => [key, withoutControls(each)])) : value;

/**
 * YAML written by the yaml library, its comment too: the comment is one line (a file's name in it cannot
 * start a line of its own), and no text holds a control character.
 */
export function yamlWithComment(value: unknown, comment: string, options: ToStringOptions = {}): string {
  const document = new Document(withoutControls(value));
  document.commentBefore = ` ${textForFiles(comment).replace(/\n/g, ' ')}`;
  return document.toString({ lineWidth: 0, ...options });
}
