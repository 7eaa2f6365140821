import type { APIContext } from 'astro';
import { absoluteHref } from '../data/site.ts';
import { SITE_PAGES } from '#lib/model/routes.ts';

export function GET({ site }: APIContext) {
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteHref(SITE_PAGES.sitemap, site)}\n`, { headers: { 'Content-Type': 'text/plain' } });
}
