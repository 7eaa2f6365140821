/**
 * The routes: every address of the site, as a path without the base ("board/2019-06-11/"), made here and
 * nowhere else. The archive gives each record its path from these, the pages link with them, and the
 * check and the build's link check read the same. Pure string work; siteHref adds the base.
 */
import { normaliseAgendaNumber } from './agenda.ts';
import type { DecisionNumbering } from './decision-numbering.ts';

/** "OPCC 2017-020" → "opcc-2017-020", "PFCC/045/21" → "pfcc-045-21": the address segment of a decision. */
export function decisionSlug(id: string): string {
  return id.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Where a decision's file sits: decisions/<year>/<slug>.mdx, under the year its id names, or the
 * year of its date when the office's ids name none.
 */
export function decisionFile(id: string, date: string, numbering: DecisionNumbering): string {
  return `decisions/${numbering.yearOf(id) ?? date.slice(0, 4)}/${decisionSlug(id)}.mdx`;
}

/** The site's own pages, each by name: the addresses of the pages and files that are not records. */
export const SITE_PAGES = {
  home: '',
  bodies: 'bodies/',
  decisions: 'decisions/',
  forwardPlans: 'forward-plans/',
  declarations: 'declarations/',
  glossary: 'glossary/',
  search: 'search/',
  searchGlossary: 'search-glossary.json',
  searchQueryScript: 'search-query.js',
  follow: 'follow/',
  data: 'data/',
  gaps: 'gaps/',
  gapsData: 'gaps.json',
  accessibility: 'accessibility/',
  contact: 'contact/',
  privacy: 'privacy/',
  publishedInformation: 'published-information/',
  papersFeed: 'feeds/papers.xml',
  decisionsFeed: 'feeds/decisions.xml',
  calendar: 'calendar.ics',
  robots: 'robots.txt',
  sitemap: 'sitemap-index.xml',
} as const;

/**
 * The first segments of the site's own addresses (its pages, public/, and what the build adds): a body
 * with one of these ids would replace that page. A test keeps this list in step with src/pages.
 */
export const SITE_ROUTES = [
  ...new Set(Object.values(SITE_PAGES).flatMap((path) => (path ? [path.split(/[/.]/)[0]!] : []))),
  'pagefind',
  '_astro',
  'index',
] as const;

export function meetingKey(body: string, date: string): string {
  return `${body}/${date}`;
}

/**
 * The address segment of a paper within its meeting. It depends on the paper's own file alone, so that
 * no other file, public or not, can ever move it: the `address` it gives, else its agenda number ("9",
 * "8.1"), else its file name. A second paper under one agenda item gives an address of its own.
 */
export function paperSegment(stem: string, item: string | undefined, address?: string): string {
  if (address !== undefined) return address;
  if (item !== undefined) return normaliseAgendaNumber(item);
  return stem;
}

/** Segments of a meeting's own pages, which no paper may take as its address. */
export const MEETING_ROUTES = ['minutes', 'forward-plan', 'calendar.ics', 'index'] as const;

/**
 * Names no paper may take as its address (or former address): a meeting's own pages, and the site's own
 * top-level names (search, data, feeds, pagefind…), which a reader or a server would take for the site's.
 */
export const RESERVED_ADDRESSES: readonly string[] = [...new Set<string>([...MEETING_ROUTES, ...SITE_ROUTES])];

/**
 * Whether an address segment ends like a file's name: a dot, then letters and digits with at least one
 * letter ("index.html", "report.pdf", "calendar.ics", "x.7z"). A web server serves such an address as a
 * file of that type, never as a page's folder. An agenda number's dots ("8.1", "8.1-annex") do not.
 */
export function endsLikeFileName(segment: string): boolean {
  return /\.[a-z0-9]*[a-z][a-z0-9]*$/i.test(segment);
}

/** Joins a site path to the base the site is served under: ("/archive/", "board/") → "/archive/board/". */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base : `${base}/`;
  return `${trimmedBase}${path.replace(/^\/+/, '')}`;
}

/** The addresses of the records and of their pages and files, each from the record's key or id. */
export const routes = {
  body: (bodyId: string) => `${bodyId}/`,
  bodyYear: (bodyId: string, year: string) => `${bodyId}/${year}/`,
  bodyActions: (bodyId: string) => `${bodyId}/actions/`,
  bodyPapersFeed: (bodyId: string) => `${bodyId}/papers.xml`,
  bodyDecisionsFeed: (bodyId: string) => `${bodyId}/decisions.xml`,
  bodyCalendar: (bodyId: string) => `${bodyId}/calendar.ics`,
  /** a meeting, by its key "board/2019-06-11" */
  meeting: (key: string) => `${key}/`,
  meetingCalendar: (key: string) => `${key}/calendar.ics`,
  meetingActionLog: (key: string) => `${key}/#action-log`,
  agendaItem: (key: string, number: string) => `${key}/#item-${number}`,
  minutes: (key: string) => `${key}/minutes/`,
  forwardPlan: (key: string) => `${key}/forward-plan/`,
  /** a paper, by its key "board/2019-06-11/9" */
  paper: (key: string) => `${key}/`,
  /** a decision, by its id "ABC 2017-020" */
  decision: (id: string) => `decisions/${decisionSlug(id)}/`,
  decisionsYear: (year: string) => `decisions/${year}/`,
  /** an action, by its key "board/2019-04-19/4.0": "board/actions/2019-04-19-4.0/" */
  action: (key: string) => {
    const [body, raised, number] = key.split('/');
    return `${body}/actions/${raised}-${number}/`;
  },
  dataFile: (name: string) => `data/${name}`,
} as const;

/**
 * The params of a page file's route from a site path: ("board/2019-06-11/8.1/", "[body]/[date]/[paper]")
 * → { body: "board", date: "2019-06-11", paper: "8.1" }. Every segment that is not a [param] must be the
 * path's own, so a route file and the routes above cannot drift apart unseen.
 */
export function paramsOf(path: string, route: string): Record<string, string> {
  const segments = path.replace(/\/$/, '').split('/');
  const parts = route.split('/');
  if (segments.length !== parts.length) throw new Error(`the address ${path} does not fit the route ${route}`);
  const params: Record<string, string> = {};
  parts.forEach((part, index) => {
    const name = /^\[(\w+)\]$/.exec(part)?.[1];
    if (name) params[name] = segments[index]!;
    else if (part !== segments[index]) throw new Error(`the address ${path} does not fit the route ${route}`);
  });
  return params;
}
