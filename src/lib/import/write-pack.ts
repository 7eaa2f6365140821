/**
 * An imported pack as the files of a meeting: index.mdx, one .mdx for each paper, the minutes of an earlier
 * meeting in that meeting's folder, action-log.yaml and the import report. Every file is a draft.
 *
 * The text is serialised from its Markdown tree by remark-stringify with remark-gfm, and every "{", "}" and
 * "<" of the imported words is escaped, so that nothing imported can become an MDX expression, a tag or an
 * import: the check compiles the result with the same safe-content rules as every other file.
 */
import type { Nodes, Paragraph, Root } from 'mdast';
import type { Handle, Unsafe } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as toYaml } from 'yaml';
import { findAgendaItem, normaliseAgendaNumber } from '../agenda.ts';
import { isCalendarDate } from '../dates.ts';
import { IMPORT_CHECK_NOTE, paperFileName } from '../scaffold.ts';
import type { Body } from '../schema.ts';
import type { ImportedAgendaItem, ImportedDocument, ImportedPack, ImportNote } from './model.ts';

export interface PackTarget {
  /** the body's id, such as "bcb" */
  body: string;
  /** the meeting's date, YYYY-MM-DD */
  date: string;
  /** the name of the file imported, for the report and the meeting's provenance */
  sourceName: string;
  /** the original PDF or Word file, kept beside the meeting under this name and listed in its attachments */
  original?: string;
}

/** A file to write, by its path under content/. */
export interface FileToWrite {
  path: string;
  text: string;
}

/**
 * MDX reads these as code or markup: "{", "}" and "<" anywhere in text, and "import" or "export" at the start
 * of a line. Each is escaped by the serialiser (a letter as a character reference, such as "&#x69;mport").
 */
const MDX_SYNTAX: Unsafe[] = [{ character: '{' }, { character: '}' }, { character: '<' }, { character: 'i', after: 'mport\\b', atBreak: true }, { character: 'e', after: 'xport\\b', atBreak: true }];

/**
 * "\<", "\{" and "\}" as character references: a web address in text runs on over a backslash (GFM's
 * literal autolinks), which would leave the "<" after it unescaped; "&#x3C;" cannot be swallowed so.
 */
const CHARACTER_REFERENCE: Record<string, string> = { '<': '&#x3C;', '{': '&#x7B;', '}': '&#x7D;' };
const asCharacterReferences = (markdown: string) =>
  markdown.replace(/(?<!\\)((?:\\\\)*)\\([<{}])/g, (_match, backslashes: string, character: string) => `${backslashes}${CHARACTER_REFERENCE[character]}`);

/** `<EditorialNote>` on one line, holding its paragraph's text, escaped like any other text. */
const editorialNote: Handle = (node: { children: Paragraph[] }, _parent, state, info) => {
  const text = node.children.map((paragraph) => state.containerPhrasing(paragraph, info)).join(' ');
  return `<EditorialNote>${text}</EditorialNote>`;
};

/** Raw HTML and images are not in the site's safe subset: their text is written as text. */
const asText: Handle = (node: { value?: string; alt?: string | null }, _parent, state, info) => state.safe(node.value ?? node.alt ?? '', info);

const markdown = unified()
  .use(remarkGfm)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fences: true,
    rule: '-',
    // never "<https://…>": MDX reads an autolink as a tag
    resourceLink: true,
    unsafe: MDX_SYNTAX,
    handlers: { mdxJsxFlowElement: editorialNote, html: asText, image: asText },
  });

/** The Markdown of a document's text. */
export function markdownOf(body: Root): string {
  return asCharacterReferences(markdown.stringify(body as Nodes as Root));
}

