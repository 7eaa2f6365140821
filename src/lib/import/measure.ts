/**
 * How close an import comes to the hand-published archive: agenda items, action rows, papers matched to the
 * right item, word-level F1 of each paper's text, and tables recovered with their rows and columns.
 */
import { normaliseAgendaNumber } from '#lib/model/agenda.ts';
import { parseFrontmatterFile, parseYamlFile } from '#lib/text/frontmatter.ts';
import { parseMarkdown, plainText, type MdastNode } from '#lib/text/plain-text.ts';
import { plainTextOfMdx, wordF1, wordOverlap, wordsOf } from './compare.ts';

/** A content file by its path under content/. */
export type ReadFile = (path: string) => string | undefined;

export interface PaperMeasure {
  /** the published paper, under content/ */
  published: string;
  item?: string;
  /** the imported paper it was compared with */
  imported?: string;
  /** whether the import put it under the same agenda item */
  matched: boolean;
  f1: number;
  tables: { published: number; recovered: number };
}

export interface PackMeasure {
  meeting: string;
  agenda: { published: number; recovered: number };
  actions: { published: number; recovered: number };
  papers: PaperMeasure[];
  /** imported papers that match no published paper */
  unplaced: number;
}

/** Titles count as the same when their words agree this much. */
const SAME_TITLE = 0.8;

/** A document's frontmatter and text, split as the check splits them; nothing for a file that is not there. */
function splitFile(text: string): { data: Record<string, unknown>; body: string } {
  if (text === '') return { data: {}, body: '' };
  const { data, body } = parseFrontmatterFile(text);
  return { data: (data as Record<string, unknown> | null) ?? {}, body };
}

interface AgendaEntry {
  number: string;
  title: string;
  items?: AgendaEntry[];
}

const flatten = (items: readonly AgendaEntry[] = []): AgendaEntry[] => items.flatMap((item) => [item, ...flatten(item.items)]);

/** "rows x columns" of each table of a text, as the site parses it; none inside a publisher's note. */
function tableShapes(markdown: string): string[] {
  const shapes: string[] = [];
  const visit = (node: MdastNode) => {
    if (node.type === 'mdxJsxFlowElement' && node.name === 'EditorialNote') return;
    if (node.type === 'table') shapes.push(`${node.children?.length ?? 0}x${node.children?.[0]?.children?.length ?? 0}`);
    for (const child of node.children ?? []) visit(child);
  };
  visit(parseMarkdown(markdown));
  return shapes;
}

/** Published tables for which the import holds a table of the same rows and columns. */
function tablesRecovered(published: string[], imported: string[]): number {
  const left = [...imported];
  return published.filter((shape) => {
    const at = left.indexOf(shape);
    if (at < 0) return false;
    left.splice(at, 1);
    return true;
  }).length;
}

/** The word F1 of a paper's text, and its tables, against the published paper. */
export function measurePaper(publishedText: string, importedText: string | undefined): { f1: number; tables: PaperMeasure['tables'] } {
  const shapes = tableShapes(splitFile(publishedText).body);
  if (importedText === undefined) return { f1: 0, tables: { published: shapes.length, recovered: 0 } };
  return {
    f1: wordF1(plainTextOfMdx(publishedText), plainTextOfMdx(importedText)),
    tables: { published: shapes.length, recovered: tablesRecovered(shapes, tableShapes(splitFile(importedText).body)) },
  };
}

/**
 * Compares the files an import would write for one meeting with the files content/ holds for it.
 * `publishedPapers` are the paths of the meeting's published papers under content/.
 */
