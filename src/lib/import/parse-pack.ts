/**
 * The pack parser: from a reader's blocks to the meeting, its agenda, its action log and its documents.
 * Everything is found by the patterns packs print (labels, numbering, header blocks), never by titles.
 */
import type { FurnitureLine, ImportedAgendaItem, ImportedDocument, ImportedPack, ImportNote, SourceBlock } from './model.ts';
import { parseActionLog } from './pack-action-log.ts';
import { agendaStart, parseAgenda } from './pack-agenda.ts';
import { buildBody } from './pack-body.ts';
import { rebuildColumnTables } from './pack-columns.ts';
import { appendicesOf, extractBibliography, recommendationsOf } from './pack-extras.ts';
import { parseFrontSheet } from './pack-front.ts';
import { removeFurniture, removeRepeatedHeaderRows } from './pack-furniture.ts';
import { parseHeader, type Header } from './pack-header.ts';
import { rejoinAppendices, type DocumentRanges } from './pack-appendix.ts';
import { matchDocuments } from './pack-match.ts';
import { logHeaderRow, readLogRows, type LogColumn, type LogRows } from './pack-log-rows.ts';
import { findDocumentStarts, isActionLogHeading, type DocumentStart } from './pack-split.ts';
import { dateLine, findDate, isAllCaps, markingLine, repairOrdinals, titleCase, acronymsIn, type PackLine, toPackLines } from './pack-text.ts';

export function parsePack(blocks: SourceBlock[]): ImportedPack {
  const notes: ImportNote[] = [];
  const packLines = toPackLines(blocks);
  const textOf = new Map(packLines.map((line) => [line.line, line.text]));
  const furniture = removeFurniture(packLines, 0);
  const lines = furniture.lines;
  notes.push(...furniture.notes);

  const front = parseFrontSheet(lines);
  const pack: ImportedPack = { agenda: [], documents: [], notes, meetingLines: [], furniture: [...furniture.removed] };
  const sourceLinesOf = (from: number, to: number) => lines.slice(from, to).filter((line) => line.text || line.table).map((line) => line.line);
  pack.meetingLines!.push(...sourceLinesOf(0, front.end));
  if (front.bodyName) pack.bodyName = front.bodyName;
  if (front.date) pack.date = front.date;
  if (front.time) pack.time = front.time;
  if (front.venue) pack.venue = front.venue;

  let after = front.end;
  const start = agendaStart(lines, front.end);
  if (start !== undefined) {
    const agenda = parseAgenda(lines, start);
    pack.agenda = agenda.items;
    // the "AGENDA" line and the items, up to the first line after them
    pack.meetingLines!.push(...sourceLinesOf(start - 1, agenda.end));
    notes.push(...agenda.notes);
    after = agenda.end;
  }
  for (const [field, label] of [['bodyName', 'the body’s name'], ['date', 'the meeting’s date'], ['time', 'the meeting’s time'], ['venue', 'the meeting’s venue']] as const) {
    if (pack[field] === undefined) notes.push({ document: 'meeting', kind: 'missing', message: `The pack has no front sheet giving ${label} (${field}).` });
  }
  if (pack.agenda.length === 0) notes.push({ document: 'meeting', kind: 'missing', message: 'The pack prints no agenda (agenda).' });

  const starts = findDocumentStarts(lines, after);
  // a lone paper that prints no header block: its whole text is one paper
  if (starts.length === 0 && lines.slice(after).some((line) => line.text || line.table)) {
    starts.push({ kind: 'paper', start: after, cue: 'the whole text' });
    notes.push({ document: 'the pack', sourceLine: lines[after]?.line, kind: 'uncertain', message: 'No header block (To, From, Date) or agenda item line starts a paper, so the whole text is imported as one paper: check its title and fields.' });
  }
  const ranges: DocumentRanges[] = starts.map((found, index) => ({ kind: found.kind, ranges: [[found.start, index + 1 < starts.length ? starts[index + 1].start : lines.length]] }));
  const logs = readLogsByHeaderRow(lines, starts, ranges, notes);
  const moves = rejoinAppendices(lines, ranges);
  const read: (ImportedDocument | undefined)[] = [];
  for (let index = 0; index < starts.length; index += 1) {
    const found = starts[index];
    const slice = ranges[index].ranges.flatMap(([from, to]) => lines.slice(from, to));
    if (slice.length === 0) continue;
    if (found.kind === 'action-log') {
      const byRows = logs.get(index);
      // a log read row by row is taken before one whose cells had to be put back together
      if (byRows && !pack.actionLog?.rows.length) {
        const title = slice.find((line) => isActionLogHeading(line.text))?.text ?? 'Action log';
        pack.actionLog = { title, rows: byRows.rows, lines: slice.filter((line) => line.text || line.table).map((line) => line.line) };
        notes.push({ document: 'action log', sourceLine: slice[0]!.line, kind: 'placed', message: `The action log is read row by row under its header row (${byRows.columns.join(', ')}): ${byRows.rows.length} row${byRows.rows.length === 1 ? '' : 's'}. Check them against the pack.` });
      } else if (!pack.actionLog) {
        const log = parseActionLog(slice);
        pack.actionLog = { title: log.title, rows: log.rows, lines: slice.filter((line) => line.text || line.table).map((line) => line.line) };
        notes.push(...log.notes);
      }
      continue;
    }
    const document = readDocument(slice, found.kind, notes, pack.furniture!, found.bodyAt === undefined ? undefined : found.bodyAt - found.start);
    read[index] = document;
    if (!document) continue;
    // a paper with no "Agenda Item" in its header may print one in its page footers
    const [first, last] = [lines[ranges[index].ranges[0][0]].line, lines[ranges[index].ranges[0][1] - 1].line];
    const footer = furniture.footerItems.find((entry) => entry.line >= first && entry.line <= last);
    if (document.item === undefined && footer && document.kind === 'paper') {
      document.item = footer.item;
      document.matchedBy = 'Agenda Item line';
    }
    // a paper whose header prints no protective marking may print one at the head of its pages
    const printedOnPages = document.kind === 'paper' && document.marking === undefined ? pack.furniture!.find((entry) => entry.line >= first && entry.line <= last && markingLine(textOf.get(entry.line) ?? '')) : undefined;
    if (printedOnPages) {
      document.marking = textOf.get(printedOnPages.line)!;
      notes.push({ document: document.title || 'a paper', sourceLine: printedOnPages.line, kind: 'uncertain', message: `Its protective marking (“${document.marking}”) is read from its page headers; check it.` });
    }
    pack.documents.push(document);
  }
  for (const move of moves) {
    const name = (at: number) => read[at]?.title || `the document at line ${lines[starts[at].start].line}`;
    const [from, to] = [lines[move.range[0]].line, lines[move.range[1] - 1].line];
    notes.push({
      document: name(move.to),
      sourceLine: from,
      kind: 'placed',
      message: `${move.appendices.join(' and ')} (lines ${from} to ${to}) ${move.appendices.length > 1 ? 'are' : 'is'} printed after other papers, inside “${name(move.from)}”, which never names ${move.appendices.length > 1 ? 'them' : 'it'}; joined back to this document, which names ${move.appendices[0]} and had not printed it.`,
    });
  }
  matchDocuments(pack.documents, pack.agenda, notes);
  for (const document of pack.documents) missingFields(document, notes);
  return pack;
}

