/**
 * The action log: its rows, with dates written YYYY-MM-DD. A log printed as a table comes out of a PDF
 * cell by cell, partly row by row and partly column by column. The rows are put back together by the
 * log's own structure:
 *  - its action numbers run 1.0, 2.0, 3.0 … and each starts a row (a number a spreadsheet turned into
 *    a date, "04/01/1900", counts when it is the next number);
 *  - its columns come in a fixed order (number, raised, item, action, owner, target, update, updated,
 *    status), so within a row a cell only ever fills a column to the right of the last one filled;
 *  - a cell goes to the row being read when it can, otherwise to the first row with room for it; a run
 *    of column headers starts the next band of columns from the top row again;
 *  - a target date falls after the date the action was raised.
 * Every cell placed away from the rest of its row is said in the row's note, with its value as printed.
 */
import type { ImportedActionRow, ImportNote } from './model.ts';
import { findDate, isBlank, repairOrdinals, type PackLine } from './pack-text.ts';

export interface ActionLogResult {
  title: string;
  rows: ImportedActionRow[];
  notes: ImportNote[];
}

const HEADER_WORDS = /^(ACTION\s*NO\.?|NO\.?|MEETING\s*DATE|RAISED|MEETING|AGENDA\s*ITEM|ITEM|OWNER|TARGET\s*DATE|TARGET|ACTION|UPDATE|UPDATE\s*DATE|STATUS|DATE|ACTION\s+UPDATE|DATE\s+RAISED|MEETING\s+DATE\s+RAISED|MEETING\s+AGENDA\s+ITEM)$/i;
const STATUS = /^(Open|Ongoing|Not Started|Closed|Complete|Completed)$/i;
const NUMBER = /^\d{1,2}\.\d{1,2}$/;
const DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;
/** a number a spreadsheet turned into a date: day N of January 1900 */
const SPREADSHEET_DAMAGE = /^(\d{2})\/01\/1900$/;
const OWNER = /^[A-Z][\w&/ -]{1,30}$/;

export type CellKind = 'header' | 'number' | 'damaged' | 'date' | 'status' | 'owner' | 'text';
export interface Cell {
  kind: CellKind;
  text: string;
  line: number;
}

/** The cells of the log in printed order: blank-separated chunks, with numbers, dates and statuses alone. */
export function logCells(lines: PackLine[]): Cell[] {
  const out: Cell[] = [];
  let chunk: { text: string[]; line: number } | undefined;
  const flush = () => {
    if (!chunk) return;
    const text = repairOrdinals(chunk.text.join(' '));
    out.push({ kind: text.split(' ').length <= 3 && OWNER.test(text) && !/[.]$/.test(text) ? 'owner' : 'text', text, line: chunk.line });
    chunk = undefined;
  };
  for (const line of lines) {
    const text = line.text;
    if (isBlank(line) || line.lead) flush();
    if (!text) continue;
    let kind: CellKind | undefined;
    if (HEADER_WORDS.test(text)) kind = 'header';
    else if (SPREADSHEET_DAMAGE.test(text)) kind = 'damaged';
    else if (NUMBER.test(text)) kind = 'number';
    else if (DATE.test(text)) kind = 'date';
    else if (STATUS.test(text)) kind = 'status';
    if (kind) {
      flush();
      out.push({ kind, text, line: line.line });
      continue;
    }
    if (!chunk) chunk = { text: [], line: line.line };
    chunk.text.push(text);
  }
  flush();
  return out;
}

const COLUMNS = ['number', 'raised', 'item', 'action', 'owner', 'target', 'update', 'updated', 'status'] as const;
type Column = (typeof COLUMNS)[number];
const LABEL: Record<Column, string> = {
  number: 'action number',
  raised: 'raised date',
  item: 'agenda item',
  action: 'action',
  owner: 'owner',
  target: 'target date',
  update: 'update',
  updated: 'update date',
  status: 'status',
};