/** YAML frontmatter with the fields in the order given, undefined and empty lists left out. */
function frontmatter(fields: Record<string, unknown>, comment: string): string {
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
  const yaml = toYaml(present, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n# ${comment}\n${yaml}---\n`;
}

function agendaForYaml(items: readonly (ImportedAgendaItem & { paperNotInArchive?: boolean })[]): unknown[] {
  return items.map((item) => ({
    number: item.number,
    title: item.title,
    kind: item.kind,
    presenter: item.presenter,
    minutesOf: item.minutesOf,
    paperNotInArchive: item.paperNotInArchive,
    items: item.items && item.items.length > 0 ? agendaForYaml(item.items) : undefined,
  }));
}

/**
 * Makes the agenda and the papers agree, as the check requires, saying each change in the report:
 * - a pack with no agenda gets one rebuilt from the item numbers its papers print, with a note that says so;
 * - a paper printing an item the agenda does not have keeps its text but not the item;
 * - a paper item no paper in the pack was matched to is marked as a paper not in the archive.
 */
/** An agenda item with its sub-items always listed, as the agenda functions read it. */
type AgendaTree = Omit<ImportedAgendaItem, 'items'> & { items: AgendaTree[]; paperNotInArchive?: boolean };

export function reconcileAgenda(imported: ImportedPack): { pack: ImportedPack; agendaNote?: string; notes: ImportNote[] } {
  const withSubItems = (items: readonly ImportedAgendaItem[]): AgendaTree[] => items.map((item) => ({ ...item, items: withSubItems(item.items ?? []) }));
  const pack = { ...imported, agenda: withSubItems(imported.agenda) };
  const notes: ImportNote[] = [];
  const numbered = pack.documents.filter((document) => document.kind === 'paper' && document.item !== undefined);
  if (pack.agenda.length === 0 && numbered.length > 0) {
    const agenda: AgendaTree[] = [];
    for (const document of numbered) {
      if (findAgendaItem(agenda, document.item!)) continue;
      agenda.push({ number: document.item!, title: document.title.trim() || TITLE_NOT_FOUND, kind: 'paper', items: [] });
    }
    notes.push({ document: 'meeting', kind: 'uncertain', message: `The pack has no agenda; ${agenda.length} items were rebuilt from the item numbers the papers print. Check them against the published agenda.` });
    return { pack: { ...pack, agenda }, agendaNote: 'The agenda is not in the pack; its items are those the papers print.', notes };
  }
  const documents = pack.documents.map((document) => {
    if (document.kind !== 'paper' || document.item === undefined || findAgendaItem(pack.agenda, document.item)) return document;
    notes.push({ document: document.title, sourceLine: document.sourceLines[0], kind: 'uncertain', message: `prints agenda item ${document.item}, which the agenda does not have; it is written without an item. Give it the right item, or leave it as a paper of the meeting.` });
    return { ...document, item: undefined };
  });
  const matched = new Set(documents.flatMap((document) => (document.item === undefined ? [] : [findAgendaItem(pack.agenda, document.item)])));
  const markUnmatched = (items: readonly AgendaTree[]): AgendaTree[] =>
    items.map((item) => {
      const children = markUnmatched(item.items);
      if (item.kind !== 'paper' || matched.has(item) || children.length > 0) return { ...item, items: children };
      notes.push({ document: 'meeting', kind: 'missing', message: `agenda item ${item.number}, “${item.title}”: no paper in the pack was matched to it, so it is marked paperNotInArchive. Add its paper, or mark it verbal.` });
      return { ...item, items: children, paperNotInArchive: true };
    });
  return { pack: { ...pack, documents, agenda: markUnmatched(pack.agenda) }, notes };
}

/** A short title for a file name: the first five words of the title. */
const shortTitle = (title: string) => title.split(/\s+/).slice(0, 5).join(' ');

/** What a paper's title says when the pack gives none: never a title made up. */
export const TITLE_NOT_FOUND = 'Title not found in the pack';

/** A paper as written: its file name, and its own address when an earlier paper of the meeting has its item. */
interface PlannedPaper {
  document: ImportedDocument;
  file: string;
  address?: string;
}

/** File names and addresses for the papers of one meeting: two papers under one item cannot share an address. */
function planPapers(documents: readonly ImportedDocument[]): PlannedPaper[] {
  const files = new Set<string>(['index.mdx', 'minutes.mdx']);
  const items = new Set<string>();
  return documents.map((document, index) => {
    const item = document.item ?? String(90 + index);
    let file = paperFileName(item, shortTitle(document.title));
    for (let copy = 2; files.has(file); copy++) file = file.replace(/(-\d+)?\.mdx$/, `-${copy}.mdx`);
    files.add(file);
    if (document.item === undefined) return { document, file };
    const number = normaliseAgendaNumber(document.item);
    const address = items.has(number) ? file.replace(/\.mdx$/, '').replace(/^0+/, '') : undefined;
    items.add(number);
    return { document, file, address };
  });
}

/**
 * A document's text with the importer's doubts about it at the top, in an `<EditorialNote>` that the
 * preview shows and the check refuses to publish: every uncertain, missing or placed note from its lines.
 */
function withImportChecks(document: ImportedDocument, notes: readonly ImportNote[]): Root {
  const [first, last] = document.sourceLines;
  const doubts = notes.filter((note) => note.kind !== 'removed' && note.sourceLine !== undefined && note.sourceLine >= first && note.sourceLine <= last);
  if (doubts.length === 0) return document.body;
  const text = `${IMPORT_CHECK_NOTE} ${doubts.map((note) => note.message.trim().replace(/([^.!?])$/, '$1.')).join(' ')} (See import-report.md; delete this note when done.)`;
  const note = { type: 'mdxJsxFlowElement', name: 'EditorialNote', attributes: [], children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
  return { ...document.body, children: [note as unknown as Root['children'][number], ...document.body.children] };
}

function paperText({ document, address }: PlannedPaper, target: PackTarget, notes: readonly ImportNote[]): string {
  const head = frontmatter(
    {
      title: document.title.trim() || TITLE_NOT_FOUND,
      item: document.item,
      address,
      to: document.to,
      from: document.from,
      date: document.date,
      marking: document.marking,
      recommendations: document.recommendations,
      appendices: document.appendices.map(({ title, included, note }) => ({ title, included: included ? undefined : false, note })),
      contacts: document.contacts,
      sources: document.sources,
      draft: true,
    },
    `Imported from ${target.sourceName}: a draft until it has been checked against the pack. Then delete "draft: true".`,
  );
  return `${head}\n${markdownOf(withImportChecks(document, notes))}`;
}

function minutesText(document: ImportedDocument, target: PackTarget, notes: readonly ImportNote[]): string {
  const head = frontmatter({ title: document.title, status: 'draft', draft: true }, `Imported from ${target.sourceName}: a draft until it has been checked against the pack. Then delete "draft: true".`);
  return `${head}\n${markdownOf(withImportChecks(document, notes))}`;
}

function meetingText(pack: ImportedPack, target: PackTarget, agendaNote: string | undefined): string {
  const attachments = target.original ? [{ file: target.original, title: 'The pack as published' }] : [];
  return frontmatter(
    { time: pack.time, venue: pack.venue, agendaNote, agenda: agendaForYaml(pack.agenda), attachments, draft: true },
    `Imported from ${target.sourceName}: a draft until it has been checked against the pack. Then delete "draft: true".`,
  );
}

/** The import report, for the person who checks the drafts: what was written, and what needs a look. */
export function importReport(pack: ImportedPack, target: PackTarget, written: readonly FileToWrite[], notes: readonly ImportNote[] = pack.notes): string {
  const lines = [
    `# Import of ${target.sourceName}`,
    '',
    `Meeting: ${target.body}, ${target.date}. Every file is a draft ("draft: true"): check each against the pack, then delete that line.`,
    '',
    '## Files written',
    '',
    ...written.map((file) => `- content/${file.path}`),
    '',
    '## To look at',
    '',
  ];
  if (notes.length === 0) lines.push('Nothing was marked for a look; check the drafts against the pack all the same.');
  for (const note of notes) lines.push(`- ${note.document}${note.sourceLine ? `, line ${note.sourceLine} of the source` : ''} (${note.kind}): ${note.message}`);
  return `${lines.join('\n')}\n`;
}

/** The meeting whose minutes the pack holds, when the archive does not have it yet: known from its minutes. */
function earlierMeetingText(target: PackTarget): string {
  return frontmatter(
    { provenance: `Known from its minutes, presented for approval at the meeting of ${target.date}.`, draft: true },
    `Imported from ${target.sourceName}: add its agenda when you have it.`,
  );
}

/** A meeting of another body whose papers the pack prints again, such as a board's papers behind a decision. */
function otherMeetingText(target: PackTarget, agendaNote: string | undefined, agenda: readonly ImportedAgendaItem[]): string {
  return frontmatter(
    { provenance: `Known from its papers, printed again in the pack of the meeting of ${target.date}.`, agendaNote, agenda: agendaForYaml(agenda), draft: true },
    `Imported from ${target.sourceName}: add its time, venue and agenda when you have them.`,
  );
}

/** A body the pack names ("Business Co-ordination Board"), by its name, short name or aliases. */
export function findBody(printedName: string | undefined, bodies: readonly Body[]): Body | undefined {
  if (!printedName) return undefined;
  const comparable = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const wanted = comparable(printedName);
  return bodies.find((body) => [body.name, body.shortName, ...body.aliases].some((name) => name !== undefined && comparable(name) === wanted));
}

/** The meeting a paper belongs to: the pack's own, or another body's when the paper is addressed and dated to it. */
function meetingOf(document: ImportedDocument, target: PackTarget, bodies: readonly Body[]): string {
  const body = findBody(document.to, bodies);
  if (document.kind === 'paper' && body && body.id !== target.body && document.date && isCalendarDate(document.date) && document.date !== target.date) return `${body.id}/${document.date}`;
  return `${target.body}/${target.date}`;
}

/**
 * The files of an imported pack, by their paths under content/. `exists` says whether a path under
 * content/ is already there: a meeting named by minutes or papers in the pack gets an index.mdx only when
 * it has none. `bodies` lets a paper addressed to another body go to that body's meeting.
 */
export function packFiles(imported: ImportedPack, target: PackTarget, exists: (path: string) => boolean = () => false, bodies: readonly Body[] = []): { files: FileToWrite[]; notes: ImportNote[] } {
  const own = `${target.body}/${target.date}`;
  const elsewhere = new Map<string, ImportedDocument[]>();
  const ownDocuments: ImportedDocument[] = [];
  for (const document of imported.documents) {
    const meeting = meetingOf(document, target, bodies);
    if (meeting === own) ownDocuments.push(document);
    else elsewhere.set(meeting, [...(elsewhere.get(meeting) ?? []), document]);
  }
  const { pack, agendaNote, notes } = reconcileAgenda({ ...imported, documents: ownDocuments });
  const folder = `meetings/${own}`;
  const files: FileToWrite[] = [{ path: `${folder}/index.mdx`, text: meetingText(pack, target, agendaNote) }];
  const untitled = (document: ImportedDocument) => {
    if (!document.title.trim()) notes.push({ document: `the paper at line ${document.sourceLines[0]}`, sourceLine: document.sourceLines[0], kind: 'missing', message: `no title was found; it is written as “${TITLE_NOT_FOUND}”: give it the title the paper prints.` });
  };
  // minutes go to the meeting they record, named by a real date only: a folder is never made from other text
  const recordsEarlier = (document: ImportedDocument) => document.kind === 'minutes' && document.minutesOf !== undefined && isCalendarDate(document.minutesOf) && document.minutesOf < target.date;
  const recordsThisMeeting = (document: ImportedDocument) => document.kind === 'minutes' && document.minutesOf === target.date;
  const papers = pack.documents.filter((document) => !recordsEarlier(document) && !recordsThisMeeting(document));
  for (const document of papers.filter((each) => each.kind === 'minutes')) {
    notes.push({ document: document.title || 'minutes', sourceLine: document.sourceLines[0], kind: 'uncertain', message: 'These minutes name no date of an earlier meeting that could be read, so they are written as a paper of this meeting: move them to minutes.mdx in the folder of the meeting they record.' });
  }
  for (const document of pack.documents.filter(recordsThisMeeting)) files.push({ path: `${folder}/minutes.mdx`, text: minutesText(document, target, [...imported.notes, ...notes]) });
  for (const planned of planPapers(papers)) {
    untitled(planned.document);
    files.push({ path: `${folder}/${planned.file}`, text: paperText(planned, target, [...imported.notes, ...notes]) });
  }
  for (const document of pack.documents.filter(recordsEarlier)) {
    const earlier = `meetings/${target.body}/${document.minutesOf}`;
    if (!exists(`${earlier}/index.mdx`)) files.push({ path: `${earlier}/index.mdx`, text: earlierMeetingText(target) });
    files.push({ path: `${earlier}/minutes.mdx`, text: minutesText(document, target, [...imported.notes, ...notes]) });
  }
  if (pack.actionLog && pack.actionLog.rows.length > 0) {
    files.push({ path: `${folder}/action-log.yaml`, text: `# Imported from ${target.sourceName}: check each row against the pack.\n${toYaml({ title: pack.actionLog.title, actions: pack.actionLog.rows }, { lineWidth: 0 })}` });
  }
  for (const [meeting, documents] of elsewhere) {
    const other = reconcileAgenda({ agenda: [], documents, notes: [] });
    notes.push(...other.notes.map((note) => ({ ...note, document: note.document === 'meeting' ? `the meeting ${meeting}` : note.document })));
    notes.push({ document: `the meeting ${meeting}`, kind: 'placed', message: `${documents.length} paper${documents.length === 1 ? ' is' : 's are'} addressed and dated to this meeting, so ${documents.length === 1 ? 'it is' : 'they are'} written in its folder.` });
    if (!exists(`meetings/${meeting}/index.mdx`)) files.push({ path: `meetings/${meeting}/index.mdx`, text: otherMeetingText(target, other.agendaNote, other.pack.agenda) });
    for (const planned of planPapers(other.pack.documents)) {
      untitled(planned.document);
      files.push({ path: `meetings/${meeting}/${planned.file}`, text: paperText(planned, target, [...imported.notes, ...notes]) });
    }
  }
  return { files, notes };
}
