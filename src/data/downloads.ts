/**
 * The files the site offers besides its pages: feeds, calendars and open data, each made here once, for its
 * endpoint to serve and for the pages that link to it to give its type and size; and the originals kept
 * beside meetings and papers.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { meetingsOfBody, type Archive, type MeetingRecord } from '#lib/model/archive.ts';
import { attachmentDescription, attachmentsOf, type PublishedAttachment } from '#lib/check/attachments.ts';
import { contentDirectory } from '#lib/build/content-directory.ts';
import { calendarResponse } from './calendar-response.ts';
import { decisionFeedItems, paperFeedItems } from '#lib/outputs/feeds.ts';
import { fileSizeText } from '#lib/check/file-size.ts';
import { actionRecords, csvTables, decisionRecords, declarationRecords, jsonSchemaOf, meetingRecords, paperRecords, plannedDecisionRecords, type OpenDataName } from '#lib/outputs/open-data.ts';
import { feedResponse } from './rss-feed.ts';
import type { Body } from '#lib/model/schema.ts';
import { absoluteHref } from './site.ts';

type Site = URL | undefined;

export const papersFeed = (archive: Archive, site: Site, body?: Body) =>
  body
    ? feedResponse({ title: `New papers – ${body.name}`, description: `Papers published for meetings of the ${body.name}.`, items: paperFeedItems(archive, body.id), site })
    : feedResponse({ title: 'New papers – all boards and panels', description: 'Papers published for meetings of every board and panel.', items: paperFeedItems(archive), site });

export const decisionsFeed = (archive: Archive, site: Site, body?: Body) =>
  body
    ? feedResponse({
        title: `Decisions – ${body.name}`,
        description: `Decisions of the ${archive.office.publisher} discussed at, or notified to, the ${body.name}.`,
        items: decisionFeedItems(archive, body.id),
        site,
      })
    : feedResponse({ title: `New decisions of the ${archive.office.publisher}`, description: "The Commissioner's decision records, newest first.", items: decisionFeedItems(archive), site });

export const meetingsCalendarFile = (archive: Archive, site: Site, body?: Body) =>
  body ? calendarResponse(`Meetings of the ${body.name}`, meetingsOfBody(archive, body.id), site) : calendarResponse('Meetings of all boards and panels', archive.meetings, site);

export const meetingCalendarFile = (meeting: MeetingRecord, site: Site) => calendarResponse(`${meeting.body.name} meeting`, [meeting], site);

/** The CSV files: one for each kind of record, and one of agenda items. */
export const CSV_NAMES = ['meetings', 'agenda-items', 'papers', 'decisions', 'actions', 'declarations', 'planned-decisions'] as const;

/** The CSV files are written together, once for the archive rather than once for each file. */
const csvTablesByArchive = new WeakMap<object, ReturnType<typeof csvTables>>();

/** An open data file by its name: "papers.json", "papers.schema.json", "agenda-items.csv". */
export function openDataFile(file: string, archive: Archive, site: Site): Response {
  const href = (path: string) => absoluteHref(path, site);
  const json = (value: unknown) => new Response(`${JSON.stringify(value, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
  if (file.endsWith('.schema.json')) return json(jsonSchemaOf(file.replace('.schema.json', '') as OpenDataName));
  if (file.endsWith('.csv')) {
    const tables = csvTablesByArchive.get(archive) ?? csvTables(archive, href);
    csvTablesByArchive.set(archive, tables);
    return new Response(tables[file.replace('.csv', '') as keyof typeof tables], { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  const records = { meetings: meetingRecords, papers: paperRecords, decisions: decisionRecords, actions: (a: Archive) => actionRecords(a), declarations: declarationRecords, 'planned-decisions': plannedDecisionRecords };
  return json(records[file.replace('.json', '') as OpenDataName](archive, href));
}

/** What a link to a download says after it: "iCalendar file, 2 KB". */
export async function downloadDescription(kind: string, file: Response | Promise<Response>): Promise<string> {
  const bytes = (await (await file).clone().arrayBuffer()).byteLength;
  return `${kind}, ${fileSizeText(bytes)}`;
}

const contentDir = contentDirectory();

/** The originals of a meeting or paper, each with what its link says after it: "PDF, 1.2 MB". */
export function originalFiles(record: Parameters<typeof attachmentsOf>[0], meetingPath: string): (PublishedAttachment & { description: string })[] {
  return attachmentsOf(record, meetingPath).map((attachment) => ({
    ...attachment,
    description: attachmentDescription(attachment.file, statSync(join(contentDir, attachment.file)).size),
  }));
}