export function measurePack(meetingFolder: string, imported: ReadFile, importedPapers: readonly string[], published: ReadFile, publishedPapers: readonly string[]): PackMeasure {
  const publishedMeeting = splitFile(published(`${meetingFolder}/index.mdx`) ?? '').data;
  const importedMeeting = splitFile(imported(`${meetingFolder}/index.mdx`) ?? '').data;
  const publishedAgenda = flatten(publishedMeeting.agenda as AgendaEntry[]);
  const importedAgenda = flatten(importedMeeting.agenda as AgendaEntry[]);
  const agendaRecovered = publishedAgenda.filter((item) =>
    importedAgenda.some((candidate) => normaliseAgendaNumber(String(candidate.number)) === normaliseAgendaNumber(String(item.number)) && wordF1(item.title, candidate.title) >= SAME_TITLE),
  ).length;

  type Row = { number: string; raised: string; action: string };
  const rowsOf = (text: string | undefined) => ((text ? (parseYamlFile(text).data as { actions?: Row[] }) : undefined)?.actions ?? []) as Row[];
  const publishedRows = rowsOf(published(`${meetingFolder}/action-log.yaml`));
  const importedRows = rowsOf(imported(`${meetingFolder}/action-log.yaml`));
  const actionsRecovered = publishedRows.filter((row) =>
    importedRows.some((candidate) => String(candidate.number) === String(row.number) && String(candidate.raised) === String(row.raised) && wordF1(row.action, candidate.action) >= SAME_TITLE),
  ).length;

  const itemOf = (text: string | undefined) => {
    const item = splitFile(text ?? '').data.item;
    return item === undefined ? undefined : normaliseAgendaNumber(String(item));
  };
  const unclaimed = new Set(importedPapers);
  const papers = publishedPapers.map((path): PaperMeasure => {
    const text = published(path)!;
    const item = itemOf(text);
    const byItem = item === undefined ? undefined : [...unclaimed].find((candidate) => itemOf(imported(candidate)) === item);
    // a paper the import did not place under its item is compared with the unclaimed paper whose words agree most
    const chosen = byItem ?? [...unclaimed].map((candidate) => ({ candidate, f1: measurePaper(text, imported(candidate)).f1 })).sort((a, b) => b.f1 - a.f1)[0]?.candidate;
    if (chosen !== undefined) unclaimed.delete(chosen);
    const measured = measurePaper(text, chosen === undefined ? undefined : imported(chosen));
    // matched: under the same item as published, or under none where the published paper has none
    const matched = chosen !== undefined && itemOf(imported(chosen)) === item;
    return { published: path, item, imported: chosen, matched, ...measured };
  });
  return {
    meeting: meetingFolder,
    agenda: { published: publishedAgenda.length, recovered: agendaRecovered },
    actions: { published: publishedRows.length, recovered: actionsRecovered },
    papers,
    unplaced: unclaimed.size,
  };
}

/** A part of a generated pack, as it was printed: what an import of it should give back. */
export interface ExpectedPart {
  kind: 'meeting' | 'paper' | 'minutes' | 'action-log';
  item?: string;
  title?: string;
  headings: string[];
  tables: number;
  /** for an action log: the action of each row */
  actions?: string[];
}

export interface GeneratedMeasure {
  /** papers, minutes and action logs found where they belong */
  parts: { expected: number; placed: number };
  actionRows: { expected: number; found: number };
  /** word recall and precision counted word by word (multisets), over the drafts, the unplaced text aside */
  recall: number;
  precision: number;
  /** headings the drafts have that the pack does not print as headings */
  headingsMade: string[];
  /** tables the drafts have beyond those the pack prints */
  tablesMade: number;
}

const NOT_PRINTED = new Set(['note', 'dateNote', 'agendaNote', 'provenance', 'recommendations', 'appendices', 'attachments', 'kind', 'status']);

/** The words a reader of a draft sees: its frontmatter's texts and its body, publisher's notes aside. */
export function readableWords(path: string, text: string): string[] {
  // what the importer wrote about the text (a row's note), or drew from it again (a paper's recommendations), aside
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(strings)
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, each]) => (NOT_PRINTED.has(key) ? [] : strings(each)))
          : [];
  if (path.endsWith('.yaml')) return wordsOf(strings(parseYamlFile(text).data).join(' '));
  const { data, body } = splitFile(text);
  return wordsOf(`${strings(data).join(' ')} ${plainText(body, { footnotes: true })}`);
}

/** The headings and the number of tables of a draft's body, publisher's notes aside. */
function structureOf(text: string): { headings: string[]; tables: number } {
  const headings: string[] = [];
  let tables = 0;
  const visit = (node: MdastNode) => {
    if (node.type === 'mdxJsxFlowElement' && node.name === 'EditorialNote') return;
    if (node.type === 'heading') headings.push(wordsOf(textOf(node)).join(' '));
    if (node.type === 'table') tables += 1;
    for (const child of node.children ?? []) visit(child);
  };
  visit(parseMarkdown(splitFile(text).body));
  return { headings, tables };
}

