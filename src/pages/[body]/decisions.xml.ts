import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { decisionFeedItems } from '../../lib/feeds.ts';
import { feedResponse } from '../../lib/rss-feed.ts';

export async function getStaticPaths() {
  const { archive } = await loadArchive();
  return archive.bodies.map((body) => ({ params: { body: body.id }, props: { name: body.name } }));
}

export async function GET({ params, props, site }: APIContext) {
  const { archive } = await loadArchive();
  return feedResponse({
    title: `Decisions – ${props.name}`,
    description: `Decisions of the Police and Crime Commissioner discussed at, or notified to, the ${props.name}.`,
    items: decisionFeedItems(archive, params.body),
    site,
  });
}
