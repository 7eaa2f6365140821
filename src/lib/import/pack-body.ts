/**
 * A document's text as an mdast tree: headings, numbered paragraphs, lists, tables, joined lines.
 * Longer than 300 lines on purpose: each line's kind depends on the lines around it, so the reading of a
 * text is one pass, kept in one place.
 */
import type { BlockContent, Heading, List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import type { ImportNote } from './model.ts';
import { isCellText, looksLikeTable, recoverRows, UNREADABLE_TABLE_NOTE } from './pack-table.ts';
import { BULLET_PATTERN, isAllCaps, isBlank, NUMBER_ALONE, type PackLine } from './pack-text.ts';

type LineKind = 'heading' | 'numbered' | 'bullet' | 'text' | 'table';

interface Logical {
  text: string;
  line: number;
  lead: boolean;
  kind: LineKind;
  /** a chunk's first line: a blank line (or the start) comes before it */
  afterBlank: boolean;
  table?: string[][];
  depth?: number;
  /** the source marks it a heading (Word's heading style, bold): not judged by its shape */
  styled?: boolean;
}

const NUMBERED_PARAGRAPH = /^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+\S/;
const SECTION = /^(\d{1,2})\.?\s+(\S.*)$/;
const TERMINAL = /[.:;?!)"”’]$/;

export function editorialNote(text: string): RootContent {
  return {
    type: 'mdxJsxFlowElement',
    name: 'EditorialNote',
    attributes: [],
    children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }],
  } as unknown as RootContent;
}

function looksLikeSection(rest: string): boolean {
  const words = rest.split(' ');
  return words.length <= 12 && /^[A-Z(‘“']/.test(rest) && !/[.;,]$/.test(rest) && rest.length <= 100;
}

/** The short lines before `index` (non-blank, blank-separated), up to `count`. */
function cellsBefore(lines: PackLine[], index: number, count: number): string[] {
  const found: string[] = [];
  for (let at = index - 1; at >= 0 && found.length < count; at -= 1) {
    if (isBlank(lines[at])) continue;
    if (!isBlank(lines[at - 1]) || !isCellText(lines[at].text) || (NUMBER_ALONE.test(lines[at].text) && /\./.test(lines[at].text))) break;
    found.push(lines[at].text);
  }
  return found;
}

/** A whole number alone after two loose table cells is a figure in the table, not a paragraph number. */
function isFigureCell(lines: PackLine[], index: number): boolean {
  return /^\d+$/.test(lines[index].text) && isBlank(lines[index - 1]) && cellsBefore(lines, index, 2).length === 2;
}

/** Merges a paragraph number printed alone ("3.1") with the text after it, and classifies each line. */
export function logicalLines(lines: PackLine[]): Logical[] {
  const out: Logical[] = [];
  let afterBlank = true;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (line.table) {
      out.push({ text: '', line: line.line, lead: false, kind: 'table', afterBlank: true, table: line.table });
      afterBlank = true;
      continue;
    }
    if (isBlank(line)) {
      afterBlank = true;
      continue;
    }
    let text = line.text;
    let lead = line.lead;
    if (NUMBER_ALONE.test(text) && !isFigureCell(lines, index)) {
      let next = index + 1;
      while (next < lines.length && isBlank(lines[next])) next += 1;
      const follower = lines[next];
      if (follower && !follower.table && follower.text && !NUMBER_ALONE.test(follower.text) && !NUMBERED_PARAGRAPH.test(follower.text)) {
        text = `${text.replace(/\.$/, '') + (text.includes('.') && !text.endsWith('.') ? '' : '.')} ${follower.text}`.replace(/^(\d+\.\d+(?:\.\d+)?)\. /, '$1 ');
        lead = lead || follower.lead;
        index = next;
      }
    }
    out.push({ text, line: line.line, lead, kind: classify(line, text), afterBlank, depth: line.listItem?.depth, styled: line.headingLevel !== undefined || line.bold === true });
    afterBlank = false;
  }
  // an unnumbered short line followed by a numbered paragraph is a section heading ("Recommendation")
  for (let index = 0; index < out.length - 1; index += 1) {
    const here = out[index];
    const next = out[index + 1];
    if (here.kind === 'text' && here.afterBlank && next.afterBlank && next.kind === 'numbered' && here.text.split(' ').length <= 8 && /^[A-Z]/.test(here.text) && !TERMINAL.test(here.text)) here.kind = 'heading';
  }
  notSections(out);
  return out;
}

/**
 * What only looks like a section heading is text: a numbered line out of the sections' rising order (a
 * footnote "1 Crime in England and Wales …" after section 3; a section starts again only at "1." with its point),
 * three or more headings in a row (the labels of a printed spreadsheet: "1. Insignificant", "2. Minor", "L I R").
 */
function notSections(entries: Logical[]): void {
  let last = 0;
  entries.forEach((entry, index) => {
    // a heading in capitals stands apart: a table's cells printed one to a line ("DIRECTOR OF HR") do not
    const next = entries[index + 1];
    if (entry.kind === 'heading' && !entry.styled && isAllCaps(entry.text) && (!entry.afterBlank || (next !== undefined && !next.afterBlank && next.kind !== 'numbered'))) entry.kind = 'text';
  });
  for (const entry of entries) {
    const section = entry.kind === 'heading' && !entry.styled ? SECTION.exec(entry.text) : null;
    if (!section) continue;
    const number = Number(section[1]);
    // a section may be read as text where its heading was not recognised: the numbers rise, a few at a time
    if ((number > last && number <= last + 3) || (number === 1 && /^\d+\./.test(entry.text))) last = number;
    else entry.kind = 'text';
  }
  for (let start = 0; start < entries.length; ) {
    let end = start;
    while (end < entries.length && entries[end]!.kind === 'heading') end += 1;
    if (end - start >= 3) for (let at = start; at < end; at += 1) entries[at]!.kind = 'text';
    start = Math.max(end, start + 1);
  }
}

function classify(line: PackLine, text: string): LineKind {
  if (line.headingLevel !== undefined) return 'heading';
  if (line.listItem) return 'bullet';
  if (BULLET_PATTERN.test(text) && !/^-\d/.test(text)) return 'bullet';
  if (NUMBERED_PARAGRAPH.test(text)) return 'numbered';
  const section = SECTION.exec(text);
  if (section && looksLikeSection(section[2])) return 'heading';
  if (isAllCaps(text) && text.split(' ').length <= 8 && !/[.;,]$/.test(text) && /^[A-Z]/.test(text) && text.replace(/[^A-Z]/g, '').length >= 4) return 'heading';
  if (line.bold && text.split(' ').length <= 10 && !TERMINAL.test(text)) return 'heading';
  return 'text';
}

/** Joins broken lines: a hyphen at a line's end is kept and closes up only before a lower-case word. */
export function joinLines(parts: string[]): string {
  let text = '';
  for (const part of parts) {
    if (!text) text = part;
    else if (/[\p{L}]-$/u.test(text) && /^[a-z]/.test(part)) text += part;
    else text += ` ${part}`;
  }
  return text;
}

const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] });

