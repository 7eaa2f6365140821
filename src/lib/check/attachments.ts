/**
 * The original files a meeting or paper keeps beside it (the pack as published, a paper's Word file):
 * which types are allowed, how a file proves its type, and where it is served.
 */
import { fileSizeText } from './file-size.ts';
import type { ArchiveInput, Sourced } from '#lib/model/archive.ts';
import type { ParsedFile } from '#lib/text/frontmatter.ts';
import type { Problem } from './problem.ts';

export const ATTACHMENT_TYPES = {
  pdf: { label: 'PDF', signature: '%PDF-' },
  docx: { label: 'Word document', signature: 'PK\u0003\u0004' },
} as const;

export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;

/** The largest original the site publishes: a long pack of scanned pages is well under it. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** "pack.pdf" → "pdf"; undefined for a type not allowed. */
export function attachmentExtension(file: string): AttachmentExtension | undefined {
  const extension = /\.([a-z]+)$/.exec(file)?.[1];
  return extension && extension in ATTACHMENT_TYPES ? (extension as AttachmentExtension) : undefined;
}

/** What is wrong with an attachment's bytes, in words; undefined when it is what its name says. */
export function attachmentProblem(file: string, bytes: Uint8Array): string | undefined {
  const extension = attachmentExtension(file);
  if (!extension) return `expected an original of type ${Object.keys(ATTACHMENT_TYPES).map((type) => `.${type}`).join(' or ')}`;
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return `is ${fileSizeText(bytes.byteLength)}; expected at most ${fileSizeText(MAX_ATTACHMENT_BYTES)}`;
  const { label, signature } = ATTACHMENT_TYPES[extension];
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, signature.length));
  if (start !== signature) return `is not a ${label} file, though its name ends .${extension}; expected the original ${label} itself`;
  return undefined;
}

/** What its link says after it: "PDF, 1.2 MB". */
export function attachmentDescription(file: string, bytes: number): string {
  const extension = attachmentExtension(file);
  return `${extension ? ATTACHMENT_TYPES[extension].label : 'File'}, ${fileSizeText(bytes)}`;
}

/** A published original: where it is under content/, and its address on the site, without the base. */
export interface PublishedAttachment {
  /** under content/: "meetings/board/2019-06-11/pack.pdf" */
  file: string;
  /** on the site: "board/2019-06-11/pack.pdf" */
  path: string;
  title: string;
}

/**
 * The originals of a published meeting or paper, served from its meeting's address: the archive holds only
 * what is published, so a draft's or an embargoed paper's original is never among them.
 */
export function attachmentsOf(record: { file: string; data: { attachments?: readonly { file: string; title?: string | undefined }[] } }, meetingPath: string): PublishedAttachment[] {
  const folder = record.file.slice(0, record.file.lastIndexOf('/') + 1);
  // Astro's content store keeps an entry read before this field existed until its file changes: none then
  return (record.data.attachments ?? []).map((attachment) => {
    const extension = attachmentExtension(attachment.file);
    return {
      file: folder + attachment.file,
      path: meetingPath + attachment.file,
      title: attachment.title ?? `Original ${extension ? ATTACHMENT_TYPES[extension].label : 'file'}`,
    };
  });
}

/** Every published original of the archive. */
export function publishedAttachments(archive: { meetings: readonly { path: string; file: string; data: { attachments?: readonly { file: string; title?: string | undefined }[] }; papers: readonly { file: string; data: { attachments?: readonly { file: string; title?: string | undefined }[] } }[] }[] }): PublishedAttachment[] {
  return archive.meetings.flatMap((meeting) => [...attachmentsOf(meeting, meeting.path), ...meeting.papers.flatMap((paper) => attachmentsOf(paper, meeting.path))]);
}

/** Each original a document lists is in its folder, and each original in a folder is listed by a document there. */
export function checkAttachments(
  { input, present, unreadableFiles, parsed, prefix }: { input: ArchiveInput; present: Set<string>; unreadableFiles: Set<string>; parsed: Map<string, ParsedFile>; prefix: string },
): Problem[] {
  const problems: Problem[] = [];
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
  return problems;
}
