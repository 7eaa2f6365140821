/**
 * The HTML of a document's text. The text is judged first (src/lib/text/safe-content.ts) and refused whole if
 * anything in it is outside the safe subset; it is then parsed by the same parser into an HTML tree and
 * written out as HTML. It is never compiled to code, so nothing in a file under content/ can run when
 * the site is built.
 */
import Slugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import { mdxToHast } from 'satteri';
import { withBase } from '#lib/model/routes.ts';
import { CONTENT_FEATURES, CONTENT_HTML_ELEMENTS, UnsafeContentError, findUnsafeContent } from './safe-content.ts';

interface HastNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** What the publisher's note is on the page: a note, not a landmark, since a page may hold many. */
function editorialNote(children: HastNode[]): HastNode {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['editorial-note'], role: 'note' },
    children: [{ type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: 'Note from the publisher' }] }, ...children],
  };
}

/**
 * GFM writes a table column's alignment as an inline style, which a strict Content-Security-Policy
 * blocks; the site writes it as a class instead (`align-right`), styled by its own stylesheet.
 */
function alignmentAsClass(node: HastNode): void {
  const style = node.properties?.style;
  if (typeof style !== 'string') return;
  delete node.properties!.style;
  const align = /^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$/.exec(style)?.[1];
  if (align) node.properties!.className = [`align-${align}`];
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function textContent(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textContent).join('');
}

/**
 * The tree as plain HTML: the site's component and the HTML elements content may use become elements,
 * alignments become classes, and each heading without an id (the footnotes' has one) gets one from its
 * words, as Astro gives Markdown's (github-slugger: "Drugs & Alcohol" is `drugs--alcohol`, a repeat
 * gets `-1`). The text was judged first, so any other MDX node here is a fault of the site, and stops
 * the build rather than being written out.
 */
function asPlainHtml(node: HastNode, slugger: Slugger): HastNode {
  const children = node.children?.map((child) => asPlainHtml(child, slugger));
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    if (node.name === 'EditorialNote') return editorialNote(children ?? []);
    if (node.name && Object.hasOwn(CONTENT_HTML_ELEMENTS, node.name)) return { type: 'element', tagName: node.name, properties: {}, children: children ?? [] };
    throw new Error(`content-html: <${node.name}> passed the judge but has no HTML`);
  }
  if (node.type.startsWith('mdx')) throw new Error(`content-html: a ${node.type} passed the judge`);
  if (node.type === 'element' && (node.tagName === 'th' || node.tagName === 'td')) alignmentAsClass(node);
  if (node.type === 'element' && HEADINGS.has(node.tagName!) && typeof node.properties?.id !== 'string') {
    return { ...node, properties: { ...node.properties, id: slugger.slug(textContent(node)) }, children };
  }
  return children ? { ...node, children } : node;
}

/** An address of this site as staff write it: "/contact/", "/bcb/2019-06-11/9/#para-3.1" (not "//host"). */
const SITE_ADDRESS = /^\/(?!\/)/;

/**
 * Staff write a link to a page of the site by its address from the site's root ("/contact/"); the site may
 * be served under a sub-path (BASE_PATH), so each such link is moved under `base` here, where every text
 * is rendered. Other links (other sites, mail, a fragment of the same page) are left as written.
 */
function siteLinksUnderBase(node: HastNode, base: string): void {
  const href = node.type === 'element' && node.tagName === 'a' ? node.properties?.href : undefined;
  if (typeof href === 'string' && SITE_ADDRESS.test(href)) node.properties!.href = withBase(base, href);
  node.children?.forEach((child) => siteLinksUnderBase(child, base));
}

/**
 * The HTML of a document's text, `text` being the file with its frontmatter blanked (so that a
 * problem's line is the file's), for a site served under `base` ("/" at the root of its host).
 * Throws UnsafeContentError, naming `file`, on anything the text may not use.
 */
export function contentHtml(text: string, file?: string, base = '/'): string {
  const problems = findUnsafeContent(text);
  if (problems.length > 0) throw new UnsafeContentError(problems, file);
  const tree = asPlainHtml(mdxToHast(text, { features: CONTENT_FEATURES, position: false }) as unknown as HastNode, new Slugger());
  siteLinksUnderBase(tree, base);
  return toHtml(tree as Parameters<typeof toHtml>[0], {
    characterReferences: { useNamedReferences: true },
    closeSelfClosing: true,
    tightSelfClosing: true,
  });
}
