/** A paper's header block: agenda item, To, From, Date, title and protective marking, as printed. */
import { acronymsIn, agendaItemLine, dateLine, findDate, isAllCaps, markingLine, NUMBER_ALONE, repairOrdinals, titleCase, type PackLine } from './pack-text.ts';

export interface Header {
  item?: string;
  to?: string;
  from?: string;
  date?: string;
  marking?: string;
  title?: string;
  contacts: { name: string; role?: string; email?: string; phone?: string }[];
  /** index (within the document's lines) where the text starts */
  bodyStart: number;
}

const FIELD = /^(To|From|Date|Author|Subject|Title|Contact\s+Officers?(?:\(s\))?|Contact\s+Details|Meeting\s+date)\s*(?::|\s[–-]\s|$)\s*(.*)$/i;
const REPORT_OF = /^(Report\s+(?:of|from|by))\s*:?\s+(.+)$/i;

/** The first line of the text: a first section ("1. Purpose", "1." then "Purpose", "PURPOSE") or paragraph 1.1. */
export function findBodyStart(lines: PackLine[], from: number, anyNumber = false): number | undefined {
  for (let index = from; index < Math.min(lines.length, from + 120); index += 1) {
    const text = lines[index].text;
    if (!text) continue;
    if (lines[index].headingLevel !== undefined && index > from) return index;
    // "1", "1." or "1.0": a first section is numbered either way
    const number = anyNumber ? '\\d{1,3}(?:\\.0)?' : '1(?:\\.0)?';
    if (new RegExp(`^${number}\\.?$`).test(text)) return index;
    if (new RegExp(`^${number}\\.?\\s+[A-Z][A-Za-z ,&'’/()-]{2,80}$`).test(text) && !/[.;]$/.test(text)) return index;
    if (/^(Purpose|PURPOSE|Purpose of (the )?(report|paper)|Introduction|INTRODUCTION|Background|BACKGROUND|Executive Summary|EXECUTIVE SUMMARY|Summary|SUMMARY)\s*:?$/.test(text)) return index;
    if (!anyNumber && /^1\.1\s/.test(text)) return index;
  }
  return undefined;
}

function cleanFieldValue(value: string): string {
  return value.replace(/^[:–-]\s*/, '').trim();
}

