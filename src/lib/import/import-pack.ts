/**
 * Importing a pack into content/: read the file, split it into the meeting's documents, judge the drafts
 * with the content check exactly as they will be written, and only then write them, never over a file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { checkContent, type Problem } from '#lib/check/check.ts';
import { isCalendarDate } from '#lib/model/dates.ts';
import { readBodies, SettingsError } from '#lib/check/read-settings.ts';
import { resolveInside, UnsafePathError, writeFileInside } from '#lib/build/safe-write.ts';
import { textForFiles } from '#lib/outputs/format-text.ts';
import { readContentFiles } from '#lib/check/read-content.ts';
import type { Body } from '#lib/model/schema.ts';
import type { ImportedPack, SourceFile } from './model.ts';
import { accountForPack } from './account-pack.ts';
import type { LineAccount } from './line-account.ts';
import { parsePack } from './parse-pack.ts';
import { readSourceFile } from './read-file.ts';
import { findBody, importReport, packFiles, type FileToWrite, type PackTarget } from './write-pack.ts';

/** A reason the import cannot go on, in words for the person running it. */
export class ImportError extends Error {}

export interface ImportOptions {
  /** the pack: .txt, .pdf or .docx */
  file: string;
  /** the content folder: content/ */
  contentDir: string;
  body?: string;
  date?: string;
  /** add to a meeting that already exists, writing only files it does not have */
  add?: boolean;
}

export interface ImportResult {
  target: PackTarget;
  pack: ImportedPack;
  source: SourceFile;
  files: FileToWrite[];
  /** the report, written as import-report.md beside the meeting's files */
  report: FileToWrite;
  /** the original PDF or Word file, copied beside the meeting */
  original?: { path: string; bytes: Uint8Array };
  /** every line of the pack: placed, removed as page furniture, or unplaced */
  account: LineAccount;
  seconds: number;
}

function resolveTarget(pack: ImportedPack, options: ImportOptions, bodies: readonly Body[]): PackTarget {
  const ids = bodies.map((body) => body.id);
  let body: string | undefined = options.body;
  if (body !== undefined && !ids.includes(body)) throw new ImportError(`--body ${body}: expected one of ${ids.join(', ')} (see content/bodies.yaml)`);
  if (body === undefined) {
    body = findBody(pack.bodyName, bodies)?.id;
    if (!body) {
      const found = pack.bodyName ? `its front sheet names "${pack.bodyName}", which is none of the bodies in content/bodies.yaml` : 'its front sheet names no body';
      throw new ImportError(`Cannot tell which body the pack is for: ${found}. Give --body with one of: ${ids.join(', ')}.`);
    }
  }
  const date = options.date ?? pack.date;
  if (options.date !== undefined && !isCalendarDate(options.date)) throw new ImportError(`--date ${options.date}: expected a real date written YYYY-MM-DD, such as 2019-06-11`);
  if (!date) throw new ImportError('Cannot tell the date of the meeting: the front sheet gives none. Give --date YYYY-MM-DD.');
  if (!isCalendarDate(date)) throw new ImportError(`The front sheet's date was read as "${date}", which is not a real date. Give --date YYYY-MM-DD.`);
  // the file's name is shown in the report and the drafts' comments: one line, no control characters
  return { body, date, sourceName: textForFiles(basename(options.file)).replace(/\n/g, ' ') };
}

