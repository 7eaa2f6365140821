/**
 * The account of a pack's lines: every line of the source that holds text is accounted for exactly once,
 * as placed in a draft, removed as page furniture (by pattern), or unplaced (kept in a draft of its own).
 *
 * A line counts as placed only when its words are in the file it was given to: whatever a step of the
 * importer lost on the way is found missing here and kept as unplaced text, so nothing is ever dropped.
 * Longer than 300 lines on purpose: the account and the proof that it balances are one invariant, read whole.
 */
import { decodeHTML } from 'entities';
import { parse as parseYaml } from 'yaml';
import { wordsOf } from './compare.ts';
import type { FurnitureLine, SourceBlock } from './model.ts';
import { BULLET_PATTERN, normalise, repairOrdinals } from './pack-text.ts';

/** A line of the source with text, where it was printed. */
export interface AccountLine {
  line: number;
  page?: number;
  text: string;
}

/** The source lines the parser gave to one file. */
export interface Placement {
  path: string;
  lines: number[];
}

export interface LineAccount {
  /** lines that hold text */
  total: number;
  /** lines placed, by the file they are in */
  placed: Placement[];
  /** lines removed, by the pattern of furniture they matched */
  furniture: { pattern: string; lines: number[] }[];
  /** lines that no draft holds: kept in the unplaced-text draft */
  unplaced: number[];
}

/** The source lines that hold text: a table the reader knew counts as one line, its cells in order. */
export function linesWithText(blocks: readonly SourceBlock[]): AccountLine[] {
  const lines: AccountLine[] = [];
  for (const block of blocks) {
    const text = block.kind === 'table' ? normalise(block.rows.flat().join(' ')) : normalise(block.text);
    if (text) lines.push(block.page === undefined ? { line: block.line, text } : { line: block.line, page: block.page, text });
  }
  return lines;
}

/** A printed line's words as the parser reads them: a bullet glyph is not a word, and "31 st" is "31st". */
export const printedWords = (text: string): string[] => wordsOf(repairOrdinals(text.replace(BULLET_PATTERN, '')));

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ordinal = (day: number) => `${day}${day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th'}`;

/**
 * The words a printed date may have been written with, for a date the drafts hold as YYYY-MM-DD: a header's
 * "Date: Tuesday 11th June 2019" or a log's "11/06/19" are placed when the draft holds 2019-06-11.
 */
export function dateWords(iso: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return [];
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [dd, mm, yy] = [match[3], match[2], match[1].slice(2)];
  const name = MONTHS[month - 1];
  if (!name) return [];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return [String(day), dd, yy, ordinal(day), name, name.slice(0, 3), name.slice(0, 4), String(year), weekday, weekday.slice(0, 3), `${dd}${mm}${year}`, `${dd}${mm}${yy}`, `${day}${month}${year}`, `${day}${month}${yy}`, `${ordinal(day)}${name}`, `${dd}${name.slice(0, 3)}${yy}`];
}

/**
 * Words the importer reads as the names of fields rather than writes as text: the labels of header blocks,
 * front sheets and an action log's header row, which become the keys of a draft's data.
 */
const FIELD_LABELS = new Set(
  'agenda item no number to from date time venue location place title report of by subject author officer contact marking action actions log raised meeting owner target status update updated updates lead presenter presented protective classification items bibliography source sources document documents officers details members attendance in present apologies substitutes'
    .split(' ')
    .flatMap((label) => wordsOf(label)),
);

