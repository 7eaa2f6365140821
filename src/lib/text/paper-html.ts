/**
 * The rendered text of a document, made ready for its page: anchors for numbered paragraphs ("3.1") and
 * appendices, so they can be linked to (/board/2019-06-11/5/#para-3.1, /board/2019-06-11/6/#appendix-1);
 * names for tables, footnote links and task marks that a screen reader can use; and a mark on links whose
 * text is their address, for print. Works on the HTML the Markdown processor emits.
 */
import { decodeHTML } from 'entities';
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
    // tabindex -1: a long paper has a hundred numbered paragraphs; their links stay for sharing, not as Tab stops
    return `<p id="${id}"><a class="para-number" href="#${id}" tabindex="-1" aria-label="Paragraph ${number}">${number}</a>${space}`;
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

/** A header cell with nothing in it (the corner of a table whose first column has no heading) is a data cell. */
export function emptyHeaderCellsAsData(html: string): string {
  return html.replace(/<th(\s[^>]*)?>(\s*)<\/th>/g, (_match, attributes: string | undefined, space: string) => `<td${(attributes ?? '').replace(/\sscope="[^"]*"/, '')}>${space}</td>`);
}

/**
 * A footnote's way back, "↩", is named "Back to reference 1" by the processor; a name that is not the
 * link's visible text fails WCAG 2.5.3, so the arrow is hidden from screen readers and the name is its text.
 */
export function nameFootnoteBacklinks(html: string): string {
  return html.replace(
    /(<a [^>]*?)\saria-label="(Back to reference [^"]*)"([^>]*\bdata-footnote-backref\b[^>]*)>↩/g,
    (_match, before: string, name: string, after: string) => `${before}${after}><span aria-hidden="true">↩</span><span class="sr-only">${name}</span>`,
  );
}

/**
 * A task list's box ("- [x] Actions agreed") comes out as a disabled checkbox with no label. In a published
 * paper it is a mark, not a control: "☑" or "☐", read out as "Done" or "Not done".
 */
export function taskMarksAsText(html: string): string {
  return html.replace(/<input type="checkbox"(\s+checked)?\s+disabled\s*\/?>/g, (_match, checked: string | undefined) =>
    checked ? '<span class="task-mark" role="img" aria-label="Done">☑</span>' : '<span class="task-mark" role="img" aria-label="Not done">☐</span>',
  );
}

/** What a link's text says, compared with its address: "https://example.org/a/" shows as "example.org/a". */
const comparableAddress = (text: string) =>
  decodeHTML(text).trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');

/**
 * A link whose text is its own address is marked, so that print, which writes a link's address after it,
 * does not write it twice.
 */
export function markLinksShowingAddress(html: string): string {
  return html.replace(/<a href="(https?:[^"]*)"([^>]*)>([^<]*)<\/a>/g, (match, href: string, attributes: string, text: string) =>
    comparableAddress(href) === comparableAddress(text) ? `<a href="${href}"${attributes} class="shows-address">${text}</a>` : match,
  );
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
  /** the heading the table follows directly, with nothing between */
  heading: string;
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
 * The name is the table's caption; else the heading it directly follows; else "Table: " and its first header
 * row; else "Table 3". (GFM has no caption syntax, and the packs print few titles of tables: none is invented.) The HTML is
 * read with htmlparser2, and only the wrapper is written: every byte of the tables is copied as it came.
 * A table inside a table is left inside its outer table's region.
 */
export function wrapTables(html: string): string {
  if (!/<table[\s>]/i.test(html)) return html;
  const found: TableFound[] = [];
  let table: TableFound | undefined;
  /** tables open, the outermost one counted */
  let depth = 0;
  /** the heading being read, and the last one read with where it ended */
  let heading: string | undefined;
  let lastHeading = { text: '', end: -1 };
  const parser = new Parser({
    onopentag(name) {
      if (depth === 0 && /^h[2-6]$/.test(name)) heading = '';
      if (name === 'table') {
        depth++;
        const follows = lastHeading.end >= 0 && html.slice(lastHeading.end, parser.startIndex).trim() === '';
        if (depth === 1) table = { start: parser.startIndex, end: html.length, caption: '', heading: follows ? lastHeading.text : '', headerCells: [], headerHasTh: false, headerRow: 'none', cell: undefined, inCaption: false };
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
      if (heading !== undefined) heading += text;
      if (!table || depth !== 1) return;
      if (table.inCaption) table.caption += text;
      else if (table.cell !== undefined) table.cell += text;
    },
    onclosetag(name, isImplied) {
      if (heading !== undefined && /^h[2-6]$/.test(name)) {
        lastHeading = { text: collapse(heading), end: parser.endIndex + 1 };
        heading = undefined;
      }
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
  /** a region's name is its landmark's name, which must differ from every other on the page */
  const namesUsed = new Map<string, number>();
  found.forEach((each, index) => {
    const caption = collapse(each.caption);
    const header = each.headerCells.filter(Boolean).join(', ');
    const name = caption || each.heading || (header ? `Table: ${shorten(header)}` : `Table ${index + 1}`);
    const uses = (namesUsed.get(name) ?? 0) + 1;
    namesUsed.set(name, uses);
    const label = uses === 1 ? name : `${name} (${uses})`;
    output += `${html.slice(copiedTo, each.start)}<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(label)}">${html.slice(each.start, each.end)}</div>`;
    copiedTo = each.end;
  });
  return output + html.slice(copiedTo);
}

/** The rendered text of a document as the site shows it: each step above, in turn. */
export function presentDocumentHtml(html: string): string {
  return [anchorNumberedParagraphs, anchorAppendices, emptyHeaderCellsAsData, nameFootnoteBacklinks, markLinksShowingAddress, taskMarksAsText, wrapTables].reduce(
    (text, step) => step(text),
    html,
  );
}
