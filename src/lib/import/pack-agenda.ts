/** The agenda: its numbered items as printed, their titles, presenters, kinds and sub-items. */
import type { ImportedAgendaItem, ImportNote } from './model.ts';
import { logHeaderRow } from './pack-log-rows.ts';
import { isActionLogHeading } from './pack-split.ts';
import { findDate, isAllCaps, repairOrdinals, type PackLine } from './pack-text.ts';

const ITEM = /^(\d{1,2})(?:\.(\d{1,2}))?\.?(?:\s+(.*))?$/;
const PRESENTER = /^(Reports?\s+(from|of|by)\b|Verbal\s+(update|report)\b|Verbal\b|From\s+|Presented\s+by\b|Presenter\b|Lead\s*:|Introduced\s+by\b)/i;
const PROCEDURAL = /^(welcome|apologies|declarations?\b|any other business|a\.?o\.?b\.?$|other business|date (and time )?of (the )?next meeting|dates? of future meetings|public questions|chair'?s announcements|close|exclusion of (the )?(press|public))/i;

export interface AgendaResult {
  items: ImportedAgendaItem[];
  /** index of the line after the agenda */
  end: number;
  notes: ImportNote[];
}

/** Where the agenda starts: the index after its "AGENDA" line, or undefined. */
export function agendaStart(lines: PackLine[], from: number): number | undefined {
  for (let index = from; index < Math.min(lines.length, from + 40); index += 1) {
    if (/^AGENDA\s*:?$/i.test(lines[index].text)) return index + 1;
  }
  return undefined;
}

/** A title line continues on the next line when it was broken mid-phrase. */
function continues(previous: string, next: string): boolean {
  if (/\b(the|of|on|and|a|an|to|for|in|at|as|by|with|from|–|-|&)$/i.test(previous)) return true;
  if (/^[a-z0-9(]/.test(next)) return true;
  return previous.length >= 70;
}

/** Whether a line ends the agenda: a document's own heading, a header field, or a capitals title. */
function endsAgenda(line: PackLine): boolean {
  const text = line.text;
  if (/^(To|From|Date)\s*:/i.test(text) || /^Agenda\s+Item\b/i.test(text)) return true;
  if (/^(DRAFT\s+)?MINUTES\b/.test(text)) return true;
  return isAllCaps(text) && text.split(' ').length >= 3 && !/^\d/.test(text);
}

export function kindOf(item: ImportedAgendaItem): ImportedAgendaItem['kind'] {
  const title = item.title;
  if (item.items && item.items.length > 0) return 'heading';
  if (/\baction\s+log\b/i.test(title)) return 'action-log';
  if (/\bminutes\b/i.test(title) && /(approve|confirm|agree|accuracy|sign)/i.test(title)) return 'minutes';
  if (/^minutes\b/i.test(title) && findDate(title)) return 'minutes';
  if ((item.presenter && /^verbal\b/i.test(item.presenter)) || /\bverbal\b/i.test(title)) return 'verbal';
  if (PROCEDURAL.test(title)) return 'procedural';
  return 'paper';
}

interface Draft {
  number: string;
  titleLines: string[];
  /** the title is finished: later lines are not joined to it */
  closed: boolean;
  presenter?: string;
  children: Draft[];
  line: number;
  extra: { text: string; line: number }[];
}

function finish(draft: Draft, notes: ImportNote[]): ImportedAgendaItem {
  const item: ImportedAgendaItem = { number: draft.number, title: repairOrdinals(draft.titleLines.join(' ')), kind: 'paper' };
  if (draft.presenter) item.presenter = draft.presenter;
  if (draft.children.length > 0) item.items = draft.children.map((child) => finish(child, notes));
  item.kind = kindOf(item);
  if (item.kind === 'minutes') {
    const date = findDate(repairOrdinals(item.title));
    if (date) item.minutesOf = date;
  }
  for (const extra of draft.extra) {
    notes.push({ document: 'meeting', sourceLine: extra.line, kind: 'uncertain', message: `The agenda prints “${extra.text}” under item ${draft.number}; it is not part of the item’s title or presenter, and is left out.` });
  }
  return item;
}

/** Parses the numbered items after an "AGENDA" line. */
export function parseAgenda(lines: PackLine[], start: number): AgendaResult {
  const notes: ImportNote[] = [];
  const tops: Draft[] = [];
  let current: Draft | undefined;
  let pendingNumber: { major: string; minor?: string; line: number } | undefined;
  let blankSince = 0;
  let index = start;
  const open = (major: string, minor: string | undefined, title: string | undefined, line: number) => {
    const draft: Draft = { number: minor === undefined ? major : `${major}.${minor}`, titleLines: title ? [title] : [], closed: false, children: [], line, extra: [] };
    const parent = tops[tops.length - 1];
    if (minor !== undefined && parent && parent.number.split('.')[0] === major && parent.number !== draft.number) {
      parent.children.push(draft);
      parent.closed = true;
    } else tops.push(draft);
    current = draft;
  };
  const expected = (major: string, minor: string | undefined): boolean => {
    const last = tops[tops.length - 1];
    if (!last) return true;
    const lastMajor = Number(last.number.split('.')[0]);
    if (Number(major) === lastMajor + 1) return true;
    return minor !== undefined && Number(major) === lastMajor;
  };
  for (; index < lines.length; index += 1) {
    const line = lines[index];
    const text = line.text;
    if (!text) {
      blankSince += 1;
      continue;
    }
    const match = ITEM.exec(text);
    if (match && expected(match[1], match[2]) && !(match[3] && /^\d/.test(match[3]) && !match[2])) {
      if (match[3]) open(match[1], match[2], match[3], line.line);
      else pendingNumber = { major: match[1], minor: match[2], line: line.line };
      blankSince = 0;
      continue;
    }
    if (pendingNumber) {
      open(pendingNumber.major, pendingNumber.minor, text, pendingNumber.line);
      pendingNumber = undefined;
      blankSince = 0;
      continue;
    }
    // an action log printed straight after the agenda: its heading, or its header row
    if (!current || endsAgenda(line) || isActionLogHeading(text) || logHeaderRow(lines, index)) break;
    const target = current;
    const top = tops[tops.length - 1];
    if (PRESENTER.test(text)) {
      // a presenter printed after sub-items belongs to their heading
      const owner = top !== target && top.children.includes(target) ? top : target;
      owner.presenter = owner.presenter ? `${owner.presenter} ${text}` : text;
      target.closed = true;
      owner.closed = true;
    } else if (!target.closed && target.titleLines.length > 0 && blankSince === 0 && continues(target.titleLines[target.titleLines.length - 1], text)) {
      target.titleLines.push(text);
    } else if (target.titleLines.length === 0) {
      target.titleLines.push(text);
    } else if (target.presenter && blankSince === 0 && !PRESENTER.test(text) && /^[a-z&(]/.test(text)) {
      target.presenter += ` ${text}`;
    } else {
      target.extra.push({ text, line: line.line });
      target.closed = true;
    }
    blankSince = 0;
  }
  const items = tops.filter((draft) => draft.titleLines.length > 0).map((draft) => finish(draft, notes));
  return { items, end: index, notes };
}
