import { bodyPages } from '../../data/page-routes.ts';
import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { papersFeed } from '../../data/downloads.ts';

export function getStaticPaths() {
  return bodyPages('/papers.xml');
}

export async function GET({ props, site }: APIContext) {
  const { archive } = await loadArchive();
  return papersFeed(archive, site, props.body);
}
