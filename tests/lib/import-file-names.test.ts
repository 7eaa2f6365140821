/**
 * A pack's file name is a value, never text joined into a format: whatever it holds, every draft's
 * frontmatter reads, by the site's own parser, as the fields the importer meant, a draft included.
 */
import { describe, expect, it } from 'vitest';
import { parseFrontmatterFile, parseYamlFile } from '#lib/text/frontmatter.ts';
import { packFiles, type PackTarget } from '#lib/import/write-pack.ts';
import { parsePack } from '#lib/import/parse-pack.ts';
import { readText } from '#lib/import/read-text.ts';

const PACK = readText(
  'Business Coordination Board\n\n10th January 2030\n\nAGENDA\n\n1. Estates update\n\nAgenda Item 1\n\nTo: Business Coordination Board\nFrom: Chief Executive\nDate: 10th January 2030\n\nESTATES UPDATE\n\n1. Purpose\n\n1.1 This report updates the Board.\n',
);
const BODIES = [{ id: 'bcb', name: 'Business Coordination Board', aliases: [] }];

/** File names from the pieces that end a comment, a block or a line, in every order. */
function generatedNames(count: number): string[] {
  const pieces = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\v', '\f', '\u0000', '---', '...', 'title: Injected', 'draft: false', '{process.exit(1)}', '#', ': ', '"', "'", '<script>', ' ', 'pack', '.txt'];
  let seed = 5;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 2 + next(10) }, () => pieces[next(pieces.length)]!).join(''));
}

describe('the file name of a pack in its drafts', () => {
  it('never ends a frontmatter early, adds a field or unsets draft, in any draft, whatever it holds', () => {
    const pack = parsePack(PACK);
    const expected = packFiles(pack, { body: 'bcb', date: '2030-01-10', sourceName: 'pack.txt' }, () => false, BODIES).files;
    expect(expected.filter((file) => file.path.endsWith('.mdx')).length).toBeGreaterThanOrEqual(2);
    const fieldsOf = (path: string, text: string) => (path.endsWith('.yaml') ? parseYamlFile(text) : parseFrontmatterFile(text));
    for (const sourceName of generatedNames(200)) {
      const target: PackTarget = { body: 'bcb', date: '2030-01-10', sourceName };
      const { files } = packFiles(pack, target, () => false, BODIES);
      expect(files.map((file) => file.path)).toEqual(expected.map((file) => file.path));
      files.forEach((file, index) => {
        const read = fieldsOf(file.path, file.text);
        expect(read.data, JSON.stringify(sourceName)).toEqual(fieldsOf(file.path, expected[index]!.text).data);
        if (file.path.endsWith('.mdx')) expect((read.data as { draft?: boolean }).draft).toBe(true);
      });
    }
  });
});