function headingText(text: string): string {
  const section = SECTION.exec(text);
  if (section) {
    const rest = section[2];
    return `${section[1]}. ${isAllCaps(rest) ? sentenceCase(rest) : rest}`;
  }
  return isAllCaps(text) ? sentenceCase(text) : text;
}

function sentenceCase(text: string): string {
  return text.replace(/[\p{L}][\p{L}’']*/gu, (word, offset: number) => (offset === 0 || /\s$/.test(text.slice(0, offset)) ? word.charAt(0) + word.slice(1).toLowerCase() : word.toLowerCase()));
}

function tableNode(rows: string[][]): Table {
  const width = Math.max(...rows.map((row) => row.length));
  return {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children: rows.map((row) => ({
      type: 'tableRow',
      children: Array.from({ length: width }, (_, index) => ({ type: 'tableCell', children: row[index] ? [{ type: 'text', value: row[index].replace(/\s*\n\s*/g, ' ').trim() }] : [] })),
    })),
  } as Table;
}

/** A loose table cell: a short line on its own between blank lines. */
function isCell(entry: Logical): boolean {
  if (!entry.afterBlank || !isCellText(entry.text)) return false;
  return entry.kind === 'text' || (entry.kind === 'heading' && !/^\d/.test(entry.text));
}

/** Runs of loose table cells, by the index of their first entry: [start, end). */
export function cellRuns(logical: Logical[]): Map<number, number> {
  const runs = new Map<number, number>();
  let index = 0;
  while (index < logical.length) {
    if (!isCell(logical[index])) {
      index += 1;
      continue;
    }
    let end = index;
    while (end < logical.length && isCell(logical[end])) end += 1;
    const cells = logical.slice(index, end);
    const named = logical.slice(Math.max(0, index - 2), index + 1).some((entry) => /\btables?\b/i.test(entry.text));
    if (cells.filter((entry) => entry.kind === 'text').length >= 3 && looksLikeTable(cells.map((entry) => entry.text), named)) runs.set(index, end);
    index = end;
  }
  return runs;
}

/** The nodes for a run of loose cells: a rebuilt table, or the cells as printed after a note. */
function looseTable(cells: Logical[], document: string, notes: ImportNote[]): RootContent[] {
  const texts = cells.map((cell) => cell.text);
  const first = cells[0].line;
  const recovered = recoverRows(texts);
  if (recovered) {
    notes.push({ document, sourceLine: first, kind: 'uncertain', message: `A table of ${recovered.rows.length - 1} rows and ${recovered.rows[0].length} columns, printed one cell to a line ${recovered.order}, was rebuilt from line ${first}; check its rows against the pack.` });
    return [tableNode(recovered.rows)];
  }
  notes.push({ document, sourceLine: first, kind: 'uncertain', message: `The ${cells.length} cells of a table from line ${first} could not be put back into rows and columns; they are kept in printed order after an editorial note. Rebuild the table by hand if the pack allows.` });
  return [editorialNote(UNREADABLE_TABLE_NOTE), ...texts.map(paragraph)];
}

export interface BodyResult {
  body: Root;
  notes: ImportNote[];
}

/** Builds the tree. `document` names the document in notes. */
export function buildBody(lines: PackLine[], document: string): BodyResult {
  const logical = logicalLines(lines);
  const children: RootContent[] = [];
  const notes: ImportNote[] = [];
  let open: { parts: string[] } | undefined;
  let list: { node: List; style: 'marked' | 'blank' | 'lead'; endings: string[] } | undefined;
  let afterColon = false;
  const lastItemParts = (): string[] | undefined => (list ? (list.node.children.at(-1) as ListItem & { parts?: string[] } | undefined)?.parts : undefined);
  const flushParagraph = () => {
    if (open) {
      const text = joinLines(open.parts);
      children.push(paragraph(text));
      afterColon = /:-?$/.test(text);
      open = undefined;
    }
  };
  const closeList = () => {
    if (!list) return;
    for (const item of list.node.children as (ListItem & { parts?: string[] })[]) {
      item.children = [paragraph(joinLines(item.parts ?? []))] as BlockContent[];
      delete item.parts;
    }
    children.push(list.node);
    list = undefined;
    afterColon = false;
  };
  const addItem = (text: string, style: 'marked' | 'blank' | 'lead') => {
    flushParagraph();
    if (!list) list = { node: { type: 'list', ordered: false, spread: false, children: [] }, style, endings: [] };
    const item = { type: 'listItem', spread: false, children: [], parts: [text] } as ListItem & { parts: string[] };
    list.node.children.push(item);
  };
  const currentParts = (): string[] | undefined => (list ? lastItemParts() : open?.parts);
  const runs = cellRuns(logical);
  for (let index = 0; index < logical.length; index += 1) {
    const entry = logical[index];
    const runEnd = runs.get(index);
    if (runEnd !== undefined) {
      flushParagraph();
      closeList();
      children.push(...looseTable(logical.slice(index, runEnd), document, notes));
      index = runEnd - 1;
      continue;
    }
    if (entry.kind === 'table' && entry.table) {
      flushParagraph();
      closeList();
      children.push(tableNode(entry.table));
      continue;
    }
    if (entry.kind === 'heading') {
      flushParagraph();
      closeList();
      children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: headingText(entry.text) }] } as Heading);
      continue;
    }
    if (entry.kind === 'numbered') {
      flushParagraph();
      closeList();
      open = { parts: [entry.text] };
      continue;
    }
    if (entry.kind === 'bullet') {
      if (list && list.style !== 'marked') closeList();
      addItem(entry.text.replace(BULLET_PATTERN, ''), 'marked');
      continue;
    }
    // plain text
    const parts = currentParts();
    if (!entry.afterBlank && parts) {
      parts.push(entry.text);
      continue;
    }
    const previous = parts ? parts[parts.length - 1] : undefined;
    if (previous !== undefined && /^[a-z]/.test(entry.text) && !TERMINAL.test(previous)) {
      parts!.push(entry.text); // a sentence running on over a page break
      continue;
    }
    if (list) {
      const last = joinLines(lastItemParts() ?? []);
      const continuesList =
        list.style === 'lead' ? entry.lead : list.style === 'blank' ? !(/\.$/.test(last) && list.endings.length > 0 && list.endings.every((ending) => ending !== '.')) && !entry.lead : false;
      if (continuesList) {
        list.endings.push(last.slice(-1));
        addItem(entry.text, list.style);
        continue;
      }
      closeList();
    }
    if (open === undefined && afterColon && children.at(-1)?.type === 'paragraph') {
      addItem(entry.text, entry.lead ? 'lead' : 'blank');
      continue;
    }
    if (open && /:-?$/.test(joinLines(open.parts))) {
      flushParagraph();
      addItem(entry.text, entry.lead ? 'lead' : 'blank');
      continue;
    }
    flushParagraph();
    open = { parts: [entry.text] };
  }
  flushParagraph();
  closeList();
  return { body: { type: 'root', children }, notes };
}