/** Character references and backslash escapes as the text they stand for: the words a reader sees. */
function unescaped(written: string): string {
  // in one pass: "&#x26;amp;" and "\\&amp;" are the text "&amp;", not "&"
  return written.replace(/\\(.)|&(?:#x[0-9a-f]+|#\d+|\w+);/gi, (match, escaped: string | undefined) => escaped ?? decodeHTML(match));
}

/**
 * What a reader of a written file reads: the values of its data (YAML, or a draft's frontmatter), in order, and
 * its text; never the names of its fields or the kinds the importer chose, which the pack did not print.
 */
export function readableText(written: string): string {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(written);
  const isData = !frontmatter && /^(#.*\n)*[\w-]+:/.test(written);
  const data = frontmatter ? frontmatter[1]! : isData ? written : '';
  const body = frontmatter ? written.slice(frontmatter[0].length) : isData ? '' : written;
  const values: string[] = [];
  const collect = (value: unknown, key?: string) => {
    if (typeof value === 'string' || typeof value === 'number') {
      if (key !== 'kind') values.push(String(value));
    } else if (Array.isArray(value)) for (const each of value) collect(each);
    else if (value && typeof value === 'object') for (const [name, each] of Object.entries(value)) collect(each, name);
  };
  try {
    collect(parseYaml(data));
  } catch {
    // data that does not parse is read as it is written
    values.push(data);
  }
  return `${values.join('\n')}\n${body}`;
}

/**
 * The words of a written file, for finding the lines of the pack in it. Each line is looked for twice over:
 * first as printed, its letters in order (a line broken mid-paragraph or mid-word is joined to the next in
 * the draft); then, for the lines not found so, word by word among the words no line has been found in. What
 * one line is found in is taken, so no two lines are ever found in the same words.
 */
class WrittenWords {
  private readonly standIns = new Set<string>(FIELD_LABELS);
  /** the words of the dates the file holds, written as packs print them: they stand in on a line that prints a date */
  private readonly dateStandIns = new Set<string>();
  private readonly tokens: string[];
  /** where each token starts in the stream */
  private readonly starts: number[] = [];
  /** the file's letters and digits, lower-cased, in order */
  private readonly stream: string;
  /** the letters of the stream that a line has been found in */
  private readonly used: Uint8Array;
  private cursor = 0;
  /** the words no line was found in as printed, counted: made when the first line is looked for word by word */
  private counts?: Map<string, number>;

  constructor(text: string, extra: readonly string[] = []) {
    const plain = unescaped(readableText(text));
    this.tokens = wordsOf(plain);
    let at = 0;
    for (const token of this.tokens) {
      this.starts.push(at);
      at += token.length;
    }
    this.stream = this.tokens.join('');
    this.used = new Uint8Array(this.stream.length);
    for (const [iso] of plain.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) for (const word of dateWords(iso)) this.dateStandIns.add(word);
    for (const word of extra) (/^\d+$/.test(word) || MONTH_OR_DAY.test(word) ? this.dateStandIns : this.standIns).add(word);
  }

  /** Finds a line's letters in order in letters no other line was found in, and takes them. */
  findAsPrinted(words: readonly string[], shortest = 4): boolean {
    const letters = words.join('');
    if (letters.length < shortest || this.counts) return false;
    const found = this.unused(letters, this.cursor) ?? this.unused(letters, 0);
    if (found === undefined) return false;
    this.used.fill(1, found, found + letters.length);
    this.cursor = found + letters.length;
    return true;
  }

  /**
   * Finds each of a line's words among the words left, and takes them when all are there. A word may stand
   * for itself when it is a field's label, a date written another way, or joined to the next word where a
   * line broke at a hyphen ("decision-" "making" → "decisionmaking").
   */
  findWordByWord(words: readonly string[], printsADate = false): boolean {
    const counts = (this.counts ??= this.wordsLeft());
    const standsIn = (word: string) => this.standIns.has(word) || (printsADate && this.dateStandIns.has(word));
    const wanted = new Map<string, number>();
    for (const word of words) wanted.set(word, (wanted.get(word) ?? 0) + 1);
    for (const [word, count] of wanted) {
      if ((counts.get(word) ?? 0) < count && !standsIn(word) && !this.isPartOfAWordLeft(word, counts)) return false;
    }
    for (const [word, count] of wanted) counts.set(word, Math.max(0, (counts.get(word) ?? 0) - count));
    return true;
  }

  private wordsLeft(): Map<string, number> {
    const counts = new Map<string, number>();
    this.tokens.forEach((token, index) => {
      if (!this.used.subarray(this.starts[index]!, this.starts[index]! + token.length).includes(1)) counts.set(token, (counts.get(token) ?? 0) + 1);
    });
    return counts;
  }

  /** Where `letters` are in the file from `from` on, in letters no other line has taken. */
  private unused(letters: string, from: number): number | undefined {
    for (let at = this.stream.indexOf(letters, from); at >= 0; at = this.stream.indexOf(letters, at + 1)) {
      if (!this.used.subarray(at, at + letters.length).includes(1)) return at;
    }
    return undefined;
  }

  private isPartOfAWordLeft(word: string, counts: Map<string, number>): boolean {
    if (word.length < 2) return false;
    for (const [candidate, count] of counts) if (count > 0 && candidate.length > word.length && (candidate.startsWith(word) || candidate.endsWith(word))) return true;
    return false;
  }
}

const MONTH_OR_DAY = new RegExp(`^(${[...MONTHS, ...WEEKDAYS].flatMap((name) => [name, name.slice(0, 3), name.slice(0, 4)]).join('|')})$`);

/** A line that prints a date: "Tuesday 11th June 2019", "11/06/19", "June 2019". */
export const printsADate = (text: string): boolean => /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(text) || printedWords(text).some((word) => MONTH_OR_DAY.test(word));

/** Letters in a line long enough that it is found only where it was written. */
const LONG_LINE = 24;

/**
 * Accounts for every line with text: a furniture line is removed; a line given to a file is placed when its
 * words are in that file; every other line is unplaced. `extraWords` may stand for printed words in any file
 * (the body's names, which a meeting's folder holds rather than its text).
 */
export function accountLines(
  lines: readonly AccountLine[],
  furniture: readonly FurnitureLine[],
  placements: readonly Placement[],
  files: ReadonlyMap<string, string>,
  extraWords: readonly string[] = [],
): LineAccount {
  const patternOf = new Map(furniture.map((entry) => [entry.line, entry.pattern]));
  const ownerOf = new Map<number, string>();
  for (const placement of placements) for (const line of placement.lines) if (!ownerOf.has(line)) ownerOf.set(line, placement.path);
  const written = new Map<string, WrittenWords>();
  const wordsIn = (path: string) => {
    let words = written.get(path);
    if (!words) written.set(path, (words = new WrittenWords(files.get(path) ?? '', extraWords)));
    return words;
  };
  const placedIn = new Map<number, string>();
  // first the long lines found as printed (a short line, "Commissioner", could be found in a long one's words),
  // then the short ones, then the rest word by word among the words left
  const passes: ((words: WrittenWords, printed: string[], text: string) => boolean)[] = [
    (words, printed) => words.findAsPrinted(printed, LONG_LINE),
    (words, printed) => words.findAsPrinted(printed),
    (words, printed, text) => words.findWordByWord(printed, printsADate(text)),
  ];
  for (const find of passes) {
    for (const { line, text } of lines) {
      const owner = ownerOf.get(line);
      if (patternOf.has(line) || placedIn.has(line) || owner === undefined || !files.has(owner)) continue;
      if (find(wordsIn(owner), printedWords(text), text)) placedIn.set(line, owner);
    }
  }
  const placed = new Map<string, number[]>();
  const removed = new Map<string, number[]>();
  const unplaced: number[] = [];
  for (const { line } of lines) {
    const pattern = patternOf.get(line);
    const owner = placedIn.get(line);
    const group = pattern !== undefined ? removed : owner !== undefined ? placed : undefined;
    const key = pattern ?? owner;
    if (!group || key === undefined) unplaced.push(line);
    else if (group.has(key)) group.get(key)!.push(line);
    else group.set(key, [line]);
  }
  return {
    total: lines.length,
    placed: [...placed].map(([path, placedLines]) => ({ path, lines: placedLines })),
    furniture: [...removed].map(([pattern, removedLines]) => ({ pattern, lines: removedLines })),
    unplaced,
  };
}

/**
 * What is wrong with an account, in plain words; none when it balances: every line with text is counted
 * once, no more and no less, and every word of every unplaced line is in the unplaced draft.
 */
export function accountProblems(account: LineAccount, lines: readonly AccountLine[], unplacedDraft: string | undefined): string[] {
  const problems: string[] = [];
  const seen = new Map<number, number>();
  const categories = [...account.placed.map((entry) => entry.lines), ...account.furniture.map((entry) => entry.lines), account.unplaced];
  for (const group of categories) for (const line of group) seen.set(line, (seen.get(line) ?? 0) + 1);
  const counted = [...seen.values()].reduce((sum, count) => sum + count, 0);
  if (counted !== account.total || lines.length !== account.total) problems.push(`${account.total} lines hold text, but ${counted} are accounted for.`);
  const twice = [...seen].filter(([, count]) => count > 1).map(([line]) => line);
  if (twice.length > 0) problems.push(`${twice.length} lines are counted more than once (first, line ${twice[0]}).`);
  const missing = lines.filter((line) => !seen.has(line.line));
  if (missing.length > 0) problems.push(`${missing.length} lines are in no draft and were not removed (first, line ${missing[0]!.line}: “${missing[0]!.text}”).`);
  if (account.unplaced.length > 0) {
    const keeper = new WrittenWords(unplacedDraft ?? '');
    const byLine = new Map(lines.map((line) => [line.line, line.text]));
    const asPrinted = new Set(account.unplaced.filter((line) => keeper.findAsPrinted(printedWords(byLine.get(line) ?? ''))));
    const lost = account.unplaced.filter((line) => !asPrinted.has(line) && !keeper.findWordByWord(printedWords(byLine.get(line) ?? '')));
    if (lost.length > 0) problems.push(`${lost.length} unplaced lines are not in the draft that keeps them (first, line ${lost[0]}).`);
  }
  return problems;
}

const count = (value: number) => value.toLocaleString('en-GB');
const plural = (value: number, one: string, many = `${one}s`) => `${count(value)} ${value === 1 ? one : many}`;

/** "12–13" or "12": a run of numbers as its first and last. */
function span(values: readonly number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const runs: string[] = [];
  let start = sorted[0]!;
  let previous = start;
  for (const value of [...sorted.slice(1), Number.NaN]) {
    if (value === previous + 1) {
      previous = value;
      continue;
    }
    runs.push(start === previous ? String(start) : `${start}–${previous}`);
    start = previous = value;
  }
  return runs.join(', ');
}

/**
 * Where lines are, in the pack's own terms: the pages of a PDF ("pages 12–13"), the lines of a text or
 * Word file's text as given ("lines 1203–1210").
 */
export function whereIn(lineNumbers: readonly number[], lines: readonly AccountLine[], byPage: boolean): string {
  if (byPage) {
    const pageOf = new Map(lines.map((line) => [line.line, line.page]));
    const pages = lineNumbers.map((line) => pageOf.get(line)).filter((page): page is number => page !== undefined);
    if (pages.length === lineNumbers.length && pages.length > 0) return `${new Set(pages).size === 1 ? 'page' : 'pages'} ${span(pages)}`;
  }
  return `${lineNumbers.length === 1 ? 'line' : 'lines'} ${span(lineNumbers)}`;
}

/** "3,569 lines: 3,402 placed in 6 files; 161 removed as page furniture, 4 patterns; 6 unplaced, pages 12–13". */
export function accountSentence(account: LineAccount, lines: readonly AccountLine[], byPage: boolean): string {
  const placed = account.placed.reduce((sum, entry) => sum + entry.lines.length, 0);
  const removed = account.furniture.reduce((sum, entry) => sum + entry.lines.length, 0);
  const unplaced = account.unplaced.length === 0 ? 'none unplaced' : `${count(account.unplaced.length)} unplaced, ${whereIn(account.unplaced, lines, byPage)}`;
  return `${plural(account.total, 'line')}: ${count(placed)} placed in ${plural(account.placed.length, 'file')}; ${count(removed)} removed as page furniture, ${plural(account.furniture.length, 'pattern')}; ${unplaced}.`;
}

/** The account as the report's last section: each file, each pattern of furniture, what is unplaced, then the sum. */
export function accountSection(account: LineAccount, lines: readonly AccountLine[], byPage: boolean, unplacedPath?: string): string[] {
  return [
    '## Every line of the pack',
    '',
    ...account.placed.map((entry) => `- ${plural(entry.lines.length, 'line')} placed in content/${entry.path}`),
    ...account.furniture.map((entry) => `- ${plural(entry.lines.length, 'line')} removed as ${entry.pattern}, ${whereIn(entry.lines, lines, byPage)}`),
    ...(account.unplaced.length > 0
      ? [`- ${plural(account.unplaced.length, 'line')} the importer could not place, kept in content/${unplacedPath}: ${whereIn(account.unplaced, lines, byPage)}`]
      : []),
    '',
    accountSentence(account, lines, byPage),
  ];
}

/** Runs of consecutive unplaced lines, each a passage of the pack as printed. */
export function unplacedPassages(account: LineAccount, lines: readonly AccountLine[]): AccountLine[][] {
  const wanted = new Set(account.unplaced);
  const passages: AccountLine[][] = [];
  let current: AccountLine[] = [];
  for (const line of lines) {
    if (wanted.has(line.line)) current.push(line);
    else if (current.length > 0) {
      passages.push(current);
      current = [];
    }
  }
  if (current.length > 0) passages.push(current);
  return passages;
}
