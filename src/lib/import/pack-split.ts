/** Splitting a pack into its documents: where each paper or set of minutes starts, by what packs print. */
import { logHeaderRow } from './pack-log-rows.ts';
import { agendaItemLine, dateLine, findTime, isAllCaps, isBlank, markingLine, repairOrdinals, type PackLine } from './pack-text.ts';

export interface DocumentStart {
  /** index of the document's first line */
  start: number;
  kind: 'paper' | 'minutes' | 'action-log';
  /** what showed it: "header block", "Agenda Item line", "minutes heading", "action log heading", "title",
   *  "schedule of meetings" */
  cue: string;
  /** for a document with no header block (a schedule of meetings): index of the first line of its text, the
   *  lines before it being its heading */
  bodyAt?: number;
}

const TO = /^To\s*[:–-]/i;
const HEADER_FIELD = /^(From|Date|Report\s+(of|from|by)|Author|Public Report|Contact Officers?)\b/i;

/** The next `count` non-blank lines from `index` (not counting `index`). */
export function nextTexts(lines: PackLine[], index: number, count: number): { text: string; index: number }[] {
  const found: { text: string; index: number }[] = [];
  for (let at = index + 1; at < lines.length && found.length < count; at += 1) {
    if (lines[at].text) found.push({ text: lines[at].text, index: at });
  }
  return found;
}

function isHeaderBlock(lines: PackLine[], index: number): boolean {
  if (!TO.test(lines[index].text)) return false;
  // an appendix may be a paper to another body, with its own header: it stays with its paper
  if (prevTexts(lines, index, 3).some((text) => /^(Appendix|Annex)\b/i.test(text))) return false;
  return nextTexts(lines, index, 6).some(({ text }) => /^(From|Date)\s*[:–-]/i.test(text));
}

function isAgendaItemStart(lines: PackLine[], index: number): boolean {
  if (agendaItemLine(lines[index].text) === undefined || !/^Agenda\s+Item/i.test(lines[index].text)) return false;
  if (nextTexts(lines, index, 8).some(({ text }) => TO.test(text) || HEADER_FIELD.test(text) || markingLine(text) !== undefined)) return true;
  // an "Agenda Item" line alone, then the paper's title in capitals
  const title = nextTexts(lines, index, 1)[0]?.text ?? '';
  return isAllCaps(title) && title.split(' ').length >= 2 && !/^\d/.test(title);
}

function isMinutesHeading(text: string): boolean {
  return /^(DRAFT\s+|UNCONFIRMED\s+|CONFIRMED\s+)?MINUTES(\s+OF\b|$)/.test(text) || /^(Draft\s+)?Minutes of (a|the) meeting of\b/.test(text);
}

export function isActionLogHeading(text: string): boolean {
  return /\bACTION\s+LOG\b/.test(text) && isAllCaps(text) ? true : /^.{0,80}\bAction Log\b.{0,60}$/.test(text) && !/[.;]$/.test(text) && /^[A-Z]/.test(text) && text.split(' ').length <= 16 && /\bAction Log\b/.test(text) && !/\b(the|to|this)\s+Action Log\b/i.test(text);
}

/**
 * A paper's own front sheet or "Report of" block: the body's name in capitals, the meeting's date, then the
 * paper's title in capitals; or a title in capitals followed by "Report of …", "Report from …".
 */
function isTitleBlockStart(lines: PackLine[], index: number): boolean {
  const text = lines[index].text;
  if (!isAllCaps(text) || /^\d/.test(text) || text.split(' ').length < 2) return false;
  const next = nextTexts(lines, index, 3).map((each) => each.text);
  if (/\b(BOARD|PANEL|COMMITTEE)\b/.test(text) && text.split(' ').length <= 8) {
    return next[0] !== undefined && dateLine(repairOrdinals(next[0])) !== undefined && next[1] !== undefined && isAllCaps(next[1]) && next[1].split(' ').length >= 2 && !/^\d/.test(next[1]);
  }
  return next.slice(0, 2).some((each) => /^Report\s+(of|from|by)\s+\S/i.test(each) && each.split(' ').length <= 12);
}

