/**
 * What the Elected Local Policing Bodies (Specified Information) Order 2011 asks a Commissioner to publish
 * about each public meeting (Schedule 1, paragraph 5): its date, time and place, its agenda, every report
 * on it and its minutes; and a record of each decision. For each meeting of the archive: what it holds of
 * these, and what is missing, in words.
 */
import { flattenAgenda } from './agenda.ts';
import { approvingMeeting, isExemptItem, type Archive, type DecisionRecord, type MeetingRecord } from './archive.ts';
import type { AgendaItem } from './schema.ts';

export interface MeetingPublication {
  meeting: MeetingRecord;
  /** the agenda's items that have a report, and how many of them the archive publishes */
  reports: { published: number; expected: number; exempt: number };
  minutes: 'approved' | 'draft' | 'missing' | 'not yet due';
  /** decisions discussed at the meeting or notified to it */
  decisions: DecisionRecord[];
  /** what the Order asks for that the archive does not hold, in words: "time", "2 reports" */
  missing: string[];
}

/** The agenda items that carry a report: paper items with no sub-items. */
const reportItems = (agenda: readonly AgendaItem[]) => flattenAgenda(agenda).filter((item) => item.kind === 'paper' && item.items.length === 0);

export function meetingPublication(archive: Archive, meeting: MeetingRecord): MeetingPublication {
  const { data } = meeting;
  const items = reportItems(data.agenda);
  const exempt = items.filter((item) => isExemptItem(data.agenda, item.number)).length;
  const withPaper = new Set(meeting.papers.map((paper) => paper.agendaItem).filter((item) => item !== undefined));
  const unlisted = meeting.papers.filter((paper) => !paper.agendaItem).length;
  const reports = { published: items.filter((item) => withPaper.has(item)).length + unlisted, expected: items.length - exempt + unlisted, exempt };
  const held = data.status === 'held';
  const minutes = meeting.minutes
    ? meeting.minutes.data.status === 'approved' || approvingMeeting(archive, meeting)
      ? 'approved'
      : 'draft'
    : held
      ? 'missing'
      : 'not yet due';
  const decisions = archive.decisions.filter((decision) => decision.data.meeting === meeting.key || decision.data.notified === meeting.key);
  const missing: string[] = [];
  if (data.status !== 'cancelled') {
    if (!data.time) missing.push('time');
    if (!data.venue) missing.push('place');
    if (data.agenda.length === 0) missing.push('agenda');
    const reportsMissing = reports.expected - reports.published;
    if (reportsMissing > 0) missing.push(`${reportsMissing} report${reportsMissing === 1 ? '' : 's'}`);
    if (minutes === 'missing') missing.push('minutes');
  }
  return { meeting, reports, minutes, decisions, missing };
}

/** Days from a decision to its publication, where the record gives a publication date; undefined otherwise. */
export function daysToPublication(decision: DecisionRecord): number | undefined {
  const published = decision.data.published;
  if (!published) return undefined;
  return Math.round((Date.parse(`${published}T00:00:00Z`) - Date.parse(`${decision.data.date}T00:00:00Z`)) / 86_400_000);
}
