/**
 * Citations in the text of papers, minutes and decisions, in the set forms the packs use:
 *   ‘Hate Crime Review Paper’, Agenda Item 8.0, Business Coordination Board, 7th August 2017
 *   minutes of the Business Coordination Board meeting held on the 16th May 2019
 *   brought to this Board on 24 January 2019
 *   Decision Record – OPCC 2017-008 (and "OPCC 2017-19": ids as content/site.yaml numbers them)
 *   see Agenda item 8.1 (an item of the same meeting)
 * Pure text in, citations out; resolving them against the archive is resolveCitation's work.
 */
import { normaliseAgendaNumber } from '#lib/model/agenda.ts';
import type { Office } from '#lib/model/office.ts';
import { editorialNoteAround, parseMarkdown, plainText, plainTextOf, type MdastNode } from './plain-text.ts';

export type CitationTarget =
  | { kind: 'decision'; id: string }
  | { kind: 'agenda-item'; body: string; date: string; items: string[] }
  | { kind: 'minutes'; body: string; date: string }
  | { kind: 'meeting'; body: string; date: string }
  | { kind: 'same-meeting-item'; item: string };

export interface Citation {
  /** offsets of the cited words in the text */
  start: number;
  end: number;
  text: string;
  target: CitationTarget;
}

export interface CitationContext {
  /** body names and aliases, lower case → body id */
  bodyByAlias: ReadonlyMap<string, string>;
  /** the body of the document being read, for "this Board" and minutes that name no body */
  currentBody?: string | undefined;
  /** how the office numbers its decisions, and the words of "this Board" */
  office: Office;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE = String.raw`(\d{1,2})(?:\s?(?:st|nd|rd|th))?\s+(January|February|March|April|May|June|July|August|September|October|November|December),?\s+(\d{4})`;
const WS = String.raw`[\s\u00a0]+`;
const AGENDA_NUMBERS = String.raw`(\d{1,2}(?:\.\d{1,2})?(?:\s*(?:,|and|&)\s*\d{1,2}(?:\.\d{1,2})?)*)`;

/** "7th August 2017" parts → "2017-08-07", or undefined for an impossible date. */
function isoDate(day: string, month: string, year: string): string | undefined {
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  const date = new Date(Date.UTC(Number(year), monthIndex, Number(day)));
  if (monthIndex < 0 || date.getUTCDate() !== Number(day)) return undefined;
  return date.toISOString().slice(0, 10);
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, WS);
}

/** A pattern matching any body alias, longest first so "Business Co-ordination Board" beats "Board". */
function aliasPattern(context: CitationContext): string {
  return [...context.bodyByAlias.keys()].sort((a, b) => b.length - a.length).map(escapeForPattern).join('|');
}

function bodyOf(alias: string, context: CitationContext): string | undefined {
  return context.bodyByAlias.get(alias.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim());
}

interface CompiledPatterns {
  office: Office;
  agendaItem?: RegExp;
  minutes: RegExp;
  thisBody: RegExp;
  sameMeeting: RegExp;
  decision: RegExp | undefined;
  mayCite: RegExp;
}

const compiled = new WeakMap<ReadonlyMap<string, string>, CompiledPatterns>();

/** Any of the words; none at all matches nothing. */
const wordsPattern = (words: readonly string[]) => (words.length > 0 ? words.map(escapeForPattern).join('|') : '(?!)');

/** The patterns for one set of body aliases, compiled once. */
function patternsFor(context: CitationContext): CompiledPatterns {
  const cached = compiled.get(context.bodyByAlias);
  if (cached?.office === context.office) return cached;
  const aliases = aliasPattern(context);
  const patterns: CompiledPatterns = {
    office: context.office,
    // Agenda Item 8.0, Business Coordination Board, 7th August 2017
    agendaItem: aliases
      ? new RegExp(String.raw`Agenda${WS}Item(?:${WS}No\.?)?${WS}${AGENDA_NUMBERS},?${WS}(?:the${WS})?(${aliases}),?${WS}(?:meeting${WS}(?:of|on)${WS})?(?:the${WS})?${DATE}`, 'gi')
      : undefined,
    // minutes of the [Business Coordination Board] meeting held on [the] 16th May 2019
    minutes: new RegExp(String.raw`minutes${WS}of${WS}the${WS}((?:[\w’'\-]+${WS}){0,8}?)meetings?${WS}held${WS}on${WS}(?:the${WS})?${DATE}`, 'gi'),
    // brought to this Board on 24 January 2019
    thisBody: new RegExp(String.raw`(?:brought|presented|reported|submitted)${WS}to${WS}this${WS}(?:${wordsPattern(context.office.thisBodyWords)})(?:${WS}meeting)?${WS}(?:on|in)${WS}(?:the${WS})?${DATE}`, 'gi'),
    // see Agenda item 8.1: an item of the same meeting
    sameMeeting: new RegExp(String.raw`\bsee${WS}(Agenda${WS}item${WS}(\d{1,2}(?:\.\d{1,2})?))\b(?!\.\d)`, 'gi'),
    // OPCC 2017-020, OPCC 2017-19: as the office numbers its decisions
    decision: context.office.numbering?.inText,
    mayCite: mayCitePattern(context.office),
  };
  compiled.set(context.bodyByAlias, patterns);
  return patterns;
}

