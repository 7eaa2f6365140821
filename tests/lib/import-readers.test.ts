/**
 * The importer's readers, on real papers of the archive printed the way a pack prints them: as a Word document
 * and as a PDF (tests/support/render-papers.ts). What each paper says is known, so what a reader gives back can be
 * checked against it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SourceBlock, SourceLine, SourceTable } from '#lib/import/model.ts';
import { blocksOfHtml, MAX_UNPACKED_BYTES, readDocx, unpackedSize } from '#lib/import/read-docx.ts';
import { readPdf } from '#lib/import/read-pdf.ts';
import { readSourceFile } from '#lib/import/read-file.ts';
import { parsePack } from '#lib/import/parse-pack.ts';
import { readPaper, renderDocx, renderPdf } from '../support/render-papers.ts';
import { projectRoot } from '../support/site.ts';

const paper = (path: string) => join(projectRoot, 'content/meetings', path);
/** headings, a table, a numbered table of contents with bulleted sub-items, footnotes */
const MTFS = paper('bcb/2019-06-11/06-medium-term-financial-strategy.mdx');
/** footnotes, thirteen-column dashboard tables */
const PERFORMANCE = paper('bcb/2018-05-10/05-performance-update.mdx');
/** lists lettered a), b), c) */
const MEDIA_PROTOCOL = paper('pcp/2017-11-15/10-media-protocol.mdx');

