/**
 * An imported pack as the files of a meeting: index.mdx, one .mdx for each paper, the minutes of an earlier
 * meeting in that meeting's folder, action-log.yaml and the import report. Every file is a draft.
 *
 * Every value is written by the serialisers of serialise.ts, and the check then judges the result with the
 * same safe-content rules as every other file.
 */
import { normaliseAgendaNumber } from '#lib/model/agenda.ts';
import { isCalendarDate } from '#lib/model/dates.ts';
import { paperFileName } from '#lib/authoring/scaffold.ts';
import { IMPORT_CHECK_NOTE } from '#lib/authoring/example-texts.ts';
import { actionLogSchema, meetingSchema, minutesSchema, paperSchema, type Body } from '#lib/model/schema.ts';
import type { Root } from 'mdast';
import { fitToSchema } from './fit-to-schema.ts';
import { frontmatter, markdownOf, yamlWithComment } from './serialise.ts';
import { reconcileAgenda, TITLE_NOT_FOUND } from './reconcile-agenda.ts';
import type { ImportedActionRow, ImportedAgendaItem, ImportedDocument, ImportedPack, ImportNote } from './model.ts';
import type { AccountLine, Placement } from './line-account.ts';

export interface PackTarget {
  /** the body's id, such as "board" */
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

const DRAFT_COMMENT = (target: PackTarget) => `Imported from ${target.sourceName}: a draft until it has been checked against the pack. Then delete "draft: true".`;

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


/** An action listed twice in one log (the same number raised on the same date) is written once. */
function uniqueActions(rows: readonly ImportedActionRow[], report: ImportNote[]): ImportedActionRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.number} ${row.raised}`;
    if (!seen.has(key)) return seen.add(key);
    report.push({ document: 'action log', kind: 'uncertain', message: `Action ${row.number} raised ${row.raised} is read twice; it is written once: check the log.` });
    return false;
  });
}

/** A short title for a file name: the first five words of the title. */
const shortTitle = (title: string) => title.split(/\s+/).slice(0, 5).join(' ');

/** What a paper's title says when the pack gives none: never a title made up. */

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

function paperText({ document, address }: PlannedPaper, target: PackTarget, meetingDate: string, packNotes: readonly ImportNote[], report: ImportNote[]): string {
  const name = document.title.trim() || TITLE_NOT_FOUND;
  // the check asks why a paper is dated after its meeting: the pack's own date is kept, and said to be as printed
  const datedAfter = document.date !== undefined && document.date > meetingDate;
  if (datedAfter) report.push({ document: name, sourceLine: document.sourceLines[0], kind: 'uncertain', message: `The paper is dated ${document.date}, after its meeting of ${meetingDate}; check the date against the pack.` });
  const head = frontmatter(
    {
      title: name,
      item: document.item,
      address,
      to: document.to,
      from: document.from,
      date: document.date,
      dateNote: datedAfter ? 'The paper is dated after its meeting, as printed.' : undefined,
      marking: document.marking,
      recommendations: document.recommendations,
      appendices: document.appendices.map(({ title, included, note }) => ({ title, included: included ? undefined : false, note })),
      contacts: document.contacts,
      sources: document.sources,
      draft: true,
    },
    DRAFT_COMMENT(target),
    { schema: paperSchema, document: name, report, sourceLine: document.sourceLines[0] },
  );
  return `${head}\n${markdownOf(withImportChecks(document, [...packNotes, ...report]))}`;
}

function minutesText(document: ImportedDocument, target: PackTarget, packNotes: readonly ImportNote[], report: ImportNote[]): string {
  const head = frontmatter({ title: document.title, status: 'draft', draft: true }, DRAFT_COMMENT(target), { schema: minutesSchema, document: document.title || 'minutes', report, sourceLine: document.sourceLines[0] });
  return `${head}\n${markdownOf(withImportChecks(document, [...packNotes, ...report]))}`;
}

function meetingText(pack: ImportedPack, target: PackTarget, agendaNote: string | undefined, report: ImportNote[]): string {
  const attachments = target.original ? [{ file: target.original, title: 'The pack as published' }] : [];
  return frontmatter({ time: pack.time, venue: pack.venue, agendaNote, agenda: agendaForYaml(pack.agenda), attachments, draft: true }, DRAFT_COMMENT(target), { schema: meetingSchema, document: 'meeting', report });
}

/** The import report, for the person who checks the drafts: what was written, and what needs a look. */
export function importReport(
  pack: ImportedPack,
  target: PackTarget,
  written: readonly FileToWrite[],
  notes: readonly ImportNote[] = pack.notes,
  /** where a line of the source is, in the pack's own terms: "page 12" of a PDF, "line 1203" of a text file */
  where: (line: number) => string = (line) => `line ${line} of the source`,
): string {
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
  for (const note of notes) lines.push(`- ${note.document}${note.sourceLine ? `, ${where(note.sourceLine)}` : ''} (${note.kind}): ${note.message}`);
  return `${lines.join('\n')}\n`;
}

/** The meeting whose minutes the pack holds, when the archive does not have it yet: known from its minutes. */
function earlierMeetingText(target: PackTarget, report: ImportNote[]): string {
  return frontmatter(
    { provenance: `Known from its minutes, presented for approval at the meeting of ${target.date}.`, draft: true },
    `Imported from ${target.sourceName}: add its agenda when you have it.`,
    { schema: meetingSchema, document: 'the meeting its minutes record', report },
  );
}

/** A meeting of another body whose papers the pack prints again, such as a board's papers behind a decision. */
function otherMeetingText(target: PackTarget, agendaNote: string | undefined, agenda: readonly ImportedAgendaItem[], report: ImportNote[]): string {
  return frontmatter(
    { provenance: `Known from its papers, printed again in the pack of the meeting of ${target.date}.`, agendaNote, agenda: agendaForYaml(agenda), draft: true },
    `Imported from ${target.sourceName}: add its time, venue and agenda when you have them.`,
    { schema: meetingSchema, document: 'another meeting', report },
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
export function packFiles(
  imported: ImportedPack,
  target: PackTarget,
  exists: (path: string) => boolean = () => false,
  bodies: readonly Body[] = [],
): { files: FileToWrite[]; notes: ImportNote[]; placements: Placement[] } {
  const own = `${target.body}/${target.date}`;
  const elsewhere = new Map<string, ImportedDocument[]>();
  const ownDocuments: ImportedDocument[] = [];
  for (const document of imported.documents) {
    const meeting = meetingOf(document, target, bodies);
    if (meeting === own) ownDocuments.push(document);
    else elsewhere.set(meeting, [...(elsewhere.get(meeting) ?? []), document]);
  }
  const { pack, agendaNote, notes } = reconcileAgenda({ ...imported, documents: ownDocuments }, target.date);
  const folder = `meetings/${own}`;
  const files: FileToWrite[] = [{ path: `${folder}/index.mdx`, text: meetingText(pack, target, agendaNote, notes) }];
  // the source lines each file was given, for the account of the pack's lines
  const placements: Placement[] = [{ path: `${folder}/index.mdx`, lines: imported.meetingLines ?? [] }];
  const placed = (document: ImportedDocument, path: string) => placements.push({ path, lines: document.lines ?? [] });
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
  for (const document of pack.documents.filter(recordsThisMeeting)) {
    files.push({ path: `${folder}/minutes.mdx`, text: minutesText(document, target, imported.notes, notes) });
    placed(document, `${folder}/minutes.mdx`);
  }
  for (const planned of planPapers(papers)) {
    untitled(planned.document);
    files.push({ path: `${folder}/${planned.file}`, text: paperText(planned, target, target.date, imported.notes, notes) });
    placed(planned.document, `${folder}/${planned.file}`);
  }
  for (const document of pack.documents.filter(recordsEarlier)) {
    const earlier = `meetings/${target.body}/${document.minutesOf}`;
    if (!exists(`${earlier}/index.mdx`)) files.push({ path: `${earlier}/index.mdx`, text: earlierMeetingText(target, notes) });
    files.push({ path: `${earlier}/minutes.mdx`, text: minutesText(document, target, imported.notes, notes) });
    placed(document, `${earlier}/minutes.mdx`);
  }
  if (pack.actionLog && pack.actionLog.rows.length > 0) {
    const log = fitToSchema(actionLogSchema, { title: pack.actionLog.title, actions: uniqueActions(pack.actionLog.rows, notes) }, 'action log', notes);
    files.push({ path: `${folder}/action-log.yaml`, text: yamlWithComment(log, `Imported from ${target.sourceName}: check each row against the pack.`) });
    placements.push({ path: `${folder}/action-log.yaml`, lines: pack.actionLog.lines ?? [] });
  } else if (pack.actionLog) {
    notes.push({ document: 'action log', sourceLine: pack.actionLog.lines?.[0], kind: 'uncertain', message: `The action log “${pack.actionLog.title}” could not be read row by row, so no action-log.yaml is written; its text is kept in the draft of unplaced text: write its rows by hand.` });
  }
  for (const [meeting, documents] of elsewhere) {
    const other = reconcileAgenda({ agenda: [], documents, notes: [] }, meeting.split('/')[1]);
    notes.push(...other.notes.map((note) => ({ ...note, document: note.document === 'meeting' ? `the meeting ${meeting}` : note.document })));
    notes.push({ document: `the meeting ${meeting}`, kind: 'placed', message: `${documents.length} paper${documents.length === 1 ? ' is' : 's are'} addressed and dated to this meeting, so ${documents.length === 1 ? 'it is' : 'they are'} written in its folder.` });
    if (!exists(`meetings/${meeting}/index.mdx`)) files.push({ path: `meetings/${meeting}/index.mdx`, text: otherMeetingText(target, other.agendaNote, other.pack.agenda, notes) });
    for (const planned of planPapers(other.pack.documents)) {
      untitled(planned.document);
      files.push({ path: `meetings/${meeting}/${planned.file}`, text: paperText(planned, target, meeting.split('/')[1]!, imported.notes, notes) });
      placed(planned.document, `meetings/${meeting}/${planned.file}`);
    }
  }
  return { files, notes, placements };
}

/** The name of the draft that keeps the lines of a pack the importer could not place. */
export const UNPLACED_TEXT_FILE = 'unplaced-text.mdx';

/**
 * The draft that keeps what the importer could not place, passage by passage as printed, with a note at
 * its top that says where each passage is in the pack: never published until someone has looked at it.
 */
export function unplacedTextFile(folder: string, target: PackTarget, passages: readonly AccountLine[][], where: (lines: number[]) => string, report: ImportNote[]): FileToWrite {
  const places = passages.map((passage) => where(passage.map((line) => line.line)));
  const note = `${IMPORT_CHECK_NOTE} the importer could not tell where these ${passages.length === 1 ? 'lines belong' : `${passages.length} passages belong`} (${places.join('; ')} of the pack), so they are kept here as printed, line by line. Look at each in the pack: move it into the right draft, or delete it if it is not the meeting’s text. Then delete this file.`;
  const body: Root = {
    type: 'root',
    children: [
      { type: 'mdxJsxFlowElement', name: 'EditorialNote', attributes: [], children: [{ type: 'paragraph', children: [{ type: 'text', value: note }] }] } as unknown as Root['children'][number],
      ...passages.flatMap((passage, index): Root['children'] => [
        { type: 'mdxJsxFlowElement', name: 'EditorialNote', attributes: [], children: [{ type: 'paragraph', children: [{ type: 'text', value: `Passage ${index + 1}: ${places[index]} of the pack.` }] }] } as unknown as Root['children'][number],
        { type: 'paragraph', children: passage.flatMap((line, at) => (at === 0 ? [] : [{ type: 'break' as const }]).concat([{ type: 'text', value: line.text } as never])) },
      ]),
    ],
  };
  const head = frontmatter({ title: 'Text the importer could not place', draft: true }, DRAFT_COMMENT(target), { schema: paperSchema, document: UNPLACED_TEXT_FILE, report });
  return { path: `${folder}/${UNPLACED_TEXT_FILE}`, text: `${head}\n${markdownOf(body)}` };
}