const textOf = (node: MdastNode): string => `${node.value ?? ''}${(node.children ?? []).map(textOf).join('')}`;

/**
 * Compares the drafts of an import with the parts a generated pack printed: parts placed under their item,
 * action rows read, words kept (counted word by word), headings and tables made that the pack does not have.
 * `contentWords` are the words of the pack's text, furniture and field labels aside.
 */
export function measureGenerated(expected: readonly ExpectedPart[], contentWords: readonly string[], files: readonly { path: string; text: string }[]): GeneratedMeasure {
  const drafts = files.filter((file) => !file.path.endsWith('/unplaced-text.mdx'));
  const papers = drafts.filter((file) => file.path.endsWith('.mdx') && !/\/(index|minutes)\.mdx$/.test(file.path));
  const itemOf = (text: string) => {
    const item = splitFile(text).data.item;
    return item === undefined ? undefined : normaliseAgendaNumber(String(item));
  };
  const titleOf = (text: string) => String(splitFile(text).data.title ?? '');
  let placed = 0;
  const rows = { expected: 0, found: 0 };
  for (const part of expected) {
    if (part.kind === 'paper') {
      if (papers.some((file) => itemOf(file.text) === normaliseAgendaNumber(part.item ?? '') && wordF1(part.title ?? '', titleOf(file.text)) >= SAME_TITLE)) placed += 1;
    } else if (part.kind === 'minutes') {
      if (drafts.some((file) => file.path.endsWith('/minutes.mdx'))) placed += 1;
    } else if (part.kind === 'action-log') {
      const log = drafts.find((file) => file.path.endsWith('/action-log.yaml'));
      const written = ((log ? (parseYamlFile(log.text).data as { actions?: { action?: string }[] }) : undefined)?.actions ?? []).map((row) => String(row.action ?? ''));
      const left = [...written];
      const found = (part.actions ?? []).filter((action) => {
        const at = left.findIndex((candidate) => wordF1(action, candidate) >= SAME_TITLE);
        if (at >= 0) left.splice(at, 1);
        return at >= 0;
      }).length;
      rows.expected += part.actions?.length ?? 0;
      rows.found += found;
      if (found > 0) placed += 1;
    }
  }
  const { recall, precision } = wordOverlap(contentWords, drafts.flatMap((file) => readableWords(file.path, file.text)));
  const printedHeadings = new Set(expected.flatMap((part) => part.headings.map((heading) => wordsOf(heading).join(' '))));
  const structures = papers.concat(drafts.filter((file) => file.path.endsWith('/minutes.mdx'))).map((file) => structureOf(file.text));
  const made = structures.reduce((sum, each) => sum + each.tables, 0);
  const printedTables = expected.reduce((sum, part) => sum + part.tables, 0);
  return {
    parts: { expected: expected.filter((part) => part.kind !== 'meeting').length, placed },
    actionRows: rows,
    recall,
    precision,
    headingsMade: structures.flatMap((each) => each.headings).filter((heading) => !printedHeadings.has(heading)),
    tablesMade: Math.max(0, made - printedTables),
  };
}

/**
 * Over pairs of a published document and the draft an import made of it: word recall and precision counted
 * word by word (the published text's words found in the draft, the draft's words found in the published
 * text), and the headings and tables the drafts have that the published documents do not.
 */
export function measurePairs(pairs: readonly { published: string; imported?: string }[]): { recall: number; precision: number; headingsMade: string[]; tablesMade: number } {
  let [common, expected, got, tablesMade] = [0, 0, 0, 0];
  const headingsMade: string[] = [];
  for (const { published, imported } of pairs) {
    const want = wordsOf(plainTextOfMdx(published));
    const have = imported === undefined ? [] : wordsOf(plainTextOfMdx(imported));
    common += wordOverlap(want, have).common;
    expected += want.length;
    got += have.length;
    if (imported === undefined) continue;
    const [printed, made] = [structureOf(published), structureOf(imported)];
    const printedHeadings = new Set(printed.headings);
    headingsMade.push(...made.headings.filter((heading) => !printedHeadings.has(heading)));
    tablesMade += Math.max(0, made.tables - printed.tables);
  }
  return { recall: expected ? common / expected : 1, precision: got ? common / got : 1, headingsMade, tablesMade };
}