const lines = (blocks: SourceBlock[]) => blocks.filter((block): block is SourceLine => block.kind === 'line');
const tables = (blocks: SourceBlock[]) => blocks.filter((block): block is SourceTable => block.kind === 'table');
const publishedTables = (file: string) => readPaper(file).body.children.filter((node): node is Table => node.type === 'table');

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'import-readers-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a Word document read back', () => {
  let mtfs: { blocks: SourceBlock[]; messages: string[] };
  let performance: { blocks: SourceBlock[]; messages: string[] };
  beforeAll(async () => {
    mtfs = await readDocx(await renderDocx(MTFS));
    performance = await readDocx(await renderDocx(PERFORMANCE));
  });

  it('gives Word’s headings with their levels', () => {
    const headings = lines(mtfs.blocks).filter((line) => line.headingLevel !== undefined);
    expect(headings[0]).toMatchObject({ text: readPaper(MTFS).front.title, headingLevel: 1 });
    expect(headings).toContainEqual(expect.objectContaining({ text: '1. Purpose', headingLevel: 2 }));
    expect(headings).toContainEqual(expect.objectContaining({ text: 'Table of Contents', headingLevel: 3 }));
    expect(headings).toContainEqual(expect.objectContaining({ text: 'Victims', headingLevel: 4 }));
    // every heading of the paper, in order
    const published = readPaper(MTFS).body.children.filter((node) => node.type === 'heading').map((node) => toString(node));
    expect(headings.slice(1).map((line) => line.text)).toEqual(published);
  });

  it('gives each table with its rows and columns, the first row the header', () => {
    for (const [file, read] of [[MTFS, mtfs], [PERFORMANCE, performance]] as const) {
      const published = publishedTables(file);
      const got = tables(read.blocks);
      expect(got.map((table) => [table.rows.length, table.rows[0]!.length])).toEqual(published.map((table) => [table.children.length, table.children[0]!.children.length]));
    }
    expect(tables(mtfs.blocks)[0]!.rows.slice(0, 3)).toEqual([
      ['', '2018/19', '2019/20'],
      ['Police Officers:', '', ''],
      ['Local Policing', '1,175', '1,250'],
    ]);
    const dashboard = tables(performance.blocks)[0]!;
    expect(dashboard.rows[0]).toHaveLength(13);
    expect(dashboard.rows[2]).toEqual(['All Crime Outcome Rate', '22.3%', '16.6%', '21.8%', '19.5%', 'Higher', 'Comparable', '15.9%', '20.0%', '15.9%', '20.0%', 'Lower', 'Comparable']);
  });

  it('gives numbered and bulleted list items with their depth, Word’s numbers left to Word', () => {
    const items = lines(mtfs.blocks).filter((line) => line.listItem);
    const numbered = items.filter((line) => line.listItem!.ordered && line.listItem!.depth === 0).map((line) => line.text);
    expect(numbered).toEqual([
      'Overview and Purpose of Strategy', 'Police and Crime Plan', 'Demand', 'Productivity', 'Partnership Working', 'Police Funding',
      'Budget considerations for 2019/20', 'Inflation', 'Savings', 'Workforce', 'Budget Assumptions beyond 2019/20', 'Reserves',
      'Robustness of Estimates', 'Capital Programme',
    ]);
    expect(items).toContainEqual(expect.objectContaining({ text: 'Victims', listItem: { depth: 1, ordered: false } }));
    expect(items).toContainEqual(expect.objectContaining({ text: 'Appendix A – POLICE AND CRIME PLAN OBJECTIVES', listItem: { depth: 0, ordered: false } }));
  });

  it('gives lettered lists as numbered items', async () => {
    const { blocks } = await readDocx(await renderDocx(MEDIA_PROTOCOL));
    expect(lines(blocks)).toContainEqual(
      expect.objectContaining({ text: 'effectiveness, clarity and timeliness of actions around matters of potential public / media interest;', listItem: { depth: 0, ordered: true } }),
    );
  });

  it('gives footnotes as numbered lines at the end, and the reference where it is made', () => {
    const all = lines(performance.blocks);
    expect(all.some((line) => line.text.includes('vehicle related theft and burglary[1].'))).toBe(true);
    const last = all.filter((line) => line.text !== '').slice(-4).map((line) => line.text);
    expect(last).toEqual([
      '1 Crime in England and Wales: Year ending September 2017 (ONS)',
      '2 12 months ending March 2018 - 326 victims of DA were surveyed.',
      '3 Year ending December 2017.',
      '4 39 prosecution possible in February 2018 for hate crime compared to the average of 22.',
    ]);
  });

  it('comes back through the parser with the paper’s title, taken from Word’s Heading 1, and not as a heading of the text', () => {
    const [document] = parsePack(mtfs.blocks).documents;
    expect(document!.title).toBe(readPaper(MTFS).front.title);
    expect(document!.body.children.some((node) => node.type === 'heading' && toString(node) === readPaper(MTFS).front.title)).toBe(false);
    expect(toString(document!.body.children[0]!)).toBe('1. Purpose');
  });

  it('gives a paragraph a line and a blank line after it, marks bold lines, and numbers the lines', () => {
    const all = lines(mtfs.blocks);
    const index = all.findIndex((line) => line.text.startsWith('1.1 The purpose of this report is to present'));
    expect(all[index]!.text).toBe('1.1 The purpose of this report is to present to the Business Coordination Board (the “Board”) the final Medium Term Financial Strategy (MTFS) for the Office of the Police and Crime Commissioner.');
    expect(all[index + 1]!.text).toBe('');
    expect(all.find((line) => line.text === 'CAMBRIDGESHIRE POLICE AND CRIME COMMISSIONER')?.bold).toBe(true);
    expect(all[index]!.bold).toBeUndefined();
    expect(mtfs.blocks.map((block) => block.line)).toEqual(mtfs.blocks.map((_, i) => i + 1));
    expect(mtfs.messages).toEqual([]);
  });
});

