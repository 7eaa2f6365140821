/** Site-wide names and the address helper that every link goes through. */
import { withBase } from './paths.ts';

export const SITE_NAME = 'Board papers';
export const PUBLISHER = 'Office of the Police and Crime Commissioner';

/** A link to a page of the site, under whatever base it is served. */
export function siteHref(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
