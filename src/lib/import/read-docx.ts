/**
 * Reads a Word document (.docx) into `SourceBlock`s: mammoth turns it into HTML, with Word's heading styles as
 * h1–h6, and the HTML is read element by element (with htmlparser2, not patterns):
 *   - a heading → a line with its `headingLevel`;
 *   - a paragraph → a line for each printed line (a line break in Word starts a new one), then a blank line, as in
 *     the text form;
 *   - a list item → a line with `listItem` (its depth, 0 outermost, and whether the list is numbered); Word's own
 *     numbers and bullets are not in the text;
 *   - a table → a `SourceTable`, each cell's paragraphs joined with "\n"; a merged cell's text is in its first row
 *     and column, the cells it covers are "";
 *   - footnotes and endnotes → lines at the end, each starting with its number ("1 Strategic Update, 17 May 2019.");
 *     the place that refers to one reads "[1]", as mammoth writes it.
 * Lines whose text is all bold are marked `bold`. Pictures, Word's page headers and footers and its comments are
 * left out, and the document has no pages, so no line has a `page`.
 * Longer than 300 lines on purpose: reading Word's zip parts under a byte limit and walking mammoth's HTML are
 * one reader, and a reader is judged whole by the bounds it keeps.
 */
import { inflateCounted, MAX_INFLATED_BYTES } from './bounded-read.ts';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { SourceBlock, SourceLine } from './model.ts';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

/** Word's headings, and the "Title" style, as h1–h6 (mammoth's own map, which follows, has the rest). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((level) => [`p[style-name='Heading ${level}'] => h${level}:fresh`, `p[style-name='heading ${level}'] => h${level}:fresh`]),
];

/** Thrown for a file that is not a Word document mammoth can read; its message names the file. */
export class UnreadableDocxError extends Error {
  constructor(name: string, reason: string) {
    super(`${name} is not a Word document (.docx) this importer can read: ${reason}`);
    this.name = 'UnreadableDocxError';
  }
}

/**
 * The most a Word file may unpack to, counted twice: from the sizes its zip directory declares, before
 * anything is unpacked, and as the bytes actually inflated, whatever the directory says. A long pack's XML
 * is a few megabytes; a zip bomb is not.
 */
export const MAX_UNPACKED_BYTES = MAX_INFLATED_BYTES;

const TOO_LARGE = `it would unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB, far more than any paper; it may be built to exhaust the computer that opens it`;

/** The parts mammoth reads as text: Word's XML and its relationships. Pictures and fonts are never unpacked. */
const isTextPart = (name: string) => /\.(xml|rels)$/i.test(name);

/** A part of a zip file as its central directory lists it. */
interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  encrypted: boolean;
  /** the size the directory declares; a zip64 size as infinite */
  declaredSize: number;
  /** where its compressed bytes are, from its local header */
  data: Uint8Array;
}

/** The parts of a zip file (a .docx is one) from its central directory; undefined when it cannot be read. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new TextDecoder('utf-8');
  // the end-of-central-directory record sits in the last 65,557 bytes
  for (let end = bytes.byteLength - 22; end >= Math.max(0, bytes.byteLength - 65_557); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries: ZipEntry[] = [];
    let at = view.getUint32(end + 16, true);
    for (let entry = view.getUint16(end + 10, true); entry > 0; entry--) {
      if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return undefined;
      const [nameLength, extraLength, commentLength] = [view.getUint16(at + 28, true), view.getUint16(at + 30, true), view.getUint16(at + 32, true)];
      const compressedSize = view.getUint32(at + 20, true);
      const declared = view.getUint32(at + 24, true);
      const local = view.getUint32(at + 42, true);
      if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) return undefined;
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + compressedSize > bytes.byteLength) return undefined;
      entries.push({
        name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
        method: view.getUint16(at + 10, true),
        encrypted: (view.getUint16(at + 8, true) & 1) === 1,
        declaredSize: declared === 0xffffffff ? Number.POSITIVE_INFINITY : declared,
        data: bytes.subarray(start, start + compressedSize),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }
  return undefined;
}

/**
 * What the parts of a zip file unpack to, from its central directory, without unpacking anything;
 * undefined when the directory cannot be read. A zip64 size counts as too large.
 */
export function unpackedSize(bytes: Uint8Array): number | undefined {
  return zipEntries(bytes)?.reduce((total, entry) => total + entry.declaredSize, 0);
}

/**
 * The text parts of a Word file, unpacked by zlib with every byte inflated counted: it stops at
 * MAX_UNPACKED_BYTES, whatever sizes the zip's directory declares.
 */
