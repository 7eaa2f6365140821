/** Small pure helpers on the text of a pack's lines: normalising, dates, times, the shapes lines take. */
import type { SourceBlock } from './model.ts';
import { calendarDateOf } from '#lib/model/dates.ts';

/** A line as the pack parser works on it. */
export interface PackLine {
  /** normalised: trimmed, runs of spaces made one, ligatures undone; "" for a blank line */
  text: string;
  /** the source line number */
  line: number;
  /** the printed line began with white space (a page break or a lost bullet in pdftotext's output) */
  lead: boolean;
  page?: number;
  fontSize?: number;
  bold?: boolean;
  headingLevel?: number;
  listItem?: { depth: number; ordered: boolean };
  /** a table the reader knew (Word), or one rebuilt from a PDF's cells: its rows of cells */
  table?: string[][];
  /** the line's cells where wide gaps split it (PDF), each with its left x in points */
  cells?: { text: string; x: number }[];
}

const LIGATURES: Record<string, string> = { 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬀ': 'ff', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };

/** Bullet glyphs a PDF's symbol fonts leave behind (private use area), and the usual ones. */
export const BULLET_PATTERN = /^(?:[•●▪■◦·○◘►➢➤✓✔□❖\u2043\u2219]|[\uF000-\uF8FF]|[-–*o>](?=\s))\s*/u;

export function normalise(text: string): string {
  return text
    .replace(/[\uFB00-\uFB06]/g, (ch) => LIGATURES[ch] ?? ch)
    .replace(/[\u00A0\u2000-\u200B\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function toPackLines(blocks: SourceBlock[]): PackLine[] {
  return blocks.map((block) => {
    if (block.kind === 'table') return { text: '', line: block.line, lead: false, page: block.page, table: block.rows };
    const line: PackLine = { text: normalise(block.text), line: block.line, lead: /^[ \t\u00A0]/.test(block.text) };
    if (block.page !== undefined) line.page = block.page;
    if (block.fontSize !== undefined) line.fontSize = block.fontSize;
    if (block.bold !== undefined) line.bold = block.bold;
    if (block.headingLevel !== undefined) line.headingLevel = block.headingLevel;
    if (block.listItem !== undefined) line.listItem = block.listItem;
    if (block.cells !== undefined && block.cells.length >= 2) line.cells = block.cells.map((cell) => ({ text: normalise(cell.text), x: cell.x }));
    return line;
  });
}

export const isBlank = (line: PackLine | undefined): boolean => !!line && line.text === '' && !line.table;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3)) && month.startsWith(lower === 'sept' ? 'sep' : lower));
  return index >= 0 ? index + 1 : undefined;
}

const MONTH_WORD = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const WRITTEN_DATE = new RegExp(`\\b(\\d{1,2})\\s*(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD},?\\s+(\\d{4})\\b`, 'i');
const US_WRITTEN_DATE = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const NUMERIC_DATE = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** The first date in the text, as YYYY-MM-DD: "11th June 2019", "11 June 2019", "11/06/2019" (day first). */
export function findDate(text: string): string | undefined {
  const found = findDateWithIndex(text);
  return found?.iso;
}

export function findDateWithIndex(text: string): { iso: string; index: number; length: number } | undefined {
  const candidates: { iso: string; index: number; length: number }[] = [];
  let match = WRITTEN_DATE.exec(text);
  if (match) {
    const value = calendarDateOf(Number(match[3]), monthNumber(match[2]) ?? 0, Number(match[1]));
    if (value) candidates.push({ iso: value, index: match.index, length: match[0].length });
  }
  match = US_WRITTEN_DATE.exec(text);
  if (match) {
    const value = calendarDateOf(Number(match[3]), monthNumber(match[1]) ?? 0, Number(match[2]));
    if (value) candidates.push({ iso: value, index: match.index, length: match[0].length });
  }
  match = NUMERIC_DATE.exec(text);
  if (match) {
    const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    const value = calendarDateOf(year, Number(match[2]), Number(match[1]));
    if (value) candidates.push({ iso: value, index: match.index, length: match[0].length });
  }
  match = ISO_DATE.exec(text);
  if (match) {
    const value = calendarDateOf(Number(match[1]), Number(match[2]), Number(match[3]));
    if (value) candidates.push({ iso: value, index: match.index, length: match[0].length });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0];
}

/** A line that is a date and nothing much else ("11th June 2019", "Wednesday 15 November 2017"). */
export function dateLine(text: string): string | undefined {
  const found = findDateWithIndex(text);
  if (!found) return undefined;
  const rest = (text.slice(0, found.index) + text.slice(found.index + found.length))
    .replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b,?/i, '')
    .replace(/^[\s,:–-]*(Date)?[\s,:–-]*/i, '')
    .trim();
  return rest === '' ? found.iso : undefined;
}

