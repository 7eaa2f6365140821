/** Feed items for new papers and decisions: what a subscriber sees in a feed reader. */
import type { Archive, DecisionRecord, PaperRecord } from '#lib/model/archive.ts';
import { formatDate } from '#lib/model/dates.ts';
import type { RSSOptions } from '@astrojs/rss';
import { feedText, textForFiles } from './format-text.ts';

export interface FeedItem {
  title: string;
  /** the date the item is dated by: the paper's meeting, or the decision */
  date: string;
  /** site path without base */
  path: string;
  body: string;
  summary: string;
}

/** Newest first, at most `limit`. */
export function paperFeedItems(archive: Archive, bodyId?: string, limit = 50): FeedItem[] {
  return archive.papers
    .filter((paper) => bodyId === undefined || archive.meetingByKey.get(paper.meetingKey)?.body.id === bodyId)
    .map((paper) => paperItem(archive, paper))
    .sort((a, b) => b.date.localeCompare(a.date) || a.path.localeCompare(b.path))
    .slice(0, limit);
}

function paperItem(archive: Archive, paper: PaperRecord): FeedItem {
  const meeting = archive.meetingByKey.get(paper.meetingKey)!;
  const where = `${meeting.body.name}, ${formatDate(meeting.date)}${paper.data.item ? `, agenda item ${paper.data.item}` : ''}`;
  const recommendation = paper.data.recommendations.join(' ');
  return {
    title: paper.data.title,
    date: meeting.date,
    path: paper.path,
    body: meeting.body.name,
    summary: recommendation ? `${where}. Recommendation: ${recommendation}` : `${where}.`,
  };
}

/** Decisions are the Commissioner's; a body's decision feed holds those discussed at or notified to it. */
export function decisionFeedItems(archive: Archive, bodyId?: string, limit = 50): FeedItem[] {
  return archive.decisions
    .filter((decision) => bodyId === undefined || decisionBodies(decision).includes(bodyId))
    .map((decision) => ({
      title: `${decision.data.id}: ${decision.data.title}`,
      date: decision.data.date,
      path: decision.path,
      body: archive.office.publisher,
      summary: decision.data.summary ?? decision.data.title,
    }))
    .slice(0, limit);
}

export function decisionBodies(decision: DecisionRecord): string[] {
  return [decision.data.meeting, decision.data.notified, ...decision.data.papers]
    .filter((address): address is string => address !== undefined)
    .map((address) => address.split('/')[0]!);
}

/**
 * A feed as @astrojs/rss writes it (RSS 2.0). Every title and description is text, HTML-escaped and without
 * control characters (feedText), so a reader that renders them as HTML shows the words; a category is
 * plain text, without control characters.
 */
export function rssOptions(feed: { title: string; description: string; items: readonly FeedItem[] }, absoluteUrl: (path: string) => string): RSSOptions {
  return {
    title: feedText(feed.title),
    description: feedText(feed.description),
    site: absoluteUrl(''),
    items: feed.items.map((item) => ({
      title: feedText(item.title),
      pubDate: new Date(`${item.date}T00:00:00Z`),
      description: feedText(item.summary),
      link: absoluteUrl(item.path),
      categories: [textForFiles(item.body)],
    })),
    customData: '<language>en-gb</language>',
  };
}
