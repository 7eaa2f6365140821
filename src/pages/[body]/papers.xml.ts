import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { paperFeedItems } from '../../lib/feeds.ts';
import { feedResponse } from '../../lib/rss-feed.ts';

export async function getStaticPaths() {
  const { archive } = await loadArchive();
  return archive.bodies.map((body) => ({ params: { body: body.id }, props: { name: body.name } }));
}

export async function GET({ params, props, site }: APIContext) {
  const { archive } = await loadArchive();
  return feedResponse({ title: `New papers – ${props.name}`, description: `Papers published for meetings of the ${props.name}.`, items: paperFeedItems(archive, params.body), site });
}