/** "15:00", "3pm", "3.00 pm", "14.00" → "HH:MM" (24-hour), when the text gives a time. */
export function findTime(text: string): string | undefined {
  let match = /\b(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?(?![\d/.])/i.exec(text);
  let hours: number;
  let minutes: number;
  let meridiem: string | undefined;
  if (match) {
    hours = Number(match[1]);
    minutes = Number(match[2]);
    meridiem = match[3];
  } else {
    match = /\b(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)/i.exec(text);
    if (!match) return undefined;
    hours = Number(match[1]);
    minutes = 0;
    meridiem = match[2];
  }
  if (meridiem) {
    const pm = meridiem.toLowerCase().startsWith('p');
    if (hours < 1 || hours > 12) return undefined;
    if (pm && hours < 12) hours += 12;
    if (!pm && hours === 12) hours = 0;
  }
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Joins ordinals broken by extraction: "31 st March" → "31st March". */
export function repairOrdinals(text: string): string {
  return text.replace(/\b(\d{1,2}) (st|nd|rd|th)\b/g, '$1$2');
}

/** The words of a line that are letters, for judging case. */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  // a title in capitals may keep a few small words in lower case ("2019/20 to 2022/23")
  return upper === letters.length || (letters.length >= 20 && upper / letters.length >= 0.85);
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'via', 'per']);

/** Title case for a title printed in capitals; words in `keepUpper` (acronyms seen in mixed-case text) stay. */
export function titleCase(text: string, keepUpper: Set<string> = new Set()): string {
  let first = true;
  return text.replace(/[\p{L}][\p{L}’'&]*/gu, (word) => {
    const bare = word.replace(/[’']S$/u, '');
    let out: string;
    if (keepUpper.has(bare) || keepUpper.has(word)) out = word.replace(/[’']S$/u, (s) => s.toLowerCase());
    else if (!first && SMALL_WORDS.has(word.toLowerCase())) out = word.toLowerCase();
    else out = word.charAt(0) + word.slice(1).toLowerCase();
    first = false;
    return out;
  });
}

/** Upper-case words (two letters or more) printed in mixed-case lines: acronyms to keep in a title. */
export function acronymsIn(lines: PackLine[]): Set<string> {
  const found = new Set<string>();
  for (const line of lines) {
    if (!line.text || isAllCaps(line.text)) continue;
    for (const match of line.text.matchAll(/\b[\p{Lu}][\p{Lu}\d&]+\b/gu)) found.add(match[0]);
  }
  return found;
}

/** Words that carry meaning, for comparing titles. */
export function contentWords(text: string): string[] {
  const stop = new Set([...SMALL_WORDS, 'report', 'update', 'from', 'the', 'this', 'paper', 'is', 'are', 'be']);
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !stop.has(word));
}

/** Share of the smaller set's words found in the other: 0 to 1. */
export function titleSimilarity(a: string, b: string): number {
  const left = new Set(contentWords(a));
  const right = new Set(contentWords(b));
  if (left.size === 0 || right.size === 0) return 0;
  let common = 0;
  for (const word of left) if (right.has(word)) common += 1;
  return common / Math.min(left.size, right.size);
}

/** A paragraph number alone, as pdftotext prints it in a column: "1.", "3.1", "12". */
export const NUMBER_ALONE = /^(\d{1,2}(?:\.\d{1,2}){0,2})\.?$/;

/** An "Agenda Item" line as printed at the head or foot of a paper: its number. */
export function agendaItemLine(text: string): string | undefined {
  const match = /^(?:.{0,60}?\s)?Agenda\s+Item(?:\s+No\.?)?\s*[:.]?\s*(\d{1,2}(?:\.\d{1,2})?)(?:\s+.{0,30}?Page\s+\d+(?:\s+of\s+\d+)?)?$/i.exec(text);
  return match ? match[1] : undefined;
}

const MARKINGS = /^(NOT PROTECTIVELY MARKED|PROTECTIVELY MARKED|OFFICIAL(?:\s*[-–]\s*SENSITIVE)?|OFFICIAL SENSITIVE|PUBLIC REPORT|PUBLIC|RESTRICTED|CONFIDENTIAL|UNCLASSIFIED|PROTECT|NOT FOR PUBLICATION|EXEMPT)$/i;

/** A protective marking on a line of its own, as printed. */
export function markingLine(text: string): string | undefined {
  return MARKINGS.test(text) ? text : undefined;
}
