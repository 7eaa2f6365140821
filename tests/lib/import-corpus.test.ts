/**
 * The importer on packs it has never seen: twelve packs printed from the papers, minutes and action log that
 * content/ publishes, in other orders and layouts (see tests/support/pack-corpus.ts). What each pack holds is
 * known by construction, so each import is judged against it: every line accounted for, no word lost, every
 * paper under its item, every action log found row by row wherever it is printed, the words kept (counted word
 * by word), no table made and no heading made from a spreadsheet's labels, a table's cells or a footnote.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '#lib/import/compare.ts';
import { measureGenerated } from '#lib/import/measure.ts';
import { corpusPacks } from '../support/pack-corpus.ts';
import { importPrinted, linesWithTextOf, wordsLost } from '../support/import-printed.ts';
import { printPack } from '../support/print-pack.ts';

const packs = corpusPacks(join(import.meta.dirname, '../../content'));

describe('packs printed from the published archive, imported', () => {
  it('are at least twelve, and between them print every layout the importer must read', () => {
    expect(packs.length).toBeGreaterThanOrEqual(12);
    const documents = packs.flatMap((pack) => pack.spec.documents);
    const places = new Set(documents.flatMap((document) => (document.kind === 'action-log' ? [document.place] : [])));
    expect([...places].sort()).toEqual(['after-agenda', 'in-minutes', 'own-paper']);
    const headers = new Set(documents.flatMap((document) => (document.kind === 'paper' ? [document.header] : [])));
    expect([...headers].sort()).toEqual(['agenda-item', 'front-sheet', 'report-of', 'to-from-date']);
    const blocks = documents.flatMap((document) => (document.kind === 'action-log' ? [] : document.blocks));
    expect(blocks.some((block) => block.kind === 'matrix')).toBe(true);
    expect(blocks.some((block) => block.kind === 'footnote')).toBe(true);
    expect(packs.some((pack) => pack.spec.runningHeader) && packs.some((pack) => pack.spec.pageLength === 0)).toBe(true);
  });

  for (const pack of packs) {
    it(`${pack.name}: ${pack.about}`, () => {
      const printed = printPack(pack.spec);
      const { accounted } = importPrinted(printed);
      // every line accounted for, only furniture removed, no word lost
      expect(accounted.problems).toEqual([]);
      expect(accounted.account.total).toBe(linesWithTextOf(printed).length);
      for (const line of accounted.account.furniture.flatMap((entry) => entry.lines)) expect(printed.lines[line - 1]!.role).toBe('furniture');
      expect(wordsLost(printed, accounted.files)).toEqual([]);
      // every part where it belongs, every action row read, the words kept in their drafts
      const content = printed.lines.filter((line) => line.role === 'content').flatMap((line) => wordsOf(line.text));
      const measured = measureGenerated(printed.parts, content, accounted.files);
      expect(measured.parts.placed).toBe(measured.parts.expected);
      expect(measured.actionRows.found).toBe(measured.actionRows.expected);
      expect(measured.recall).toBeGreaterThanOrEqual(0.98);
      // no table made, and no heading made from what a pack prints as labels, cells or footnotes
      expect(measured.tablesMade).toBe(0);
      const blocks = pack.spec.documents.flatMap((document) => (document.kind === 'action-log' ? [] : document.blocks));
      const key = (text: string) => wordsOf(text).join(' ');
      // a cell whose words the pack also prints as a line of their own ("ACTION") may be read either way
      const alone = new Set(blocks.flatMap((block) => (block.kind === 'paragraph' || block.kind === 'heading' ? [key(block.text)] : [])));
      const labels = blocks.flatMap((block) => (block.kind === 'matrix' ? block.labels : block.kind === 'table' ? block.rows.flat() : block.kind === 'footnote' ? [`${block.number} ${block.text}`] : []));
      const notHeadings = new Set(labels.map(key).filter((text) => !alone.has(text)));
      expect(measured.headingsMade.filter((heading) => notHeadings.has(heading))).toEqual([]);
    });
  }
});
