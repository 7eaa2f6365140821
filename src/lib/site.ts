/** Site-wide names and the address helper that every link goes through. */
import { withBase } from './paths.ts';

export const SITE_NAME = 'Board papers';
export const PUBLISHER = 'Office of the Police and Crime Commissioner';

/** A link to a page of the site, under whatever base it is served. */
export function siteHref(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** The full address of a page of the site, for feeds, calendars and metadata. */
export function absoluteHref(path: string, site: URL | undefined): string {
  if (!site) throw new Error('the site address is not set: set SITE_URL, such as https://papers.example.org');
  return new URL(siteHref(path), site).toString();
}
