/**
 * The archive: every public document, with what can be derived from where it sits, indexed once.
 * Built from validated entries, by the site (from Astro's collections) and by the content check.
 * Longer than 300 lines on purpose: every index of the archive is built here once, in one pass over the
 * records, so that no page walks a collection; what each index derives lives in its own module (actions.ts…).
 */
import type { ActionLog, AgendaItem, Body, Decision, ForwardPlan, Glossary, GlossaryTerm, Meeting, Minutes, Paper } from './schema.ts';
import { compareAgendaNumbers, findAgendaItem, flattenAgenda, normaliseAgendaNumber } from './agenda.ts';
import { decisionSlug, meetingKey, paperSegment, routes } from './routes.ts';
import { locateContentFile } from './document-kinds.ts';
import { buildActionHistories, type ActionHistory } from './actions.ts';
import { officeOf, type Office, type OfficeSettings } from './office.ts';

/** A validated entry and the file it came from (relative to content/). */
export interface Sourced<T> {
  file: string;
  data: T;
}

export interface ArchiveInput {
  bodies: Body[];
  meetings: Sourced<Meeting>[];
  papers: Sourced<Paper>[];
  minutes: Sourced<Minutes>[];
  actionLogs: Sourced<ActionLog>[];
  forwardPlans: Sourced<ForwardPlan>[];
  decisions: Sourced<Decision>[];
  /** content/glossary.yaml, when there is one (an office may have none yet) */
  glossary?: Sourced<Glossary>[];
  /** the office's settings of content/site.yaml that reading its papers needs; left out while that file cannot be read */
  site?: OfficeSettings | undefined;
}

export interface MeetingRecord {
  key: string;
  /** site path without base, e.g. "board/2019-06-11/" */
  path: string;
  file: string;
  body: Body;
  date: string;
  title: string;
  data: Meeting;
  papers: PaperRecord[];
  minutes?: MinutesRecord;
  actionLog?: Sourced<ActionLog>;
  forwardPlan?: ForwardPlanRecord;
}

export interface PaperRecord {
  key: string;
  path: string;
  file: string;
  stem: string;
  meetingKey: string;
  data: Paper;
  /** the agenda item it is under, when the meeting's agenda lists it */
  agendaItem?: AgendaItem;
}

export interface MinutesRecord {
  key: string;
  path: string;
  file: string;
  meetingKey: string;
  data: Minutes;
}

export interface ForwardPlanRecord {
  key: string;
  path: string;
  file: string;
  meetingKey: string;
  data: ForwardPlan;
}

export interface DecisionRecord {
  key: string;
  path: string;
  file: string;
  data: Decision;
}

export interface Archive {
  bodies: Body[];
  /** how the office numbers its decisions and names its bodies in its papers */
  office: Office;
  /** every meeting, oldest first */
  meetings: MeetingRecord[];
  /** every paper, in meeting then agenda order */
  papers: PaperRecord[];
  minutes: MinutesRecord[];
  /** the forward plans of decisions, newest meeting first */
  forwardPlans: ForwardPlanRecord[];
  /** newest first */
  decisions: DecisionRecord[];
  meetingByKey: Map<string, MeetingRecord>;
  paperByKey: Map<string, PaperRecord>;
  decisionById: Map<string, DecisionRecord>;
  /** every action of every body's log, with its history across the meetings' snapshots */
  actions: ActionHistory[];
  /** decisions by the address of each paper they name */
  decisionsByPaper: Map<string, DecisionRecord[]>;
  /** each body's meetings, oldest first */
  meetingsByBody: Map<string, MeetingRecord[]>;
  /** a meeting's place among its body's meetings */
  positionInBody: Map<string, number>;
  /** the meeting whose agenda approves a meeting's minutes, by the key of the meeting they record */
  minutesApprovedAt: Map<string, MeetingRecord>;
  /** the plain-words glossary's terms, sorted by term */
  glossary: GlossaryTerm[];
}

/** Published: not a draft, and not embargoed past today. */
export function isPublished(data: { draft: boolean; published?: string | undefined }, today: string): boolean {
  return !data.draft && (data.published === undefined || data.published <= today);
}

/** An item is exempt when it, or an item it sits under, is marked exempt. */
export function isExemptItem(agenda: readonly AgendaItem[], printed: string): boolean {
  const wanted = normaliseAgendaNumber(printed);
  const walk = (items: readonly AgendaItem[], inheritedExempt: boolean): boolean | undefined => {
    let found: boolean | undefined;
    for (const item of items) {
      const exempt = inheritedExempt || item.exempt !== undefined;
      if (normaliseAgendaNumber(item.number) === wanted) found = exempt;
      const inner = walk(item.items, exempt);
      if (inner !== undefined) found = inner;
    }
    return found;
  };
  return walk(agenda, false) ?? false;
}

export function meetingTitle(body: Body, data: Meeting): string {
  return data.title ?? body.name;
}

