/** The front sheet of a pack: the body's name and the meeting's date, time and venue, as printed. */
import { dateLine, findDate, findTime, markingLine, repairOrdinals, type PackLine } from './pack-text.ts';

export interface FrontSheet {
  bodyName?: string;
  date?: string;
  time?: string;
  venue?: string;
  /** the index of the line after the front sheet's last line */
  end: number;
  /** source lines of what was found, for notes */
  lines: Record<string, number>;
}

const LABEL = /^(Date|Time|Venue|Location|Place|Where|When)\s*[:–-]?\s*(.*)$/i;
const BODY_WORDS = /\b(Board|Panel|Committee|Commission|Group|Forum|Council|Authority|Meeting)\b/i;

/** The front sheet region: the lines before the agenda or the first document's header. */
export function frontSheetEnd(lines: PackLine[]): number {
  const limit = Math.min(lines.length, 80);
  for (let index = 0; index < limit; index += 1) {
    const text = lines[index].text;
    if (/^(AGENDA|Agenda)\s*:?$/.test(text)) return index;
    if (/^To\s*:/i.test(text) || /^(DRAFT\s+)?MINUTES\b/.test(text) || /^Agenda\s+Item\b/i.test(text)) {
      // a paper's protective marking printed just above its header block is the paper's, not the front sheet's
      let start = index;
      while (start > 0 && (lines[start - 1].text === '' || markingLine(lines[start - 1].text) !== undefined)) start -= 1;
      while (start < index && lines[start].text === '') start += 1;
      return start;
    }
    if (/^1\.?\s/.test(text) && index > 0) return index;
  }
  return 0;
}

function valueKind(label: string): 'date' | 'time' | 'venue' | undefined {
  const lower = label.toLowerCase();
  if (lower === 'date' || lower === 'when') return 'date';
  if (lower === 'time') return 'time';
  if (['venue', 'location', 'place', 'where'].includes(lower)) return 'venue';
  return undefined;
}

export function parseFrontSheet(lines: PackLine[]): FrontSheet {
  const end = frontSheetEnd(lines);
  const sheet: FrontSheet = { end, lines: {} };
  const queue: ('date' | 'time' | 'venue')[] = [];
  const assign = (kind: 'date' | 'time' | 'venue', value: string, line: number) => {
    if (kind === 'date') {
      const date = findDate(repairOrdinals(value));
      if (date && !sheet.date) {
        sheet.date = date;
        sheet.lines.date = line;
        // "Date: 12th April 2018  Time: 14:00" on one line
        const time = /\bTime\b/i.test(value) ? findTime(value.replace(/^.*?\bTime\b/i, '')) : undefined;
        if (time && !sheet.time) sheet.time = time;
      }
    } else if (kind === 'time') {
      const time = findTime(value);
      if (time && !sheet.time) {
        sheet.time = time;
        sheet.lines.time = line;
      }
    } else if (!sheet.venue && value) {
      sheet.venue = value;
      sheet.lines.venue = line;
    }
  };
  for (let index = 0; index < end; index += 1) {
    const { text, line } = lines[index];
    if (!text) continue;
    const label = LABEL.exec(text);
    const kind = label ? valueKind(label[1]) : undefined;
    if (label && kind) {
      if (label[2]) assign(kind, label[2], line);
      else queue.push(kind);
      continue;
    }
    if (queue.length > 0) {
      assign(queue.shift()!, text, line);
      continue;
    }
    if (!sheet.bodyName && BODY_WORDS.test(text) && text.split(' ').length <= 10 && !findDate(text)) {
      sheet.bodyName = text;
      sheet.lines.bodyName = line;
      continue;
    }
    // a date, time or venue printed without labels
    const date = dateLine(repairOrdinals(text));
    if (date && !sheet.date) {
      sheet.date = date;
      sheet.lines.date = line;
      continue;
    }
    if (/^\d{1,2}[:.]\d{2}\s*(am|pm)?$|^\d{1,2}\s*(am|pm)$/i.test(text) && !sheet.time) {
      sheet.time = findTime(text);
      sheet.lines.time = line;
    }
  }
  return sheet;
}
