/** Where things live: content file paths → keys and site addresses. Pure string work. */
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

/**
 * The first segments of the site's own addresses (src/pages, public/, and what the build adds): a body
 * with one of these ids would replace that page. A test keeps this list in step with src/pages.
 */
export const SITE_ROUTES = ['accessibility', 'bodies', 'contact', 'data', 'decisions', 'feeds', 'follow', 'gaps', 'privacy', 'published-information', 'forward-plans', 'declarations', 'search', 'pagefind', '_astro', 'index', 'calendar', 'sitemap', 'robots'] as const;

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

/** Joins a site path to the base the site is served under: ("/archive/", "board/") → "/archive/board/". */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base : `${base}/`;
  return `${trimmedBase}${path.replace(/^\/+/, '')}`;
}

/** An action's page: "board/2019-04-19/4.0" → "board/actions/2019-04-19-4.0/". */
export function actionPath(actionKey: string): string {
  const [body, raised, number] = actionKey.split('/');
  return `${body}/actions/${raised}-${number}/`;
}
