/**
 * Turns the citations in a rendered document into links: to the page when it is in the archive, or a
 * marked citation (never a dead link) when it is not. Walks text nodes with an HTML parser, so markup
 * is never rewritten by pattern. cheerio/slim parses with htmlparser2: 1.5 ms for the 58 KB MTFS paper
 * against 5.6 ms with parse5, measured side by side.
 */
import { load } from 'cheerio/slim';
import type { Text } from 'domhandler';
import type { Archive } from './archive.ts';
import { resolvedCitations, type CitingDocument } from './link-graph.ts';
import { mayCite } from './citations.ts';

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function linkCitations(html: string, document: Omit<CitingDocument, 'text'>, archive: Archive, href: (path: string) => string): string {
  if (!mayCite(html)) return html;
  const $ = load(html, null, false);
  const textNodes: Text[] = [];
  const walk = (nodes: ReturnType<typeof $>) => {
    nodes.contents().each((_, node) => {
      if (node.type === 'text') textNodes.push(node as Text);
      else if (node.type === 'tag' && !['a', 'code', 'pre', 'script', 'style'].includes(node.name)) walk($(node));
    });
  };
  walk($.root());
  for (const node of textNodes) {
    const text = node.data;
    const found = resolvedCitations({ ...document, text }, archive);
    if (found.length === 0) continue;
    let result = '';
    let cursor = 0;
    for (const { citation, resolution } of found) {
      result += escapeHtml(text.slice(cursor, citation.start));
      const words = escapeHtml(citation.text);
      result += 'path' in resolution
        ? `<a class="citation" href="${escapeHtml(href(resolution.path))}">${words}</a>`
        : `<cite class="citation citation-missing" title="${escapeHtml(`${resolution.label}: not in this archive`)}">${words}</cite>`;
      cursor = citation.end;
    }
    result += escapeHtml(text.slice(cursor));
    $(node).replaceWith(result);
  }
  return $.html();
}
