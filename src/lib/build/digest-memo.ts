/**
 * A judgement remembered between builds by the digest of what was judged: the content check's judgement
 * of a text, the output gate's of a page. A build judges again only what is new since the last one; the
 * same text or page, judged by the same code, gets the same answer.
 *
 * `version` names the code that judges (the digest of its source files and of the libraries it uses): a
 * memo written by other code is not read. A memo keeps only what the last build judged, so it never grows
 * beyond one archive, and a memo that cannot be read is simply not used.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface DigestMemo<T> {
  /** the remembered answer for `input`, else the answer of `judge`, remembered */
  judge(input: string, judge: (input: string) => T): T;
  /** how many answers were remembered rather than judged again, and how many were asked for */
  counts(): { remembered: number; asked: number };
  /** writes what this build judged, for the next */
  save(): Promise<void>;
}

const digestOfText = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * The version of the code that judges: a digest of its source files (URLs, such as
 * `new URL('../lib/text/safe-content.ts', import.meta.url)`) and of any other value it depends on. A file that
 * cannot be read gives a version never seen before, so nothing remembered is used.
 */
export function codeVersion(files: readonly URL[], values: readonly string[] = []): string {
  const texts = files.map((file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return `unreadable ${Math.random()}`;
    }
  });
  return digestOfText(JSON.stringify([...texts, ...values]));
}

/** Opens the memo kept in `file` for code of `version`. */
export function openDigestMemo<T>(file: string, version: string): DigestMemo<T> {
  let previous = new Map<string, T>();
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; answers?: unknown };
    if (stored.version === version && stored.answers && typeof stored.answers === 'object') previous = new Map(Object.entries(stored.answers as Record<string, T>));
  } catch {
    // no memo yet, or one that cannot be read: everything is judged
  }
  const current = new Map<string, T>();
  let remembered = 0;
  return {
    judge(input, judge) {
      const digest = digestOfText(input);
      if (current.has(digest)) return current.get(digest)!;
      const known = previous.has(digest);
      const answer = known ? previous.get(digest)! : judge(input);
      if (known) remembered++;
      current.set(digest, answer);
      return answer;
    },
    counts: () => ({ remembered, asked: current.size }),
    async save() {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify({ version, answers: Object.fromEntries(current) }));
    },
  };
}
