import { describe, expect, it } from 'vitest';
import { syntheticArchive } from '../../tools/synthetic-archive.ts';
import { checkContent, formatProblem } from '#lib/check/check.ts';

describe('the benchmark archive generator', () => {
  const files = syntheticArchive(200);
  const encoder = new TextEncoder();
  const result = checkContent([...files].map(([path, text]) => ({ path, bytes: encoder.encode(text) })));

  it('produces content that passes the content check', () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
  });
  it('produces about the number of documents asked for', () => {
    const documents = [...files.keys()].filter((path) => path.endsWith('.mdx')).length;
    expect(documents).toBeGreaterThanOrEqual(190);
    expect(documents).toBeLessThanOrEqual(210);
  });
  it('writes papers of about 1,500 words with tables and citations', () => {
    const paper = files.get('meetings/board/2000-01-10/03-paper.mdx')!;
    const words = paper.split(/\s+/).length;
    expect(words).toBeGreaterThan(1400);
    expect(words).toBeLessThan(1900);
    expect(paper).toContain('| Measure | 2018/19 | 2019/20 | Change |');
    expect(paper).toMatch(/Agenda Item \d\.0, Strategic Board, 3rd January 2000/);
    expect(paper).toMatch(/SPCC 2000-\d{3}/);
  });
  it('is the same every time', () => {
    expect(syntheticArchive(200)).toEqual(files);
  });
});
