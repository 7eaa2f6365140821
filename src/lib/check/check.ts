/**
 * The content check: every problem in content/, each naming the file, the line where it can be known,
 * the field, what was found and what was expected. The build runs the same check and stops on any problem.
 */
import type { z } from 'zod';
import { parseFrontmatterFile, parseYamlFile, SyntaxProblem, type ParsedFile } from '#lib/text/frontmatter.ts';
import {
  bodySchema,
  siteSchema,
  type Site,
  type AgendaItem,
  type Body,
  type Meeting,
} from '#lib/model/schema.ts';
import { isCalendarDate } from '#lib/model/dates.ts';
import { findAgendaItem, flattenAgenda, normaliseAgendaNumber } from '#lib/model/agenda.ts';
import { SITE_PAGES, SITE_ROUTES, decisionFile, meetingKey, routes } from '#lib/model/routes.ts';
import { DOCUMENT_KINDS, SITE_FILE, locateContentFile, whereFilesGo } from '#lib/model/document-kinds.ts';
import { decisionNumbering } from '#lib/model/decision-numbering.ts';
import { paperAddress, type ArchiveInput, type Sourced } from '#lib/model/archive.ts';
import { findUnsafeContent, type UnsafeContent } from '#lib/text/safe-content.ts';
import { internalLinksInText } from './link-check.ts';
import { fieldNamesAt, nearestName } from '#lib/model/field-names.ts';
import { findExampleText, IMPORT_CHECK_NOTE } from '#lib/authoring/scaffold.ts';
import { attachmentProblem } from './attachments.ts';
import { addressCollisions, plannedFiles } from './addresses.ts';
import { SAFE_NAME } from '#lib/build/safe-write.ts';

