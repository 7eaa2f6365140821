/**
 * Papers that moved: a paper lists the addresses it was published at before (`formerAddresses`), and
 * the build writes a small page at each that leads to where it is now, so no published link breaks.
 */
import type { Archive } from '#lib/model/archive.ts';
import { escapeHtml } from '#lib/text/citation-html.ts';
import { routes } from '#lib/model/routes.ts';

export interface MovedPage {
  /** the old address, a site path such as "board/2019-06-11/07-plan/" */
  from: string;
  /** the paper's address now, such as "board/2019-06-11/7/" */
  to: string;
  title: string;
}

/** Every former address of a public paper, and where it leads. */
export function movedPages(archive: Archive): MovedPage[] {
  return archive.papers.flatMap((paper) =>
    paper.data.formerAddresses.map((former) => ({ from: routes.paper(`${paper.meetingKey}/${former}`), to: paper.path, title: paper.data.title })),
  );
}

/**
 * The page at an old address: it leads to the new one at once (a refresh to a page of this site),
 * says where the paper went for those whose browser does not follow, and is never indexed.
 */
export function movedPageHtml(page: MovedPage, siteHref: (path: string) => string, contentSecurityPolicy: string): string {
  const href = escapeHtml(siteHref(page.to));
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<meta http-equiv="content-security-policy" content="${escapeHtml(contentSecurityPolicy)}">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    `<link rel="canonical" href="${href}">`,
    `<title>Moved: ${escapeHtml(page.title)}</title></head>`,
    `<body><a class="skip-link" href="#main">Skip to main content</a><main id="main"><h1>This paper has moved</h1><p><a href="${href}">${escapeHtml(page.title)}</a> is now at this address.</p></main></body></html>`,
    '',
  ].join('\n');
}
