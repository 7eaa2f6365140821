/**
 * Reads a PDF into `SourceLine`s shaped like `pdftotext`'s (non-layout) output, which the pack parser is tuned on:
 * one line per printed line, top to bottom on each page; a blank line between blocks (where the gap above a line is
 * larger than the document's usual line spacing) and at the end of each page; each line with its page, its font size
 * (points, to 0.5) and whether it is bold; and, where wide gaps split it (a table's row), its cells with their left x.
 *
 * Uses pdfjs-dist (Mozilla's PDF.js) directly: measured against unpdf (which bundles the same PDF.js) on a 149-page pack,
 * both take the same time, and pdfjs-dist ships the CMaps and standard-font data that PDFs with unembedded fonts need.
 *
 * Not handled: text in two or more columns is read across the columns, line by line (as a table's rows are);
 * rotated text is put at the end of its page, one item a line.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateCounted, MAX_INFLATED_BYTES } from './bounded-read.ts';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { SourceLine } from './model.ts';

interface Placed {
  text: string;
  x: number;
  /** the baseline, in PDF units from the bottom of the page */
  y: number;
  width: number;
  size: number;
  bold?: boolean;
}

interface PrintedLine {
  items: Placed[];
  /** the baseline and size of the line's largest text */
  y: number;
  size: number;
}

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));


/** Thrown for a file that is not a PDF, or one PDF.js cannot read; its message names the file. */
export class UnreadablePdfError extends Error {
  constructor(name: string, reason: string) {
    super(`${name} is not a PDF this importer can read: ${reason}`);
    this.name = 'UnreadablePdfError';
  }
}

/**
 * The PDF's lines, and its number of pages. `name` is how errors name the file ("minutes.pdf"); it defaults to
 * "This file".
 */
export async function readPdf(bytes: Uint8Array, name = 'This file'): Promise<{ blocks: SourceLine[]; pages: number }> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new UnreadablePdfError(name, 'it does not start with the "%PDF-" signature');
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 4096)));
  if (!tail.includes('%%EOF')) throw new UnreadablePdfError(name, 'it is cut short (it has no "%%EOF" end marker); the file may not have finished downloading');
  const tooLarge = await streamBeyondLimit(bytes);
  if (tooLarge) throw new UnreadablePdfError(name, tooLarge);

  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let task: LoadingTask | undefined;
  // the time and memory it may take are the limits of the worker it runs in (bounded-read.ts)
  try {
    task = pdfjs.getDocument({
      // a copy: PDF.js may take over the buffer it is given, and refuses a Node Buffer
      data: new Uint8Array(bytes),
      cMapUrl: join(pdfjsDir, 'cmaps/'),
      cMapPacked: true,
      standardFontDataUrl: join(pdfjsDir, 'standard_fonts/'),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      // images are not read: a page's operator list is wanted only for its fonts' names
      maxImageSize: 1,
      verbosity: 0,
    });
    return await readDocument(pdfjs, task);
  } catch (error) {
    throw new UnreadablePdfError(name, plainReason(error));
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}

/**
 * Why the PDF's compressed streams are refused before PDF.js reads them, or undefined: every stream that
 * starts as a zlib stream (as FlateDecode's do) is inflated here, by zlib, counting the bytes as they come
 * and stopping at the limit, whatever the file declares. The streams PDF.js reads for text count together;
 * a picture, which it does not decode, counts alone. What this cannot see (a stream under another filter
 * first) is held by the limits the reader runs under (bounded-read.ts).
 */
export async function streamBeyondLimit(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): Promise<string | undefined> {
  const text = new TextDecoder('latin1').decode(bytes);
  let forText = 0;
  for (const match of text.matchAll(/stream(?:\r\n|\n|\r)/g)) {
    const start = match.index + match[0].length;
    const [first = 0, second = 0] = [bytes[start], bytes[start + 1]];
    if ((first & 0x0f) !== 8 || ((first << 8) | second) % 31 !== 0) continue;
    const dictionary = text.slice(Math.max(0, match.index - 4096), match.index);
    const picture = /\/Subtype\s*\/Image/.test(dictionary.slice(dictionary.lastIndexOf(' obj')));
    const { size } = await inflateCounted(bytes.subarray(start), picture ? limit : limit - forText);
    if (!picture) forText += size;
    if ((picture ? size : forText) > limit) return `its compressed streams inflate to more than ${limit / 1024 / 1024} MB, far more than any paper; it may be built to exhaust the computer that opens it`;
  }
  return undefined;
}

