/** An RSS 2.0 feed response, written by @astrojs/rss. */
import rss from '@astrojs/rss';
import type { FeedItem } from '#lib/outputs/feeds.ts';
import { absoluteHref } from './site.ts';

export function feedResponse(options: { title: string; description: string; items: FeedItem[]; site: URL | undefined }): Promise<Response> {
  return rss({
    title: options.title,
    description: options.description,
    site: absoluteHref('', options.site),
    items: options.items.map((item) => ({
      title: item.title,
      pubDate: new Date(`${item.date}T00:00:00Z`),
      description: item.summary,
      link: absoluteHref(item.path, options.site),
      categories: [item.body],
    })),
    customData: '<language>en-gb</language>',
  });
}
