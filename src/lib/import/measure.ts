/**
 * How close an import comes to the hand-published archive: agenda items, action rows, papers matched to the
 * right item, word-level F1 of each paper's text, and tables recovered with their rows and columns.
 */
import { normaliseAgendaNumber } from '#lib/model/agenda.ts';
import { parseFrontmatterFile, parseYamlFile } from '#lib/text/frontmatter.ts';
import { parseMarkdown, type MdastNode } from '#lib/text/plain-text.ts';
import { plainTextOfMdx, wordF1 } from './compare.ts';

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