function byFile<T extends { file: string }>(a: T, b: T): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** The address of a paper ("board/2019-06-11/9"), from its own file alone (see paperSegment). */
export function paperAddress({ file, data }: Sourced<Paper>): string | undefined {
  const { body, date, stem } = locateContentFile(file);
  if (!body || !date || !stem) return undefined;
  return `${meetingKey(body, date)}/${paperSegment(stem, data.item, data.address)}`;
}

/**
 * Builds the public archive. Drafts, embargoed documents and the papers of exempt items are left out
 * here, once, so that no page, feed, index or data file can reach them.
 */
export function buildArchive(input: ArchiveInput, today: string): Archive {
  const bodyById = new Map(input.bodies.map((body) => [body.id, body]));
  const meetingByKey = new Map<string, MeetingRecord>();

  for (const entry of [...input.meetings].sort(byFile)) {
    if (!isPublished(entry.data, today)) continue;
    const { body: bodyId, date } = locateContentFile(entry.file);
    const body = bodyId ? bodyById.get(bodyId) : undefined;
    if (!body || !date) continue;
    const key = meetingKey(body.id, date);
    meetingByKey.set(key, {
      key,
      path: routes.meeting(key),
      file: entry.file,
      body,
      date,
      title: meetingTitle(body, entry.data),
      data: entry.data,
      papers: [],
    });
  }


  const paperByKey = new Map<string, PaperRecord>();
  for (const entry of [...input.papers].sort(byFile)) {
    const { body, date, stem } = locateContentFile(entry.file);
    if (!body || !date || !stem) continue;
    const meeting = meetingByKey.get(meetingKey(body, date));
    if (!meeting || !isPublished(entry.data, today)) continue;
    const item = entry.data.item;
    if (item !== undefined && isExemptItem(meeting.data.agenda, item)) continue;
    const key = paperAddress(entry)!;
    const paper: PaperRecord = {
      key,
      path: routes.paper(key),
      file: entry.file,
      stem,
      meetingKey: meeting.key,
      data: entry.data,
      agendaItem: item === undefined ? undefined : findAgendaItem(meeting.data.agenda, item),
    };
    paperByKey.set(key, paper);
    meeting.papers.push(paper);
  }

  const minutes: MinutesRecord[] = [];
  for (const entry of [...input.minutes].sort(byFile)) {
    const { body, date } = locateContentFile(entry.file);
    const meeting = body && date ? meetingByKey.get(meetingKey(body, date)) : undefined;
    if (!meeting || !isPublished(entry.data, today)) continue;
    const { approvedAt, ...rest } = entry.data;
    const data = approvedAt !== undefined && meetingByKey.has(meetingKey(meeting.body.id, approvedAt)) ? entry.data : rest;
    const record = { key: `${meeting.key}/minutes`, path: routes.minutes(meeting.key), file: entry.file, meetingKey: meeting.key, data };
    meeting.minutes = record;
    minutes.push(record);
  }

  for (const entry of input.actionLogs) {
    const { body, date } = locateContentFile(entry.file);
    const meeting = body && date ? meetingByKey.get(meetingKey(body, date)) : undefined;
    if (meeting) meeting.actionLog = entry;
  }

  // Not public means not named: what a public record names that is not public is left out of it here.
  const publishedDecisionIds = new Set(input.decisions.filter((entry) => isPublished(entry.data, today)).map((entry) => entry.data.id));
  const forwardPlans: ForwardPlanRecord[] = [];
  for (const entry of input.forwardPlans) {
    const { body, date } = locateContentFile(entry.file);
    const meeting = body && date ? meetingByKey.get(meetingKey(body, date)) : undefined;
    if (!meeting || !isPublished(entry.data, today)) continue;
    const data = { ...entry.data, planned: entry.data.planned.map((planned) => ({ ...planned, decisions: planned.decisions.filter((id) => publishedDecisionIds.has(id)) })) };
    const record = { key: `${meeting.key}/forward-plan`, path: routes.forwardPlan(meeting.key), file: entry.file, meetingKey: meeting.key, data };
    meeting.forwardPlan = record;
    forwardPlans.push(record);
  }

  const meetings = [...meetingByKey.values()].sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  for (const meeting of meetings) meeting.papers.sort(comparePapers);

  const decisions = input.decisions
    .filter((entry) => isPublished(entry.data, today))
    .map((entry) => {
      const key = decisionSlug(entry.data.id);
      return { key, path: routes.decision(entry.data.id), file: entry.file, data: decisionAsPublished(entry.data, meetingByKey, paperByKey) };
    })
    .sort((a, b) => b.data.date.localeCompare(a.data.date) || b.data.id.localeCompare(a.data.id));

  const actions = buildActionHistories(
    meetings.flatMap((meeting) =>
      meeting.actionLog ? [{ body: meeting.body.id, meetingKey: meeting.key, meetingDate: meeting.date, rows: meeting.actionLog.data.actions }] : [],
    ),
  );
  const decisionsByPaper = new Map<string, DecisionRecord[]>();
  for (const decision of decisions) {
    for (const address of decision.data.papers) {
      const list = decisionsByPaper.get(address);
      if (list) list.push(decision);
      else decisionsByPaper.set(address, [decision]);
    }
  }

  const meetingsByBody = new Map<string, MeetingRecord[]>(input.bodies.map((body) => [body.id, []]));
  const positionInBody = new Map<string, number>();
  const minutesApprovedAt = new Map<string, MeetingRecord>();
  for (const meeting of meetings) {
    const siblings = meetingsByBody.get(meeting.body.id);
    positionInBody.set(meeting.key, siblings?.length ?? 0);
    siblings?.push(meeting);
    for (const item of flattenAgenda(meeting.data.agenda)) {
      if (item.kind === 'minutes' && item.minutesOf) minutesApprovedAt.set(meetingKey(meeting.body.id, item.minutesOf), meeting);
    }
  }

  return {
    bodies: [...input.bodies],
    office: officeOf(input.site, input.bodies),
    meetings,
    papers: meetings.flatMap((meeting) => meeting.papers),
    minutes: minutes.sort((a, b) => a.meetingKey.localeCompare(b.meetingKey)),
    forwardPlans: forwardPlans.sort((a, b) => meetingByKey.get(b.meetingKey)!.date.localeCompare(meetingByKey.get(a.meetingKey)!.date) || a.key.localeCompare(b.key)),
    decisions,
    meetingByKey: new Map(meetings.map((meeting) => [meeting.key, meeting])),
    paperByKey,
    decisionById: new Map(decisions.map((decision) => [decision.data.id, decision])),
    actions,
    decisionsByPaper,
    meetingsByBody,
    positionInBody,
    minutesApprovedAt,
    glossary: sortedTerms((input.glossary ?? []).flatMap((entry) => entry.data.terms)),
  };
}