/**
 * Action logs known by their header row, read row by row: each log's range ends after its last row, and what
 * follows it, up to the next document, goes back to the document it was printed inside (minutes, a paper).
 */
function readLogsByHeaderRow(lines: PackLine[], starts: DocumentStart[], ranges: DocumentRanges[], notes: ImportNote[]): Map<number, LogRows & { columns: LogColumn[] }> {
  const logs = new Map<number, LogRows & { columns: LogColumn[] }>();
  starts.forEach((found, index) => {
    if (found.kind !== 'action-log') return;
    const [from, to] = ranges[index]!.ranges[0]!;
    let header: ReturnType<typeof logHeaderRow>;
    for (let at = from; at < Math.min(to, from + 20) && !header; at += 1) header = logHeaderRow(lines, at);
    const read = header && readLogRows(lines.slice(0, to), header);
    const around = starts.slice(0, index).findLastIndex((each) => each.kind !== 'action-log');
    if (!header || !read) {
      // a table that only looked like a log's header row (a minutes' table of actions agreed) stays in its document
      if (found.cue === 'action log header row' && around >= 0) {
        ranges[around]!.ranges.push([from, to]);
        ranges[index]!.ranges = [];
      }
      return;
    }
    logs.set(index, { ...read, columns: header.columns });
    ranges[index]!.ranges = [[from, read.end]];
    if (read.end < to && around >= 0) ranges[around]!.ranges.push([read.end, to]);
    const after = lines.slice(read.end, to).find((line) => line.text || line.table);
    if (after) {
      notes.push({ document: 'action log', sourceLine: after.line, kind: 'uncertain', message: `The action log's rows end before line ${after.line} (“${after.text.slice(0, 60)}”); what follows is kept with the document around it, or as unplaced text: check that no row of the log was left out.` });
    }
  });
  return logs;
}

