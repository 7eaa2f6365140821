import { describe, expect, it } from 'vitest';
import { logHeaderRow, readLogRows } from '#lib/import/pack-log-rows.ts';
import type { PackLine } from '#lib/import/pack-text.ts';

/** A log's lines as text extraction prints a table: one cell to a line, blank lines between, on the pages given. */
function printed(cells: readonly (string | { text: string; page: number })[]): PackLine[] {
  let page = 1;
  return cells.flatMap((cell, index) => {
    const text = typeof cell === 'string' ? cell : cell.text;
    if (typeof cell !== 'string') page = cell.page;
    return [{ text, line: index * 2 + 1, lead: false, page }, { text: '', line: index * 2 + 2, lead: false, page }];
  });
}

const HEADER = ['Action No.', 'Meeting Date', 'Action', 'Owner', 'Status'];

describe('an action log read by its header row', () => {
  it('reads every row when a page breaks inside one, the next page headed by its protective marking', () => {
    const lines = printed([
      ...HEADER,
      '1.0', { text: 'Official', page: 2 }, '10/12/2029', 'Report on sickness absence.', 'Chief Constable', 'Open',
      '2.0', '10/12/2029', 'Review the estates plan.', 'OPCC', 'Closed',
    ]);
    const rows = readLogRows(lines, logHeaderRow(lines, 0)!)!.rows;
    expect(rows.map((row) => [row.number, row.raised, row.action, row.owner, row.status])).toEqual([
      ['1.0', '2029-12-10', 'Report on sickness absence.', 'Chief Constable', 'Open'],
      ['2.0', '2029-12-10', 'Review the estates plan.', 'OPCC', 'Closed'],
    ]);
  });

  it('keeps a marking printed within a page as a cell: only the head of a new page is the page’s', () => {
    const lines = printed([...HEADER, '1.0', '10/12/2029', 'Official', 'Chief Constable', 'Open']);
    expect(readLogRows(lines, logHeaderRow(lines, 0)!)!.rows[0]!.action).toBe('Official');
  });
});
