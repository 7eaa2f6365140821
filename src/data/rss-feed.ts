/** An RSS 2.0 feed response, written by @astrojs/rss. */
import rss from '@astrojs/rss';
import { rssOptions, type FeedItem } from '#lib/outputs/feeds.ts';
import { absoluteHref } from './site.ts';

export function feedResponse(options: { title: string; description: string; items: FeedItem[]; site: URL | undefined }): Promise<Response> {
  return rss(rssOptions(options, (path) => absoluteHref(path, options.site)));
}