function readDocument(lines: PackLine[], kind: 'paper' | 'minutes', notes: ImportNote[], furniture: FurnitureLine[], bodyAt?: number): ImportedDocument | undefined {
  if (lines.every((line) => !line.text && !line.table)) return undefined;
  const header = bodyAt === undefined ? parseHeader(lines, kind) : headingOnly(lines, bodyAt, notes);
  // a PDF's tables, printed as rows of cells: rebuilt where the cells line up in columns
  const textLines = rebuildColumnTables(lines.slice(header.bodyStart), header.title ?? `the document at line ${lines[0].line}`, notes);
  const bibliography = extractBibliography(textLines);
  const dropped = new Set<number>();
  let bodyLines = bibliography.range && !bibliography.numbered ? [...textLines.slice(0, bibliography.range[0]), ...textLines.slice(bibliography.range[1])] : textLines;
  // a schedule of meetings prints the same standing items meeting after meeting: they are its text
  if (kind === 'paper' && bodyAt === undefined) {
    const repeats = removeRepeatedHeaderRows(bodyLines);
    bodyLines = repeats.lines;
    for (const line of repeats.dropped) dropped.add(line);
    furniture.push(...repeats.dropped.map((line) => ({ line, pattern: 'repeated printings of a table’s header row' })));
    for (const row of repeats.removed) {
      notes.push({ document: header.title ?? `the document at line ${lines[0].line}`, sourceLine: row.line, kind: 'removed', message: `Removed ${row.repeats} repeated printing${row.repeats === 1 ? '' : 's'} of a table’s header row (“${row.text}”), first at line ${row.line}; the first printing is kept.` });
    }
  }
  let title = header.title;
  let minutesOf: string | undefined;
  if (kind === 'minutes') {
    const head = lines.slice(0, header.bodyStart);
    const heading = head.filter((line) => line.text).slice(0, 3).map((line) => line.text);
    minutesOf = header.date ?? findDate(repairOrdinals(heading.join(' '))) ?? head.map((line) => dateLine(repairOrdinals(line.text.replace(/\s+Time:.*$/i, '')))).find(Boolean);
    if (!minutesOf) for (const line of head) minutesOf ??= findDate(repairOrdinals(line.text));
    const joined = heading.filter((text) => /minutes|meeting|held/i.test(text)).join(' ');
    title = joined ? (isAllCaps(joined) ? titleCase(joined, acronymsIn(lines)) : joined) : 'Minutes';
  }
  const name = title ?? `the document at line ${lines[0].line}`;
  const { body, notes: bodyNotes } = buildBody(bodyLines, name);
  notes.push(...bodyNotes);
  const document: ImportedDocument = {
    kind,
    title: title ?? '',
    recommendations: kind === 'paper' ? recommendationsOf(body) : [],
    contacts: [...header.contacts, ...bibliography.contacts],
    sources: bibliography.sources,
    appendices: kind === 'paper' ? appendicesOf(textLines, body) : [],
    body,
    sourceLines: [lines[0].line, lines[lines.length - 1].line],
    lines: lines.filter((line) => (line.text || line.table) && !dropped.has(line.line)).map((line) => line.line),
  };
  if (header.item !== undefined) {
    document.item = header.item;
    document.matchedBy = 'Agenda Item line';
  }
  if (header.to) document.to = header.to;
  if (header.from) document.from = header.from;
  if (header.date) document.date = header.date;
  if (header.marking) document.marking = header.marking;
  if (minutesOf) document.minutesOf = minutesOf;
  return document;
}

/** A document with no header block (a schedule of meetings): its title is the heading printed above its text. */
function headingOnly(lines: PackLine[], bodyAt: number, notes: ImportNote[]): Header {
  const heading = repairOrdinals(lines.slice(0, bodyAt).map((line) => line.text).filter(Boolean).join(' '));
  const header: Header = { contacts: [], bodyStart: bodyAt };
  if (heading) header.title = isAllCaps(heading) ? titleCase(heading, acronymsIn(lines)) : heading;
  notes.push({
    document: header.title || `the document at line ${lines[0].line}`,
    sourceLine: lines[0].line,
    kind: 'uncertain',
    message: `A schedule of meetings (a work programme) with no header sheet starts here; its title is taken from the heading printed above it${header.title ? ` (“${header.title}”)` : ''}: check it.`,
  });
  return header;
}

function missingFields(document: ImportedDocument, notes: ImportNote[]): void {
  const name = document.title || `the document at line ${document.sourceLines[0]}`;
  const wanted: [keyof ImportedDocument, string][] =
    document.kind === 'minutes'
      ? [['minutesOf', 'The minutes print no date of the meeting they record']]
      : [['to', 'The paper prints no “To”'], ['from', 'The paper prints no “From”'], ['date', 'The paper prints no date'], ['marking', 'The paper prints no protective marking']];
  if (!document.title) notes.push({ document: name, sourceLine: document.sourceLines[0], kind: 'missing', message: 'No title was found (title).' });
  for (const [field, sentence] of wanted) {
    if (document[field] === undefined) notes.push({ document: name, sourceLine: document.sourceLines[0], kind: 'missing', message: `${sentence} (${field}).` });
  }
  if (document.kind === 'paper' && document.item === undefined) notes.push({ document: name, sourceLine: document.sourceLines[0], kind: 'missing', message: 'It could not be matched to an agenda item (item).' });
}

export type { ImportedAgendaItem };