export interface Problem {
  /** relative to the project, e.g. content/meetings/board/2019-06-11/05-fms.mdx */
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export interface ContentFile {
  /** relative to content/, with / separators */
  path: string;
  /** raw bytes, so that a file that is not UTF-8 can be named */
  bytes: Uint8Array;
  /** set when the entry is not an ordinary file: it is refused by name */
  special?: 'symbolic link' | 'special file';
}

/**
 * Files the site never reads, which may sit anywhere under content/: READMEs, the importer's report beside
 * a meeting, and hidden files such as .gitkeep, .DS_Store and editors' swap files. A hidden .mdx or .yaml
 * is not ignored: it is refused by its name, since staff would expect it to be published. A file in a
 * hidden folder, or with "..", "." or an empty part in its path, is never skipped: it is refused with the
 * reason (folderProblem).
 */
const IGNORED_FILES = /(^|\/)README\.md$|(^|\/)import-report\.md$|(^|\/)\.[^/]*(?<!\.mdx|\.yaml)$/;
/** A folder or file name (without .mdx or .yaml) that can be part of a web address as it is: the one rule for names. */
const ADDRESSABLE_NAME = SAFE_NAME;

/** Why a file's folders keep it from the site: a part that leaves or skips a folder, or a hidden folder. */
function folderProblem(path: string): string | undefined {
  const part = path.split('/').slice(0, -1).find((segment) => segment === '' || segment === '.' || segment === '..' || segment.startsWith('.'));
  if (part === undefined) return undefined;
  if (part === '' || part === '.' || part === '..') return `has "${part}" in its path, which leaves or skips a folder; expected a file inside content/, in its meeting's or decision's folder`;
  return `is in the hidden folder "${part}", which the site never reads; move the file out of it, or delete it`;
}

export interface CheckResult {
  problems: Problem[];
  input: ArchiveInput;
}


export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${where}${field} ${problem.message}`;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)), '');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value);
}

function validate<S extends z.ZodType>(schema: S, parsed: ParsedFile, file: string, problems: Problem[], pathPrefix: (string | number)[] = []): z.infer<S> | undefined {
  const data = pathPrefix.length ? valueAt(parsed.data, pathPrefix) : parsed.data;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = [...pathPrefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      const names = fieldNamesAt(schema, issue.path);
      for (const key of issue.keys) {
        const meant = nearestName(key, names);
        problems.push({
          file,
          line: parsed.lineOf([...path, key], true),
          message: meant
            ? `\`${key}\` is not a field; did you mean \`${meant}\`?`
            : `\`${key}\` is not a field here; expected one of ${names.map((name) => `\`${name}\``).join(', ')}`,
        });
      }
      continue;
    }
    const found = valueAt(parsed.data, path);
    const missing = found === undefined && issue.code === 'invalid_type';
    const expected = missing ? 'is missing; this field is required' : `found ${describeFound(found)}; ${issue.message.replace(/^Invalid input: /, '')}`;
    problems.push({ file, line: parsed.lineOf(path), field: fieldName(path), message: expected });
  }
  return undefined;
}

function decode(file: ContentFile, prefix: string, problems: Problem[]): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    problems.push({ file: prefix + file.path, message: 'is not UTF-8 text; save it as UTF-8 (in most editors: "Save with encoding", UTF-8)' });
    return undefined;
  }
}

function parse(file: ContentFile, prefix: string, text: string, problems: Problem[]): ParsedFile | undefined {
  try {
    return file.path.endsWith('.yaml') ? parseYamlFile(text) : parseFrontmatterFile(text);
  } catch (error) {
    if (error instanceof SyntaxProblem) {
      problems.push({ file: prefix + file.path, line: error.line, message: error.message });
      return undefined;
    }
    throw error;
  }
}

/**
 * The bodies of content/bodies.yaml, each judged by its schema; a problem for each that is not. The check
 * and every tool that reads the file (the importer, npm run new) judge it here.
 */
export function judgeBodies(parsed: ParsedFile, name: string, problems: Problem[]): Body[] {
  if (!Array.isArray(parsed.data)) {
    problems.push({ file: name, message: 'expected a list of bodies, each starting "- id: board"' });
    return [];
  }
  const bodies: Body[] = [];
  parsed.data.forEach((_, index) => {
    const body = validate(bodySchema, parsed, name, problems, [index]);
    if (body && (SITE_ROUTES as readonly string[]).includes(body.id)) {
      problems.push({ file: name, line: parsed.lineOf([index, 'id']), field: `[${index}].id`, message: `found "${body.id}", which is the address of a page of the site itself (/${body.id}/); expected another short id` });
    } else if (body) bodies.push(body as Body);
  });
  return bodies;
}

/** The publisher's settings in content/site.yaml judged by their schema, as the check and the tools judge them. */
export function judgeSite(parsed: ParsedFile, name: string, problems: Problem[]): Site | undefined {
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    problems.push({ file: name, message: 'expected the publisher’s settings, one per line, starting "name: …"' });
    return undefined;
  }
  return validate(siteSchema, parsed, name, problems) as Site | undefined;
}

/** Agenda numbers used by two items, except a sub-item "8.0" under its own parent "8". */
export function duplicateAgendaNumbers(agenda: readonly AgendaItem[]): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const walk = (items: readonly AgendaItem[], parentNumber?: string) => {
    for (const item of items) {
      const number = normaliseAgendaNumber(item.number);
      if (number !== parentNumber) {
        if (seen.has(number)) duplicates.push(item.number);
        seen.add(number);
      }
      walk(item.items, number);
    }
  };
  walk(agenda);
  return duplicates;
}

/**
 * Checks every content file and the references between them. `judgeText` judges a document's text for what content may not use: findUnsafeContent itself, or (in a
 * build) the same remembered between builds for texts that have not changed.
 */
export function checkContent(files: readonly ContentFile[], prefix = 'content/', judgeText: (text: string) => UnsafeContent[] = findUnsafeContent): CheckResult {
  const problems: Problem[] = [];
  const input = { bodies: [], ...Object.fromEntries(Object.keys(DOCUMENT_KINDS).map((collection) => [collection, []])) } as unknown as ArchiveInput;
  const parsedByPath = new Map<string, ParsedFile>();
  const linksWritten: { file: string; line: number; href: string }[] = [];
  /** Meetings with a paper that could not be read: its references are not reported twice. */
  const meetingsWithUnreadablePapers = new Set<string>();
  /**
   * Files that could not be read or did not match their schema: their problem is reported once, and
   * nothing that refers to them is reported as missing.
   */
  const unreadableFiles = new Set<string>();
  /** the originals stored under content/, such as a pack's PDF, each to be listed by the document beside it */
  const attachmentFiles = new Set<string>();

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const name = prefix + file.path;
    if (file.special) {
      problems.push({ file: name, message: `is a ${file.special}; expected an ordinary file: put the file itself here, not a link to it` });
      continue;
    }
    const outsideFolders = folderProblem(file.path);
    if (outsideFolders) {
      problems.push({ file: name, message: outsideFolders });
      continue;
    }
    if (IGNORED_FILES.test(file.path)) continue;
    const extension = /\.([^./]+)$/.exec(file.path)?.[1];
    if (extension !== undefined && !['mdx', 'yaml', 'pdf', 'docx'].includes(extension)) {
      problems.push({ file: name, message: `is a .${extension} file; expected .mdx or .yaml content, or an original .pdf or .docx beside its meeting or paper` });
      continue;
    }
    const unaddressable = file.path.split('/').find((segment, index, segments) => !ADDRESSABLE_NAME.test(index === segments.length - 1 ? segment.replace(/\.(mdx|yaml|pdf|docx)$/, '') : segment));
    if (unaddressable !== undefined) {
      problems.push({
        file: name,
        message: `has the name "${unaddressable}", which cannot be part of a web address; expected lower-case letters, digits and hyphens only, such as 05-force-management-statement.mdx`,
      });
      continue;
    }
    const location = locateContentFile(file.path);
    if (location.kind === 'unknown') {
      problems.push({
        file: name,
        message:
          `is not where the site looks for content; expected ${whereFilesGo()}`,
      });
      continue;
    }
    if (location.kind === 'attachment') {
      const problem = attachmentProblem(file.path, file.bytes);
      if (problem) problems.push({ file: name, message: problem });
      attachmentFiles.add(file.path);
      continue;
    }
    const text = decode(file, prefix, problems);
    const parsed = text === undefined ? undefined : parse(file, prefix, text, problems);
    if (!parsed) {
      unreadableFiles.add(file.path);
      if (location.kind === 'paper') meetingsWithUnreadablePapers.add(meetingKey(location.body!, location.date!));
      continue;
    }
    parsedByPath.set(file.path, parsed);

    for (const { line, example } of findExampleText(text!, file.path.endsWith('.yaml') ? Number.MAX_SAFE_INTEGER : parsed.bodyLine - 1)) {
      problems.push({ file: name, line, message: `still holds the example text "${example}" that npm run new wrote; replace it with the document's own words, or delete it` });
    }
    if (file.path.endsWith('.mdx') && (parsed.data as { draft?: unknown } | null)?.draft !== true) {
      text!.split(/\r\n|\r|\n/).forEach((lineText, index) => {
        if (lineText.includes(`<EditorialNote>${IMPORT_CHECK_NOTE}`)) {
          problems.push({ file: name, line: index + 1, message: `still holds a note the importer left for checking ("${IMPORT_CHECK_NOTE} …"); check what it says against the pack, then delete the note` });
        }
      });
    }
    if (file.path.endsWith('.mdx')) {
      for (const unsafe of judgeText(parsed.renderedText)) problems.push({ file: name, line: unsafe.line, message: unsafe.message });
      for (const link of internalLinksInText(parsed.body)) linksWritten.push({ file: name, line: parsed.bodyLine + link.line - 1, href: link.href });
    }

    if (location.date !== undefined && !isCalendarDate(location.date)) {
      problems.push({ file: name, field: 'folder', message: `found "${location.date}"; expected the meeting date as a real date YYYY-MM-DD, for example meetings/board/2019-06-11/` });
      continue;
    }

    switch (location.kind) {
      case 'bodies':
        input.bodies.push(...judgeBodies(parsed, name, problems));
        break;
      case 'site':
        input.site = judgeSite(parsed, name, problems);
        break;
      default: {
        const collection = location.collection!;
        const data = validate(DOCUMENT_KINDS[collection].schema, parsed, name, problems);
        if (data) (input[collection] as Sourced<unknown>[]).push({ file: file.path, data });
        else {
          unreadableFiles.add(file.path);
          if (location.kind === 'paper') meetingsWithUnreadablePapers.add(meetingKey(location.body!, location.date!));
        }
      }
    }
  }

  if (!files.some((file) => file.path === SITE_FILE)) {
    problems.push({ file: prefix + SITE_FILE, message: 'is missing; create it: it names the publisher and its contacts, and holds the facts of the accessibility statement (see docs/publishing/another-office.md)' });
  }

  const unreadableMeetings = new Set(
    [...unreadableFiles].map(locateContentFile).filter((location) => location.kind === 'meeting').map((location) => meetingKey(location.body!, location.date!)),
  );
  for (const key of unreadableMeetings) meetingsWithUnreadablePapers.add(key);
  const bodiesUnreadable = unreadableFiles.has('bodies.yaml') || (files.some((file) => file.path === 'bodies.yaml') && input.bodies.length === 0);
  checkReferences(input, parsedByPath, meetingsWithUnreadablePapers, unreadableMeetings, bodiesUnreadable, prefix, problems);
  checkAttachments(input, attachmentFiles, unreadableFiles, parsedByPath, prefix, problems);
  checkLinksWritten(input, linksWritten.filter((link) => !unreadableMeetings.has(link.href.replace(/^\//, '').split('/').slice(0, 2).join('/'))), problems);
  problems.push(...addressProblems(input, parsedByPath, prefix));
  return { problems, input };
}

/** Each address staff chose that collides with another file the build would write, once. */
function addressProblems(input: ArchiveInput, parsed: Map<string, ParsedFile>, prefix: string): Problem[] {
  const problems = new Map<string, Problem>();
  for (const { planned, other, inside } of addressCollisions(plannedFiles(input))) {
    const { file, field, at, value } = planned.chosenBy;
    const where = inside ? `inside /${other.output}, which is ${other.what}` : `at /${planned.output}, where the build writes ${other.what}`;
    const problem = { file: prefix + file, line: parsed.get(file)?.lineOf(at), field, message: `found "${value}", which would be published ${where}; expected an address no other file of the site has` };
    problems.set(formatProblem(problem), problem);
  }
  return [...problems.values()];
}

/** Each original a document lists is in its folder, and each original in a folder is listed by a document there. */
function checkAttachments(input: ArchiveInput, present: Set<string>, unreadableFiles: Set<string>, parsed: Map<string, ParsedFile>, prefix: string, problems: Problem[]): void {
  const listed = new Set<string>();
  const documents: Sourced<{ attachments: { file: string }[] }>[] = [...input.meetings, ...input.papers];
  for (const document of documents) {
    const folder = document.file.slice(0, document.file.lastIndexOf('/') + 1);
    document.data.attachments.forEach((attachment, index) => {
      const path = folder + attachment.file;
      listed.add(path);
      if (!present.has(path)) {
        problems.push({
          file: prefix + document.file,
          line: parsed.get(document.file)?.lineOf(['attachments', index, 'file']),
          field: `attachments[${index}].file`,
          message: `found "${attachment.file}", which is not in ${prefix}${folder}; expected the original file saved in the same folder as this one`,
        });
      }
    });
  }
  const folderUnreadable = (path: string) => [...unreadableFiles].some((file) => file.slice(0, file.lastIndexOf('/')) === path.slice(0, path.lastIndexOf('/')));
  for (const path of present) {
    if (!listed.has(path) && !folderUnreadable(path)) {
      problems.push({ file: prefix + path, message: 'is listed by no document in its folder; expected its meeting or paper to list it under attachments (file: and title:), or remove it' });
    }
  }
}

function checkReferences(
  input: ArchiveInput,
  parsed: Map<string, ParsedFile>,
  meetingsWithUnreadablePapers: Set<string>,
  unreadableMeetings: Set<string>,
  bodiesUnreadable: boolean,
  prefix: string,
  problems: Problem[],
): void {
  const line = (file: string, path: (string | number)[]) => parsed.get(file)?.lineOf(path);
  const bodyIds = new Set(input.bodies.map((body) => body.id));
  const meetings = new Map<string, Sourced<Meeting>>();

  for (const meeting of input.meetings) {
    const { body, date } = locateContentFile(meeting.file);
    if (!body || !date) continue;
    if (!bodyIds.has(body) && !bodiesUnreadable) {
      problems.push({ file: prefix + meeting.file, field: 'folder', message: `names the body "${body}", which is not in content/bodies.yaml; expected one of ${[...bodyIds].join(', ')}` });
    }
    meetings.set(meetingKey(body, date), meeting);
    for (const item of flattenAgenda(meeting.data.agenda)) {
      if (item.kind === 'minutes' && item.minutesOf && item.minutesOf >= date) {
        problems.push({ file: prefix + meeting.file, field: 'agenda', message: `item ${item.number} approves the minutes of ${item.minutesOf}, which is not before this meeting (${date}); expected an earlier meeting's date` });
      }
    }
    const declarations = meeting.data.declarations === 'none' ? [] : (meeting.data.declarations ?? []);
    declarations.forEach((declaration, index) => {
      if (declaration.item !== undefined && !findAgendaItem(meeting.data.agenda, declaration.item)) {
        const numbers = flattenAgenda(meeting.data.agenda).map((entry) => `"${entry.number}"`);
        problems.push({
          file: prefix + meeting.file,
          line: line(meeting.file, ['declarations', index, 'item']),
          field: `declarations[${index}].item`,
          message: `found "${declaration.item}", which is not on this meeting's agenda; expected one of ${numbers.join(', ') || '(the meeting has no agenda)'}`,
        });
      }
    });
    for (const number of duplicateAgendaNumbers(meeting.data.agenda)) {
      problems.push({ file: prefix + meeting.file, field: 'agenda', message: `item number "${number}" is used twice; expected each agenda item to have its own number` });
    }
  }

  const paperKeys = new Set<string>();
  /** which file takes each address, public or not: a draft never moves a public paper, but two papers cannot share one */
  const addressTakenBy = new Map<string, string>();
  const formerAddressOf = new Map<string, string>();
  const coveredItems = new Set<string>();
  for (const paper of input.papers) {
    const name = prefix + paper.file;
    const { body, date, stem } = locateContentFile(paper.file);
    if (!body || !date || !stem) continue;
    const key = meetingKey(body, date);
    const meeting = meetings.get(key);
    if (!meeting) {
      if (!unreadableMeetings.has(key)) {
        problems.push({ file: name, field: 'folder', message: `belongs to the meeting ${key}, which has no index.mdx; expected content/meetings/${key}/index.mdx to describe the meeting` });
      }
      continue;
    }
    const item = paper.data.item;
    if (item !== undefined) {
      const agendaItem = findAgendaItem(meeting.data.agenda, item);
      if (!agendaItem) {
        const numbers = flattenAgenda(meeting.data.agenda).map((entry) => entry.number);
        problems.push({
          file: name,
          line: line(paper.file, ['item']),
          field: 'item',
          message: `found "${item}", which is not on the agenda of ${key}; expected one of ${numbers.length ? numbers.map((n) => `"${n}"`).join(', ') : '(the meeting has no agenda: add the item to its index.mdx)'}`,
        });
      } else {
        coveredItems.add(`${key}#${agendaItem.number}`);
        if (agendaItem.kind !== 'paper') {
          problems.push({ file: name, line: line(paper.file, ['item']), field: 'item', message: `found "${item}", which the agenda of ${key} marks as ${agendaItem.kind}; expected an item of kind paper` });
        }
      }
    }
    const paperKey = paperAddress(paper)!;
    const taken = addressTakenBy.get(paperKey);
    if (taken) {
      problems.push({
        file: name,
        line: line(paper.file, paper.data.address === undefined ? ['item'] : ['address']),
        message: `would be published at /${paperKey}/, which content/${taken} takes; give this paper an address of its own, such as address: "${paperKey.split('/').at(-1)}-${stem.replace(/^[\d-]+/, '') || 'annex'}" (the other keeps its address)`,
      });
    }
    paperKeys.add(paperKey);
    addressTakenBy.set(paperKey, paper.file);
    paper.data.formerAddresses.forEach((former, index) => {
      const formerKey = `${key}/${former}`;
      const holder = addressTakenBy.get(formerKey) ?? input.papers.find((other) => other !== paper && paperAddress(other) === formerKey)?.file;
      if (holder) {
        problems.push({ file: name, line: line(paper.file, ['formerAddresses', index]), field: `formerAddresses[${index}]`, message: `found "${former}", which is the address of content/${holder}; expected an address no paper has now` });
      } else if (formerAddressOf.has(formerKey)) {
        problems.push({ file: name, line: line(paper.file, ['formerAddresses', index]), field: `formerAddresses[${index}]`, message: `found "${former}", which content/${formerAddressOf.get(formerKey)} also gives; expected each former address once` });
      }
      formerAddressOf.set(formerKey, paper.file);
    });
    if (paper.data.date && paper.data.date > date && !paper.data.dateNote) {
      problems.push({ file: name, line: line(paper.file, ['date']), field: 'date', message: `found ${paper.data.date}, after the meeting of ${date}; expected a date on or before the meeting, or a dateNote explaining why` });
    }
  }

  for (const [key, meeting] of meetings) {
    if (meetingsWithUnreadablePapers.has(key)) continue;
    for (const item of flattenAgenda(meeting.data.agenda)) {
      if (item.kind === 'paper' && !item.exempt && !item.paperNotInArchive && !coveredItems.has(`${key}#${item.number}`)) {
        problems.push({ file: prefix + meeting.file, field: `agenda item ${item.number}`, message: `"${item.title}" is a paper item but no paper in content/meetings/${key}/ has item: "${item.number}"; expected a paper file, kind: verbal / procedural, or paperNotInArchive: true` });
      }
    }
  }

  for (const minutes of input.minutes) {
    const { body, date } = locateContentFile(minutes.file);
    if (!body || !date) continue;
    if (!meetings.has(meetingKey(body, date)) && !unreadableMeetings.has(meetingKey(body, date))) {
      problems.push({ file: prefix + minutes.file, field: 'folder', message: `records the meeting ${meetingKey(body, date)}, which has no index.mdx; expected content/meetings/${meetingKey(body, date)}/index.mdx` });
    }
    const approvedAt = minutes.data.approvedAt;
    if (approvedAt && approvedAt <= date) {
      problems.push({ file: prefix + minutes.file, line: line(minutes.file, ['approvedAt']), field: 'approvedAt', message: `found ${approvedAt}, not after the meeting of ${date} these minutes record; expected the date of a later meeting` });
    }
  }

  for (const { file } of [...input.actionLogs, ...input.forwardPlans]) {
    const { body, date } = locateContentFile(file);
    if (body && date && !meetings.has(meetingKey(body, date)) && !unreadableMeetings.has(meetingKey(body, date))) {
      problems.push({ file: prefix + file, field: 'folder', message: `belongs to the meeting ${meetingKey(body, date)}, which has no index.mdx; expected content/meetings/${meetingKey(body, date)}/index.mdx` });
    }
  }
  for (const log of input.actionLogs) {
    const seen = new Set<string>();
    log.data.actions.forEach((row, index) => {
      const key = `${row.raised} ${row.number}`;
      if (seen.has(key)) {
        problems.push({ file: prefix + log.file, line: line(log.file, ['actions', index]), field: `actions[${index}]`, message: `action ${row.number} raised ${row.raised} is listed twice; expected each action once per log` });
      }
      seen.add(key);
    });
  }

  const decisionFiles = new Map<string, string>();
  const numbering = input.site && decisionNumbering(input.site.decisionNumbering);
  for (const decision of input.decisions) {
    const name = prefix + decision.file;
    const earlier = decisionFiles.get(decision.data.id);
    if (earlier) {
      problems.push({ file: name, line: line(decision.file, ['id']), field: 'id', message: `found "${decision.data.id}", which content/${earlier} already uses; expected each decision id once` });
    }
    decisionFiles.set(decision.data.id, decision.file);
    const { id, date } = decision.data;
    if (numbering && numbering.normalise(id) !== id) {
      const written = numbering.normalise(id);
      problems.push({
        file: name,
        line: line(decision.file, ['id']),
        field: 'id',
        message: written
          ? `found "${id}"; expected it written "${written}", as content/${SITE_FILE} numbers decisions ("${numbering.pattern}")`
          : `found "${id}", which is not a decision id as content/${SITE_FILE} numbers them ("${numbering.pattern}"); expected an id such as "${numbering.example(date.slice(0, 4), 20)}"`,
      });
    } else if (numbering && decision.file !== decisionFile(id, date, numbering)) {
      problems.push({ file: name, field: 'id', message: `found "${id}"; expected the file to be content/${decisionFile(id, date, numbering)}` });
    }
    decision.data.papers.forEach((address, index) => {
      const meetingOfPaper = address.split('/').slice(0, 2).join('/');
      if (!paperKeys.has(address) && !meetingsWithUnreadablePapers.has(meetingOfPaper)) {
        problems.push({ file: name, line: line(decision.file, ['papers', index]), field: `papers[${index}]`, message: `found "${address}", which is not a paper in the archive; expected a paper's address such as "board/2017-09-21/11"` });
      }
    });
    for (const field of ['meeting', 'notified'] as const) {
      const address = decision.data[field];
      if (address !== undefined && !meetings.has(address) && !unreadableMeetings.has(address)) {
        problems.push({ file: name, line: line(decision.file, [field]), field, message: `found "${address}", which is not a meeting in the archive; expected a meeting's address such as "board/2017-09-21"` });
      }
    }
  }
  for (const plan of input.forwardPlans) {
    plan.data.planned.forEach((entry, index) => {
      entry.decisions.forEach((id, position) => {
        if (!decisionFiles.has(id)) {
          problems.push({
            file: prefix + plan.file,
            line: line(plan.file, ['planned', index, 'decisions', position]),
            field: `planned[${index}].decisions[${position}]`,
            message: `found "${id}", which is not a decision in the archive; expected the id of a decision record under content/decisions/, as its id: gives it`,
          });
        }
      });
    });
  }
}

/**
 * Links staff write to the site's own documents ("/board/2019-06-11/9/") must lead to one. Links to
 * other pages of the site are checked when the build has written them.
 */
function checkLinksWritten(input: ArchiveInput, links: { file: string; line: number; href: string }[], problems: Problem[]): void {
  const bodyIds = new Set(input.bodies.map((body) => body.id));
  const addresses = new Set<string>([SITE_PAGES.decisions, ...[...bodyIds].map(routes.body)]);
  for (const meeting of input.meetings) {
    const { body, date } = locateContentFile(meeting.file);
    const key = meetingKey(body!, date!);
    addresses.add(routes.meeting(key)).add(routes.bodyYear(body!, date!.slice(0, 4))).add(routes.bodyActions(body!));
  }
  for (const paper of input.papers) addresses.add(routes.paper(paperAddress(paper)!));
  for (const { file } of input.minutes) {
    const { body, date } = locateContentFile(file);
    addresses.add(routes.minutes(meetingKey(body!, date!)));
  }
  for (const { file } of input.forwardPlans) {
    const { body, date } = locateContentFile(file);
    addresses.add(routes.forwardPlan(meetingKey(body!, date!)));
  }
  for (const decision of input.decisions) addresses.add(routes.decision(decision.data.id)).add(routes.decisionsYear(decision.data.date.slice(0, 4)));

  for (const link of links) {
    const path = link.href.replace(/^\//, '').split(/[#?]/)[0]!;
    const first = path.split('/')[0]!;
    if (!bodyIds.has(first) && `${first}/` !== SITE_PAGES.decisions) continue;
    const withSlash = path.endsWith('/') ? path : `${path}/`;
    if (!addresses.has(withSlash) && !/^[a-z]+\/actions\/.+/.test(withSlash)) {
      problems.push({
        file: link.file,
        line: link.line,
        field: 'link',
        message: `found "${link.href}", which is not a page of the site; expected the address of a meeting, paper, minutes or decision, such as /board/2019-06-11/9/`,
      });
    }
  }
}
