/**
 * The cache keys of incremental builds. Astro copies a page from the previous build when the page's code
 * and its `cacheKey` are unchanged (experimental.incrementalBuild), and it ties a page only to the content
 * entries the page rendered itself: not to a paper it quotes, a decision it lists or a meeting it links.
 * So each key here is a digest of every record its page reads, found through the archive's indexes and
 * the link graph: a change to any of them changes the key, and the page is rendered again.
 *
 * A page with no key is rendered on every build (Astro only skips a path that returns a `cacheKey`), so a
 * page that forgets its key costs time, never a stale page. A key that is too wide costs time too; one
 * that is too narrow would publish a stale page, which tests/incremental.test.ts would find.
 */
import { createHash } from 'node:crypto';
import { approvingMeeting, neighbourMeetings, type Archive, type MeetingRecord } from '#lib/model/archive.ts';
import { attachmentsOf } from '#lib/check/attachments.ts';
import { flattenAgenda } from '#lib/model/agenda.ts';
import { resolvedCitations, type CitingDocument, type LinkGraph } from '#lib/text/link-graph.ts';
import { meetingKey } from '#lib/model/routes.ts';
import { termsUsedIn } from '#lib/text/glossary.ts';

/** What a page shows, named by the record it is about; the records it reads besides follow from that. */
export type PageReads =
  /** a meeting's page, a paper's, its minutes or its calendar file: all read the meeting and its papers */
  | { meeting: string }
  | { decision: string }
  | { action: string }
  /** a register, a year, a feed, a calendar of many meetings, open data: every record */
  | { archive: true };

export interface KeyInputs {
  archive: Archive;
  linkGraph: LinkGraph;
  /** the texts that cite, by the path of their page (the same the pages link with) */
  citingByPath: ReadonlyMap<string, CitingDocument>;
  /** a digest of a content file's data and text, by its path under content/ */
  fileDigest: (file: string) => string;
  /** the text of a content file that is not a citing document (a meeting's own text) */
  bodyText: (file: string) => string;
  /** the size in bytes of an original kept beside a meeting, by its path under content/ */
  originalBytes: (file: string) => number;
  /** what every page shows, such as the publisher (site.yaml); the bodies are added here */
  site: unknown;
}

/** A digest of any JSON value, written with its keys sorted so that the order of fields never matters. */
export function digestOf(value: unknown): string {
  const sorted = (item: unknown): unknown => {
    if (item instanceof Map) return [...item].map(([key, entry]) => [key, sorted(entry)]);
    if (Array.isArray(item)) return item.map(sorted);
    if (item && typeof item === 'object') return Object.fromEntries(Object.keys(item).sort().map((key) => [key, sorted((item as Record<string, unknown>)[key])]));
    return item;
  };
  return createHash('sha256').update(JSON.stringify(sorted(value) ?? null)).digest('base64url');
}

/** A content file's digest: its validated data and its text. */
export function contentDigest(data: unknown, body: string | undefined): string {
  return digestOf({ data, body: body ?? '' });
}

/**
 * Makes the key of every page from the archive of this build. Each meeting's part is worked out once and
 * shared by its pages; the key of the whole archive, once.
 */
