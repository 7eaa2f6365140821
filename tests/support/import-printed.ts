/** Imports a printed pack (see print-pack.ts) as `npm run import` would, without writing: its drafts and their account. */
import { decodeHTML } from 'entities';
import { accountForPack } from '#lib/import/account-pack.ts';
import { wordsOf } from '#lib/import/compare.ts';
import { parsePack } from '#lib/import/parse-pack.ts';
import { readText } from '#lib/import/read-text.ts';
import { packFiles, type PackTarget } from '#lib/import/write-pack.ts';
import type { PrintedPack } from './print-pack.ts';

export const BODIES = [{ id: 'bcb', name: 'Business Coordination Board', shortName: 'BCB', aliases: [] as string[] }];
export const TARGET: PackTarget = { body: 'bcb', date: '2030-01-10', sourceName: 'pack.txt' };

export function importPrinted(printed: PrintedPack) {
  const blocks = readText(printed.text);
  const parsed = parsePack(blocks);
  const made = packFiles(parsed, TARGET, () => false, BODIES);
  const accounted = accountForPack(blocks, parsed, TARGET, made, { bodies: BODIES });
  return { blocks, parsed, accounted, notes: [...parsed.notes, ...made.notes] };
}

/** The words a reader of the drafts sees, counted: a backslash escape and a character reference undone in one pass, as MDX reads them. */
export function writtenWords(files: readonly { text: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  const unescaped = (text: string) => text.replace(/\\(.)|&(?:#x[0-9a-f]+|#\d+|\w+);/gi, (match, escaped: string | undefined) => escaped ?? decodeHTML(match));
  for (const file of files) for (const each of wordsOf(unescaped(file.text))) counts.set(each, (counts.get(each) ?? 0) + 1);
  return counts;
}

/** The words of the pack's text that no draft holds, each as "word (printed, written)"; none when nothing is lost. */
export function wordsLost(printed: PrintedPack, files: readonly { text: string }[]): string[] {
  const written = writtenWords(files);
  const wanted = new Map<string, number>();
  for (const line of printed.lines) if (line.role === 'content') for (const each of wordsOf(line.text)) wanted.set(each, (wanted.get(each) ?? 0) + 1);
  return [...wanted].filter(([each, count]) => (written.get(each) ?? 0) < count).map(([each, count]) => `${each} (${count} printed, ${written.get(each) ?? 0} written)`);
}

/** The lines with text, numbered as the file's lines. */
export const linesWithTextOf = (printed: PrintedPack) => printed.lines.map((line, index) => ({ ...line, number: index + 1 })).filter((line) => line.text.replace(/\f/g, '').trim() !== '');
