/**
 * Open data: the archive as JSON and CSV files. Each file's record schema is a zod schema built from
 * the content model, so its JSON Schema is generated, and every record is checked against it at build.
 */
import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import type { Archive } from '#lib/model/archive.ts';
import { papersForItem } from '#lib/model/archive.ts';
import { flattenAgenda } from '#lib/model/agenda.ts';
import { actionRowSchema, agendaItemKinds, declarationSchema, decisionSchema, meetingSchema, paperSchema, plannedDecisionSchema } from '#lib/model/schema.ts';
import { plannedDecisions } from '#lib/model/forward-plan.ts';
import { declarationsOf } from '#lib/model/declarations.ts';
import { textForFiles } from './format-text.ts';

const url = z.string().describe('the address of the page on this site');

export const meetingRecordSchema = z.object({
  id: z.string().describe('body/date, such as "board/2019-06-11"'),
  body: z.string().describe('the body id, such as "board"'),
  bodyName: z.string(),
  date: z.string().describe('YYYY-MM-DD'),
  time: meetingSchema.shape.time.unwrap().nullable().describe('24-hour start time in Europe/London, or null when not known'),
  venue: z.string().nullable(),
  status: meetingSchema.shape.status.unwrap(),
  url,
  agenda: z.array(
    z.object({
      number: z.string(),
      parent: z.string().nullable().describe('the number of the item it sits under'),
      title: z.string(),
      kind: z.enum(agendaItemKinds),
      presenter: z.string().nullable(),
      exempt: z.string().nullable().describe('the reason an item is not open to the public'),
      papers: z.array(url),
    }),
  ),
});

export const paperRecordSchema = z.object({
  id: z.string().describe('the paper address, such as "board/2019-06-11/9"'),
  meeting: z.string(),
  body: z.string(),
  title: paperSchema.shape.title,
  item: z.string().nullable(),
  to: z.string().nullable(),
  from: z.string().nullable(),
  date: z.string().nullable(),
  marking: z.string().nullable(),
  recommendations: paperSchema.shape.recommendations.unwrap(),
  url,
});

export const decisionRecordSchema = z.object({
  id: decisionSchema.shape.id,
  title: decisionSchema.shape.title,
  date: z.string(),
  summary: z.string().nullable(),
  papers: z.array(z.string()),
  meeting: z.string().nullable(),
  notified: z.string().nullable(),
  url,
});

const actionStatus = actionRowSchema.shape.status.unwrap();

export const actionRecordSchema = z.object({
  id: z.string().describe('body/date raised/number, such as "board/2019-04-19/4.0"'),
  body: z.string().describe('the body id, such as "board"'),
  raised: z.string().describe('YYYY-MM-DD: the date of the meeting that raised the action'),
  number: z.string().describe('the action number as printed, such as "4.0"; numbers restart in each log series'),
  action: z.string().describe('the action, in the words of the latest log that lists it'),
  status: actionStatus.nullable().describe('the last status a log recorded (a later log that prints no status leaves it standing), or null when no log gave one'),
  statusLogMeeting: z.string().nullable().describe('the meeting whose action log recorded that status, as body/date such as "board/2019-06-11", or null'),
  droppedWithoutClosing: z.boolean().describe('a later log no longer lists it, and its last recorded status was not Closed'),
  history: z
    .array(
      z.object({
        logMeeting: z.string().describe('the meeting whose action log holds this snapshot, as body/date such as "board/2019-06-11"'),
        raisedUnderItem: z.string().nullable().describe('the agenda item of the meeting that raised the action (the meeting of the date raised), as this log prints it: not an item of logMeeting'),
        owner: z.string().nullable().describe('the owner as this log prints it'),
        target: z.string().nullable().describe('the target as this log prints it: YYYY-MM-DD, or text as printed'),
        update: z.string().nullable().describe('the update, word for word, as this log prints it'),
        updated: z.string().nullable().describe('YYYY-MM-DD: the date of the update, as this log prints it'),
        status: actionStatus.nullable().describe('the status as this log prints it, or null when this log gives none'),
      }),
    )
    .describe('one snapshot for each meeting whose action log lists the action, oldest first: logMeeting, raisedUnderItem, owner, target, update, updated, status'),
});