/** "Board Agenda 11 June 2019.pdf" → "board-agenda-11-june-2019.pdf": a name that can be part of an address. */
export function originalFileName(file: string): string {
  const extension = extname(file).toLowerCase();
  const stem = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${stem || 'pack'}${extension}`;
}

/** Reads and splits the pack and makes its files, checked, without writing anything. */
export async function prepareImport(options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const source = await readSourceFile(options.file).catch((error: unknown) => {
    throw new ImportError(error instanceof Error ? error.message : String(error));
  });
  if (!source.blocks.some((block) => block.kind === 'table' || block.text.trim() !== '')) {
    throw new ImportError(
      `${basename(options.file)} holds no text to import. A scanned PDF holds only pictures of its pages: ask for the Word file, or for a PDF saved from it, which keeps the text.`,
    );
  }
  const pack = parsePack(source.blocks);
  if (pack.agenda.length === 0 && pack.documents.length === 0) {
    throw new ImportError(`${basename(options.file)} holds no agenda and no paper that the importer could find; nothing was written. Is it a meeting's pack or paper?`);
  }
  // judged by bodySchema as the check judges it: an id is a safe slug, aliases default to []
  const bodies = inImportError(() => readBodies(options.contentDir));
  const target = resolveTarget(pack, options, bodies);

  const meetingFolder = `meetings/${target.body}/${target.date}`;
  const exists = (path: string) => existsSync(join(options.contentDir, path));
  if (exists(meetingFolder) && !options.add) {
    throw new ImportError(`content/${meetingFolder} already exists; nothing was written. To add the pack's documents to that meeting, run the import again with --add.`);
  }
  // the original is kept when the meeting is new: a meeting that exists lists its own originals
  const keepOriginal = source.format !== 'text' && !exists(`${meetingFolder}/index.mdx`);
  if (keepOriginal) target.original = originalFileName(options.file);
  const made = packFiles(pack, target, exists, bodies);
  // every line of the pack is placed, removed as page furniture or kept as unplaced text, or nothing is written
  const accounted = accountForPack(source.blocks, pack, target, made, { bodies, byPage: source.format === 'pdf', exists });
  if (accounted.problems.length > 0) {
    throw new ImportError(`The lines of ${basename(options.file)} do not add up, so nothing was written: ${accounted.problems.join(' ')} This is a fault of the importer, not of the pack: please report it with the pack.`);
  }
  const [planned, agendaNotes] = [accounted.files, made.notes];
  const files = planned.filter((file) => !exists(file.path));
  const notes = [...pack.notes, ...agendaNotes];
  for (const file of planned.filter((each) => exists(each.path))) {
    notes.push({ document: file.path, kind: 'placed', message: `content/${file.path} already exists and was left as it is; the pack's version was not written.` });
  }

  if (!keepOriginal && source.format !== 'text') {
    notes.push({ document: 'meeting', kind: 'placed', message: `The original ${basename(options.file)} was not kept, as the meeting already exists: save it beside the meeting and list it under its attachments if it should be published.` });
  }
  const original = target.original ? { path: `${meetingFolder}/${target.original}`, bytes: new Uint8Array(readFileSync(options.file)) } : undefined;

  // the check judges the archive as it will be with the drafts in it: any problem it did not have before,
  // in a draft or in a file already there (two papers wanting one address), stops the import
  const current = await readContentFiles(options.contentDir);
  const encoder = new TextEncoder();
  const drafts = [...files.map((file) => ({ path: file.path, bytes: encoder.encode(file.text) })), ...(original ? [original] : [])];
  const described = (problem: Problem) => `  ${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
  const before = new Set(checkContent(current, 'content/').problems.map(described));
  const added = checkContent([...current, ...drafts], 'content/').problems.map(described).filter((problem) => !before.has(problem));
  if (added.length > 0) throw new ImportError(`The drafts would not pass the content check, so nothing was written:\n${added.join('\n')}`);
  // every path is judged before anything is written: inside content/, by the one rule for names
  for (const path of [...files.map((file) => file.path), `${meetingFolder}/import-report.md`, ...(original ? [original.path] : [])]) inImportError(() => resolveInside(options.contentDir, path));
  const report = { path: `${meetingFolder}/import-report.md`, text: `${importReport(pack, target, original ? [...files, { path: original.path, text: '' }] : files, notes, whereInPack(source))}\n${accounted.section.join('\n')}\n` };
  return { target, pack, source, files, report, original, account: accounted.account, seconds: (performance.now() - started) / 1000 };
}

/** Where a line of the source is, in the pack's own terms: the page of a PDF, the line of a text file as given. */
function whereInPack(source: SourceFile): (line: number) => string {
  const pages = new Map(source.blocks.map((block) => [block.line, block.page]));
  if (source.format === 'pdf') return (line) => (pages.get(line) === undefined ? `line ${line} of the PDF's text` : `page ${pages.get(line)} of the PDF`);
  if (source.format === 'text') return (line) => `line ${line} of the file`;
  return (line) => `line ${line} of the Word file's text`;
}

/** A refusal of a settings file or of a path, as the import's own: said in words, with no stack trace. */
function inImportError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SettingsError || error instanceof UnsafePathError) throw new ImportError(error.message);
    throw error;
  }
}

/**
 * Writes the files of a prepared import, each through writeFileInside: inside content/, never over a file.
 * A second import's report follows the first.
 */
export function writeImport(result: ImportResult, contentDir: string): void {
  inImportError(() => {
    for (const file of result.files) writeFileInside(contentDir, file.path, file.text);
    const appended = existsSync(join(contentDir, result.report.path));
    writeFileInside(contentDir, result.report.path, appended ? `\n${result.report.text}` : result.report.text, { append: true });
    if (result.original) writeFileInside(contentDir, result.original.path, result.original.bytes);
  });
}