function splitContactDetails(value: string): { email?: string; phone?: string } {
  const email = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(value)?.[0];
  const phone = /(?:\+44\s?|0)\d[\d ]{8,12}\d/.exec(value)?.[0]?.trim();
  return { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}

/** Parses the header between a document's first line and its text. */
export function parseHeader(lines: PackLine[], kind: 'paper' | 'minutes'): Header {
  const bodyStart = findBodyStart(lines, 0, kind === 'minutes') ?? Math.min(lines.length, firstParagraphGuess(lines));
  const header: Header = { contacts: [], bodyStart };
  let pendingField: string | undefined;
  let titleLines: string[] = [];
  let titleClosed = false;
  const acronyms = acronymsIn(lines);
  for (let index = 0; index < bodyStart; index += 1) {
    const text = lines[index].text;
    if (!text) {
      if (titleLines.length > 0) titleClosed = true;
      continue;
    }
    const item = /^(.{0,60}\s)?Agenda\s+Item/i.test(text) ? agendaItemLine(text) : undefined;
    if (item !== undefined) {
      header.item = item;
      continue;
    }
    const marking = markingLine(text);
    if (marking) {
      header.marking ??= marking;
      continue;
    }
    const field = FIELD.exec(text) ?? REPORT_OF.exec(text);
    if (field) {
      const name = field[1].toLowerCase().replace(/\s+/g, ' ');
      const value = cleanFieldValue(field[2]);
      if (value) assignField(header, name, value);
      else pendingField = name;
      continue;
    }
    if (pendingField) {
      assignField(header, pendingField, text);
      pendingField = undefined;
      continue;
    }
    if (/^X{3,}$/.test(text)) continue;
    const date = dateLine(repairOrdinals(text));
    // a date alone on its line is the paper's date, before its title or after it ("Report of …" blocks)
    if (date && !header.date) {
      header.date = date;
      continue;
    }
    if (isAllCaps(text) && /\b(PANEL|BOARD|COMMITTEE)\b/.test(text) && text.split(' ').length <= 6 && index < 4) continue;
    if (titleClosed) {
      titleLines = [];
      titleClosed = false;
    }
    titleLines.push(text);
  }
  if (titleLines.length > 0) {
    const joined = repairOrdinals(titleLines.join(' '));
    header.title = isAllCaps(joined) ? titleCase(joined, acronyms) : joined;
  }
  if (header.title === undefined) {
    const found = sourceTitle(lines, bodyStart);
    if (found) {
      const joined = repairOrdinals(found.text);
      header.title = isAllCaps(joined) ? titleCase(joined, acronyms) : joined;
      header.bodyStart = Math.max(bodyStart, found.end);
    }
  }
  return header;
}

/** How far into a document its title may be printed, in lines. */
const TITLE_REACH = 40;

/**
 * The title as the source marks it, when the printed text shows none: Word's "Heading 1" (or "Title") line, or in
 * a PDF the line (or lines run together) in the largest font near the top, larger than the text's usual size.
 * `end` is the index of the first line after it: the text starts there at the earliest.
 */
export function sourceTitle(lines: PackLine[], bodyStart: number): { text: string; start: number; end: number } | undefined {
  const reach = Math.min(lines.length, Math.max(bodyStart + 1, 1), TITLE_REACH);
  const block = (start: number, same: (line: PackLine) => boolean) => {
    let end = start;
    while (end < lines.length && lines[end].text && same(lines[end])) end += 1;
    return { text: lines.slice(start, end).map((line) => line.text).join(' '), start, end };
  };
  const heading = lines.slice(0, reach).findIndex((line) => line.text && line.headingLevel === 1);
  if (heading >= 0) return block(heading, (line) => line.headingLevel === 1);
  const sizes = new Map<number, number>();
  for (const line of lines) if (line.text && line.fontSize !== undefined) sizes.set(line.fontSize, (sizes.get(line.fontSize) ?? 0) + line.text.length);
  if (sizes.size === 0) return undefined;
  const usual = [...sizes].sort((a, b) => b[1] - a[1])[0][0];
  let largest: number | undefined;
  for (const line of lines.slice(0, reach)) if (line.text && line.fontSize !== undefined && line.fontSize > (largest ?? usual)) largest = line.fontSize;
  // a title is set at least a point larger than the text
  if (largest === undefined || largest < usual + 1) return undefined;
  const start = lines.slice(0, reach).findIndex((line) => line.text && line.fontSize === largest);
  const found = block(start, (line) => line.fontSize === largest);
  // a number alone, a section heading ("1. Purpose") or a sentence is not a title
  if (/^\d+(\.\d+)*\.?(\s|$)/.test(found.text) || found.text.length > 300) return undefined;
  return found;
}

function assignField(header: Header, name: string, value: string): void {
  if (name === 'to') header.to ??= value;
  else if (name === 'from' || name.startsWith('report') || name === 'author') header.from ??= value.replace(/^(of|from|by)\s*:?\s*/i, '').replace(/^the\s+(?=[A-Z])/, '');
  else if (name === 'date' || name === 'meeting date') header.date ??= findDate(repairOrdinals(value));
  else if (name === 'subject' || name === 'title') header.title ??= value;
  else if (name.startsWith('contact officer')) {
    for (const person of value.split(/\s*(?:;|\band\b)\s*/)) if (person) header.contacts.push({ name: person });
  } else if (name === 'contact details') {
    const details = splitContactDetails(value);
    const contact = header.contacts[header.contacts.length - 1];
    if (contact) Object.assign(contact, details);
  }
}

/** Without a numbered first section, the text starts after the first line that ends a sentence. */
function firstParagraphGuess(lines: PackLine[]): number {
  for (let index = 0; index < Math.min(lines.length, 30); index += 1) {
    const text = lines[index].text;
    if (text.length > 60 && /[a-z]/.test(text) && !NUMBER_ALONE.test(text)) return index;
  }
  return 0;
}
