import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { decisionsFeed } from '../../data/downloads.ts';

export async function getStaticPaths() {
  const { archive, pageKey } = await loadArchive();
  return archive.bodies.map((body) => ({ params: { body: body.id }, props: { body }, cacheKey: pageKey({ archive: true }) }));
}

export async function GET({ props, site }: APIContext) {
  const { archive } = await loadArchive();
  return decisionsFeed(archive, site, props.body);
}
