/**
 * Tables a PDF prints as rows of cells. The PDF reader splits a line into cells where the gap between its pieces of
 * text is much wider than a word space, each cell with its left x. A run of such lines whose cells line up in the
 * same columns is a table: it is rebuilt as rows and columns, the first row the header, and a note asks for a check.
 * Lines whose cells do not line up (prose with a wide space, a two-column layout) are left as they are.
 *
 * The rows of a run: where the run's rows are printed apart (a blank line between them, as a cell's padding leaves
 * in the reader's text), a line straight after another is the same row's text wrapped onto a further line; where
 * they are printed close together, a line with a cell in the first column starts a row, and one without continues it.
 * A wrapped line with no wide gap gives no x: it goes to the cell above that was fullest for its column's width.
 */
import type { ImportNote } from './model.ts';
import { isBlank, type PackLine } from './pack-text.ts';

/** Cells whose left edges are this close (points) are in the same column. */
const TOLERANCE = 3;

/** A line of the run: its index, whether it has cells, and whether a blank line comes before it. */
interface RunLine {
  index: number;
  line: PackLine;
  afterBlank: boolean;
}

interface Row {
  lines: RunLine[];
}

/** A short line that can be a row of its own in a table, its text in the first column ("Police Officers:"). */
function isLoneRow(text: string): boolean {
  return text.length <= 60 && text.split(' ').length <= 8 && !/[.;?!]$/.test(text);
}

/** The lines of a run of table rows from `start` (a line with cells): [lines, index after the run]. */
function gatherRun(lines: PackLine[], start: number, textSize: number | undefined): { run: RunLine[]; end: number } {
  const size = lines[start].fontSize;
  const run: RunLine[] = [];
  let afterBlank = true;
  let at = start;
  for (; at < lines.length; at += 1) {
    const line = lines[at];
    if (line.table) break;
    if (isBlank(line)) {
      afterBlank = true;
      continue;
    }
    if (line.fontSize !== size) break;
    if (!line.cells && afterBlank) {
      // a row with text in one cell only: kept when more rows with cells follow
      let next = at + 1;
      while (next < lines.length && isBlank(lines[next])) next += 1;
      // (or, last, when the table is set smaller than the text)
      const smaller = size !== undefined && textSize !== undefined && size < textSize;
      if (!isLoneRow(line.text) || ((!lines[next]?.cells || lines[next].fontSize !== size) && !smaller)) break;
    }
    run.push({ index: at, line, afterBlank });
    afterBlank = false;
  }
  // the run ends at its last line, not at the blank lines after it
  const end = run.length > 0 ? run[run.length - 1].index + 1 : start + 1;
  return { run, end };
}

/** The run's rows: a blank line starts one where rows are printed apart; a cell in the first column where they are not. */
function rowsOf(run: RunLine[]): Row[] {
  const withCells = run.slice(1).filter((entry) => entry.line.cells);
  // (a header or a cell wrapped over two lines or three leaves fewer blank lines than rows; a page break in a table
  // printed close together leaves one)
  const apart = withCells.filter((entry) => entry.afterBlank).length * 3 >= withCells.length;
  const firstX = Math.min(...run.filter((entry) => entry.line.cells).map((entry) => entry.line.cells![0].x));
  const rows: Row[] = [];
  for (const entry of run) {
    const startsRow = rows.length === 0 || entry.afterBlank || (!apart && entry.line.cells !== undefined && entry.line.cells[0].x <= firstX + TOLERANCE);
    if (startsRow) rows.push({ lines: [entry] });
    else rows[rows.length - 1].lines.push(entry);
  }
  return rows;
}

/** Splits the rows into tables: a bold row with cells after rows that are not bold is the header of the next. */
function splitTables(rows: Row[]): Row[][] {
  const tables: Row[][] = [];
  for (const row of rows) {
    const first = row.lines[0].line;
    const previous = tables.at(-1)?.at(-1)?.lines[0].line;
    if (!previous || (first.bold && first.cells && !previous.bold)) tables.push([row]);
    else tables[tables.length - 1].push(row);
  }
  return tables;
}

/** The columns' left edges, from the x of the rows' cells: each the leftmost of a group, and how many rows hit it. */
function columnEdges(rows: PackLine[][]): { x: number; rows: number }[] {
  const xs = rows.flatMap((lines, at) => lines.flatMap((line) => (line.cells ?? []).map((cell) => ({ x: cell.x, at })))).sort((a, b) => a.x - b.x);
  const groups: { x: number; rows: Set<number> }[] = [];
  for (const { x, at } of xs) {
    const group = groups.at(-1);
    if (group && x - group.x <= TOLERANCE) group.rows.add(at);
    else groups.push({ x, rows: new Set([at]) });
  }
  return groups.map((group) => ({ x: group.x, rows: group.rows.size }));
}

/** The column a cell starting at `x` falls in: the last column whose edge is at or left of it. */
function columnAt(edges: number[], x: number): number {
  let found = -1;
  for (let column = 0; column < edges.length; column += 1) if (edges[column] <= x + TOLERANCE) found = column;
  return found;
}

