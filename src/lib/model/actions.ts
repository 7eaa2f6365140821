/**
 * Action histories. Each meeting's pack holds a snapshot of its body's action log; an action is known
 * by the date it was raised plus its number (numbers restart in each log series). Following one action
 * across the snapshots gives its history, which no single pack shows.
 *
 * A log may leave a column out (some logs print no status at all). A field a log does not give is not
 * a change: the value last recorded stands until a later log records another.
 */
import type { ActionRow } from './schema.ts';
import { formatDate, isCalendarDate } from './dates.ts';

type ActionStatus = NonNullable<ActionRow['status']>;

/** The fields of an action that the logs follow from meeting to meeting. */
export type FollowedField = 'owner' | 'target' | 'status' | 'update';

/** Each followed field as the latest log that gave it recorded it. */
export interface RecordedFields {
  owner?: string | undefined;
  target?: string | undefined;
  status?: ActionStatus | undefined;
  update?: string | undefined;
}

/** One field that a log records differently from what the earlier logs had recorded. */
export interface ActionChange {
  field: FollowedField;
  /** the value recorded before; undefined when no earlier log gave one */
  from: string | undefined;
  to: string;
}

export interface ActionSnapshot {
  /** the meeting whose pack holds this snapshot */
  meetingKey: string;
  meetingDate: string;
  row: ActionRow;
  /** what this log records differently from the earlier logs; empty for the first log that lists the action */
  changes: ActionChange[];
}

/** The log of one meeting, where a value was recorded. */
export interface LogReference {
  meetingKey: string;
  meetingDate: string;
}

export interface ActionHistory {
  /** "board/2019-02-28/4.0": body, date raised, number */
  key: string;
  body: string;
  raised: string;
  number: string;
  /** the latest wording of the action */
  action: string;
  /** every snapshot, oldest first */
  snapshots: ActionSnapshot[];
  /** the last status recorded: a later log that gives no status leaves it standing */
  status: ActionStatus | undefined;
  /** the log that recorded that status, when one did */
  statusRecordedIn: LogReference | undefined;
  /** true when a later log of the body no longer lists the action and its last recorded status was not Closed */
  droppedWithoutClosing: boolean;
  /** the date of the first log that no longer listed it, when dropped */
  droppedAfter?: string | undefined;
}

export interface ActionLogSnapshot {
  body: string;
  meetingKey: string;
  meetingDate: string;
  rows: readonly ActionRow[];
}

export function actionKey(body: string, raised: string, number: string): string {
  return `${body}/${raised}/${number}`;
}

const FOLLOWED_FIELDS: readonly FollowedField[] = ['target', 'owner', 'status', 'update'];

/** The recorded fields after one more log: each field the row gives replaces the one recorded. */
export function recordRow(recorded: RecordedFields, row: ActionRow): RecordedFields {
  return {
    owner: row.owner ?? recorded.owner,
    target: row.target ?? recorded.target,
    status: row.status ?? recorded.status,
    update: row.update ?? recorded.update,
  };
}

/** The fields a later row records differently from what was recorded before it; fields it leaves out are not changes. */
export function changesBetween(recorded: RecordedFields, row: ActionRow): ActionChange[] {
  return FOLLOWED_FIELDS.flatMap((field) => {
    const to = row[field];
    const from = recorded[field];
    return to === undefined || to === from ? [] : [{ field, from, to }];
  });
}

/** A target as the site shows it: a date as "31 July 2019", anything else as printed. */
export function showTarget(target: string): string {
  return isCalendarDate(target) ? formatDate(target) : target;
}

/** One change in words: "Target moved from 31 July 2019 to 14 November 2019". */
export function describeChange(change: ActionChange): string {
  switch (change.field) {
    case 'target':
      return change.from === undefined ? `Target set to ${showTarget(change.to)}` : `Target moved from ${showTarget(change.from)} to ${showTarget(change.to)}`;
    case 'owner':
      return change.from === undefined ? `Owner set to ${change.to}` : `Owner changed from ${change.from} to ${change.to}`;
    case 'status':
      return change.from === undefined ? `Status set to ${change.to}` : `Status changed from ${change.from} to ${change.to}`;
    case 'update':
      return change.from === undefined ? 'Update text added' : 'Update text changed';
  }
}

