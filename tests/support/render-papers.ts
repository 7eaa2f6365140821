/**
 * Prints a published paper of the site the way a real pack would: as a Word document (with the `docx` package) or as
 * a PDF (simple HTML printed by Chromium). The importer's readers are measured on these: what the paper says is known,
 * so what a reader gets back can be checked against it.
 *
 * A paper is a content .mdx file: its frontmatter gives the header block (marking, agenda item, To, From, Date, title),
 * the recommendations when the body has no Recommendation section of its own, and the bibliography at the end
 * (sources, contact officers); its Markdown body gives the text. `<EditorialNote>`s are the publisher's, not the
 * paper's, and are left out. Footnotes are Word footnotes in the .docx, and numbered notes at the paper's end in the
 * PDF (Chromium cannot put them at the foot of the page). A list whose items are lettered or numbered in the text ("a) …", "1. …") is printed as a
 * real numbered list, the way Word would have it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import type { FootnoteDefinition, List, ListItem, Nodes, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table as DocxTable,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { launchBrowser } from './browser.ts';

interface Frontmatter {
  /** minutes have none */
  title?: string;
  item?: string;
  to?: string;
  from?: string;
  date?: string;
  marking?: string;
  recommendations?: string[];
  contacts?: { name: string; role?: string; email?: string; phone?: string }[];
  sources?: { title: string; url?: string }[];
}

export interface Paper {
  front: Frontmatter;
  /** the body without the publisher's notes and without footnote definitions */
  body: Root;
  /** footnotes by identifier, numbered in the order they are first referred to */
  footnotes: Map<string, { number: number; definition: FootnoteDefinition }>;
}

