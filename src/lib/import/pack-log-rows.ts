/**
 * An action log known by its header row: the column labels it prints (action number, meeting date, item,
 * action, owner, target date, status, update, in any order and any subset), one to a line as text extraction
 * prints a table's cells. Its rows are read row by row in that column order; a log whose cells do not fit its
 * columns row after row is not read here, so that it is kept as text rather than guessed.
 */
import type { ImportedActionRow } from './model.ts';
import { normaliseStatus } from './pack-action-log.ts';
import { findDate, isBlank, markingLine, type PackLine } from './pack-text.ts';

export type LogColumn = 'number' | 'raised' | 'item' | 'action' | 'owner' | 'target' | 'status' | 'update' | 'updated';

const LABELS: [LogColumn, RegExp][] = [
  ['number', /^(action\s*(no\.?|number|ref\.?)|no\.?|ref\.?|number)$/i],
  ['raised', /^(meeting\s*date|date\s*raised|raised|date\s+of\s+meeting|meeting\s+date\s+raised)$/i],
  ['item', /^((meeting\s+)?agenda\s*)?item(\s*no\.?)?$/i],
  ['action', /^actions?$/i],
  ['owner', /^(owner|lead|responsible|action\s*owner)$/i],
  ['target', /^(target(\s*date)?|due(\s*date)?|deadline)$/i],
  ['status', /^(status|rag(\s*status)?)$/i],
  ['update', /^(update|progress|comments?|action\s*update)$/i],
  ['updated', /^(update\s*date|date\s*updated)$/i],
];

/** The column a printed label names, if it names one. */
export function logColumnOf(text: string): LogColumn | undefined {
  return LABELS.find(([, pattern]) => pattern.test(text.trim()))?.[0];
}

/**
 * The header row that starts at `index`: three or more labels of different columns, the action among them,
 * one to a line (blank lines between allowed). Gives the columns in printed order and the index after the row.
 */
export function logHeaderRow(lines: readonly PackLine[], index: number): { columns: LogColumn[]; end: number } | undefined {
  const columns: LogColumn[] = [];
  let at = index;
  let end = index;
  for (; at < lines.length; at += 1) {
    if (isBlank(lines[at])) continue;
    const column = logColumnOf(lines[at]!.text);
    if (!column || columns.includes(column)) break;
    columns.push(column);
    end = at + 1;
  }
  if (columns.length < 3 || !columns.includes('action') || logColumnOf(lines[index]?.text ?? '') === undefined) return undefined;
  return { columns, end };
}

const NUMBER = /^\d{1,3}(\.\d{1,2})?$/;
const DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;
const STATUS = /^(Open|Ongoing|Not Started|Closed|Complete|Completed)$/i;

/** Whether a cell's text can be a value of the column. */
function fits(column: LogColumn, text: string): boolean {
  switch (column) {
    case 'number':
    case 'item':
      return NUMBER.test(text);
    case 'raised':
    case 'target':
    case 'updated':
      return DATE.test(text) || (column === 'target' && text.split(' ').length <= 3 && !STATUS.test(text) && !NUMBER.test(text));
    case 'status':
      return STATUS.test(text);
    case 'owner':
      return text.split(' ').length <= 5 && !NUMBER.test(text) && !DATE.test(text) && !STATUS.test(text) && !/[.;]$/.test(text);
    default:
      return !NUMBER.test(text) && !DATE.test(text) && !STATUS.test(text);
  }
}

export interface LogRows {
  rows: ImportedActionRow[];
  /** the index of the first line after the log's last row */
  end: number;
}

/**
 * Reads the rows after a header row: cells are blank-separated runs of lines, placed in the columns in order
 * (an empty cell prints nothing, so a cell takes the next column it fits); a cell that fits no column left
 * starts the next row. Every row must have its number, its action and its raised date (when the log prints
 * that column); otherwise the log cannot be read row by row and nothing is returned.
 */
export function readLogRows(lines: readonly PackLine[], header: { columns: LogColumn[]; end: number }): LogRows | undefined {
  const { columns } = header;
  const cells: { text: string; end: number }[] = [];
  let current: string[] = [];
  let index = header.end;
  let page = lines[index - 1]?.page;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (isBlank(line)) {
      if (current.length) cells.push({ text: current.join(' '), end: index });
      current = [];
      continue;
    }
    if (line.table) break;
    // a protective marking at the head of a page the log runs on to is the page's, not a cell: it is left to
    // the account, which keeps it as unplaced text if no draft holds it
    const newPage = line.page !== undefined && page !== undefined && line.page !== page;
    page = line.page ?? page;
    if (newPage && current.length === 0 && markingLine(line.text)) continue;
    current.push(line.text);
  }
  if (current.length) cells.push({ text: current.join(' '), end: index });
  const drafts: Partial<Record<LogColumn, string>>[] = [];
  let row: Partial<Record<LogColumn, string>> | undefined;
  let column = 0;
  let end = header.end;
  const numberAt = columns.indexOf('number');
  for (const cell of cells) {
    // the next action number starts the next row, though it would fit a later column (an item "5.0") too
    const nextNumber = row?.number !== undefined && NUMBER.test(cell.text) && Math.floor(Number(cell.text)) === Math.floor(Number(row.number)) + 1 && numberAt <= 1;
    let at = row && !nextNumber ? columns.findIndex((each, position) => position >= column && fits(each, cell.text)) : -1;
    if (at < 0) {
      // a new row starts with a cell that fits one of its first columns; anything else ends the log
      const first = columns.findIndex((each) => fits(each, cell.text));
      if (first < 0 || first > 1 || (row && !row.number)) break;
      row = {};
      drafts.push(row);
      at = first;
    }
    row![columns[at]!] = cell.text;
    column = at + 1;
    end = cell.end;
  }
  // an action is known by its number and the date it was raised: a log that prints no such date is kept as text
  const complete = (draft: Partial<Record<LogColumn, string>>) => draft.number !== undefined && draft.action !== undefined && findDate(draft.raised ?? '') !== undefined;
  if (drafts.length === 0 || !drafts.every(complete)) return undefined;
  const rows = drafts.map((draft): ImportedActionRow => {
    const row: ImportedActionRow = { number: draft.number!, raised: findDate(draft.raised!)!, action: draft.action! };
    if (draft.item) row.item = draft.item;
    if (draft.owner) row.owner = draft.owner;
    if (draft.target) row.target = findDate(draft.target) ?? draft.target;
    if (draft.update) row.update = draft.update;
    if (draft.updated) row.updated = findDate(draft.updated);
    if (draft.status) row.status = normaliseStatus(draft.status);
    return row;
  });
  return { rows, end };
}