interface Draft {
  values: Partial<Record<Column, string>>;
  /** the agenda item was printed as a spreadsheet date: the column is taken, its value unknown */
  itemDamaged?: string;
  /** the action number was printed as a spreadsheet date */
  numberDamaged?: string;
  line: number;
  /** what the note says about how the row's cells were printed */
  printed: string[];
  /** the column last placed in the row: the next cell fills a column to its right */
  last: number;
}

/** Whether `column` is free in the row and to the right of every column filled so far. */
function hasRoom(draft: Draft, column: Column): boolean {
  if (draft.values[column] !== undefined || (column === 'item' && draft.itemDamaged)) return false;
  return COLUMNS.indexOf(column) > draft.last;
}

/** The columns a cell of this kind can fill in a row, best first. */
function columnsFor(cell: Cell, draft: Draft): Column[] {
  switch (cell.kind) {
    case 'number':
    case 'damaged':
      return ['item'];
    case 'status':
      return ['status'];
    case 'owner':
      return ['owner', 'action', 'update'];
    case 'text':
      return ['action', 'update'];
    case 'date': {
      const date = findDate(cell.text);
      const raised = draft.values.raised;
      const out: Column[] = ['raised'];
      // a target date is after the raised date, and follows the owner; an update date follows an update
      if (draft.values.owner !== undefined && (!raised || (date !== undefined && date > raised))) out.push('target');
      if (draft.values.update !== undefined) out.push('updated');
      return out;
    }
    default:
      return [];
  }
}

function fitIn(cell: Cell, draft: Draft): Column | undefined {
  return columnsFor(cell, draft).find((column) => hasRoom(draft, column));
}

function place(draft: Draft, column: Column, cell: Cell): void {
  draft.last = COLUMNS.indexOf(column);
  if (column === 'item' && cell.kind === 'damaged') {
    draft.itemDamaged = cell.text;
    return;
  }
  draft.values[column] = column === 'raised' || column === 'updated' || (column === 'target' && DATE.test(cell.text)) ? findDate(cell.text) : cell.text;
}

/** The action number a cell stands for when it is the log's next number: "4.0", or "04/01/1900" for 4.0. */
function nextNumber(cell: Cell, drafts: Draft[]): string | undefined {
  const numbered = drafts.filter((draft) => draft.values.number !== undefined);
  const expected = numbered.length === 0 ? undefined : Math.floor(Number(numbered.at(-1)!.values.number)) + 1;
  if (cell.kind === 'number') {
    if (!/\.0$/.test(cell.text)) return undefined;
    const value = Number(cell.text);
    return expected === undefined ? (value === 1 ? cell.text : undefined) : value === expected ? cell.text : undefined;
  }
  if (cell.kind === 'damaged') {
    const value = Number(SPREADSHEET_DAMAGE.exec(cell.text)![1]);
    return value === (expected ?? 1) ? `${value}.0` : undefined;
  }
  return undefined;
}

