/**
 * Appendices printed away from their paper: a pack may print a paper, then other papers (the supporting papers
 * of a decision, re-printed), then the rest of the first paper's appendices. An "Appendix N" heading at the head
 * of a page, inside a document that never names an "Appendix N", belongs to the nearest document before it that
 * names "Appendix N" and has not printed it yet: the pages from that heading to the next document go back there.
 */
import { isPageHead, nextTexts } from './pack-split.ts';
import type { PackLine } from './pack-text.ts';

/** A document's lines: one or more [start, end) ranges of the pack's lines, in order. */
export interface DocumentRanges {
  kind: 'paper' | 'minutes' | 'action-log';
  ranges: [number, number][];
}

/** "Appendix 3", "APPENDIX 4", "Annex B – Estates update": an appendix's heading on a line of its own. */
const APPENDIX_HEADING = /^(Appendix|APPENDIX|Annex|ANNEX)\s+([A-Z]|\d{1,2})\b\.?\s*(?:[-–:]\s*(.{0,120}))?$/;
/** "Appendix 3", "Appendices 1 and 2" as named anywhere in a paper's text. */
const APPENDIX_NAMED = /\b(Appendix|Annex)\s+([A-Z]|\d{1,2})\b/gi;
const APPENDICES_NAMED = /\b(Appendices|Annexes)\s+([A-Z]|\d{1,2})\s*(?:,|and|&|to|-|–)\s*([A-Z]|\d{1,2})\b/gi;

function keyOf(word: string, id: string): string {
  return `${/^annex/i.test(word) ? 'annex' : 'appendix'} ${id.toUpperCase()}`;
}

/** The appendix a page opens with: a heading among the page's first three lines of text. */
function pageAppendix(lines: PackLine[], index: number): string | undefined {
  for (const { text } of [{ text: lines[index].text }, ...nextTexts(lines, index, 2)]) {
    const match = APPENDIX_HEADING.exec(text);
    if (match && !/[.;,]$/.test(text) && text.split(' ').length <= 16) return keyOf(match[1], match[2]);
  }
  return undefined;
}

function indexesOf(ranges: [number, number][]): number[] {
  const out: number[] = [];
  for (const [start, end] of ranges) for (let index = start; index < end; index += 1) out.push(index);
  return out;
}

/** The appendices a document names ("at Appendix 3", "Appendices 1 and 2", a list of appendices). */
function named(lines: PackLine[], indexes: number[]): Set<string> {
  const found = new Set<string>();
  for (const index of indexes) {
    const text = lines[index].text;
    if (!text) continue;
    for (const match of text.matchAll(APPENDIX_NAMED)) found.add(keyOf(match[1], match[2]));
    for (const match of text.matchAll(APPENDICES_NAMED)) {
      const word = /^annex/i.test(match[1]) ? 'annex' : 'appendix';
      const [from, to] = [match[2], match[3]];
      if (/^\d+$/.test(from) && /^\d+$/.test(to) && Number(to) - Number(from) <= 12) for (let n = Number(from); n <= Number(to); n += 1) found.add(`${word} ${n}`);
      else {
        found.add(`${word} ${from.toUpperCase()}`);
        found.add(`${word} ${to.toUpperCase()}`);
      }
    }
  }
  return found;
}

/** The appendices a document prints: headings at the head of its pages (or its first lines). */
function printed(lines: PackLine[], indexes: number[]): Set<string> {
  const found = new Set<string>();
  for (const index of indexes) {
    if (!lines[index].text || !isPageHead(lines, index)) continue;
    const key = pageAppendix(lines, index);
    if (key) found.add(key);
  }
  return found;
}

/** An appendix moved back: from the document `from` to the document `to` (indexes in the list), its lines. */
export interface AppendixMove {
  /** the appendices the moved pages print, the first being the one that showed them: "Appendix 3", "Appendix 4" */
  appendices: string[];
  from: number;
  to: number;
  range: [number, number];
}

/**
 * Moves appendices printed inside a later document back to the document that names them. `documents` are in
 * pack order, each with one range; the ranges are changed in place. Returns the moves made.
 */
export function rejoinAppendices(lines: PackLine[], documents: DocumentRanges[]): AppendixMove[] {
  const moves: AppendixMove[] = [];
  const namedBy = documents.map((document) => (document.kind === 'paper' ? named(lines, indexesOf(document.ranges)) : new Set<string>()));
  const printedBy = documents.map((document) => (document.kind === 'paper' ? printed(lines, indexesOf(document.ranges)) : new Set<string>()));
  for (let later = 1; later < documents.length; later += 1) {
    const document = documents[later];
    if (document.kind !== 'paper' || document.ranges.length !== 1) continue;
    const [start, end] = document.ranges[0];
    for (let index = start + 1; index < end; index += 1) {
      if (!lines[index].text || !isPageHead(lines, index)) continue;
      const key = pageAppendix(lines, index);
      if (!key) continue;
      // the document's own appendix: it names it in the text before
      if (named(lines, indexesOf([[start, index]])).has(key)) continue;
      let owner = -1;
      for (let earlier = later - 1; earlier >= 0; earlier -= 1) {
        if (documents[earlier].kind === 'paper' && namedBy[earlier].has(key) && !printedBy[earlier].has(key)) {
          owner = earlier;
          break;
        }
      }
      if (owner < 0) continue;
      document.ranges[0] = [start, index];
      documents[owner].ranges.push([index, end]);
      const moved = [key, ...[...printed(lines, indexesOf([[index, end]]))].filter((other) => other !== key)];
      for (const other of moved) printedBy[owner].add(other);
      moves.push({ appendices: moved.map((name) => name.charAt(0).toUpperCase() + name.slice(1)), from: later, to: owner, range: [index, end] });
      break;
    }
  }
  return moves;
}
