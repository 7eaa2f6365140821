import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { decisionFeedItems } from '../../lib/feeds.ts';
import { feedResponse } from '../../lib/rss-feed.ts';

export async function GET({ site }: APIContext) {
  const { archive } = await loadArchive();
  return feedResponse({ title: "New decisions of the Police and Crime Commissioner", description: "The Commissioner's decision records, newest first.", items: decisionFeedItems(archive), site });
}
