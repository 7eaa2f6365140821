/**
 * Tables printed as loose cells: a PDF table often comes out one cell to a line, blank lines between,
 * row by row or column by column. A run of such cells is found by its shape (many short lines, no
 * sentence punctuation, figures among them or a "Table" named just before), and its rows are rebuilt
 * when the cells show a simple repeating pattern after the header cells; otherwise it is kept as printed.
 */

/** At least this many cells make a run worth a look. */
export const MIN_CELLS = 6;

/** A line that could be one cell of a table: short, and not a sentence. */
export function isCellText(text: string): boolean {
  if (!text || text.length > 60 || text.split(' ').length > 8) return false;
  if (/[.;:?!,]$/.test(text) && !/\d\.$/.test(text)) return false;
  // a paragraph number alone, or a bullet, is not a cell
  if (/^\d{1,2}(\.\d{1,2})*\.?\s+[A-Za-z]/.test(text)) return false;
  return true;
}

const hasFigure = (text: string): boolean => /\d/.test(text);

/** Whether a run of cells looks like a table rather than a short list or a few headings. */
export function looksLikeTable(cells: string[], tableNamedBefore: boolean): boolean {
  if (cells.length < MIN_CELLS) return false;
  const figures = cells.filter(hasFigure).length;
  if (tableNamedBefore) return true;
  return figures >= 2 && figures >= cells.length / 5;
}

type Kind = 'figure' | 'words';
const kindOf = (text: string): Kind => (hasFigure(text) ? 'figure' : 'words');

/** The kinds of a column, or undefined when they differ. */
function uniform(cells: string[]): Kind | undefined {
  const kinds = new Set(cells.map(kindOf));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

export interface RecoveredTable {
  /** the header row first */
  rows: string[][];
  order: 'row by row' | 'column by column';
}

/**
 * Rebuilds the rows of `cells` when, after the first k cells (the headers, all words), the rest falls
 * into rows of k cells whose columns each hold one kind of cell (figures or words), and not all
 * columns the same kind: printed row by row, or column by column. The smallest such k wins.
 */
export function recoverRows(cells: string[]): RecoveredTable | undefined {
  for (let width = 2; width <= 8 && width * 3 <= cells.length; width += 1) {
    const header = cells.slice(0, width);
    if (header.some((cell) => kindOf(cell) === 'figure')) break;
    const data = cells.slice(width);
    if (data.length % width !== 0) continue;
    const height = data.length / width;
    const byRow = Array.from({ length: height }, (_, row) => data.slice(row * width, (row + 1) * width));
    const rowColumns = Array.from({ length: width }, (_, column) => byRow.map((row) => row[column]));
    if (distinctColumns(rowColumns)) return { rows: [header, ...byRow], order: 'row by row' };
    const colColumns = Array.from({ length: width }, (_, column) => data.slice(column * height, (column + 1) * height));
    if (distinctColumns(colColumns)) return { rows: [header, ...Array.from({ length: height }, (_, row) => colColumns.map((column) => column[row]))], order: 'column by column' };
  }
  return undefined;
}

function distinctColumns(columns: string[][]): boolean {
  const kinds = columns.map(uniform);
  return kinds.every((kind) => kind !== undefined) && new Set(kinds).size > 1;
}

export const UNREADABLE_TABLE_NOTE = 'The rows and columns of the table below could not be read from the pack, so its cells are shown one after another, in the order in which they are printed.';