/** Reads the rows of an action log from the order its cells are printed. */
export function parseActionLog(lines: PackLine[]): ActionLogResult {
  const titleLine = lines.find((line) => line.text);
  const title = titleLine?.text ?? 'Action log';
  const notes: ImportNote[] = [];
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let afterHeaders = false;
  for (const cell of logCells(lines.slice(titleLine ? lines.indexOf(titleLine) + 1 : 0))) {
    if (cell.kind === 'header') {
      current = undefined;
      afterHeaders = true;
      continue;
    }
    const number = nextNumber(cell, drafts);
    if (number !== undefined) {
      // a row whose cells were printed before its number takes it
      const waiting = drafts.find((draft) => draft.values.number === undefined);
      const draft = waiting ?? { values: {}, line: cell.line, printed: [], last: 0 };
      draft.values.number = number;
      // the cells printed after a late number are its row's first columns
      draft.last = 0;
      if (cell.kind === 'damaged') draft.numberDamaged = cell.text;
      if (waiting) draft.printed.push(`Its number (${number}) is printed after its other cells.`);
      else drafts.push(draft);
      current = draft;
      afterHeaders = false;
      continue;
    }
    if (drafts.length === 0) continue;
    let column = current ? fitIn(cell, current) : undefined;
    let target = column ? current : undefined;
    if (!target) {
      for (const draft of drafts) {
        column = fitIn(cell, draft);
        if (column) {
          target = draft;
          break;
        }
      }
      // a cell with no room anywhere starts a row whose number comes later
      if (!target && (cell.kind === 'number' || cell.kind === 'text')) {
        target = { values: {}, line: cell.line, printed: [], last: -1 };
        drafts.push(target);
        column = fitIn(cell, target);
      }
      if (target && column && cell.kind === 'date' && current && target !== current && current.values.owner !== undefined && hasRoom(current, 'target')) {
        const where = target.values.number ? `action ${target.values.number}` : 'the next action';
        current.printed.push(`No target date can be placed for this action. The date ${cell.text} printed after its owner is taken as the ${LABEL[column]} of ${where}; it could instead be this action’s target date.`);
      }
      if (target && column && !afterHeaders && target !== current && drafts.indexOf(target) < drafts.length - 1) {
        target.printed.push(`Its ${LABEL[column]} (${cell.text}) stands apart from the rest of the row in the pack, and is placed by the order in which it appears.`);
      }
    }
    if (!target || !column) {
      notes.push({ document: 'action log', sourceLine: cell.line, kind: 'uncertain', message: `The cell “${cell.text}” could not be placed in any row; it is left out. Check it against the pack.` });
      continue;
    }
    place(target, column, cell);
    current = target;
    afterHeaders = false;
  }
  return { title, rows: finishRows(drafts, notes), notes };
}

function finishRows(drafts: Draft[], notes: ImportNote[]): ImportedActionRow[] {
  const rows: ImportedActionRow[] = [];
  for (const draft of drafts) {
    const { values } = draft;
    if (!values.number || !values.raised || !values.action) {
      const missing = [!values.number && 'number', !values.raised && 'raised date', !values.action && 'action'].filter(Boolean).join(' and ');
      notes.push({ document: 'action log', sourceLine: draft.line, kind: 'uncertain', message: `Action ${values.number ?? `at line ${draft.line}`}: its ${missing} could not be placed; the row is left out. Check it against the pack.` });
      continue;
    }
    const printed: string[] = [];
    if (draft.numberDamaged) printed.push(`The log prints the action number as a date, “${draft.numberDamaged}”. It is shown here as action ${values.number}.`);
    if (draft.itemDamaged) {
      const whole = Number(SPREADSHEET_DAMAGE.exec(draft.itemDamaged)![1]);
      printed.push(`The log prints the agenda item as a date, “${draft.itemDamaged}”. This is item ${whole}.x: the part of the number after the point cannot be recovered.`);
    }
    printed.push(...draft.printed);
    const row: ImportedActionRow = { number: values.number, raised: values.raised, action: values.action };
    for (const key of ['item', 'owner', 'target', 'update', 'updated', 'status'] as const) {
      const value = values[key];
      if (value === undefined) continue;
      if (key === 'status') row.status = normaliseStatus(value);
      else row[key] = value;
    }
    if (printed.length > 0) row.note = printed.join(' ');
    rows.push(row);
    notes.push({
      document: 'action log',
      sourceLine: draft.line,
      kind: 'uncertain',
      message: `Action ${row.number}: the log’s cells are printed partly column by column; this row was put back together from the log’s numbers, dates and column order. Check it against the pack.${row.note ? ` ${row.note}` : ''}`,
    });
  }
  return rows;
}

export function normaliseStatus(text: string): ImportedActionRow['status'] {
  const lower = text.toLowerCase();
  if (lower === 'open') return 'Open';
  if (lower === 'ongoing') return 'Ongoing';
  if (lower === 'not started') return 'Not Started';
  return 'Closed';
}
