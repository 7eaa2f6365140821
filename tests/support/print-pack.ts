/**
 * Prints a meeting's pack as pdftotext prints one: a front sheet, an agenda, papers each under a header block,
 * an action log, minutes; pages with running headers and page numbers, which may fall mid-paragraph. Every line
 * printed is known by construction: which part it belongs to, and whether it is the part's text (whose words a
 * draft must keep), a label the importer reads as a field, or page furniture. The importer is judged on these
 * packs against what was printed.
 */

/** content: its words must be in a draft; label: a field's label or a date, read into a field; furniture: page furniture */
export type LineRole = 'content' | 'label' | 'furniture';

export interface PrintedLine {
  text: string;
  role: LineRole;
  /** the part it belongs to (an index into `parts`); none for furniture and blank lines */
  part?: number;
}

/** A block of a paper's text: a numbered section heading, a paragraph, a list, a table, a printed spreadsheet's labels. */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'matrix'; labels: string[] }
  | { kind: 'footnote'; number: number; text: string };

export type HeaderKind = 'agenda-item' | 'to-from-date' | 'report-of' | 'front-sheet';

export interface PaperSpec {
  kind: 'paper';
  item: string;
  title: string;
  from: string;
  /** YYYY-MM-DD */
  date: string;
  marking?: string;
  header: HeaderKind;
  /** print an "Agenda Item" line above the header block as well */
  agendaItemLine: boolean;
  blocks: Block[];
}

export interface ActionRowSpec {
  number: string;
  /** DD/MM/YYYY as printed */
  raised: string;
  item?: string;
  action: string;
  owner: string;
  /** DD/MM/YYYY as printed */
  target: string;
  status: string;
  update?: string;
}

export type LogColumn = 'number' | 'raised' | 'item' | 'action' | 'owner' | 'target' | 'status' | 'update';

export interface ActionLogSpec {
  kind: 'action-log';
  /** where it is printed: after the agenda, as a paper of its own under an item, or inside the minutes */
  place: 'after-agenda' | 'own-paper' | 'in-minutes';
  item?: string;
  title: string;
  columns: LogColumn[];
  rows: ActionRowSpec[];
}

export interface MinutesSpec {
  kind: 'minutes';
  /** YYYY-MM-DD of the meeting they record */
  of: string;
  blocks: Block[];
}

export interface AgendaItemSpec {
  number: string;
  title: string;
  presenter?: string;
}

export interface PackSpec {
  bodyName: string;
  /** YYYY-MM-DD */
  date: string;
  time: string;
  venue: string;
  agenda: AgendaItemSpec[];
  /** the documents in printed order; an action log inside minutes is printed by them */
  documents: (PaperSpec | ActionLogSpec | MinutesSpec)[];
  /** lines of text per page; 0 prints no page breaks */
  pageLength: number;
  /** print a running header at the top of each page ("Official" and the body's name) */
  runningHeader: boolean;
}

/** What each part of the pack is, for judging an import: its kind, item, title, headings and tables. */
export interface PrintedPart {
  kind: 'meeting' | 'paper' | 'minutes' | 'action-log';
  item?: string;
  title?: string;
  headings: string[];
  tables: number;
  rows: number;
  /** for an action log: the action of each row */
  actions?: string[];
}