/** Joins a cell's text with the text wrapped onto its next line ("Mar-" and "16" make "Mar-16"). */
function joinCell(text: string, more: string): string {
  if (!text) return more;
  if (/[\p{L}\d]-$/u.test(text) && /^[\p{Ll}\d]/u.test(more)) return text + more;
  return `${text} ${more}`;
}

/** The table's rows of cell texts, or undefined when its cells do not line up in columns. */
export function tableOfRows(rows: Row[]): string[][] | undefined {
  if (rows.length < 2) return undefined;
  const [header, ...data] = rows;
  const dataRows = data.map((row) => row.lines.map((entry) => entry.line).filter((line) => line.cells)).filter((lines) => lines.length > 0);
  if (dataRows.length === 0) return undefined;
  const found = columnEdges(dataRows);
  if (found.length < 2) return undefined;
  const edges = found.map((edge) => edge.x);
  if (dataRows.length >= 2) {
    // every column is used by two rows or more: cells at x positions of their own are prose, not columns
    if (found.some((edge) => edge.rows < 2)) return undefined;
  } else {
    // one row under the header: the header is set apart in bold, or its cells start at the row's columns
    const head = header.lines[0].line;
    const alike = head.cells!.length === edges.length && head.cells!.every((cell, column) => Math.abs(cell.x - edges[column]) <= TOLERANCE);
    if (!(head.bold && !dataRows[0][0].bold) && !alike) return undefined;
  }
  const widths = edges.map((x, column) => (column + 1 < edges.length ? edges[column + 1] - x : 0));
  const lastWidth = Math.max(...widths);
  const out: string[][] = [];
  for (const row of rows) {
    const cells = edges.map(() => '');
    let column = 0;
    let previous: PackLine | undefined;
    for (const { line } of row.lines) {
      if (line.cells) {
        const used = new Set<number>();
        for (const cell of line.cells) {
          const at = columnAt(edges, cell.x);
          if (at < 0 || used.has(at)) return undefined;
          used.add(at);
          cells[at] = joinCell(cells[at], cell.text);
        }
      } else {
        // no x: the line goes on the cell above that was fullest for its width, or the first column for a row of its own
        if (previous?.cells) {
          // roughly: a character is half the size wide; the wrapped line fits its column
          const charWidth = (line.fontSize ?? 10) * 0.45;
          let fullest = -1;
          for (const cell of previous.cells) {
            const at = columnAt(edges, cell.x);
            const width = widths[at] || lastWidth;
            // a figure does not wrap; a single word seldom does
            const weight = !/\p{L}{2}/u.test(cell.text) ? 0 : cell.text.includes(' ') ? 1 : 0.5;
            const fits = line.text.length * charWidth <= width ? 1 : 0;
            const fill = fits + (weight * cell.text.length * charWidth) / width;
            if (fill > fullest) [fullest, column] = [fill, at];
          }
        } else if (!previous) column = 0;
        cells[column] = joinCell(cells[column], line.text);
      }
      previous = line;
    }
    out.push(cells);
  }
  return out;
}

/**
 * Replaces each run of lines whose cells line up in columns with one line holding the rebuilt table, noting each
 * table for a check. Other lines, and runs that do not line up, are returned as they are.
 */
export function rebuildColumnTables(lines: PackLine[], document: string, notes: ImportNote[]): PackLine[] {
  if (!lines.some((line) => line.cells)) return lines;
  // the text's usual size: the size most of its characters are set in
  const sizes = new Map<number, number>();
  for (const line of lines) if (line.text && line.fontSize !== undefined) sizes.set(line.fontSize, (sizes.get(line.fontSize) ?? 0) + line.text.length);
  const textSize = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0];
  const out: PackLine[] = [];
  let index = 0;
  while (index < lines.length) {
    if (!lines[index].cells) {
      out.push(lines[index]);
      index += 1;
      continue;
    }
    const { run, end } = gatherRun(lines, index, textSize);
    let at = index;
    for (const rows of splitTables(rowsOf(run))) {
      const first = rows[0].lines[0].index;
      const last = rows[rows.length - 1].lines.at(-1)!.index;
      // blank lines between two tables of the run
      for (; at < first; at += 1) out.push(lines[at]);
      const table = tableOfRows(rows);
      if (!table) continue;
      const start = lines[first];
      out.push({ text: '', line: start.line, lead: false, ...(start.page !== undefined ? { page: start.page } : {}), table });
      notes.push({
        document,
        sourceLine: start.line,
        kind: 'uncertain',
        message: `A table of ${table.length - 1} row${table.length === 2 ? '' : 's'} under its header and ${table[0].length} columns was rebuilt from where the PDF prints its cells, from line ${start.line}; check its rows and columns against the pack.`,
      });
      at = last + 1;
    }
    for (; at < end; at += 1) out.push(lines[at]);
    index = end;
  }
  return out;
}
