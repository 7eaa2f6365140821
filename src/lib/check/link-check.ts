/** Every internal link of the built site must lead to a page that exists. */

export interface BrokenLink {
  /** the page holding the link, as a path under the output folder */
  page: string;
  href: string;
}

// Astro writes every attribute in double quotes; only href and src can lead to another file.
const LINK_ATTRIBUTE = /\s(?:href|src)="([^"#?]*)(?:[#?][^"]*)?"/g;

/**
 * The links of a page that point inside the site (under `base`) at a file that does not exist.
 * `exists` answers for a path under the output folder, such as "board/2019-06-11/index.html".
 */
export function brokenLinks(page: string, html: string, base: string, exists: (path: string) => boolean): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const match of html.matchAll(LINK_ATTRIBUTE)) {
    const href = match[1]!;
    if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
    let target: string;
    if (href.startsWith('/')) {
      if (!href.startsWith(base)) {
        broken.push({ page, href });
        continue;
      }
      target = href.slice(base.length);
    } else {
      target = new URL(href, `http://site/${page}`).pathname.slice(1);
    }
    target = decodeURIComponent(target);
    const file = target === '' || target.endsWith('/') ? `${target}index.html` : target;
    if (!exists(file)) broken.push({ page, href: match[1]! });
  }
  return broken;
}

/** Links written in content, Markdown or HTML, that point at the site itself: "/board/2019-06-11/9/". */
export function internalLinksInText(text: string): { href: string; line: number }[] {
  const links: { href: string; line: number }[] = [];
  text.split('\n').forEach((lineText, index) => {
    for (const match of lineText.matchAll(/\]\((\/[^)\s]*)\)|href="(\/[^"]*)"/g)) links.push({ href: (match[1] ?? match[2])!, line: index + 1 });
  });
  return links;
}