async function unpackCounted(bytes: Uint8Array, name: string): Promise<{ parts: Map<string, Uint8Array>; names: Set<string> }> {
  const entries = zipEntries(bytes);
  if (!entries) throw new UnreadableDocxError(name, 'its zip directory cannot be read; the file may be damaged or cut short');
  const parts = new Map<string, Uint8Array>();
  let inflated = 0;
  for (const entry of entries.filter((each) => isTextPart(each.name))) {
    if (entry.encrypted) throw new UnreadableDocxError(name, 'it is protected by a password');
    if (entry.method !== 0 && entry.method !== 8) throw new UnreadableDocxError(name, `its part ${entry.name} is compressed in a way Word does not use (method ${entry.method})`);
    const { bytes: unpacked, error } = entry.method === 0 ? { bytes: Buffer.from(entry.data) } : await inflateCounted(entry.data, MAX_UNPACKED_BYTES - inflated, { raw: true, keep: true });
    if (error) throw new UnreadableDocxError(name, `its part ${entry.name} is damaged (${error.message})`);
    if (unpacked === undefined || inflated + unpacked.length > MAX_UNPACKED_BYTES) throw new UnreadableDocxError(name, TOO_LARGE);
    inflated += unpacked.length;
    parts.set(entry.name, unpacked);
  }
  return { parts, names: new Set(entries.map((entry) => entry.name)) };
}

/**
 * The unpacked file as mammoth reads a zip (its `file` input): the text parts as counted above, and
 * nothing for a picture, which the conversion leaves out.
 */