export type MeetingRecordData = z.infer<typeof meetingRecordSchema>;
export type PaperRecordData = z.infer<typeof paperRecordSchema>;
export type DecisionRecordData = z.infer<typeof decisionRecordSchema>;
export type ActionRecordData = z.infer<typeof actionRecordSchema>;

const orNull = <T,>(value: T | undefined): T | null => value ?? null;

export function meetingRecords(archive: Archive, href: (path: string) => string): MeetingRecordData[] {
  return archive.meetings.map((meeting) => {
    const parentOf = new Map<string, string>();
    for (const item of flattenAgenda(meeting.data.agenda)) for (const sub of item.items) parentOf.set(sub.number, item.number);
    return meetingRecordSchema.parse({
      id: meeting.key,
      body: meeting.body.id,
      bodyName: meeting.body.name,
      date: meeting.date,
      time: orNull(meeting.data.time),
      venue: orNull(meeting.data.venue),
      status: meeting.data.status,
      url: href(meeting.path),
      agenda: flattenAgenda(meeting.data.agenda).map((item) => ({
        number: item.number,
        parent: orNull(parentOf.get(item.number)),
        title: item.title,
        kind: item.kind,
        presenter: orNull(item.presenter),
        exempt: orNull(item.exempt?.reason),
        papers: papersForItem(meeting, item).map((paper) => href(paper.path)),
      })),
    });
  });
}

export function paperRecords(archive: Archive, href: (path: string) => string): PaperRecordData[] {
  return archive.papers.map((paper) =>
    paperRecordSchema.parse({
      id: paper.key,
      meeting: paper.meetingKey,
      body: paper.meetingKey.split('/')[0],
      title: paper.data.title,
      item: orNull(paper.data.item),
      to: orNull(paper.data.to),
      from: orNull(paper.data.from),
      date: orNull(paper.data.date),
      marking: orNull(paper.data.marking),
      recommendations: paper.data.recommendations,
      url: href(paper.path),
    }),
  );
}

export function decisionRecords(archive: Archive, href: (path: string) => string): DecisionRecordData[] {
  return archive.decisions.map((decision) =>
    decisionRecordSchema.parse({
      id: decision.data.id,
      title: decision.data.title,
      date: decision.data.date,
      summary: orNull(decision.data.summary),
      papers: decision.data.papers.filter((address) => archive.paperByKey.has(address)),
      meeting: orNull(decision.data.meeting),
      notified: orNull(decision.data.notified),
      url: href(decision.path),
    }),
  );
}

export function actionRecords(archive: Archive): ActionRecordData[] {
  return archive.actions.map((action) =>
    actionRecordSchema.parse({
      id: action.key,
      body: action.body,
      raised: action.raised,
      number: action.number,
      action: action.action,
      status: orNull(action.status),
      statusLogMeeting: orNull(action.statusRecordedIn?.meetingKey),
      droppedWithoutClosing: action.droppedWithoutClosing,
      history: action.snapshots.map(({ meetingKey, row }) => ({
        logMeeting: meetingKey,
        raisedUnderItem: orNull(row.item),
        owner: orNull(row.owner),
        target: orNull(row.target),
        update: orNull(row.update),
        updated: orNull(row.updated),
        status: orNull(row.status),
      })),
    }),
  );
}

export const declarationRecordSchema = z.object({
  meeting: z.string().describe('body/date of the meeting where it was declared, such as "board/2019-06-11"'),
  body: z.string(),
  date: z.string().describe('YYYY-MM-DD'),
  name: declarationSchema.shape.name,
  item: z.string().nullable().describe('the agenda item it concerns, as printed'),
  interest: declarationSchema.shape.interest,
  url,
});

export function declarationRecords(archive: Archive, href: (path: string) => string): z.infer<typeof declarationRecordSchema>[] {
  return declarationsOf(archive).map(({ meeting, declaration }) =>
    declarationRecordSchema.parse({ meeting: meeting.key, body: meeting.body.id, date: meeting.date, name: declaration.name, item: orNull(declaration.item), interest: declaration.interest, url: href(meeting.path) }),
  );
}

export const plannedDecisionRecordSchema = z.object({
  meeting: z.string().describe('body/date of the meeting the forward plan was presented to'),
  plan: z.string().describe('the heading of the plan as printed'),
  area: z.string().nullable(),
  subject: plannedDecisionSchema.shape.subject,
  timescale: z.string().nullable(),
  background: z.array(z.string()).describe('the background reports it lists, as printed'),
  decisions: z.array(z.string()).describe('the ids of the published decisions taken on it; empty while there is none'),
  url,
});

