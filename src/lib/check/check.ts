/**
 * The content check: every problem in content/, each naming the file, the line where it can be known,
 * the field, what was found and what was expected. The build runs the same check and stops on any problem.
 * Each file is judged on its own (one-file.ts), then the references between files (references.ts), the
 * originals stored beside them (attachments.ts), the links written in texts (link-check.ts) and the
 * addresses staff chose (addresses.ts).
 */
import { type ParsedFile } from '#lib/text/frontmatter.ts';
import { isCalendarDate } from '#lib/model/dates.ts';
import { meetingKey } from '#lib/model/routes.ts';
import { DOCUMENT_KINDS, SITE_FILE, locateContentFile, whereFilesGo } from '#lib/model/document-kinds.ts';
import type { ArchiveInput, Sourced } from '#lib/model/archive.ts';
import { findUnsafeContent, type UnsafeContent } from '#lib/text/safe-content.ts';
import { findExampleText, IMPORT_CHECK_NOTE } from '#lib/authoring/example-texts.ts';
import { checkLinksWritten, internalLinksInText, type LinkWritten } from './link-check.ts';
import { attachmentProblem, checkAttachments } from './attachments.ts';
import { addressProblems } from './addresses.ts';
import { checkReferences } from './references.ts';
import { ADDRESSABLE_NAME, IGNORED_FILES, decode, folderProblem, judgeBodies, judgeSite, parse, validate } from './one-file.ts';
import type { CheckResult, ContentFile, Problem } from './problem.ts';

export { formatProblem, type CheckResult, type ContentFile, type Problem } from './problem.ts';

/**
 * Checks every content file and the references between them. `judgeText` judges a document's text for what content may not use: findUnsafeContent itself, or (in a
 * build) the same remembered between builds for texts that have not changed.
 */
export function checkContent(files: readonly ContentFile[], prefix = 'content/', judgeText: (text: string) => UnsafeContent[] = findUnsafeContent): CheckResult {
  const problems: Problem[] = [];
  const input = { bodies: [], ...Object.fromEntries(Object.keys(DOCUMENT_KINDS).map((collection) => [collection, []])) } as unknown as ArchiveInput;
  const parsedByPath = new Map<string, ParsedFile>();
  const linksWritten: LinkWritten[] = [];
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
  problems.push(
    ...checkReferences({ input, parsed: parsedByPath, meetingsWithUnreadablePapers, unreadableMeetings, unreadableFiles, bodiesUnreadable, prefix }),
    ...checkAttachments({ input, present: attachmentFiles, unreadableFiles, parsed: parsedByPath, prefix }),
    ...checkLinksWritten(input, linksWritten.filter((link) => !unreadableMeetings.has(link.href.replace(/^\//, '').split('/').slice(0, 2).join('/')))),
    ...addressProblems(input, parsedByPath, prefix),
  );
  return { problems, input };
}
