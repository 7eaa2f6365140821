/**
 * A corpus of packs the importer has never seen, printed from the papers, minutes and action log that content/
 * publishes: the parts in other orders, the action log after the agenda, as a paper of its own and inside the
 * minutes, each kind of header block, with and without "Agenda Item" lines, footnotes, running headers, a
 * printed risk matrix. What each pack holds is known by construction (see print-pack.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';
import type { ActionLogSpec, ActionRowSpec, Block, HeaderKind, LogColumn, PackSpec, PaperSpec } from './print-pack.ts';

/** A published document's frontmatter and Markdown text. */
function readDocument(contentDir: string, path: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(join(contentDir, path), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  return match ? { data: (parseYaml(match[1]!) as Record<string, unknown>) ?? {}, body: match[2]! } : { data: {}, body: text };
}

/** A published text as the blocks a pack prints: headings, paragraphs, lists, tables, footnotes after their paragraph. */
export function blocksOf(markdown: string): Block[] {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const footnotes = new Map<string, string>();
  for (const node of tree.children) if (node.type === 'footnoteDefinition') footnotes.set(node.identifier, toString(node));
  const blocks: Block[] = [];
  let footnoteNumber = 0;
  const printed = (node: RootContent): string => toString(node).replace(/\s+/g, ' ').trim();
  const notesIn = (node: RootContent) => {
    const found: Block[] = [];
    const visit = (each: { type: string; identifier?: string; children?: unknown[] }) => {
      if (each.type === 'footnoteReference' && footnotes.has(each.identifier!)) found.push({ kind: 'footnote', number: ++footnoteNumber, text: footnotes.get(each.identifier!)! });
      for (const child of (each.children ?? []) as (typeof each)[]) visit(child);
    };
    visit(node as never);
    return found;
  };
  for (const node of tree.children) {
    if (node.type === 'heading') blocks.push({ kind: 'heading', text: printed(node) });
    else if (node.type === 'paragraph' && printed(node)) blocks.push({ kind: 'paragraph', text: printed(node) }, ...notesIn(node));
    else if (node.type === 'list') blocks.push({ kind: 'list', items: node.children.map(printed) }, ...notesIn(node));
    else if (node.type === 'table') blocks.push({ kind: 'table', rows: node.children.map((row) => row.children.map((cell) => printed(cell as RootContent) || '–')) });
    // html (the publisher's <EditorialNote>s), footnote definitions (printed at their reference) are not printed here
  }
  return blocks.filter((block) => block.kind !== 'paragraph' || !/^<\/?EditorialNote/.test(block.text));
}

export function paperFrom(contentDir: string, path: string, header: HeaderKind, agendaItemLine: boolean, item: string): PaperSpec {
  const { data, body } = readDocument(contentDir, path);
  return {
    kind: 'paper',
    item,
    title: String(data.title),
    from: typeof data.from === 'string' ? data.from : 'Chief Constable',
    date: typeof data.date === 'string' ? data.date : data.date instanceof Date ? data.date.toISOString().slice(0, 10) : '2019-06-11',
    marking: typeof data.marking === 'string' ? data.marking : undefined,
    header,
    agendaItemLine,
    blocks: blocksOf(body),
  };
}

const printedDate = (iso: unknown) => {
  const text = iso instanceof Date ? iso.toISOString().slice(0, 10) : String(iso ?? '');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
};

/** The published action log of a meeting, as rows a pack prints. */
export function actionRowsFrom(contentDir: string, path: string): { title: string; rows: ActionRowSpec[] } {
  const log = parseYaml(readFileSync(join(contentDir, path), 'utf8')) as { title: string; actions: Record<string, unknown>[] };
  return {
    title: log.title,
    rows: log.actions.map((row) => ({
      number: String(row.number),
      raised: printedDate(row.raised),
      item: row.item === undefined ? undefined : String(row.item),
      action: String(row.action),
      owner: String(row.owner ?? 'OPCC'),
      target: printedDate(row.target) || printedDate(row.raised),
      status: String(row.status ?? 'Open'),
      update: row.update === undefined ? undefined : String(row.update),
    })),
  };
}

/** A printed risk matrix: its scales and the "L I R" column labels, which are labels, never headings. */
const RISK_MATRIX: Block = {
  kind: 'matrix',
  labels: ['Risk matrix', '1. Insignificant', '2. Minor', '3. Moderate', '4. Major', '5. Catastrophic', 'L I R L I R', 'L I R L I R', '1. Rare', '2. Unlikely', '3. Possible', '4. Likely', '5. Almost certain'],
};

const PAPERS_2019 = ['05-force-management-statement', '06-medium-term-financial-strategy', '07-annual-governance-statement', '08-0-offenders-opcc-partnership-support', '09-serious-violence-strategy', '10-annual-report'].map((name) => `meetings/bcb/2019-06-11/${name}.mdx`);
const PAPERS_2018 = ['04-civil-parking-enforcement', '05-performance-update', '07-road-safety', '08-custody-hmicfrs-recommendations', '09-citizens-in-policing', '11-stalking-and-harassment'].map((name) => `meetings/bcb/2018-05-10/${name}.mdx`);
const PAPERS_2017 = ['05-review-of-complaints', '06-fire-governance-update', '10-media-protocol'].map((name) => `meetings/pcp/2017-11-15/${name}.mdx`);

export interface CorpusPack {
  name: string;
  /** what makes it a different pack */
  about: string;
  spec: PackSpec;
}

interface Variant {
  name: string;
  about: string;
  papers: string[];
  headers: HeaderKind[];
  agendaItemLines: boolean;
  log?: ActionLogSpec['place'];
  columns?: LogColumn[];
  minutes?: string;
  pageLength: number;
  runningHeader: boolean;
  matrix?: boolean;
}

const ALL_COLUMNS: LogColumn[] = ['number', 'raised', 'item', 'action', 'owner', 'target', 'status', 'update'];

const VARIANTS: Variant[] = [
  { name: 'log-after-agenda', about: 'the action log straight after the agenda; To/From/Date blocks; running headers', papers: PAPERS_2019, headers: ['to-from-date'], agendaItemLines: true, log: 'after-agenda', pageLength: 45, runningHeader: true },
  { name: 'log-own-paper', about: 'the action log as a paper of its own, columns in another order; papers in reverse order', papers: [...PAPERS_2019].reverse(), headers: ['to-from-date'], agendaItemLines: true, log: 'own-paper', columns: ['number', 'action', 'owner', 'status', 'raised', 'target', 'update', 'item'], pageLength: 45, runningHeader: false },
  { name: 'log-in-minutes', about: 'the action log printed inside the minutes of the last meeting; "Report of …" blocks', papers: PAPERS_2018.slice(0, 3), headers: ['report-of'], agendaItemLines: false, log: 'in-minutes', minutes: 'meetings/bcb/2018-04-12/minutes.mdx', pageLength: 40, runningHeader: true },
  { name: 'front-sheets', about: 'each paper under a front sheet of its own, no Agenda Item lines', papers: PAPERS_2018, headers: ['front-sheet'], agendaItemLines: false, pageLength: 50, runningHeader: true },
  { name: 'agenda-item-lines', about: 'papers that start at an "Agenda Item" line alone', papers: PAPERS_2017, headers: ['agenda-item'], agendaItemLines: true, pageLength: 45, runningHeader: false },
  { name: 'mixed-headers', about: 'every kind of header block in one pack, page breaks mid-paragraph', papers: [...PAPERS_2019.slice(0, 2), ...PAPERS_2018.slice(3)], headers: ['to-from-date', 'report-of', 'front-sheet', 'agenda-item'], agendaItemLines: false, pageLength: 23, runningHeader: true },
  { name: 'risk-matrix', about: 'a paper printing a risk matrix (its scales and "L I R" labels)', papers: PAPERS_2017, headers: ['to-from-date'], agendaItemLines: true, pageLength: 45, runningHeader: true, matrix: true },
  { name: 'footnotes', about: 'the performance update with its footnotes, printed after their paragraphs', papers: [PAPERS_2018[1]!, PAPERS_2018[2]!], headers: ['to-from-date'], agendaItemLines: false, pageLength: 45, runningHeader: true },
  { name: 'no-pages', about: 'no page breaks at all, the log after the agenda with a subset of columns', papers: PAPERS_2017, headers: ['report-of'], agendaItemLines: true, log: 'after-agenda', columns: ['number', 'raised', 'action', 'owner', 'status'], pageLength: 0, runningHeader: false },
  { name: 'minutes-first', about: 'the minutes of the last meeting before the papers, the log as its own paper last', papers: PAPERS_2019.slice(3), headers: ['front-sheet'], agendaItemLines: true, log: 'own-paper', minutes: 'meetings/pcp/2017-09-06/minutes.mdx', pageLength: 45, runningHeader: true },
  { name: 'short-pages', about: 'pages of 15 lines, a running header on each', papers: PAPERS_2018.slice(2, 5), headers: ['to-from-date', 'front-sheet'], agendaItemLines: true, pageLength: 15, runningHeader: true },
  { name: 'shuffled', about: 'papers of three meetings shuffled, "Report of …" and Agenda Item blocks', papers: [PAPERS_2018[4]!, PAPERS_2017[2]!, PAPERS_2019[4]!, PAPERS_2018[0]!, PAPERS_2017[0]!], headers: ['report-of', 'agenda-item'], agendaItemLines: false, log: 'after-agenda', columns: ['item', 'number', 'raised', 'action', 'target', 'owner', 'update', 'status'], pageLength: 45, runningHeader: false },
];

/** The packs of the corpus, printed from `contentDir` (content/). */
export function corpusPacks(contentDir: string): CorpusPack[] {
  const log = actionRowsFrom(contentDir, 'meetings/bcb/2019-06-11/action-log.yaml');
  return VARIANTS.map((variant) => {
    const agenda: PackSpec['agenda'] = [
      { number: '1', title: 'Apologies for absence' },
      { number: '2', title: 'Declarations of interest' },
    ];
    const documents: PackSpec['documents'] = [];
    if (variant.minutes) {
      agenda.push({ number: '3', title: 'Minutes of the last meeting' });
      const { body } = readDocument(contentDir, variant.minutes);
      documents.push({ kind: 'minutes', of: '2029-12-10', blocks: blocksOf(body) });
    }
    let logSpec: ActionLogSpec | undefined;
    if (variant.log) {
      agenda.push({ number: String(agenda.length + 1), title: 'Action Log' });
      logSpec = { kind: 'action-log', place: variant.log, item: `${agenda.length}.0`, title: 'Action Log', columns: variant.columns ?? ALL_COLUMNS, rows: log.rows };
      if (variant.log === 'after-agenda') documents.unshift(logSpec);
      if (variant.log === 'in-minutes') documents.push(logSpec);
    }
    variant.papers.forEach((path, index) => {
      agenda.push({ number: String(agenda.length + 1), title: '', presenter: undefined });
      const item = `${agenda.length}.0`;
      const paper = paperFrom(contentDir, path, variant.headers[index % variant.headers.length]!, variant.agendaItemLines, item);
      if (variant.matrix && index === 0) paper.blocks.splice(Math.min(3, paper.blocks.length), 0, RISK_MATRIX);
      agenda[agenda.length - 1] = { number: String(agenda.length), title: paper.title, presenter: `Report from ${paper.from}` };
      documents.push(paper);
    });
    if (logSpec && variant.log === 'own-paper') documents.push(logSpec);
    return {
      name: variant.name,
      about: variant.about,
      spec: { bodyName: 'Business Coordination Board', date: '2030-01-10', time: '10:00', venue: 'Conference Room 1, Headquarters', agenda, documents, pageLength: variant.pageLength, runningHeader: variant.runningHeader },
    };
  });
}
