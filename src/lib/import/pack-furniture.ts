/** Page furniture: running headers and footers and page numbers that extraction leaves inside the text. */
import type { FurnitureLine, ImportNote } from './model.ts';
import { agendaItemLine, dateLine, findDate, isBlank, markingLine, type PackLine } from './pack-text.ts';

const PAGE_NUMBER = [
  /^Page\s+\d+\s+of\s+\d+$/i,
  /^\d+\s*\|\s*Page$/i,
  /^Page\s*\|\s*\d+$/i,
  /^Page\s+\d+$/i,
  /^[-–]\s*\d+\s*[-–]$/,
];

/** "Business Coordination Board Agenda Item: 10.0" or "10 May 2018 Page 2 of 5": a footer on one line. */
const FOOTER_WITH_PAGE = /^.{0,80}\bPage\s+\d+\s+of\s+\d+$/i;

export interface FurnitureResult {
  lines: PackLine[];
  notes: ImportNote[];
  /** the agenda item numbers that page footers print, by source line: they tell which paper a page is from */
  footerItems: { line: number; item: string }[];
  /** every source line removed, with the pattern it matched */
  removed: FurnitureLine[];
}

function kindOfFurniture(text: string): string | undefined {
  if (PAGE_NUMBER.some((pattern) => pattern.test(text))) return 'page numbers (such as “Page 3 of 9”)';
  if (FOOTER_WITH_PAGE.test(text)) return 'page footers with page numbers';
  return undefined;
}

const BARE_NUMBER = /^\d{1,3}$/;

