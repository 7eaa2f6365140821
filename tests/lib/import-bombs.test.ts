/**
 * Decompression bombs given to the importer's readers, made small (300 MB inflated from a few hundred
 * kilobytes): each is refused in words within seconds, whatever its headers declare; the same file made
 * honest is read. The limits the readers run under stop even synchronous work.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourceFile } from '#lib/import/read-file.ts';
import { MAX_INFLATED_BYTES, READER_LIMITS, readBounded } from '#lib/import/bounded-read.ts';
import { streamBeyondLimit } from '#lib/import/read-pdf.ts';
import { docxBomb, pdfBomb, wordFile } from '../support/bombs.ts';

const MB = 1024 * 1024;
const scratch = mkdtempSync(join(tmpdir(), 'import-bombs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Reads the file, and how long it took to be answered, in seconds. */
async function timedRead(name: string, bytes: Uint8Array): Promise<{ seconds: number; error?: Error; lines?: string[] }> {
  const file = join(scratch, name);
  writeFileSync(file, bytes);
  const started = performance.now();
  try {
    const read = await readSourceFile(file);
    return { seconds: (performance.now() - started) / 1000, lines: read.blocks.flatMap((block) => (block.kind === 'line' ? [block.text] : [])) };
  } catch (error) {
    return { seconds: (performance.now() - started) / 1000, error: error as Error };
  }
}

describe('decompression bombs', () => {
  it('refuses a Word file whose zip directory declares a 10-byte part that inflates to 300 MB, in seconds', async () => {
    const bomb = docxBomb(300 * MB);
    expect(bomb.length).toBeLessThan(2 * MB);
    const { seconds, error } = await timedRead('bomb.docx', bomb);
    expect(error?.message).toMatch(/bomb\.docx is not a Word document \(\.docx\) this importer can read: it would unpack to more than 128 MB/);
    expect(seconds).toBeLessThan(5);
  });

  it('refuses a PDF whose content stream inflates to 300 MB, in seconds; the same PDF inflating to 1 MB is read', async () => {
    const bomb = pdfBomb(300 * MB);
    expect(bomb.length).toBeLessThan(2 * MB);
    const refused = await timedRead('bomb.pdf', bomb);
    expect(refused.error?.message).toMatch(/bomb\.pdf is not a PDF this importer can read: its compressed streams inflate to more than 128 MB/);
    expect(refused.seconds).toBeLessThan(5);
    const honest = await timedRead('honest.pdf', pdfBomb(MB));
    expect(honest.error).toBeUndefined();
    expect(honest.lines).toContain('Estates update');
  });

  it('counts inflated bytes whatever the stream, just past the limit and no further', async () => {
    for (const size of [MB, 3 * MB, 7 * MB]) {
      const limit = 5 * MB;
      const problem = await streamBeyondLimit(pdfBomb(size), limit);
      expect(problem === undefined, `${size}`).toBe(size <= limit);
    }
    expect(MAX_INFLATED_BYTES).toBe(128 * MB);
  });

  it('stops a reader at its memory ceiling while it works synchronously: a bomb hidden from the scan under another filter', async () => {
    const bomb = pdfBomb(400 * MB, { hidden: true });
    expect(await streamBeyondLimit(bomb)).toBeUndefined();
    const started = performance.now();
    const read = readBounded({ format: 'pdf', bytes: bomb, name: 'hidden.pdf' }, { ...READER_LIMITS, memoryBytes: 150 * MB });
    await expect(read).rejects.toThrow(/^hidden\.pdf is not a PDF this importer can read: reading it took more than 150 MB of memory; .* Nothing was written\.$/);
    expect((performance.now() - started) / 1000).toBeLessThan(10);
  });

  it('stops a reader at its time limit', async () => {
    const read = readBounded({ format: 'pdf', bytes: pdfBomb(400 * MB, { hidden: true }), name: 'slow.pdf' }, { ...READER_LIMITS, seconds: 0.5 });
    await expect(read).rejects.toThrow('slow.pdf is not a PDF this importer can read: reading it took longer than 0.5 seconds');
  });

  it('refuses a Word file with an external entity (XXE) or entities that multiply (billion laughs); reads the same file without them', async () => {
    const laughs = `<!DOCTYPE w:document [<!ENTITY a "xxxxxxxxxx">${'bcdefghij'.split('').map((key, index) => `<!ENTITY ${key} "${`&${index === 0 ? 'a' : 'bcdefghij'[index - 1]};`.repeat(10)}">`).join('')}]>`;
    for (const [name, bytes] of [
      ['xxe.docx', wordFile('<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>', 'Estates &xxe; update')],
      ['laughs.docx', wordFile(laughs, '&j;')],
    ] as const) {
      const { seconds, error, lines } = await timedRead(name, bytes);
      expect(lines, name).toBeUndefined();
      expect(error?.message).toMatch(new RegExp(`${name.replace('.', '\\.')} is not a Word document \\(\\.docx\\) this importer can read: .*entity not found`));
      expect(seconds).toBeLessThan(5);
    }
    expect((await timedRead('plain.docx', wordFile('', 'Estates update'))).lines).toContain('Estates update');
  });
});