function countedZipFile({ parts, names }: { parts: Map<string, Uint8Array>; names: Set<string> }) {
  return {
    exists: (part: string) => names.has(part),
    read: async (part: string, encoding?: string) => {
      if (!names.has(part)) throw new Error(`the part ${part} is not in the file`);
      const bytes = parts.get(part) ?? new Uint8Array();
      if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
  };
}

/** The document's blocks, and mammoth's warnings about what it could not convert. */

export async function readDocx(bytes: Uint8Array, name = 'This file'): Promise<{ blocks: SourceBlock[]; messages: string[] }> {
  const unpacked = unpackedSize(bytes);
  if (unpacked !== undefined && unpacked > MAX_UNPACKED_BYTES) throw new UnreadableDocxError(name, TOO_LARGE);
  const file = countedZipFile(await unpackCounted(bytes, name));
  // loaded only now: a file refused above never waits for it
  const { default: mammoth } = await import('mammoth');
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      // mammoth reads a zip already opened (lib/unzip.js): the parts unpacked and counted above
      { file } as unknown as { buffer: Buffer },
      {
        styleMap: STYLE_MAP,
        // pictures are left out, as the PDF reader leaves them out: an empty <img>, never its bytes as a data: address
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch (error) {
    throw new UnreadableDocxError(name, error instanceof Error ? error.message : String(error));
  }
  const blocks = blocksOfHtml(result.value);
  return { blocks, messages: result.messages.map((message) => `${message.type}: ${message.message}`) };
}

/** The blocks of mammoth's HTML. */
export function blocksOfHtml(html: string): SourceBlock[] {
  const document = parseDocument(html);
  const blocks: SourceBlock[] = [];
  const line = (text: string, fields: Omit<SourceLine, 'kind' | 'text' | 'line'> = {}) => blocks.push({ kind: 'line', text, line: blocks.length + 1, ...fields });
  const blank = () => {
    if (blocks.length && !(blocks.at(-1)!.kind === 'line' && (blocks.at(-1) as SourceLine).text === '')) line('');
  };

  // the number each note is shown with where it is referred to ("[1]"), by the note's id ("footnote-1")
  const noteNumbers = new Map<string, string>();
  for (const anchor of DomUtils.findAll((element) => element.name === 'a' && /^#(footnote|endnote)-/.test(element.attribs.href ?? '') && /^(foot|end)note-ref-/.test(element.attribs.id ?? ''), document.children)) {
    noteNumbers.set(anchor.attribs.href!.slice(1), DomUtils.textContent(anchor).replace(/^\[|\]$/g, ''));
  }

  const listItems = (list: Element, depth: number) => {
    for (const item of elementChildren(list).filter((child) => child.name === 'li')) {
      const own = item.children.filter((child) => !(isElement(child) && ['ul', 'ol', 'table'].includes(child.name)));
      const listItem = { depth, ordered: list.name === 'ol' };
      for (const printed of printedLines(own)) line(printed.text, { listItem, ...boldField(printed) });
      for (const child of elementChildren(item)) {
        if (child.name === 'ul' || child.name === 'ol') listItems(child, depth + 1);
        else if (child.name === 'table') blocks.push({ kind: 'table', rows: tableRows(child), line: blocks.length + 1 });
      }
    }
  };

  const notes: Element[] = [];
  for (const element of elementChildren(document)) {
    const heading = /^h([1-6])$/.exec(element.name);
    if (heading) {
      blank();
      for (const printed of printedLines(element.children)) line(printed.text, { headingLevel: Number(heading[1]), ...boldField(printed) });
      blank();
    } else if (element.name === 'ul' || element.name === 'ol') {
      const items = elementChildren(element).filter((child) => child.name === 'li');
      if (items.length > 0 && items.every((item) => /^(footnote|endnote)-/.test(item.attribs.id ?? ''))) {
        notes.push(...items);
        continue;
      }
      listItems(element, 0);
      blank();
    } else if (element.name === 'table') {
      blocks.push({ kind: 'table', rows: tableRows(element), line: blocks.length + 1 });
      blank();
    } else if (element.name === 'dl') {
      // comments on the document: not part of it
    } else {
      for (const printed of printedLines(element.children)) line(printed.text, boldField(printed));
      blank();
    }
  }
  for (const note of notes) {
    const number = noteNumbers.get(note.attribs.id!) ?? note.attribs.id!.replace(/^\D+/, '');
    // the note's way back to where it is referred to ("↑") is mammoth's, not the document's
    const content = note.children.filter((child) => !isBackLink(child));
    printedLines(content).forEach((printed, index) => line(index === 0 ? `${number} ${printed.text}` : printed.text, boldField(printed)));
  }
  if (notes.length) blank();
  return blocks;
}

interface Printed {
  text: string;
  /** characters in bold, and all characters (not counting spaces) */
  boldChars: number;
  chars: number;
}

const boldField = (printed: Printed): { bold?: boolean } => (printed.chars > 0 && printed.boldChars === printed.chars ? { bold: true } : {});

/**
 * The printed lines of some content: a line break (<br>) or a new paragraph starts a new line; text is joined with
 * its spaces (and tabs) made single spaces.
 */
function printedLines(nodes: Node[]): Printed[] {
  const lines: Printed[] = [{ text: '', boldChars: 0, chars: 0 }];
  const walk = (node: Node, bold: boolean) => {
    if (DomUtils.isText(node)) {
      const current = lines.at(-1)!;
      current.text += node.data;
      const chars = node.data.replace(/\s/g, '').length;
      current.chars += chars;
      if (bold) current.boldChars += chars;
    } else if (isElement(node)) {
      if (node.name === 'br') lines.push({ text: '', boldChars: 0, chars: 0 });
      else if (isBackLink(node)) {
        // mammoth's link back from a note
      } else {
        const block = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'tr', 'td', 'th'].includes(node.name);
        if (block && lines.at(-1)!.text.trim()) lines.push({ text: '', boldChars: 0, chars: 0 });
        for (const child of node.children) walk(child, bold || node.name === 'strong' || node.name === 'b');
        if (block) lines.push({ text: '', boldChars: 0, chars: 0 });
      }
    }
  };
  for (const node of nodes) walk(node, false);
  return lines.map((printed) => ({ ...printed, text: printed.text.replace(/\s+/g, ' ').trim() })).filter((printed) => printed.text !== '');
}

/** The rows of a table, each cell's text its printed lines joined with "\n"; merged cells are filled with "". */
function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  /** cells still covered by a cell above that spans rows: column → rows left */
  const covered = new Map<number, number>();
  const trs = DomUtils.findAll((element) => element.name === 'tr' && nearestTable(element) === table, table.children);
  for (const tr of trs) {
    const row: string[] = [];
    let column = 0;
    const skipCovered = () => {
      while ((covered.get(column) ?? 0) > 0) {
        covered.set(column, covered.get(column)! - 1);
        row.push('');
        column++;
      }
    };
    for (const cell of elementChildren(tr).filter((child) => child.name === 'td' || child.name === 'th')) {
      skipCovered();
      const colspan = Math.max(1, Number(cell.attribs.colspan) || 1);
      const rowspan = Math.max(1, Number(cell.attribs.rowspan) || 1);
      row.push(printedLines(cell.children).map((printed) => printed.text).join('\n'));
      for (let extra = 0; extra < colspan; extra++) {
        if (extra > 0) row.push('');
        if (rowspan > 1) covered.set(column, rowspan - 1);
        column++;
      }
    }
    skipCovered();
    rows.push(row);
  }
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array.from({ length: width - row.length }, () => '')]);
}

function nearestTable(element: Element): Element | undefined {
  let parent = element.parent as Element | null;
  while (parent && parent.name !== 'table') parent = parent.parent as Element | null;
  return parent ?? undefined;
}

function isElement(node: Node): node is Element {
  return DomUtils.isTag(node);
}

function elementChildren(parent: { children: Node[] }): Element[] {
  return parent.children.filter(isElement);
}

function isBackLink(node: Node): boolean {
  return isElement(node) && node.name === 'a' && /^#(footnote|endnote)-ref-/.test(node.attribs.href ?? '');
}
