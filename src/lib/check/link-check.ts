/** Every internal link of the built site must lead to a page that exists; so must every link staff write to a document. */
import { paperAddress, type ArchiveInput } from '#lib/model/archive.ts';
import { locateContentFile } from '#lib/model/document-kinds.ts';
import { SITE_PAGES, meetingKey, routes } from '#lib/model/routes.ts';
import type { Problem } from './problem.ts';

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

/** A link to the site written in a document's text, with the file (as problems name it) and line. */
export interface LinkWritten {
  file: string;
  line: number;
  href: string;
}

/**
 * Links staff write to the site's own documents ("/board/2019-06-11/9/") must lead to one. Links to
 * other pages of the site are checked when the build has written them.
 */
export function checkLinksWritten(input: ArchiveInput, links: readonly LinkWritten[]): Problem[] {
  const problems: Problem[] = [];
  const bodyIds = new Set(input.bodies.map((body) => body.id));
  const addresses = new Set<string>([SITE_PAGES.decisions, ...[...bodyIds].map(routes.body)]);
  for (const meeting of input.meetings) {
    const { body, date } = locateContentFile(meeting.file);
    const key = meetingKey(body!, date!);
    addresses.add(routes.meeting(key)).add(routes.bodyYear(body!, date!.slice(0, 4))).add(routes.bodyActions(body!));
  }
  for (const paper of input.papers) addresses.add(routes.paper(paperAddress(paper)!));
  for (const { file } of input.minutes) {
    const { body, date } = locateContentFile(file);
    addresses.add(routes.minutes(meetingKey(body!, date!)));
  }
  for (const { file } of input.forwardPlans) {
    const { body, date } = locateContentFile(file);
    addresses.add(routes.forwardPlan(meetingKey(body!, date!)));
  }
  for (const decision of input.decisions) addresses.add(routes.decision(decision.data.id)).add(routes.decisionsYear(decision.data.date.slice(0, 4)));

  for (const link of links) {
    const path = link.href.replace(/^\//, '').split(/[#?]/)[0]!;
    const first = path.split('/')[0]!;
    if (!bodyIds.has(first) && `${first}/` !== SITE_PAGES.decisions) continue;
    const withSlash = path.endsWith('/') ? path : `${path}/`;
    if (!addresses.has(withSlash) && !/^[a-z]+\/actions\/.+/.test(withSlash)) {
      problems.push({
        file: link.file,
        line: link.line,
        field: 'link',
        message: `found "${link.href}", which is not a page of the site; expected the address of a meeting, paper, minutes or decision, such as /board/2019-06-11/9/`,
      });
    }
  }
  return problems;
}
