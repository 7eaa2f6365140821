/**
 * Anchors in the rendered text of a paper, so that a numbered paragraph ("3.1") or an appendix can be
 * linked to: /bcb/2019-06-11/5/#para-3.1, /bcb/2019-06-11/6/#appendix-1.
 * Works on the HTML the Markdown processor emits, touching only the opening tags it wrote.
 */
import { Parser } from 'htmlparser2';
import { escapeHtml } from './citation-html.ts';

const NUMBERED_PARAGRAPH = /<p>(\d{1,2}(?:\.\d{1,3})+)(\s|&nbsp;)/g;
const APPENDIX_HEADING = /<h([2-4])(\s[^>]*)?>(\s*Appendix\s+([A-Z0-9]{1,3})\b)/gi;

/** "3.1" → "para-3.1"; repeats (an appendix restarting its numbering) get "-2", "-3". */
export function anchorNumberedParagraphs(html: string): string {
  const used = new Map<string, number>();
  return html.replace(NUMBERED_PARAGRAPH, (_match, number: string, space: string) => {
    const count = (used.get(number) ?? 0) + 1;
    used.set(number, count);
    const id = count === 1 ? `para-${number}` : `para-${number}-${count}`;
    return `<p id="${id}"><a class="para-number" href="#${id}" aria-label="Paragraph ${number}">${number}</a>${space}`;
  });
}

/** The anchor of an appendix from its title: "Appendix 1 – Grants" → "appendix-1". */
export function appendixAnchor(title: string): string {
  const label = /^\s*Appendix\s+([A-Z0-9]{1,3})\b/i.exec(title)?.[1];
  return label ? `appendix-${label.toLowerCase()}` : 'appendices';
}

/** "Appendix 1 – Grants" heading → id "appendix-1", replacing any id the processor gave it. */
export function anchorAppendices(html: string): string {
  const used = new Set<string>();
  return html.replace(APPENDIX_HEADING, (match, level: string, attributes: string | undefined, text: string, label: string) => {
    const id = appendixAnchor(`Appendix ${label}`);
    if (used.has(id)) return match;
    used.add(id);
    const otherAttributes = (attributes ?? '').replace(/\sid="[^"]*"/, '');
    return `<h${level} id="${id}"${otherAttributes}>${text}`;
  });
}

export function anchorPaperText(html: string): string {
  return anchorAppendices(anchorNumberedParagraphs(html));
}

/** The most characters of a table's header row that name its scroll region. */
const LABEL_LENGTH = 80;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "Force, Area, Measure, …" cut at a word to about 80 characters. */
function shorten(text: string): string {
  if (text.length <= LABEL_LENGTH) return text;
  const cut = text.slice(0, LABEL_LENGTH - 1);
  const atWord = cut.slice(0, cut.lastIndexOf(' '));
  return `${(atWord.length > LABEL_LENGTH / 2 ? atWord : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/** One table of the text, outermost only: where it starts and ends, and what names it. */
interface TableFound {
  start: number;
  end: number;
  caption: string;
  headerCells: string[];
  /** whether the first row has a header cell: a first row of data cells only is no header row */
  headerHasTh: boolean;
  /** 'open' while the first header row is being read, 'done' once it has been */
  headerRow: 'none' | 'open' | 'done';
  cell: string | undefined;
  inCaption: boolean;
}

/**
 * Puts every table of a paper's text in a scroll region that the keyboard can reach and a screen reader
 * can name (GOV.UK's pattern): <div class="table-scroll" role="region" tabindex="0" aria-label="…">.
 * The name is the table's caption; else "Table: " and its first header row; else "Table 3". The HTML is
 * read with htmlparser2, and only the wrapper is written: every byte of the tables is copied as it came.
 * A table inside a table is left inside its outer table's region.
 */
export function wrapTables(html: string): string {
  if (!/<table[\s>]/i.test(html)) return html;
  const found: TableFound[] = [];
  let table: TableFound | undefined;
  /** tables open, the outermost one counted */
  let depth = 0;
  const parser = new Parser({
    onopentag(name) {
      if (name === 'table') {
        depth++;
        if (depth === 1) table = { start: parser.startIndex, end: html.length, caption: '', headerCells: [], headerHasTh: false, headerRow: 'none', cell: undefined, inCaption: false };
        return;
      }
      if (!table || depth !== 1) return;
      if (name === 'caption') table.inCaption = true;
      else if (name === 'tr' && table.headerRow === 'none') table.headerRow = 'open';
      else if ((name === 'th' || name === 'td') && table.headerRow === 'open') {
        table.cell = '';
        if (name === 'th') table.headerHasTh = true;
      }
    },
    ontext(text) {
      if (!table || depth !== 1) return;
      if (table.inCaption) table.caption += text;
      else if (table.cell !== undefined) table.cell += text;
    },
    onclosetag(name, isImplied) {
      if (name === 'table') {
        depth--;
        if (depth === 0 && table) {
          if (!isImplied) table.end = parser.endIndex + 1;
          found.push(table);
          table = undefined;
        }
        return;
      }
      if (!table || depth !== 1) return;
      if (name === 'caption') table.inCaption = false;
      else if ((name === 'th' || name === 'td') && table.cell !== undefined) {
        table.headerCells.push(collapse(table.cell));
        table.cell = undefined;
      } else if (name === 'tr' && table.headerRow === 'open') {
        table.headerRow = 'done';
        if (!table.headerHasTh) table.headerCells = [];
      }
    },
  });
  parser.end(html);
  if (table) found.push(table);

  let output = '';
  let copiedTo = 0;
  found.forEach((each, index) => {
    const caption = collapse(each.caption);
    const header = each.headerCells.filter(Boolean).join(', ');
    const label = caption || (header ? `Table: ${shorten(header)}` : `Table ${index + 1}`);
    output += `${html.slice(copiedTo, each.start)}<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(label)}">${html.slice(each.start, each.end)}</div>`;
    copiedTo = each.end;
  });
  return output + html.slice(copiedTo);
}