/** Reads a paper's frontmatter and Markdown body, leaving out `<EditorialNote>`s. */
export function readPaper(paperFile: string): Paper {
  const source = readFileSync(paperFile, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) throw new Error(`${paperFile} has no frontmatter`);
  const front = parseYaml(match[1]!) as Frontmatter;
  if (front.date !== undefined) front.date = String(front.date);
  const body = fromMarkdown(source.slice(match[0].length), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  dropEditorialNotes(body);
  const definitions = new Map<string, FootnoteDefinition>();
  body.children = body.children.filter((node) => {
    if (node.type !== 'footnoteDefinition') return true;
    definitions.set(node.identifier, node);
    return false;
  });
  const footnotes: Paper['footnotes'] = new Map();
  visit(body, (node) => {
    if (node.type === 'footnoteReference' && !footnotes.has(node.identifier)) {
      const definition = definitions.get(node.identifier);
      if (definition) footnotes.set(node.identifier, { number: footnotes.size + 1, definition });
    }
  });
  return { front, body, footnotes };
}

/** Removes `<EditorialNote>…</EditorialNote>` (raw HTML nodes in plain Markdown) and what they hold, at any depth. */
function dropEditorialNotes(parent: Parent): void {
  const kept: Nodes[] = [];
  let inside = 0;
  for (const child of parent.children as Nodes[]) {
    if (child.type === 'html') {
      const opens = (child.value.match(/<EditorialNote\b/g) ?? []).length;
      const closes = (child.value.match(/<\/EditorialNote>/g) ?? []).length;
      if (opens || closes) {
        inside = Math.max(0, inside + opens - closes);
        continue;
      }
    }
    if (inside > 0) continue;
    if ('children' in child) dropEditorialNotes(child);
    // a paragraph that held only a note is gone with it
    if (child.type === 'paragraph' && child.children.every((node) => node.type === 'text' && !node.value.trim())) continue;
    kept.push(child);
  }
  (parent as { children: Nodes[] }).children = kept;
}

function visit(node: Nodes, action: (node: Nodes) => void): void {
  action(node);
  if ('children' in node) for (const child of node.children as Nodes[]) visit(child, action);
}

/** "11 June 2019" from "2019-06-11". */
export function longDate(date: string | undefined): string {
  if (!date) return '';
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[month! - 1]} ${year}`;
}

/** The header printed on every page of the paper: "<To> / <date>". */
export function runningHeader(front: Frontmatter): string {
  return [front.to, longDate(front.date)].filter(Boolean).join(' / ');
}

/** The lines of the header block, label and value. */
function headerFields(front: Frontmatter): [string, string][] {
  const fields: [string, string | undefined][] = [
    ['To:', front.to],
    ['From:', front.from],
    ['Date:', longDate(front.date) || undefined],
  ];
  return fields.filter((field): field is [string, string] => Boolean(field[1]));
}

/**
 * Whether the recommendations are printed after the title, on their own: a pack prints them once, and a paper whose
 * body has a Recommendation section (every paper of the archive has) has them there.
 */
function separateRecommendations(paper: Paper): boolean {
  const inBody = paper.body.children.some((node) => node.type === 'heading' && /recommendation/i.test(toString(node)));
  return Boolean(paper.front.recommendations?.length) && !inBody;
}

/** A list's items are numbered in their text ("1. …", "a) …") from 1 or a, one after another. */
const MARKER = /^(\d+|[a-z])([.)])\s+/;
function itemMarker(item: ListItem): RegExpExecArray | null {
  const first = item.children[0];
  const text = first?.type === 'paragraph' && first.children[0]?.type === 'text' ? first.children[0].value : '';
  return MARKER.exec(text);
}
function numberedStyle(list: List): { format: 'decimal' | 'lowerLetter'; suffix: string } | undefined {
  if (list.ordered) return { format: 'decimal', suffix: '.' };
  const markers = list.children.map(itemMarker).filter((marker) => marker !== null);
  if (markers.length === 0 || !itemMarker(list.children[0]!)) return undefined;
  const letters = /[a-z]/.test(markers[0]![1]!);
  const inSequence = markers.every(
    (marker, index) => marker[2] === markers[0]![2] && marker[1] === (letters ? String.fromCharCode(97 + index) : String(index + 1)),
  );
  return inSequence ? { format: letters ? 'lowerLetter' : 'decimal', suffix: markers[0]![2]! } : undefined;
}
/** The item's content without its printed number, when the list is numbered. */
function withoutMarker(item: ListItem, numbered: boolean): { children: RootContent[]; numbered: boolean } {
  const marker = numbered ? itemMarker(item) : null;
  if (!marker) return { children: item.children as RootContent[], numbered: false };
  const [paragraph, ...rest] = item.children as [Extract<RootContent, { type: 'paragraph' }>, ...RootContent[]];
  const [text, ...phrasing] = paragraph.children as [Extract<PhrasingContent, { type: 'text' }>, ...PhrasingContent[]];
  const stripped = { ...paragraph, children: [{ ...text, value: text.value.slice(marker[0].length) }, ...phrasing] };
  return { children: [stripped, ...rest], numbered: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Word

/** Word numbering for lists numbered 1. 1) a. a), at five levels */
const NUMBERING = (['decimal', 'lowerLetter'] as const).flatMap((format) =>
  ['.', ')'].map((suffix) => ({
    reference: `${format}${suffix}`,
    levels: [0, 1, 2, 3, 4].map((level) => ({
      level,
      format: format === 'decimal' ? LevelFormat.DECIMAL : LevelFormat.LOWER_LETTER,
      text: `%${level + 1}${suffix}`,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    })),
  })),
);

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** The paper as a .docx, as its author's Word document would be. */
export async function renderDocx(paperFile: string): Promise<Uint8Array> {
  const paper = readPaper(paperFile);
  const { front, body, footnotes } = paper;
  let listInstance = 0;

  const runs = (nodes: PhrasingContent[], style: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] =>
    nodes.flatMap((node): ParagraphChild[] => {
      switch (node.type) {
        case 'text':
          return [new TextRun({ text: node.value, ...style })];
        case 'strong':
          return runs(node.children, { ...style, bold: true });
        case 'emphasis':
          return runs(node.children, { ...style, italics: true });
        case 'inlineCode':
          return [new TextRun({ text: node.value, ...style })];
        case 'link':
          return runs(node.children, style);
        case 'break':
          return [new TextRun({ break: 1 })];
        case 'html':
          return /^<br\s*\/?>$/i.test(node.value) ? [new TextRun({ break: 1 })] : [];
        case 'footnoteReference': {
          const note = footnotes.get(node.identifier);
          return note ? [new FootnoteReferenceRun(note.number)] : [];
        }
        default:
          return 'children' in node ? runs(node.children as PhrasingContent[], style) : [];
      }
    });

  const blocks = (nodes: RootContent[], list?: { level: number; numbering?: { reference: string; instance: number } }): (Paragraph | DocxTable)[] =>
    nodes.flatMap((node): (Paragraph | DocxTable)[] => {
      switch (node.type) {
        case 'heading':
          return [new Paragraph({ heading: HEADINGS[node.depth - 1], children: runs(node.children) })];
        case 'paragraph':
          return [new Paragraph({ children: runs(node.children), indent: list ? { left: 720 * (list.level + 1) } : undefined })];
        case 'list':
          return listBlocks(node, list ? list.level + 1 : 0);
        case 'table':
          return [tableOf(node)];
        case 'blockquote':
          return blocks(node.children as RootContent[], list);
        case 'code':
          return node.value.split('\n').map((line) => new Paragraph(line));
        default:
          return [];
      }
    });

  const listBlocks = (node: List, level: number): (Paragraph | DocxTable)[] => {
    const style = numberedStyle(node);
    const numbering = style ? { reference: `${style.format}${style.suffix}`, instance: ++listInstance } : undefined;
    return node.children.flatMap((item) => {
      const { children, numbered } = withoutMarker(item, Boolean(style));
      const [first, ...rest] = children;
      const firstParagraph =
        first?.type === 'paragraph'
          ? new Paragraph({
              children: runs(first.children),
              ...(numbered && numbering ? { numbering: { reference: numbering.reference, level, instance: numbering.instance } } : { bullet: { level } }),
            })
          : undefined;
      return [...(firstParagraph ? [firstParagraph] : blocks([first!], { level })), ...blocks(rest, { level })];
    });
  };

  const tableOf = (node: Table): DocxTable => {
    const columns = Math.max(...node.children.map((row) => row.children.length));
    return new DocxTable({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: Array.from({ length: columns }, () => Math.floor(9000 / columns)),
      rows: node.children.map(
        (row, rowIndex) =>
          new TableRow({
            tableHeader: rowIndex === 0,
            children: Array.from({ length: columns }, (_, index) => {
              const cell = row.children[index];
              // a cell's <br>s are its paragraphs
              const lines: PhrasingContent[][] = [[]];
              for (const child of cell?.children ?? []) {
                if (child.type === 'break' || (child.type === 'html' && /^<br\s*\/?>$/i.test(child.value))) lines.push([]);
                else lines.at(-1)!.push(child);
              }
              return new TableCell({
                children: lines.map((line) => new Paragraph({ children: runs(line, rowIndex === 0 ? { bold: true } : {}) })),
              });
            }),
          }),
      ),
    });
  };

  const field = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: label, bold: true }), new TextRun({ text: `\t${value}` })], tabStops: [{ type: 'left', position: 1440 }] });
  const header: Paragraph[] = [
    ...(front.marking ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: front.marking, bold: true })] })] : []),
    ...(front.item ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `Agenda Item: ${front.item}`, bold: true })] })] : []),
    ...headerFields(front).map(([label, value]) => field(label, value)),
    ...(front.title ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(front.title)] })] : []),
  ];
  const recommendations = separateRecommendations(paper)
    ? [new Paragraph({ children: [new TextRun({ text: 'Recommendations', bold: true })] }), ...(front.recommendations ?? []).map((text) => new Paragraph(text))]
    : [];
  const bibliography = [
    ...(front.sources?.length || front.contacts?.length ? [new Paragraph({ children: [new TextRun({ text: 'BIBLIOGRAPHY', bold: true })] })] : []),
    ...(front.sources?.length ? [new Paragraph({ children: [new TextRun({ text: 'Source Document(s)', bold: true })] }), ...front.sources.map((source) => new Paragraph(source.url && source.url !== source.title ? `${source.title} ${source.url}` : source.title))] : []),
    ...(front.contacts?.length ? [new Paragraph({ children: [new TextRun({ text: 'Contact Officer(s)', bold: true })] }), ...front.contacts.map((contact) => new Paragraph([contact.name, contact.role, contact.email, contact.phone].filter(Boolean).join(', ')))] : []),
  ];
  const bodyBlocks = blocks(body.children);

  const document = new Document({
    numbering: { config: NUMBERING },
    footnotes: Object.fromEntries(
      [...footnotes.values()].map(({ number, definition }) => [
        number,
        { children: definition.children.flatMap((child) => (child.type === 'paragraph' ? [new Paragraph({ children: runs(child.children) })] : [])) },
      ]),
    ),
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(runningHeader(front))] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [...header, ...recommendations, ...bodyBlocks, ...bibliography],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The paper as simple HTML, the way its pack prints it. */
export function paperHtml(paper: Paper): string {
  const { front, body, footnotes } = paper;
  const inline = (nodes: PhrasingContent[]): string =>
    nodes
      .map((node): string => {
        switch (node.type) {
          case 'text':
            return escapeHtml(node.value);
          case 'strong':
            return `<b>${inline(node.children)}</b>`;
          case 'emphasis':
            return `<i>${inline(node.children)}</i>`;
          case 'inlineCode':
            return escapeHtml(node.value);
          case 'break':
            return '<br>';
          case 'html':
            return /^<br\s*\/?>$/i.test(node.value) ? '<br>' : '';
          case 'footnoteReference': {
            const note = footnotes.get(node.identifier);
            return note ? `<sup>${note.number}</sup>` : '';
          }
          default:
            return 'children' in node ? inline(node.children as PhrasingContent[]) : '';
        }
      })
      .join('');
  const blocks = (nodes: RootContent[]): string =>
    nodes
      .map((node): string => {
        switch (node.type) {
          case 'heading':
            return `<h${node.depth}>${inline(node.children)}</h${node.depth}>`;
          case 'paragraph':
            return `<p>${inline(node.children)}</p>`;
          case 'list': {
            // a numbered list prints its numbers as its text has them ("a)"); a tight list's items hold their text
            const content = (item: ListItem) =>
              node.spread ? blocks(item.children as RootContent[]) : item.children.map((child) => (child.type === 'paragraph' ? inline(child.children) : blocks([child]))).join('');
            const items = node.children.map((item) => `<li>${content(item)}</li>`).join('');
            if (node.ordered) return `<ol start="${node.start ?? 1}">${items}</ol>`;
            return numberedStyle(node) ? `<ol class="as-printed">${items}</ol>` : `<ul>${items}</ul>`;
          }
          case 'table':
            return `<table${node.children[0]!.children.length > 8 ? ' class="wide"' : ''}>${node.children
              .map((row, index) => `<tr>${row.children.map((cell) => `<${index ? 'td' : 'th'}>${inline(cell.children)}</${index ? 'td' : 'th'}>`).join('')}</tr>`)
              .join('')}</table>`;
          case 'blockquote':
            return blocks(node.children as RootContent[]);
          case 'code':
            return `<pre>${escapeHtml(node.value)}</pre>`;
          default:
            return '';
        }
      })
      .join('\n');
  const fields = headerFields(front)
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  const notes = [...footnotes.values()]
    .map(({ number, definition }) => `<p class="footnote"><sup>${number}</sup> ${definition.children.map((child) => (child.type === 'paragraph' ? inline(child.children) : '')).join(' ')}</p>`)
    .join('');
  return `<section class="paper">
${front.marking ? `<p class="marking">${escapeHtml(front.marking)}</p>` : ''}
${front.item ? `<p class="item">Agenda Item: ${escapeHtml(front.item)}</p>` : ''}
<table class="fields">${fields}</table>
${front.title ? `<h1>${escapeHtml(front.title)}</h1>` : ''}
${separateRecommendations(paper) ? `<p><b>Recommendations</b></p>${(front.recommendations ?? []).map((text) => `<p>${escapeHtml(text)}</p>`).join('')}` : ''}
${blocks(body.children)}
${notes ? `<hr>${notes}` : ''}
${front.sources?.length || front.contacts?.length ? '<p><b>BIBLIOGRAPHY</b></p>' : ''}
${front.sources?.length ? `<p><b>Source Document(s)</b></p>${front.sources.map((source) => `<p>${escapeHtml(source.url && source.url !== source.title ? `${source.title} ${source.url}` : source.title)}</p>`).join('')}` : ''}
${front.contacts?.length ? `<p><b>Contact Officer(s)</b></p>${front.contacts.map((contact) => `<p>${escapeHtml([contact.name, contact.role, contact.email, contact.phone].filter(Boolean).join(', '))}</p>`).join('')}` : ''}
</section>`;
}

/**
 * Arimo, which has Arial's and Liberation Sans's measures, from the npm package @fontsource/arimo, embedded in the
 * page: a paper prints alike, line for line, whichever Chromium prints it and whatever fonts the machine has.
 */
function arimoFaces(): string {
  const files = join(dirname(createRequire(import.meta.url).resolve('@fontsource/arimo')), 'files');
  return [400, 700]
    .flatMap((weight) => ['normal', 'italic'].map((style) => ({ weight, style })))
    .map(({ weight, style }) => {
      const font = readFileSync(join(files, `arimo-latin-${weight}-${style}.woff2`)).toString('base64');
      return `@font-face { font-family: Arimo; font-weight: ${weight}; font-style: ${style}; src: url(data:font/woff2;base64,${font}) format('woff2'); }`;
    })
    .join('\n');
}

const STYLE = `
  ${arimoFaces()}
  body { font-family: Arimo, Arial, 'Liberation Sans', sans-serif; font-size: 11pt; line-height: 1.3; overflow-wrap: break-word; }
  .paper + .paper { break-before: page; }
  .marking, .item { text-align: right; font-weight: bold; margin: 0 0 4pt; }
  .fields th { text-align: left; padding-right: 2em; }
  h1 { font-size: 14pt; } h2 { font-size: 12pt; } h3, h4, h5, h6 { font-size: 11pt; }
  table { border-collapse: collapse; font-size: 8pt; margin: 8pt 0; }
  table:not(.fields) { width: 100%; }
  table.wide { font-size: 6pt; }
  table.wide th, table.wide td { padding: 1pt 2pt; }
  tr { break-inside: avoid; }
  ol.as-printed { list-style: none; }
  table:not(.fields) th, table:not(.fields) td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; }
  table.fields { font-size: 11pt; }
  .footnote { font-size: 9pt; margin: 2pt 0; }
`;

/**
 * The paper printed to PDF by Chromium, A4, with the running header ("<To> / <date>") and "Page N of M" footer on
 * every page. Given several papers, prints them one after another as one pack (the header is the first paper's).
 */
export async function renderPdf(paperFile: string | string[]): Promise<Uint8Array> {
  const papers = (Array.isArray(paperFile) ? paperFile : [paperFile]).map(readPaper);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(papers[0]!.front.title ?? 'Minutes')}</title><style>${STYLE}</style></head><body>${papers.map(paperHtml).join('\n')}</body></html>`;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:9pt;width:100%;text-align:right;margin:0 1.5cm">${escapeHtml(runningHeader(papers[0]!.front))}</div>`,
      footerTemplate: '<div style="font-size:9pt;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: '2cm', bottom: '2cm', left: '1.5cm', right: '1.5cm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
