/** Site-wide names, from content/site.yaml, and the address helper that every link goes through. */
import { loadSite } from './archive.ts';
import { formatDate } from '#lib/model/dates.ts';
import { withBase } from '#lib/model/routes.ts';
import type { Site } from '#lib/model/schema.ts';

/** The publisher, its contacts and the facts of the accessibility statement, as content/site.yaml gives them. */
export const SITE: Site = await loadSite();
export const SITE_NAME = SITE.siteName;
export const PUBLISHER = SITE.name;

/** A link to a page of the site, under whatever base it is served. */
export function siteHref(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** The full address of a page of the site, for feeds, calendars and metadata. */
export function absoluteHref(path: string, site: URL | undefined): string {
  if (!site) throw new Error('the site address is not set: set SITE_URL, such as https://papers.example.org');
  return new URL(siteHref(path), site).toString();
}

/**
 * A page's <title>: the page, what it belongs to, and the site, such as
 * "Review of Complaints – Business Coordination Board, 10 May 2018 – Board papers".
 */
export function pageTitle(title: string, siteName: string, context?: string): string {
  if (title === siteName) return siteName;
  return [title, context, siteName].filter(Boolean).join(' – ');
}

/**
 * What a document belongs to, for its page title: the body and the meeting's date, "Business
 * Coordination Board, 10 May 2018", or the body alone when the title already gives the date.
 */
export function documentContext(title: string, bodyName: string, date: string): string {
  const day = formatDate(date);
  return title.includes(day) ? bodyName : `${bodyName}, ${day}`;
}

/** The compliance status the accessibility statement gives: full only when no problem is known. */
export function complianceStatus(knownIssues: readonly string[]): 'fully compliant' | 'partially compliant' {
  return knownIssues.length === 0 ? 'fully compliant' : 'partially compliant';
}
