import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { paperFeedItems } from '../../lib/feeds.ts';
import { feedResponse } from '../../lib/rss-feed.ts';

export async function GET({ site }: APIContext) {
  const { archive } = await loadArchive();
  return feedResponse({ title: 'New papers – all boards and panels', description: 'Papers published for meetings of every board and panel.', items: paperFeedItems(archive), site });
}