/** Terms in the order a reader looks them up: alphabetically, ignoring case ("Band D" before "BCB"). */
export function sortedTerms(terms: readonly GlossaryTerm[]): GlossaryTerm[] {
  return [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }) || a.term.localeCompare(b.term));
}

/**
 * A decision as the site publishes it: a meeting or paper it names that is not public (a draft, embargoed,
 * or under an exempt item) is left out, so that no page, feed or data file names its address, title or date.
 */
function decisionAsPublished(data: Decision, meetings: ReadonlyMap<string, unknown>, papers: ReadonlyMap<string, unknown>): Decision {
  const { meeting, notified, ...rest } = data;
  return {
    ...rest,
    ...(meeting !== undefined && meetings.has(meeting) && { meeting }),
    ...(notified !== undefined && meetings.has(notified) && { notified }),
    papers: data.papers.filter((address) => papers.has(address)),
  };
}

function comparePapers(a: PaperRecord, b: PaperRecord): number {
  if (a.data.item !== undefined && b.data.item !== undefined) {
    return compareAgendaNumbers(a.data.item, b.data.item) || a.stem.localeCompare(b.stem);
  }
  if (a.data.item !== undefined) return -1;
  if (b.data.item !== undefined) return 1;
  return a.stem.localeCompare(b.stem);
}

/** The papers of a meeting that sit under one agenda item (by number, so "5" finds "5.0"). */
export function papersForItem(meeting: MeetingRecord, item: AgendaItem): PaperRecord[] {
  const isLeafMatch = (paper: PaperRecord) => paper.agendaItem === item;
  return meeting.papers.filter(isLeafMatch);
}

/** The meetings of one body, oldest first. */
export function meetingsOfBody(archive: Archive, bodyId: string): MeetingRecord[] {
  return archive.meetingsByBody.get(bodyId) ?? [];
}

/** The previous and next meeting of the same body. */
export function neighbourMeetings(archive: Archive, meeting: MeetingRecord): { previous?: MeetingRecord; next?: MeetingRecord } {
  const siblings = meetingsOfBody(archive, meeting.body.id);
  const index = archive.positionInBody.get(meeting.key) ?? -1;
  return { previous: siblings[index - 1], next: siblings[index + 1] };
}

/** The minutes that approved this meeting's minutes: those of the meeting where they were approved. */
export function approvingMeeting(archive: Archive, meeting: MeetingRecord): MeetingRecord | undefined {
  const approvedAt = meeting.minutes?.data.approvedAt;
  if (approvedAt) return archive.meetingByKey.get(meetingKey(meeting.body.id, approvedAt));
  // otherwise: a later meeting of the body whose agenda approves these minutes
  return archive.minutesApprovedAt.get(meeting.key);
}

/** Decisions that name this paper among their papers. */
export function decisionsForPaper(archive: Archive, paper: PaperRecord): DecisionRecord[] {
  return archive.decisionsByPaper.get(paper.key) ?? [];
}

