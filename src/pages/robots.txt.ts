import type { APIContext } from 'astro';
import { absoluteHref } from '../lib/site.ts';

export function GET({ site }: APIContext) {
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteHref('sitemap-index.xml', site)}\n`, { headers: { 'Content-Type': 'text/plain' } });
}