function plainReason(error: unknown): string {
  const { name, message } = error instanceof Error ? error : { name: '', message: String(error) };
  if (name === 'PasswordException') return 'it is protected by a password';
  if (name === 'InvalidPDFException') return `no readable PDF structure was found in it (PDF.js: ${message})`;
  return `it is damaged, or made in a way PDF.js cannot read (PDF.js: ${message || name || 'no reason given'})`;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type LoadingTask = ReturnType<PdfJs['getDocument']>;

async function readDocument(pdfjs: PdfJs, task: LoadingTask): Promise<{ blocks: SourceLine[]; pages: number }> {
  const document = await task.promise;
  const pageLines: PrintedLine[][] = [];
  /** the font names (by PDF.js's id for the font) seen so far, and whether each is bold */
  const boldFonts = new Map<string, boolean | undefined>();
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const items = content.items.filter((item) => 'str' in item).filter((item) => item.str.trim() !== '');
    // A font's name reaches this side only with a page's operator list: ask for it only when a page brings a new font.
    const newFonts = [...new Set(items.map((item) => item.fontName))].filter((font) => !boldFonts.has(font));
    if (newFonts.length > 0) {
      await page.getOperatorList();
      for (const font of newFonts) {
        const face = page.commonObjs.has(font) ? (page.commonObjs.get(font) as { name?: string; bold?: boolean; black?: boolean }) : undefined;
        boldFonts.set(font, face ? Boolean(face.bold || face.black || /bold|black|heavy/i.test(face.name ?? '')) : undefined);
      }
    }
    // positions as the page is shown (a page may be turned by its /Rotate), y from the bottom
    const viewport = page.getViewport({ scale: 1 });
    const shown = (transform: number[]) => {
      const [a, b, c, d, x, y] = pdfjs.Util.transform(viewport.transform, transform) as number[];
      return [a!, -b!, c!, -d!, x!, viewport.height - y!];
    };
    pageLines.push(linesOf(items.map((item) => ({ ...item, transform: shown(item.transform) })), boldFonts));
    page.cleanup();
  }
  const blocks = toSourceLines(pageLines);
  return { blocks, pages: document.numPages };
}

/** Groups a page's items into printed lines, top to bottom, each line's items left to right. */
function linesOf(items: TextItem[], boldFonts: Map<string, boolean | undefined>): PrintedLine[] {
  const upright: Placed[] = [];
  const rotated: Placed[] = [];
  for (const item of items) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height;
    const placed: Placed = { text: item.str, x, y, width: item.width, size, bold: boldFonts.get(item.fontName) };
    // text turned more than a few degrees is not part of the page's lines
    if (Math.abs(b) > Math.abs(a) * 0.05 || a <= 0) rotated.push(placed);
    else upright.push(placed);
  }
  upright.sort((p, q) => q.y + q.size * 0.8 - (p.y + p.size * 0.8) || p.x - q.x);
  const lines: PrintedLine[] = [];
  for (const item of upright) {
    const line = lines.at(-1);
    if (line && sameLine(line, item)) {
      line.items.push(item);
      if (item.size > line.size) {
        line.size = item.size;
        line.y = item.y;
      }
    } else {
      lines.push({ items: [item], y: item.y, size: item.size });
    }
  }
  for (const line of lines) line.items.sort((p, q) => p.x - q.x);
  for (const item of rotated) lines.push({ items: [item], y: -Infinity, size: item.size });
  return lines;
}

/**
 * Whether an item sits on the line: its height (from baseline to cap) overlaps the line's main text by at least half
 * of the smaller of the two. A superscript footnote number stays on its line; the next line down does not.
 */
function sameLine(line: PrintedLine, item: Placed): boolean {
  const top = (y: number, size: number) => y + size * 0.75;
  const bottom = (y: number, size: number) => y - size * 0.05;
  const overlap = Math.min(top(line.y, line.size), top(item.y, item.size)) - Math.max(bottom(line.y, line.size), bottom(item.y, item.size));
  return overlap >= 0.5 * 0.8 * Math.min(line.size, item.size);
}