export interface PrintedPack {
  text: string;
  /** every line printed, one for each line of `text` */
  lines: PrintedLine[];
  parts: PrintedPart[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "2019-06-11" → "Tuesday 11th June 2019" or "11 June 2019". */
export function longDate(iso: string, weekday = false): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  const name = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return weekday ? `${name} ${day}${suffix} ${MONTHS[month - 1]} ${year}` : `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Words wrapped at about 90 characters, as a PDF's lines break. */
export function wrap(text: string, width = 90): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

const LOG_LABELS: Record<LogColumn, string> = {
  number: 'Action No.',
  raised: 'Meeting Date',
  item: 'Agenda Item',
  action: 'Action',
  owner: 'Owner',
  target: 'Target Date',
  status: 'Status',
  update: 'Update',
};

/** Prints a pack; lines come out with their roles, and pages break every `pageLength` lines of text. */
export function printPack(spec: PackSpec): PrintedPack {
  const parts: PrintedPart[] = [];
  const body: PrintedLine[] = [];
  const put = (text: string, role: LineRole, part: number) => body.push({ text, role, part });
  const blank = () => body.push({ text: '', role: 'label' });

  const meeting = parts.push({ kind: 'meeting', headings: [], tables: 0, rows: 0 }) - 1;
  put(spec.bodyName, 'label', meeting);
  blank();
  put(longDate(spec.date, true), 'label', meeting);
  put(`Time: ${spec.time}`, 'content', meeting);
  put(`Venue: ${spec.venue}`, 'content', meeting);
  blank();
  put('AGENDA', 'label', meeting);
  blank();
  for (const item of spec.agenda) {
    put(`${item.number}. ${item.title}`, 'content', meeting);
    if (item.presenter) put(item.presenter, 'content', meeting);
    blank();
  }

  const printBlocks = (blocks: Block[], part: number) => {
    for (const block of blocks) {
      if (block.kind === 'heading') {
        put(block.text, 'content', part);
        parts[part]!.headings.push(block.text);
      } else if (block.kind === 'paragraph') for (const line of wrap(block.text)) put(line, 'content', part);
      else if (block.kind === 'list') for (const item of block.items) wrap(item, 86).forEach((line, index) => put(index === 0 ? `• ${line}` : line, 'content', part));
      else if (block.kind === 'table') {
        // pdftotext prints a simple table's cells one to a line, row by row, a blank line between rows
        block.rows.forEach((row, index) => {
          if (index > 0) blank();
          for (const cell of row) put(cell, 'content', part);
        });
        parts[part]!.tables += 1;
      } else if (block.kind === 'matrix') for (const label of block.labels) put(label, 'content', part);
      else put(`${block.number} ${block.text}`, 'content', part);
      blank();
    }
  };
  const printLog = (log: ActionLogSpec, part: number) => {
    put(log.title, 'content', part);
    blank();
    for (const column of log.columns) put(LOG_LABELS[column], 'label', part);
    blank();
    for (const row of log.rows) {
      for (const column of log.columns) {
        const value = row[column];
        if (value === undefined || value === '') continue;
        // a date is printed as the log prints it and written YYYY-MM-DD: a label, not words to find
        put(value, column === 'raised' || column === 'target' ? 'label' : 'content', part);
        blank();
      }
    }
    parts[part]!.rows = log.rows.length;
    parts[part]!.actions = log.rows.map((row) => row.action);
  };

  for (const document of spec.documents) {
    if (document.kind === 'paper') {
      const part = parts.push({ kind: 'paper', item: document.item, title: document.title, headings: [], tables: 0, rows: 0 }) - 1;
      if (document.marking) put(document.marking, 'content', part);
      if (document.agendaItemLine || document.header === 'agenda-item') put(`Agenda Item: ${document.item}`, 'label', part);
      if (document.header === 'to-from-date') {
        put(`To: ${spec.bodyName}`, 'label', part);
        blank();
        put(`From: ${document.from}`, 'content', part);
        blank();
        put(`Date: ${longDate(document.date)}`, 'label', part);
        blank();
        put(document.title.toUpperCase(), 'content', part);
      } else if (document.header === 'report-of') {
        put(document.title.toUpperCase(), 'content', part);
        blank();
        put(`Report of the ${document.from}`, 'label', part);
        put(longDate(document.date), 'label', part);
      } else if (document.header === 'front-sheet') {
        put(spec.bodyName.toUpperCase(), 'label', part);
        put(longDate(document.date), 'label', part);
        blank();
        put(document.title.toUpperCase(), 'content', part);
        blank();
        put(`Report from ${document.from}`, 'label', part);
      } else {
        blank();
        put(document.title.toUpperCase(), 'content', part);
      }
      blank();
      printBlocks(document.blocks, part);
    } else if (document.kind === 'minutes') {
      const part = parts.push({ kind: 'minutes', headings: [], tables: 0, rows: 0 }) - 1;
      put(`MINUTES OF THE MEETING HELD ON ${longDate(document.of).toUpperCase()}`, 'label', part);
      blank();
      printBlocks(document.blocks, part);
      const log = spec.documents.find((each): each is ActionLogSpec => each.kind === 'action-log' && each.place === 'in-minutes');
      if (log) printLog(log, parts.push({ kind: 'action-log', headings: [], tables: 0, rows: 0 }) - 1);
    } else if (document.place !== 'in-minutes') {
      const part = parts.push({ kind: 'action-log', item: document.item, title: document.title, headings: [], tables: 0, rows: 0 }) - 1;
      if (document.place === 'own-paper' && document.item) put(`Agenda Item: ${document.item}`, 'label', part);
      printLog(document, part);
    }
  }

  // pages: a break after every `pageLength` lines of text, wherever it falls, even mid-paragraph; a page
  // starts with a form feed, as pdftotext prints it
  const lines: PrintedLine[] = [];
  const pages = spec.pageLength > 0 ? Math.ceil(body.filter((line) => line.text).length / spec.pageLength) : 1;
  let page = 1;
  let onPage = 0;
  let feed = false;
  const footer = `${spec.bodyName} ${longDate(spec.date)}`;
  for (const line of body) {
    if (spec.pageLength > 0 && line.text && onPage >= spec.pageLength) {
      lines.push({ text: footer, role: 'furniture' }, { text: `Page ${page} of ${pages}`, role: 'furniture' });
      page += 1;
      onPage = 0;
      feed = true;
      if (spec.runningHeader) {
        lines.push({ text: '\fOfficial', role: 'furniture' }, { text: footer, role: 'furniture' });
        feed = false;
      }
    }
    lines.push(feed ? { ...line, text: `\f${line.text}` } : line);
    feed = false;
    if (line.text) onPage += 1;
  }
  if (spec.pageLength > 0) lines.push({ text: footer, role: 'furniture' }, { text: `Page ${page} of ${pages}`, role: 'furniture' });
  return { text: `${lines.map((line) => line.text).join('\n')}\n`, lines, parts };
}