describe('a PDF read back', () => {
  const front = readPaper(PERFORMANCE).front;
  let pdf: { blocks: SourceBlock[]; pages: number };
  let text: SourceLine[];
  beforeAll(async () => {
    pdf = await readPdf(await renderPdf(PERFORMANCE));
    text = lines(pdf.blocks);
  });
  /** the printed lines without the running header and footer, joined as the parser would join them */
  const running = () => `${front.to} / 10 May 2018`;
  const joined = () =>
    text
      .filter((line) => line.text && line.text !== running() && !/^Page \d+ of \d+$/.test(line.text))
      .map((line) => line.text)
      .reduce((all, line) => (all.endsWith('-') ? all + line : `${all} ${line}`), '');

  it('gives the paper’s title on a line of its own, larger and bold', () => {
    const title = text.find((line) => line.text === front.title);
    expect(title).toMatchObject({ page: 1, bold: true });
    const body = text.find((line) => line.text.startsWith('1.1 The purpose'))!;
    expect(body.fontSize).toBe(11);
    expect(title!.fontSize).toBeGreaterThan(body.fontSize!);
    expect(text.find((line) => line.text === '1. Purpose')).toMatchObject({ bold: true, fontSize: 12 });
  });

  it('gives the paragraphs’ text in order, each line once', () => {
    expect(text.find((line) => line.text.startsWith('1.1 '))!.text).toMatch(/^1\.1 The purpose of this paper is to provide an update to the Business Co-/);
    const all = joined();
    let from = 0;
    const numbered = readPaper(PERFORMANCE)
      .body.children.filter((node) => node.type === 'paragraph' && /^\d+\.\d+ /.test(toString(node)) && !node.children.some((child) => child.type === 'footnoteReference'))
      .map((node) => toString(node));
    expect(numbered.length).toBeGreaterThan(20);
    for (const paragraph of numbered) {
      const at = all.indexOf(paragraph, from);
      expect(at, paragraph).toBeGreaterThanOrEqual(from);
      from = at + paragraph.length;
    }
  });

  it('puts a blank line between paragraphs, not between the lines of one', () => {
    const at = text.findIndex((line) => line.text.startsWith('3.1 This is the fourth report'));
    expect(text[at - 1]!.text).toBe('');
    expect(text[at + 1]!.text).not.toBe('');
    expect(text.slice(at, text.findIndex((line, i) => i > at && line.text === '')).map((line) => line.text).join(' ')).toBe(
      '3.1 This is the fourth report on the Police and Crime Plan launched for 2017-20, and reflects the themes therein: Victims, Offenders, Community and Transformation.',
    );
  });

  it('gives every line its page, with the running header and the page footer on each page', () => {
    expect(pdf.pages).toBeGreaterThan(5);
    expect(text.every((line) => Number.isInteger(line.page) && line.page! >= 1 && line.page! <= pdf.pages)).toBe(true);
    for (let page = 1; page <= pdf.pages; page++) {
      const onPage = text.filter((line) => line.page === page && line.text);
      expect(onPage[0]?.text, `page ${page}`).toBe(running());
      expect(onPage.at(-1)?.text, `page ${page}`).toBe(`Page ${page} of ${pdf.pages}`);
    }
  });

  it('keeps a footnote’s number on its line, and gives the footnotes', () => {
    expect(joined()).toContain('vehicle related theft and burglary1.');
    expect(text.map((line) => line.text)).toContain('1 Crime in England and Wales: Year ending September 2017 (ONS)');
  });

  it('reads a table row by row, its cells left to right', () => {
    const header = text.find((line) => line.text.startsWith('VICTIMS '))!;
    expect(header.text).toMatch(/^VICTIMS Current Mar-17 .* MSF$/);
    expect(header).toMatchObject({ bold: true, fontSize: 6 });
    expect(text.map((line) => line.text)).toContain('All Crime Outcome Rate 22.3% 16.6% 21.8% 19.5% Higher Comparable 15.9% 20.0% 15.9% 20.0% Lower Comparable');
  });

  it('splits a table’s row into cells at the wide gaps between them, each with its left edge; a paragraph has none', () => {
    const header = text.find((line) => line.text.startsWith('VICTIMS '))!;
    expect(header.cells?.map((cell) => cell.text)).toEqual(['VICTIMS', 'Current', 'Mar-17', 'Mar-', 'Mar-', 'Current v 1yr', 'Current v 3yr', 'FYTD', 'FYTD -', 'Rolling 12', 'Baseline', 'Perf v', 'MSF']);
    const row = text.find((line) => line.text.startsWith('All Crime Outcome Rate 22.3%'))!;
    expect(row.cells?.map((cell) => cell.text)).toEqual(['All Crime Outcome Rate', '22.3%', '16.6%', '21.8%', '19.5%', 'Higher', 'Comparable', '15.9%', '20.0%', '15.9%', '20.0%', 'Lower', 'Comparable']);
    const xs = row.cells!.map((cell) => cell.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBeGreaterThan(30);
    expect(xs.at(-1)).toBeLessThan(595);
    // prose, headings, the running header and the footer are one piece of text each
    for (const plain of [text.find((line) => line.text.startsWith('1.1 The purpose'))!, text.find((line) => line.text === '1. Purpose')!, text.find((line) => /^Page \d+ of \d+$/.test(line.text))!]) {
      expect(plain.cells, plain.text).toBeUndefined();
    }
  });

  it('comes back through the parser with the paper’s title, and the dashboard’s first table with its rows and columns', () => {
    const imported = parsePack(pdf.blocks);
    expect(imported.documents[0]!.title).toBe(front.title);
    const [published] = publishedTables(PERFORMANCE);
    const got = imported.documents.flatMap((document) => document.body.children).filter((node): node is Table => node.type === 'table');
    const cellsOf = (table: Table) => table.children.map((row) => row.children.map((cell) => toString(cell).trim()));
    expect(got[0]!.children).toHaveLength(published!.children.length);
    expect(got[0]!.children.map((row) => row.children.length)).toEqual(published!.children.map((row) => row.children.length));
    // the header printed over two lines ("Current" / "Month", "Mar-" / "16") is one row again
    expect(cellsOf(got[0]!)[0]).toEqual(cellsOf(published!)[0]);
    expect(cellsOf(got[0]!)[1]).toEqual(cellsOf(published!)[1]);
    // most of the dashboard’s tables come back with their shape
    const shape = (table: Table) => `${table.children.length}x${table.children[0]!.children.length}`;
    const shapes = got.map(shape);
    expect(publishedTables(PERFORMANCE).filter((table) => shapes.includes(shape(table))).length).toBeGreaterThan(publishedTables(PERFORMANCE).length * 0.8);
    expect(imported.notes).toContainEqual(expect.objectContaining({ kind: 'uncertain', message: expect.stringMatching(/table of 9 rows under its header and 13 columns was rebuilt .*check/) }));
  });

  // its speed is measured by npm run import:measure, not here: nothing timing-based is in the suite
  it('reads a pack of 150 pages or more (every paper of the archive), every page with its page number', async () => {
    const papers = readdirSync(join(projectRoot, 'content/meetings'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.mdx') && !file.endsWith('index.mdx'))
      .sort()
      .map((file) => join(projectRoot, 'content/meetings', file));
    const bytes = await renderPdf(papers);
    const pack = await readPdf(bytes);
    expect(pack.pages).toBeGreaterThanOrEqual(150);
    expect(lines(pack.blocks).filter((line) => /^Page \d+ of \d+$/.test(line.text)).map((line) => line.page)).toEqual(Array.from({ length: pack.pages }, (_, i) => i + 1));
  });
});

describe('a file the importer cannot read', () => {
  it('refuses a Word file that would unpack to more than any paper (a zip bomb), before unpacking it', async () => {
    const bytes = new Uint8Array(await renderDocx(MTFS));
    const honest = unpackedSize(bytes)!;
    expect(honest).toBeGreaterThan(bytes.byteLength);
    expect(honest).toBeLessThan(MAX_UNPACKED_BYTES);
    // the central directory of the same file, claiming that its first part unpacks to 3 GB
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = bytes.byteLength - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    view.setUint32(view.getUint32(end + 16, true) + 24, 3 * 1024 ** 3, true);
    await expect(readDocx(bytes, 'bomb.docx')).rejects.toThrow(`bomb.docx is not a Word document (.docx) this importer can read: it would unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);
  });
  it('refuses a truncated PDF, naming the file', async () => {
    const bytes = await renderPdf(MEDIA_PROTOCOL);
    const file = join(scratch, 'truncated.pdf');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(readSourceFile(file)).rejects.toThrow(`${file} is not a PDF this importer can read: it is cut short`);
    // cut short, with an end marker put back: PDF.js finds no structure it can read
    writeFileSync(file, Buffer.concat([bytes.subarray(0, Math.floor(bytes.length / 2)), Buffer.from('\n%%EOF\n')]));
    await expect(readSourceFile(file)).rejects.toThrow(`${file} is not a PDF this importer can read: `);
  });

  it('refuses a text file renamed .pdf, and a PDF renamed .docx', async () => {
    const text = join(scratch, 'pack.pdf');
    writeFileSync(text, 'Agenda Item 6.0\nTo: Business Co-ordination Board\n');
    await expect(readSourceFile(text)).rejects.toThrow(`${text} is not a PDF this importer can read: it does not start with the "%PDF-" signature; it looks like a text file`);
    const pdf = join(scratch, 'pack.docx');
    writeFileSync(pdf, '%PDF-1.7\n');
    await expect(readSourceFile(pdf)).rejects.toThrow(`${pdf} is not a Word document (.docx) this importer can read: it looks like a PDF`);
  });

  it('refuses a damaged Word document, naming the file', async () => {
    const file = join(scratch, 'damaged.docx');
    writeFileSync(file, Buffer.from('PK\u0003\u0004 not really a zip'));
    await expect(readSourceFile(file)).rejects.toThrow(`${file} is not a Word document (.docx) this importer can read: `);
  });

  it('refuses other types, naming the file and the types it reads', async () => {
    const file = join(scratch, 'scan.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await expect(readSourceFile(file)).rejects.toThrow(`${file} cannot be imported: the importer reads a .txt file (the output of pdftotext), a .pdf or a Word .docx, not a .png file`);
    const old = join(scratch, 'paper.doc');
    writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    await expect(readSourceFile(old)).rejects.toThrow('open it in Word and save it as .docx');
  });

  it('refuses a file over 100 MB', async () => {
    const file = join(scratch, 'huge.pdf');
    writeFileSync(file, '%PDF-1.7\n');
    truncateSync(file, 101 * 1024 * 1024);
    await expect(readSourceFile(file)).rejects.toThrow(`${file} is 101 MB: the importer reads files of up to 100 MB`);
  });
});

describe('reading a file by its type', () => {
  it('reads a .pdf and a .docx with their readers', async () => {
    const pdf = join(scratch, 'paper.pdf');
    writeFileSync(pdf, await renderPdf(MEDIA_PROTOCOL));
    const fromPdf = await readSourceFile(pdf);
    expect(fromPdf).toMatchObject({ path: pdf, format: 'pdf' });
    expect(fromPdf.pages).toBeGreaterThan(1);
    expect(lines(fromPdf.blocks).map((line) => line.text)).toContain('Media Protocol & Communication Support');

    const docx = join(scratch, 'paper.docx');
    writeFileSync(docx, await renderDocx(MEDIA_PROTOCOL));
    const fromDocx = await readSourceFile(docx);
    expect(fromDocx).toMatchObject({ path: docx, format: 'docx', messages: [] });
    expect(lines(fromDocx.blocks)).toContainEqual(expect.objectContaining({ text: 'Media Protocol & Communication Support', headingLevel: 1 }));
  });

  it.skipIf(!existsSync(join(projectRoot, 'src/lib/import/read-text.ts')))('reads a .txt as pdftotext’s output', async () => {
    const file = join(scratch, 'pack.txt');
    writeFileSync(file, 'Agenda Item 6.0\n\nTo:\n\fPage 2\n');
    const read = await readSourceFile(file);
    expect(read.format).toBe('text');
    expect(lines(read.blocks).map((line) => line.text)).toEqual(['Agenda Item 6.0', '', 'To:', 'Page 2']);
  });
});

describe('Word’s HTML, as mammoth writes it', () => {
  it('fills the cells a merged cell covers with "", so every row has every column', () => {
    const [table] = tables(blocksOfHtml('<table><tr><td rowspan="2">A</td><td colspan="2"><p>B</p><p>B2</p></td></tr><tr><td>C</td><td>D</td></tr><tr><td>E</td></tr></table>'));
    expect(table!.rows).toEqual([
      ['A', 'B\nB2', ''],
      ['', 'C', 'D'],
      ['E', '', ''],
    ]);
  });
  it('makes a line break a new line, and a paragraph of bold text a bold line', () => {
    const got = lines(blocksOfHtml('<p>Contact Officer<br />Jane Webb</p><p><strong>BIBLIOGRAPHY</strong></p><p><strong>Part</strong> bold</p>'));
    expect(got.map((line) => [line.text, line.bold ?? false])).toEqual([
      ['Contact Officer', false],
      ['Jane Webb', false],
      ['', false],
      ['BIBLIOGRAPHY', true],
      ['', false],
      ['Part bold', false],
      ['', false],
    ]);
  });
});
