/**
 * What an imported pack is, between its three steps:
 *   1. a reader turns a file (.txt, .pdf, .docx) into `SourceBlock`s: its lines, and its tables when the file
 *      knows them (Word does; PDF and text do not);
 *   2. the pack parser turns the blocks into an `ImportedPack`: the meeting, its action log and its documents,
 *      each document's text as a Markdown tree (mdast), and a note of everything that needs a human look;
 *   3. the writer serialises the pack into draft files under content/meetings/<body>/<date>/ with the
 *      unified tools, so that escaping is right and imported text never becomes MDX code or markup.
 */
import type { Root } from 'mdast';

/** One line of the source, as a reader gives it. */
export interface SourceLine {
  kind: 'line';
  /** the text, with no line break; "" for a blank line */
  text: string;
  /** the line in the source file (1-based) for text; for PDF and Word, the line of the reader's text form */
  line: number;
  /** the page it was printed on (1-based), when the reader knows pages */
  page?: number;
  /** the font size in points, when the reader knows it (PDF): a larger size marks a heading */
  fontSize?: number;
  /** whether the whole line is bold, when the reader knows it */
  bold?: boolean;
  /** the heading level the source gives it (Word's "Heading 2" style), when it gives one */
  headingLevel?: number;
  /** a list item, when the source marks it as one (Word): its depth (0 outermost) and whether it is numbered */
  listItem?: { depth: number; ordered: boolean };
  /** the line split into cells where the gap between its pieces of text is much wider than a word space (PDF: a
   *  table's row), each with its left edge in points from the page's left; only when there are two cells or more */
  cells?: { text: string; x: number }[];
}

/** A table whose rows and cells the source knows (Word). */
export interface SourceTable {
  kind: 'table';
  /** rows of cells, the first row the header; each cell its text, line breaks as "\n" */
  rows: string[][];
  line: number;
  page?: number;
}

export type SourceBlock = SourceLine | SourceTable;

/** Where a reader's text came from, for the report and for `attachments`. */
export interface SourceFile {
  /** the file as given on the command line */
  path: string;
  format: 'text' | 'pdf' | 'docx';
  blocks: SourceBlock[];
  /** pages in the source, when known */
  pages?: number;
}

/** Something the importer did or could not do, for a human to look at. */
export interface ImportNote {
  /** the document it concerns: "meeting", "action log", or a paper's title */
  document: string;
  /** the line of the source it concerns, when there is one */
  sourceLine?: number;
  /** what needs looking at, in plain words */
  message: string;
  /** removed: page furniture taken out; uncertain: a guess to check; missing: a field not found */
  kind: 'removed' | 'uncertain' | 'missing' | 'placed';
}

export interface ImportedAgendaItem {
  /** as printed: "5", "5.0", "8.1" */
  number: string;
  title: string;
  presenter?: string;
  kind: 'paper' | 'verbal' | 'procedural' | 'minutes' | 'action-log' | 'heading';
  /** for kind "minutes": the date (YYYY-MM-DD) of the meeting whose minutes it approves */
  minutesOf?: string;
  items?: ImportedAgendaItem[];
}

export interface ImportedActionRow {
  number: string;
  /** YYYY-MM-DD */
  raised: string;
  item?: string;
  action: string;
  owner?: string;
  /** YYYY-MM-DD, or text as printed ("Date Req") */
  target?: string;
  update?: string;
  /** YYYY-MM-DD */
  updated?: string;
  status?: 'Open' | 'Ongoing' | 'Not Started' | 'Closed';
  note?: string;
}

export interface ImportedDocument {
  kind: 'paper' | 'minutes';
  /** the agenda item it is matched to, as printed; undefined when it could not be matched */
  item?: string;
  /** how the match was made: "Agenda Item line", "title", "presenter", "order" */
  matchedBy?: string;
  title: string;
  to?: string;
  from?: string;
  /** YYYY-MM-DD */
  date?: string;
  marking?: string;
  recommendations: string[];
  contacts: { name: string; role?: string; email?: string; phone?: string }[];
  sources: { title: string; url?: string }[];
  appendices: { title: string; included: boolean; note?: string }[];
  /** for minutes: the date (YYYY-MM-DD) of the meeting they record */
  minutesOf?: string;
  /** the text, as a Markdown tree: headings, paragraphs, lists, GFM tables; `<EditorialNote>` marks are
   *  mdxJsxFlowElement nodes named EditorialNote holding one paragraph of plain text */
  body: Root;
  /** the first and last lines of the source it came from */
  sourceLines: [number, number];
  /** every source line given to it, header block included: what the line account expects to find in its file */
  lines?: number[];
}

/** A source line taken out as page furniture, and the pattern it matched ("running headers and footers"). */
export interface FurnitureLine {
  line: number;
  pattern: string;
}

export interface ImportedPack {
  /** the body as the front sheet names it ("Business Coordination Board"), when it does */
  bodyName?: string;
  /** YYYY-MM-DD, when the front sheet gives it */
  date?: string;
  /** HH:MM, 24-hour */
  time?: string;
  venue?: string;
  agenda: ImportedAgendaItem[];
  /** the log and the source lines it was read from */
  actionLog?: { title: string; rows: ImportedActionRow[]; lines?: number[] };
  documents: ImportedDocument[];
  notes: ImportNote[];
  /** the source lines of the front sheet and the agenda: read into the meeting's index.mdx */
  meetingLines?: number[];
  /** the source lines removed as page furniture */
  furniture?: FurnitureLine[];
}