/** A short line that a number printed before it would label: a heading, not a sentence, a number or a marking. */
function isLabelled(text: string): boolean {
  if (!/^[A-Z(‘“'"]/.test(text) || text.split(' ').length > 10 || /[.:;,]$/.test(text)) return false;
  return markingLine(text) === undefined;
}

/**
 * Pack page numbers printed alone between pages ("29"): bare numbers that label nothing (no heading comes
 * after them across a blank line, as after a section or agenda number), stand apart from other figures
 * (no other bare number near them, as in a table), and rise through the pack, at least three of them.
 */
export function packPageNumbers(lines: PackLine[], from: number): number[] {
  const candidates: number[] = [];
  const paged = lines.some((line) => line.page !== undefined && line.page > 1);
  for (let index = from; index < lines.length; index += 1) {
    if (!BARE_NUMBER.test(lines[index].text)) continue;
    const value = Number(lines[index].text);
    let next = index + 1;
    while (next < lines.length && isBlank(lines[next])) next += 1;
    const following = lines[next]?.text ?? '';
    if (value < 2 || (next > index + 1 && isLabelled(following))) continue;
    const near = neighbours(lines, index, 8).filter((at) => BARE_NUMBER.test(lines[at].text) && Math.abs(Number(lines[at].text) - value) > 2);
    if (near.length > 0) continue;
    // when the pages are known, a page number is printed at the head or the foot of its page
    if (paged && !atPageEdge(lines, index)) continue;
    candidates.push(index);
  }
  // the longest rising chain
  const best = candidates.map(() => 1);
  const back = candidates.map(() => -1);
  for (let i = 0; i < candidates.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      if (Number(lines[candidates[j]].text) < Number(lines[candidates[i]].text) && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        back[i] = j;
      }
    }
  }
  let end = best.indexOf(Math.max(0, ...best));
  if (end < 0 || best[end] < 3) return [];
  const chain: number[] = [];
  for (; end >= 0; end = back[end]) chain.unshift(candidates[end]);
  return chain;
}

/** Among the first or last three lines with text of its page (a page number is printed beside its header or footer). */
function atPageEdge(lines: PackLine[], index: number): boolean {
  const page = lines[index]!.page;
  return neighbours(lines, index, 3).some((at) => lines[at]!.page !== page) || neighbours(lines, index, 3).length < 6;
}

/** Indexes of the non-blank lines within `reach` non-blank lines either side of `index`. */
function neighbours(lines: PackLine[], index: number, reach: number): number[] {
  const found: number[] = [];
  for (const step of [-1, 1]) {
    let taken = 0;
    for (let at = index + step; at >= 0 && at < lines.length && taken < reach; at += step) {
      if (isBlank(lines[at])) continue;
      found.push(at);
      taken += 1;
    }
  }
  return found;
}

/**
 * Removes page numbers, footers that carry them, and the lines printed beside them on many pages
 * (an "Agenda Item" footer, the body's name and date). Each kind is noted once with its count.
 */
export function removeFurniture(lines: PackLine[], from: number): FurnitureResult {
  const remove = new Map<number, string>();
  for (let index = from; index < lines.length; index += 1) {
    const kind = kindOfFurniture(lines[index].text);
    if (kind) remove.set(index, kind);
  }
  // lines printed next to the page numbers: "Agenda Item: 5.0" footers, and lines repeated beside them
  const besidePages = new Map<string, number[]>();
  for (const index of [...remove.keys()]) {
    const near = neighbours(lines, index, 2);
    const adjacent = new Set(neighbours(lines, index, 1));
    for (const at of near) {
      if (remove.has(at)) continue;
      const text = lines[at].text;
      // a footer is printed before the page number; an "Agenda Item" line after it heads the next page's paper
      if (adjacent.has(at) && at < index && agendaItemLine(text) !== undefined && /^(.{0,60}\s)?Agenda\s+Item/i.test(text)) remove.set(at, '“Agenda Item” page footers');
      else if (adjacent.has(at) && at > index && /^(.{0,60}\s)?Agenda\s+Item/i.test(text)) continue;
      else besidePages.set(text, [...(besidePages.get(text) ?? []), at]);
    }
  }
  // a running line is printed beside most page numbers; a cell that falls beside a few of them is not one
  const pageBreaks = remove.size;
  for (const [text, places] of besidePages) {
    // a running header or footer is a label, never a sentence, a header's field ("Date: …") or a table's cell:
    // a date written 31/03/2030 is a log's cell, a running footer writes its date out
    if (places.length >= 2 && text.length <= 80 && !/[.;,]$/.test(text) && !/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(text) && !/^[\w ]{1,20}:/.test(text) && (findDate(text) !== undefined || places.length >= Math.max(3, pageBreaks / 2))) {
      for (const at of places) remove.set(at, 'running headers and footers');
    }
  }
  for (const index of packPageNumbers(lines, from)) if (!remove.has(index)) remove.set(index, 'pack page numbers printed alone on a line');
  // running lines: a short line repeated on many pages, each time after a page break
  const repeated = new Map<string, number[]>();
  for (let index = from; index < lines.length; index += 1) {
    const text = lines[index].text;
    if (!text || remove.has(index) || text.length > 80 || /^\d+(\.\d+)*\.?$/.test(text)) continue;
    repeated.set(text, [...(repeated.get(text) ?? []), index]);
  }
  for (const [text, places] of repeated) {
    if (places.length < 3 || /^[\w ]{1,20}:/.test(text)) continue;
    const atPageTop = places.filter((at) => lines[at].lead || (lines[at].page !== undefined && lines[at - 1]?.page !== lines[at].page));
    if (atPageTop.length >= 3 && atPageTop.length >= places.length * 0.8 && (dateLine(text) || /\b(Board|Panel|Committee)\b/.test(text))) {
      for (const at of places) remove.set(at, 'running headers and footers');
    }
  }
  const notes: ImportNote[] = [];
  const byKind = new Map<string, number[]>();
  for (const [index, kind] of remove) byKind.set(kind, [...(byKind.get(kind) ?? []), index]);
  for (const [kind, places] of byKind) {
    const first = Math.min(...places);
    notes.push({ document: 'meeting', sourceLine: lines[first].line, kind: 'removed', message: `Removed ${places.length} ${kind}, first at line ${lines[first].line} (“${lines[first].text}”).` });
  }
  const footerItems: { line: number; item: string }[] = [];
  for (const [index] of remove) {
    const item = agendaItemLine(lines[index].text);
    if (item !== undefined && /Agenda\s+Item/i.test(lines[index].text)) footerItems.push({ line: lines[index].line, item });
  }
  footerItems.sort((a, b) => a.line - b.line);
  const removed = [...remove].map(([index, pattern]) => ({ line: lines[index].line, pattern })).sort((a, b) => a.line - b.line);
  return { lines: lines.filter((_, index) => !remove.has(index)), notes, footerItems, removed };
}

/** A cell of a table's header row as pdftotext prints it: a short label on its own line ("Floor Area", "m²"). */
function isHeaderCell(text: string): boolean {
  if (!text || text.split(' ').length > 5 || /[.:;,]$/.test(text) || /^\d/.test(text)) return false;
  if (markingLine(text) !== undefined || dateLine(text) !== undefined) return false;
  // a label starts with a capital; a unit ("m²", "£k") may be lower case
  return /^[\p{Lu}‘“'"(]/u.test(text) ? /\p{L}{2}/u.test(text) : /^[\p{L}²³%£$/]{1,3}$/u.test(text);
}

/**
 * A table's header row printed again on each page or before each group of rows: a run of short labels, two
 * or more different ones printed as separate cells (blank lines between them, each cell a line or two), that
 * comes back at least four times, each time well apart from the last (a value may come back three times). The first printing stays; the repeats
 * are furniture. A cell's value wrapped over lines (no blank lines inside) and runs that come back close
 * together (a column of values beside item after item) stay.
 */
export function removeRepeatedHeaderRows(lines: PackLine[]): { lines: PackLine[]; removed: { line: number; text: string; repeats: number }[]; dropped: number[] } {
  const texts: number[] = [];
  for (let index = 0; index < lines.length; index += 1) if (lines[index].text) texts.push(index);
  // text printed with a blank line after every line shows no cells: nothing can be told
  const spaced = texts.filter((index) => index + 1 < lines.length && !lines[index + 1].text && !lines[index + 1].table).length;
  if (texts.length === 0 || spaced / texts.length > 0.8) return { lines, removed: [], dropped: [] };
  const lineCount = new Map<string, number>();
  for (const index of texts) lineCount.set(lines[index].text, (lineCount.get(lines[index].text) ?? 0) + 1);
  const runs = new Map<string, number[]>();
  for (let at = 0; at < texts.length; at += 1) {
    const labels: string[] = [];
    let blocks = 1;
    let blockLines = 0;
    for (let size = 1; size <= 8 && at + size - 1 < texts.length; size += 1) {
      const index = texts[at + size - 1];
      const text = lines[index].text;
      if (!isHeaderCell(text) || labels.includes(text)) break;
      if (size > 1 && index > texts[at + size - 2] + 1) {
        blocks += 1;
        blockLines = 0;
      }
      blockLines += 1;
      if (blockLines > 2) break;
      labels.push(text);
      if (size >= 2 && blocks >= 2) {
        const key = labels.join('\n');
        runs.set(key, [...(runs.get(key) ?? []), at]);
      }
    }
  }
  const gone = new Set<number>();
  const removed: { line: number; text: string; repeats: number }[] = [];
  const candidates = [...runs].map(([key, places]) => ({ labels: key.split('\n'), places })).sort((a, b) => b.labels.length - a.labels.length || b.places.length - a.places.length);
  // when the pack's pages are known, a header row printed again is furniture only where it heads a page
  const paged = lines.some((line) => line.page !== undefined && line.page > 1);
  const headsAPage = (at: number) => at === 0 || lines[texts[at - 1]!]!.page !== lines[texts[at]!]!.page;
  for (const { labels, places } of candidates) {
    const size = labels.length;
    const free = places.filter((at) => !Array.from({ length: size }, (_, offset) => at + offset).some((position) => gone.has(position)) && (!paged || at === places[0] || headsAPage(at)));
    if (free.length < 4) continue;
    // a header's labels are printed only in its row, and name something (a label of two words or more)
    if (labels.some((label) => (lineCount.get(label) ?? 0) !== places.length) || !labels.some((label) => label.includes(' '))) continue;
    if (free.some((at, index) => index > 0 && at - free[index - 1] < 15)) continue;
    for (const at of free.slice(1)) for (let offset = 0; offset < size; offset += 1) gone.add(at + offset);
    removed.push({ line: lines[texts[free[1]]].line, text: labels.join(' | '), repeats: free.length - 1 });
  }
  if (gone.size === 0) return { lines, removed, dropped: [] };
  const drop = new Set([...gone].map((at) => texts[at]));
  return { lines: lines.filter((_, index) => !drop.has(index)), removed, dropped: [...drop].map((index) => lines[index].line) };
}