/** The line's text: items left to right, a space where the gap between two is more than 0.15 of the text's size. */
function textOf(line: PrintedLine): string {
  let text = '';
  let end = -Infinity;
  for (const item of line.items) {
    const gap = item.x - end;
    if (text && gap > Math.min(item.size, line.size) * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
    text += item.text;
    end = Math.max(end, item.x + item.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A gap wider than this many times the text's size splits a line into cells. Measured on the archive's papers printed
 * by Chromium: text items never sit closer than 0.87 of the size across a table's column boundary (a cell whose text
 * fills it: the two cells' padding and the rule between them), while words within a cell, and a footnote's number
 * after its word, are at most 0.3 apart; justified prose rarely stretches a space past half the size.
 */
export const CELL_GAP = 0.8;

/** The line's cells: its items grouped where the gap between two is wider than `CELL_GAP` of the text's size. */
function cellsOf(line: PrintedLine): { text: string; x: number }[] {
  const cells: { text: string; x: number; items: Placed[] }[] = [];
  let end = -Infinity;
  for (const item of line.items) {
    const gap = item.x - end;
    if (cells.length === 0 || gap > Math.min(item.size, line.size) * CELL_GAP) cells.push({ text: '', x: item.x, items: [] });
    cells.at(-1)!.items.push(item);
    end = Math.max(end, item.x + item.width);
  }
  return cells
    .map((cell) => ({ text: textOf({ ...line, items: cell.items }), x: Math.round(cell.x * 10) / 10 }))
    .filter((cell) => cell.text !== '');
}

/** Rounds to the nearest half point. */
const half = (size: number) => Math.round(size * 2) / 2;

/** The usual gap between a line's baseline and the next, as a multiple of the text's size, over the whole document. */
function usualSpacing(pages: PrintedLine[][]): number {
  const counts = new Map<number, number>();
  for (const lines of pages) {
    for (let index = 1; index < lines.length; index++) {
      const [above, below] = [lines[index - 1]!, lines[index]!];
      if (Math.abs(above.size - below.size) > 0.5 || below.y === -Infinity) continue;
      const ratio = Math.round(((above.y - below.y) / below.size) * 20) / 20;
      if (ratio >= 0.9 && ratio <= 2) counts.set(ratio, (counts.get(ratio) ?? 0) + 1);
    }
  }
  let best = 1.2;
  let most = 0;
  for (const [ratio, count] of counts) {
    if (count > most || (count === most && ratio < best)) [best, most] = [ratio, count];
  }
  return best;
}

function toSourceLines(pages: PrintedLine[][]): SourceLine[] {
  const spacing = usualSpacing(pages);
  const out: SourceLine[] = [];
  const push = (line: Omit<SourceLine, 'kind' | 'line'>) => out.push({ kind: 'line', line: out.length + 1, ...line });
  pages.forEach((lines, index) => {
    const page = index + 1;
    let previous: PrintedLine | undefined;
    for (const line of lines) {
      const text = textOf(line);
      if (!text) continue;
      if (previous) {
        const size = Math.max(previous.size, line.size);
        const gap = previous.y - line.y;
        if (line.y === -Infinity || gap > size * spacing * 1.3) push({ text: '', page });
      }
      // the line's size and boldness are those of most of its characters
      const bySize = new Map<number, number>();
      let boldChars = 0;
      let knownChars = 0;
      for (const item of line.items) {
        const chars = item.text.replace(/\s/g, '').length;
        bySize.set(half(item.size), (bySize.get(half(item.size)) ?? 0) + chars);
        if (item.bold !== undefined) knownChars += chars;
        if (item.bold) boldChars += chars;
      }
      const fontSize = [...bySize].sort((p, q) => q[1] - p[1] || q[0] - p[0])[0]![0];
      const cells = line.y === -Infinity ? [] : cellsOf(line);
      push({ text, page, fontSize, ...(knownChars > 0 ? { bold: boldChars === knownChars } : {}), ...(cells.length >= 2 ? { cells } : {}) });
      previous = line;
    }
    // as pdftotext ends every page's last block
    if (out.length && out.at(-1)!.text !== '') push({ text: '', page });
  });
  return out;
}