export function createPageKeys(inputs: KeyInputs): (reads: PageReads) => string {
  const { archive, linkGraph, citingByPath, fileDigest } = inputs;
  const site = digestOf({ site: inputs.site, bodies: archive.bodies });
  /** who cites a page, with the words quoted, and where each of its own citations leads */
  const trail = (path: string, fallback?: CitingDocument) => {
    const document = citingByPath.get(path) ?? fallback;
    return {
      citedBy: linkGraph.citedBy.get(path) ?? [],
      cites: document ? resolvedCitations(document, archive).map(({ citation, resolution }) => [citation.start, citation.end, resolution]) : [],
    };
  };
  /**
   * The glossary's entries for the terms these texts use: a page explains the first use of each (src/lib/text/glossary.ts),
   * so a change to one of them, or a new term the texts use, changes the page. The text is read whole, so a
   * term used only where no explanation is written (a heading, a link) counts too: a key too wide, never too narrow.
   */
  const glossaryOf = (files: string[]) => termsUsedIn(files.map(inputs.bodyText).join('\n\n'), archive.glossary);
  const summary = (meeting: MeetingRecord | undefined) => meeting && { key: meeting.key, file: fileDigest(meeting.file), minutes: meeting.minutes ? fileDigest(meeting.minutes.file) : null };

  const meetingParts = new Map<string, string>();
  const meetingPart = (key: string): string => {
    const cached = meetingParts.get(key);
    if (cached) return cached;
    const meeting = archive.meetingByKey.get(key);
    if (!meeting) throw new Error(`no meeting ${key} in the archive, for a page's cache key`);
    const { previous, next } = neighbourMeetings(archive, meeting);
    const part = digestOf({
      meeting: fileDigest(meeting.file),
      text: trail(meeting.path, { path: meeting.path, title: '', text: inputs.bodyText(meeting.file) }),
      actionLog: meeting.actionLog ? fileDigest(meeting.actionLog.file) : null,
      forwardPlan: meeting.forwardPlan ? fileDigest(meeting.forwardPlan.file) : null,
      originals: [meeting, ...meeting.papers].flatMap((record) => attachmentsOf(record, meeting.path)).map((original) => [original.file, inputs.originalBytes(original.file)]),
      papers: meeting.papers.map((paper) => ({
        key: paper.key,
        file: fileDigest(paper.file),
        decisions: (archive.decisionsByPaper.get(paper.key) ?? []).map((decision) => [decision.key, fileDigest(decision.file)]),
        trail: trail(paper.path),
      })),
      minutes: meeting.minutes ? { file: fileDigest(meeting.minutes.file), trail: trail(meeting.minutes.path) } : null,
      approvedAt: summary(approvingMeeting(archive, meeting)),
      // the agenda's minutes items link the meetings whose minutes they approve
      minutesOf: flattenAgenda(meeting.data.agenda).flatMap((item) => (item.minutesOf ? [summary(archive.meetingByKey.get(meetingKey(meeting.body.id, item.minutesOf))) ?? item.minutesOf] : [])),
      previous: summary(previous),
      next: summary(next),
      glossary: glossaryOf([meeting.file, ...meeting.papers.map((paper) => paper.file), ...(meeting.minutes ? [meeting.minutes.file] : [])]),
    });
    meetingParts.set(key, part);
    return part;
  };

  const decisionPart = (id: string): string => {
    const decision = archive.decisionById.get(id);
    if (!decision) throw new Error(`no decision ${id} in the archive, for a page's cache key`);
    const paper = (address: string) => {
      const record = archive.paperByKey.get(address);
      return record ? { key: record.key, file: fileDigest(record.file), meeting: summary(archive.meetingByKey.get(record.meetingKey)) } : address;
    };
    const meeting = (key: string | undefined) => (key === undefined ? null : (summary(archive.meetingByKey.get(key)) ?? key));
    return digestOf({
      decision: fileDigest(decision.file),
      papers: decision.data.papers.map(paper),
      meeting: meeting(decision.data.meeting),
      notified: meeting(decision.data.notified),
      trail: trail(decision.path),
      glossary: glossaryOf([decision.file]),
    });
  };

  let actionByKey: Map<string, Archive['actions'][number]> | undefined;
  const actionPart = (key: string): string => {
    actionByKey ??= new Map(archive.actions.map((action) => [action.key, action]));
    const action = actionByKey.get(key);
    if (!action) throw new Error(`no action ${key} in the archive, for a page's cache key`);
    return digestOf({ action, raisedAt: summary(archive.meetingByKey.get(meetingKey(action.body, action.raised))) ?? null });
  };

  let archivePart: string | undefined;
  const wholeArchive = () =>
    (archivePart ??= digestOf({
      meetings: archive.meetings.map((meeting) => [meeting.key, meetingPart(meeting.key)]),
      decisions: archive.decisions.map((decision) => [decision.key, decisionPart(decision.data.id)]),
      gaps: linkGraph.gaps,
      counts: linkGraph.counts,
    }));

  return (reads) => {
    const part =
      'meeting' in reads ? ['meeting', meetingPart(reads.meeting)]
      : 'decision' in reads ? ['decision', decisionPart(reads.decision)]
      : 'action' in reads ? ['action', actionPart(reads.action)]
      : ['archive', wholeArchive()];
    return digestOf([site, ...part]);
  };
}