export function plannedDecisionRecords(archive: Archive, href: (path: string) => string): z.infer<typeof plannedDecisionRecordSchema>[] {
  return plannedDecisions(archive).map(({ plan, planned, decisions }) =>
    plannedDecisionRecordSchema.parse({
      meeting: plan.meetingKey,
      plan: plan.data.title,
      area: orNull(planned.area),
      subject: planned.subject,
      timescale: orNull(planned.timescale),
      background: planned.background.map((source) => source.title),
      decisions: decisions.map((decision) => decision.data.id),
      url: href(plan.path),
    }),
  );
}

/** Lists inside a CSV cell are joined with this. */
export const CSV_LIST_SEPARATOR = ' | ';

/**
 * A cell that a spreadsheet would read as a formula (one starting =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, so that it is shown as the text it is and never run.
 */
export function neutraliseCsvCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A CSV of flat rows: nested lists are joined, nulls left empty, control characters removed, formulas neutralised. */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const cell = (text: string) => neutraliseCsvCell(textForFiles(text));
  return stringify(
    rows.map((row) => columns.map((column) => {
      const value = row[column];
      if (Array.isArray(value)) return cell(value.join(CSV_LIST_SEPARATOR));
      return value === null || value === undefined ? '' : cell(String(value));
    })),
    // a cell holding a line break is quoted, whatever the break: a spreadsheet ends a row at any of them
    { header: true, columns: [...columns], record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  );
}

/** Flat rows for the CSV files: agenda items and action snapshots get a row each. */
export function csvTables(archive: Archive, href: (path: string) => string) {
  const meetings = meetingRecords(archive, href);
  const actions = actionRecords(archive);
  return {
    meetings: toCsv(meetings, ['id', 'body', 'bodyName', 'date', 'time', 'venue', 'status', 'url']),
    'agenda-items': toCsv(
      meetings.flatMap((meeting) => meeting.agenda.map((item) => ({ meeting: meeting.id, ...item }))),
      ['meeting', 'number', 'parent', 'title', 'kind', 'presenter', 'exempt', 'papers'],
    ),
    papers: toCsv(paperRecords(archive, href), ['id', 'meeting', 'body', 'title', 'item', 'to', 'from', 'date', 'marking', 'recommendations', 'url']),
    decisions: toCsv(decisionRecords(archive, href), ['id', 'title', 'date', 'summary', 'papers', 'meeting', 'notified', 'url']),
    actions: toCsv(
      actions.flatMap((action) => action.history.map((snapshot) => ({ id: action.id, body: action.body, raised: action.raised, number: action.number, action: action.action, ...snapshot }))),
      ['id', 'body', 'raised', 'number', 'action', 'logMeeting', 'raisedUnderItem', 'owner', 'target', 'update', 'updated', 'status'],
    ),
    declarations: toCsv(declarationRecords(archive, href), ['meeting', 'body', 'date', 'name', 'item', 'interest', 'url']),
    'planned-decisions': toCsv(plannedDecisionRecords(archive, href), ['meeting', 'plan', 'area', 'subject', 'timescale', 'background', 'decisions', 'url']),
  };
}

export const OPEN_DATA_FILES = {
  meetings: { schema: meetingRecordSchema, description: 'Every public meeting, with its date, time, venue and agenda items; each item lists the addresses of its papers.' },
  papers: { schema: paperRecordSchema, description: 'Every published paper, with its header fields and recommendations.' },
  decisions: { schema: decisionRecordSchema, description: "The Commissioner's decisions, with the papers behind them." },
  actions: { schema: actionRecordSchema, description: "Every action in the bodies' action logs, with its history across the meetings' snapshots." },
  declarations: { schema: declarationRecordSchema, description: 'Every declaration of interest the meetings’ papers record, with the meeting and agenda item.' },
  'planned-decisions': { schema: plannedDecisionRecordSchema, description: 'Every planned decision of the forward plans, with the ids of the decisions taken on it.' },
} as const;

export type OpenDataName = keyof typeof OPEN_DATA_FILES;

/** The JSON Schema of a JSON file: an array of records. */
export function jsonSchemaOf(name: OpenDataName): object {
  return z.toJSONSchema(z.array(OPEN_DATA_FILES[name].schema), { target: 'draft-2020-12' });
}