/** Words without which a text holds no citation: most paragraphs are skipped at once. */
function mayCitePattern(office: Office): RegExp {
  const marker = office.numbering ? `|${escapeForPattern(office.numbering.marker)}` : '';
  return new RegExp(String.raw`agenda|minutes${marker}|this${WS}(?:${wordsPattern(office.thisBodyWords)})`, 'i');
}

export function mayCite(text: string, context: CitationContext): boolean {
  return patternsFor(context).mayCite.test(text);
}

/** Every citation in a text, in order, not overlapping. */
export function findCitations(text: string, context: CitationContext): Citation[] {
  if (!mayCite(text, context)) return [];
  const found: Citation[] = [];
  const patterns = patternsFor(context);
  const add = (match: RegExpExecArray, target: CitationTarget | undefined, skipLeading = 0) => {
    if (!target) return;
    const start = match.index + skipLeading;
    found.push({ start, end: match.index + match[0].length, text: match[0].slice(skipLeading), target });
  };

  if (patterns.agendaItem) {
    for (const match of text.matchAll(patterns.agendaItem)) {
      const body = bodyOf(match[2]!, context);
      const date = isoDate(match[3]!, match[4]!, match[5]!);
      const items = match[1]!.split(/\s*(?:,|and|&)\s*/).filter(Boolean).map(normaliseAgendaNumber);
      if (body && date) add(match, { kind: 'agenda-item', body, date, items });
    }
  }
  for (const match of text.matchAll(patterns.minutes)) {
    const named = match[1]!.trim();
    const body = named ? (bodyOf(named, context) ?? findAliasIn(named, context)) : context.currentBody;
    const date = isoDate(match[2]!, match[3]!, match[4]!);
    if (body && date) add(match, { kind: 'minutes', body, date });
  }
  if (context.currentBody) {
    for (const match of text.matchAll(patterns.thisBody)) {
      const date = isoDate(match[1]!, match[2]!, match[3]!);
      if (date) add(match, { kind: 'meeting', body: context.currentBody, date });
    }
  }
  for (const match of text.matchAll(patterns.sameMeeting)) {
    add(match, { kind: 'same-meeting-item', item: normaliseAgendaNumber(match[2]!) }, match[0].indexOf(match[1]!));
  }
  for (const match of patterns.decision ? text.matchAll(patterns.decision) : []) {
    add(match, { kind: 'decision', id: context.office.numbering!.normalise(match[0])! });
  }

  // the longest citation wins where two overlap
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Citation[] = [];
  for (const citation of found) {
    const last = kept.at(-1);
    if (!last || citation.start >= last.end) kept.push(citation);
  }
  return kept;
}

function findAliasIn(words: string, context: CitationContext): string | undefined {
  const pattern = aliasPattern(context);
  if (!pattern) return undefined;
  const match = new RegExp(`(${pattern})`, 'i').exec(words);
  return match ? bodyOf(match[1]!, context) : undefined;
}

/** The sentence around a citation, for "cited by" lists, as the plain text a reader sees; cut with "…"
 * at a word where the sentence is long. The citation is found in the raw text; the quote is cut from
 * the plain text of the parsed text, so it never holds markup, nor half of a construct. */
export function citationContext(text: string, citation: Citation, radius = 160): string {
  const { plain, offsets } = plainWithin(text, citation);
  const at = (offset: number) => {
    const index = offsets.findIndex((rawOffset) => rawOffset >= offset);
    return index < 0 ? plain.length : index;
  };
  const start = at(citation.start);
  const end = at(citation.end);
  if (end <= start) {
    // the cited words are not text a reader sees (an element's attribute, say): quote them alone
    return plainText(citation.text);
  }
  const before = plain.slice(Math.max(0, start - radius), start);
  const after = plain.slice(end, end + radius);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n'));
  const head = sentenceStart >= 0 ? before.slice(sentenceStart + 2) : start - radius <= 0 ? before : `…${before.slice(before.search(/\s/) + 1)}`;
  // the sentence ends at a full stop, or where its block (paragraph, heading, table row) ends
  const stop = after.search(/[.!?](\s|$)/);
  const ends = [stop >= 0 ? stop + 1 : -1, after.indexOf('\n\n')].filter((index) => index >= 0);
  const sentenceEnd = ends.length > 0 ? Math.min(...ends) : -1;
  const tail =
    sentenceEnd >= 0 ? after.slice(0, sentenceEnd) : end + radius >= plain.length ? after : `${after.slice(0, Math.max(after.search(/\s\S*$/), 0))}…`;
  return `${head}${plain.slice(start, end)}${tail}`.replace(/\s+/g, ' ').replace(/\s+…/g, '…').trim();
}

/** The plain text the citation is read in: the document's, or a publisher's note's when it is in one. */
let lastParsed: { text: string; tree: MdastNode; plain?: { plain: string; offsets: number[] } } | undefined;
function plainWithin(text: string, citation: Citation): { plain: string; offsets: number[] } {
  // a document's citations are quoted one after another: its tree is parsed, and its plain text made, once
  if (lastParsed?.text !== text) lastParsed = { text, tree: parseMarkdown(text) };
  const note = editorialNoteAround(lastParsed.tree, citation.start, citation.end);
  if (note) {
    const { text: plain, offsets } = plainTextOf({ ...note, type: 'root' });
    return { plain, offsets };
  }
  if (!lastParsed.plain) {
    const { text: plain, offsets } = plainTextOf(lastParsed.tree);
    lastParsed.plain = { plain, offsets };
  }
  return lastParsed.plain;
}
