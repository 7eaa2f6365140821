import { bodyPages } from '../../data/page-routes.ts';
import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { decisionsFeed } from '../../data/downloads.ts';

export function getStaticPaths() {
  return bodyPages('/decisions.xml');
}

export async function GET({ props, site }: APIContext) {
  const { archive } = await loadArchive();
  return decisionsFeed(archive, site, props.body);
}