/** How many times a later log moved the target from one given target to another. */
export function countTargetMoves(history: Pick<ActionHistory, 'snapshots'>): number {
  return history.snapshots.flatMap((snapshot) => snapshot.changes).filter((change) => change.field === 'target' && change.from !== undefined).length;
}

/** The count of target moves in words: "Target never moved", "Target moved once", "Target moved 3 times". */
export function describeTargetMoves(count: number): string {
  return count === 0 ? 'Target never moved' : count === 1 ? 'Target moved once' : `Target moved ${count} times`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const utcDay = (isoDate: string) => Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));

/** Whole days from one YYYY-MM-DD date to a later one. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/** Whole calendar months from one YYYY-MM-DD date to a later one: 2019-02-28 to 2019-11-14 is 8. */
export function wholeMonthsBetween(from: string, to: string): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}

/** Below this many days a duration is given in days, from it on in whole months. */
export const DAYS_BEFORE_MONTHS = 62;

/** A duration in words, naming its unit: "45 days", "1 month", "8 months". */
export function describeDuration(from: string, to: string): string {
  const days = daysBetween(from, to);
  if (days < DAYS_BEFORE_MONTHS) return `${days} day${days === 1 ? '' : 's'}`;
  const months = wholeMonthsBetween(from, to);
  return `${months} month${months === 1 ? '' : 's'}`;
}

/** The date of the latest log that lists the action. */
export function lastListed(history: Pick<ActionHistory, 'snapshots'>): string {
  return history.snapshots.at(-1)!.meetingDate;
}

/** How long an action has been open: from the date raised to the date of the latest log that lists it. */
export function openDuration(history: Pick<ActionHistory, 'raised' | 'snapshots'>): string {
  return describeDuration(history.raised, lastListed(history));
}

/** Histories of every action in every log, in the order they were raised. */
export function buildActionHistories(logs: readonly ActionLogSnapshot[]): ActionHistory[] {
  const ordered = [...logs].sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
  const histories = new Map<string, ActionHistory>();
  const recordedByKey = new Map<string, RecordedFields>();
  const logsByBody = new Map<string, ActionLogSnapshot[]>();
  for (const log of ordered) {
    logsByBody.set(log.body, [...(logsByBody.get(log.body) ?? []), log]);
    for (const row of log.rows) {
      const key = actionKey(log.body, row.raised, row.number);
      const history = histories.get(key) ?? {
        key,
        body: log.body,
        raised: row.raised,
        number: row.number,
        action: row.action,
        snapshots: [],
        status: undefined,
        statusRecordedIn: undefined,
        droppedWithoutClosing: false,
      };
      const recorded = recordedByKey.get(key);
      history.snapshots.push({ meetingKey: log.meetingKey, meetingDate: log.meetingDate, row, changes: recorded ? changesBetween(recorded, row) : [] });
      history.action = row.action;
      if (row.status !== undefined) {
        history.status = row.status;
        history.statusRecordedIn = { meetingKey: log.meetingKey, meetingDate: log.meetingDate };
      }
      recordedByKey.set(key, recordRow(recorded ?? {}, row));
      histories.set(key, history);
    }
  }
  for (const history of histories.values()) {
    const laterLog = (logsByBody.get(history.body) ?? []).find((log) => log.meetingDate > lastListed(history));
    if (laterLog && history.status !== 'Closed') {
      history.droppedWithoutClosing = true;
      history.droppedAfter = laterLog.meetingDate;
    }
  }
  return [...histories.values()].sort((a, b) => a.raised.localeCompare(b.raised) || a.number.localeCompare(b.number, 'en', { numeric: true }) || a.body.localeCompare(b.body));
}

/** Open means its last recorded status is not Closed, and it is still listed in the latest log. */
export function isOpenAction(history: ActionHistory): boolean {
  return history.status !== 'Closed' && !history.droppedWithoutClosing;
}