/** A title in capitals at the head of a page, followed by the first section ("1." or "1.0 Background"). */
function isTitleStart(lines: PackLine[], index: number): boolean {
  const text = lines[index].text;
  if (!isAllCaps(text) || text.split(' ').length < 2 || /^\d/.test(text)) return false;
  const before = lines[index - 1];
  if (!lines[index].lead && before && !isBlank(before)) return false;
  const previous = prevTexts(lines, index, 4);
  if (previous.some((line) => /^(Appendix|Annex)\b/i.test(line))) return false;
  for (const { text: next } of nextTexts(lines, index, 3)) {
    if (/^1(\.0)?\.?(\s+[A-Z][A-Za-z ,&'’/()-]{2,60})?$/.test(next)) return true;
    if (!isAllCaps(next)) return false;
  }
  return false;
}

/** The first line of a printed page: pdftotext starts a page's first line with white space; readers that know
 *  pages give the page. */
export function isPageHead(lines: PackLine[], index: number): boolean {
  const line = lines[index];
  if (!line || !line.text) return false;
  if (line.lead) return true;
  if (line.page === undefined) return false;
  for (let at = index - 1; at >= 0; at -= 1) if (lines[at].text || lines[at].table) return lines[at].page !== line.page;
  return true;
}

const WEEKDAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+/i;
const WORK_PROGRAMME = /\b(work\s+programme|forward\s+(work\s+)?plan|agenda\s+plan|meeting\s+dates)\b/i;

/** A meeting's date on a line of its own, with its weekday or time: "Tuesday 10 October 2017, 10am". */
export function isMeetingDateLine(text: string): boolean {
  const repaired = repairOrdinals(text);
  const withoutTime = repaired.replace(/[,\s]+(at\s+)?\d{1,2}([:.]\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i, '');
  const hasTime = withoutTime !== repaired && findTime(repaired) !== undefined;
  const weekday = WEEKDAY.test(repaired);
  if (!weekday && !hasTime) return false;
  if (dateLine(withoutTime) !== undefined) return true;
  // a date printed without its year ("Tuesday 19th December, 11am")
  return weekday && /^\w+,?\s+\d{1,2}(st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?$/.test(withoutTime);
}

function isShortHeading(text: string): boolean {
  return text.split(' ').length <= 10 && !/[.;:,]$/.test(text) && !/^\d/.test(text) && !/^(Appendix|Annex)\b/i.test(text);
}

/**
 * A schedule of meetings with no header of its own (a panel's work programme): a page that opens with a short
 * heading and then a meeting's date, the dates of further meetings following; or a page headed "Work Programme",
 * "Forward Plan", "Agenda Plan". Its heading is the block before the first blank line.
 */
function scheduleStart(lines: PackLine[], index: number): number | undefined {
  if (!isPageHead(lines, index)) return undefined;
  if (prevTexts(lines, index, 2).some((text) => /^(Appendix|Annex)\b/i.test(text))) return undefined;
  const head = [{ text: lines[index].text, index }, ...nextTexts(lines, index, 5)];
  const at = head.findIndex(({ text }) => isMeetingDateLine(text));
  const headed = isShortHeading(lines[index].text) && WORK_PROGRAMME.test(lines[index].text) && !isMeetingDateLine(lines[index].text);
  if (!headed) {
    if (at < 1 || !head.slice(0, at).every(({ text }) => isShortHeading(text))) return undefined;
    let dates = 0;
    for (let next = head[at].index; next < Math.min(lines.length, head[at].index + 400); next += 1) if (lines[next].text && isMeetingDateLine(lines[next].text)) dates += 1;
    if (dates < 3) return undefined;
  }
  // the heading: the lines up to the first blank line, unless they already give a date
  let end = index + 1;
  while (end < lines.length && lines[end].text) end += 1;
  const block = lines.slice(index, end).map((line) => line.text);
  if (block.some((text) => isMeetingDateLine(text)) || block.length > 3) return index;
  while (end < lines.length && isBlank(lines[end])) end += 1;
  return end;
}

function prevTexts(lines: PackLine[], index: number, count: number): string[] {
  const found: string[] = [];
  for (let at = index - 1; at >= 0 && found.length < count; at -= 1) if (lines[at].text) found.push(lines[at].text);
  return found;
}

/** Walks back from a cue over the lines that head a document: markings, "Agenda Item", the body's name. */
function headStart(lines: PackLine[], cue: number, floor: number): number {
  let start = cue;
  let taken = 0;
  for (let at = cue - 1; at > floor && taken < 8; at -= 1) {
    const text = lines[at].text;
    if (isBlank(lines[at])) continue;
    const heading = markingLine(text) !== undefined || (agendaItemLine(text) !== undefined && /^Agenda\s+Item/i.test(text)) || /^X{3,}$/.test(text) || (isAllCaps(text) && text.split(' ').length <= 8 && /\b(PANEL|BOARD|COMMITTEE|COMMISSIONER|COUNCIL)\b/.test(text));
    if (!heading) break;
    start = at;
    taken += 1;
  }
  return start;
}

/** The starts of the documents in a pack, in order, from `from` on. */
export function findDocumentStarts(lines: PackLine[], from: number): DocumentStart[] {
  const starts: DocumentStart[] = [];
  /** a document's header runs a few lines: cues inside it belong to it */
  let headerUntil = -1;
  for (let index = from; index < lines.length; index += 1) {
    const text = lines[index].text;
    if (!text) continue;
    let found: DocumentStart | undefined;
    if (isHeaderBlock(lines, index)) found = { start: index, kind: 'paper', cue: 'header block' };
    else if (isAgendaItemStart(lines, index)) found = { start: index, kind: 'paper', cue: 'Agenda Item line' };
    else if (isMinutesHeading(text)) found = { start: index, kind: 'minutes', cue: 'minutes heading' };
    else if (isActionLogHeading(text)) found = { start: index, kind: 'action-log', cue: 'action log heading' };
    // a header row printed again within a log (its next band of columns) goes on with that log
    else if (starts.at(-1)?.kind !== 'action-log' && logHeaderRow(lines, index)) found = { start: index, kind: 'action-log', cue: 'action log header row' };
    else if (isTitleStart(lines, index)) found = { start: index, kind: 'paper', cue: 'title' };
    else if (isTitleBlockStart(lines, index)) found = { start: index, kind: 'paper', cue: 'title block' };
    else {
      // a schedule's later pages open with a meeting's heading too: they go on the schedule
      const bodyAt = index > headerUntil && starts.at(-1)?.bodyAt === undefined ? scheduleStart(lines, index) : undefined;
      if (bodyAt !== undefined) found = { start: index, kind: 'paper', cue: 'schedule of meetings', bodyAt };
    }
    if (!found) continue;
    // a cue inside a document's header belongs to it; an action log printed soon after one is a log all the same
    if (index <= headerUntil && found.kind !== 'action-log') continue;
    const floor = starts.length > 0 ? starts[starts.length - 1].start : from - 1;
    found.start = found.kind === 'action-log' || found.bodyAt !== undefined ? index : headStart(lines, index, floor);
    starts.push(found);
    // a log has no header block: the paper printed after it starts where it starts
    if (found.kind !== 'action-log') headerUntil = nextTexts(lines, index, 10).at(-1)?.index ?? index;
  }
  return starts;
}
