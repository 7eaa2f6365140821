/**
 * Action histories. Each meeting's pack holds a snapshot of its body's action log; an action is known
 * by the date it was raised plus its number (numbers restart in each log series). Following one action
 * across the snapshots gives its history, which no single pack shows.
 */
import type { ActionRow } from './schema.ts';

export interface ActionSnapshot {
  /** the meeting whose pack holds this snapshot */
  meetingKey: string;
  meetingDate: string;
  row: ActionRow;
}

export interface ActionHistory {
  /** "bcb/2019-02-28/4.0": body, date raised, number */
  key: string;
  body: string;
  raised: string;
  number: string;
  /** the latest wording of the action */
  action: string;
  /** every snapshot, oldest first */
  snapshots: ActionSnapshot[];
  /** the latest status printed */
  status: string | undefined;
  /** true when a later log of the body no longer lists the action and its last status was not Closed */
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

/** Histories of every action in every log, in the order they were raised. */
export function buildActionHistories(logs: readonly ActionLogSnapshot[]): ActionHistory[] {
  const ordered = [...logs].sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
  const histories = new Map<string, ActionHistory>();
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
        droppedWithoutClosing: false,
      };
      history.snapshots.push({ meetingKey: log.meetingKey, meetingDate: log.meetingDate, row });
      history.action = row.action;
      history.status = row.status;
      histories.set(key, history);
    }
  }
  for (const history of histories.values()) {
    const last = history.snapshots.at(-1)!;
    const laterLog = (logsByBody.get(history.body) ?? []).find((log) => log.meetingDate > last.meetingDate);
    if (laterLog && history.status !== 'Closed') {
      history.droppedWithoutClosing = true;
      history.droppedAfter = laterLog.meetingDate;
    }
  }
  return [...histories.values()].sort((a, b) => a.raised.localeCompare(b.raised) || a.number.localeCompare(b.number, 'en', { numeric: true }) || a.body.localeCompare(b.body));
}

/** Open means not closed, and still listed in the latest log. */
export function isOpenAction(history: ActionHistory): boolean {
  return history.status !== 'Closed' && !history.droppedWithoutClosing;
}
