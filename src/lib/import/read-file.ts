/**
 * Reads a pack from a file: text (pdftotext's output), PDF or Word (.docx), by the file's extension, once its
 * first bytes show it is what its name says. Anything else is refused with a message naming the file and the
 * types the importer reads.
 *
 * The readers are loaded only when a file needs them: PDF.js and mammoth take time to load.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceBlock, SourceFile } from './model.ts';
import { readBounded } from './bounded-read.ts';
import { textForFiles } from '#lib/outputs/format-text.ts';

/** The largest file the importer reads. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const ACCEPTED = 'a .txt file (the output of pdftotext), a .pdf or a Word .docx';

/** What a file's first bytes show it to be. */
function kindOfContent(head: Uint8Array): 'pdf' | 'zip' | 'ole' | 'text' | 'binary' {
  const latin1 = new TextDecoder('latin1').decode(head);
  if (latin1.slice(0, 1024).includes('%PDF-')) return 'pdf';
  if (latin1.startsWith('PK\x03\x04')) return 'zip';
  if (latin1.startsWith('\xD0\xCF\x11\xE0')) return 'ole';
  return head.includes(0) ? 'binary' : 'text';
}

const DESCRIBED = { pdf: 'a PDF', zip: 'a Word document or other zip file', ole: 'an old-style Word (.doc) or Office file', text: 'a text file', binary: 'a binary file of another kind' };

/**
 * Reads the file at `path` into blocks. Word's conversion warnings (from mammoth), when there are any, are in
 * `messages`.
 */
export async function readSourceFile(path: string): Promise<SourceFile & { messages?: string[] }> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${path} is not a file`);
    size = info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${path} does not exist`);
    throw error;
  }
  if (size > MAX_FILE_BYTES) {
    throw new Error(`${path} is ${(size / 1024 / 1024).toFixed(0)} MB: the importer reads files of up to ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  }

  const extension = extname(path).toLowerCase();
  if (!['.txt', '.pdf', '.docx'].includes(extension)) {
    const hint = extension === '.doc' ? ': open it in Word and save it as .docx' : '';
    throw new Error(`${path} cannot be imported: the importer reads ${ACCEPTED}, not ${extension ? `a ${extension} file` : 'a file without an extension'}${hint}`);
  }

  const bytes: Uint8Array = await readFile(path);
  const content = kindOfContent(bytes.subarray(0, 8192));

  // a PDF or Word file is read in a worker with a memory ceiling and a time limit (bounded-read.ts)
  if (extension === '.pdf') {
    if (content !== 'pdf') throw new Error(`${path} is not a PDF this importer can read: it does not start with the "%PDF-" signature; it looks like ${DESCRIBED[content]}`);
    const { blocks, pages } = await readBounded({ format: 'pdf', bytes, name: path });
    return { path, format: 'pdf', blocks: withoutControls(blocks), pages };
  }
  if (extension === '.docx') {
    if (content !== 'zip') throw new Error(`${path} is not a Word document (.docx) this importer can read: it looks like ${DESCRIBED[content]}`);
    const { blocks, messages } = await readBounded({ format: 'docx', bytes, name: path });
    return { path, format: 'docx', blocks: withoutControls(blocks), messages: messages ?? [] };
  }
  if (content !== 'text') throw new Error(`${path} is not a text file: it looks like ${DESCRIBED[content]}; give it its right extension (${ACCEPTED})`);
  const { readText } = await import('./read-text.ts');
  const blocks = withoutControls(readText(decodeText(bytes)));
  const pages = Math.max(0, ...blocks.map((block) => block.page ?? 0));
  return { path, format: 'text', blocks, ...(pages > 0 ? { pages } : {}) };
}

/**
 * The pack's text with the control characters no file of the site can hold removed, by the one function
 * for it (textForFiles): a line stays one line, a table's cell keeps its line breaks.
 */
function withoutControls(blocks: SourceBlock[]): SourceBlock[] {
  return blocks.map((block) =>
    block.kind === 'table'
      ? { ...block, rows: block.rows.map((row) => row.map((cell) => textForFiles(cell))) }
      : { ...block, text: textForFiles(block.text).replace(/\n/g, ' '), ...(block.cells ? { cells: block.cells.map((cell) => ({ ...cell, text: textForFiles(cell.text).replace(/\n/g, ' ') })) } : {}) },
  );
}

/** UTF-8 (pdftotext's default), without a byte-order mark; a file that is not UTF-8 is read as Windows-1252. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
