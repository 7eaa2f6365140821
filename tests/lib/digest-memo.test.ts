import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeVersion, openDigestMemo } from '#lib/build/digest-memo.ts';

const memoFile = () => join(mkdtempSync(join(tmpdir(), 'digest-memo-')), 'memo.json');

describe('a judgement remembered between builds', () => {
  it('judges a text once, and the next build remembers the answer for the same text', async () => {
    const file = memoFile();
    const judged: string[] = [];
    const judge = (text: string) => (judged.push(text), text.includes('<script>') ? ['a script'] : []);
    const first = openDigestMemo<string[]>(file, 'v1');
    expect(first.judge('plain', judge)).toEqual([]);
    expect(first.judge('a <script>', judge)).toEqual(['a script']);
    await first.save();
    const second = openDigestMemo<string[]>(file, 'v1');
    expect(second.judge('a <script>', judge)).toEqual(['a script']);
    expect(second.judge('changed', judge)).toEqual([]);
    expect(judged).toEqual(['plain', 'a <script>', 'changed']);
    expect(second.counts()).toEqual({ remembered: 1, asked: 2 });
  });

  it('forgets everything when the judging code changed, and keeps only what the last build asked', async () => {
    const file = memoFile();
    const first = openDigestMemo<number>(file, 'v1');
    first.judge('a', () => 1);
    first.judge('b', () => 1);
    await first.save();
    const otherCode = openDigestMemo<number>(file, 'v2');
    expect(otherCode.judge('a', () => 2)).toBe(2);
    await otherCode.save();
    const next = openDigestMemo<number>(file, 'v2');
    expect(next.judge('b', () => 3)).toBe(3);
    expect(next.counts().remembered).toBe(0);
  });

  it('judges everything when the memo cannot be read', () => {
    const file = memoFile();
    writeFileSync(file, '{ not json');
    expect(openDigestMemo<number>(file, 'v1').judge('a', () => 7)).toBe(7);
  });

  it('names the judging code by its source: a change to a file changes the version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digest-memo-code-'));
    const source = join(dir, 'judge.ts');
    writeFileSync(source, 'export const judge = 1;');
    const before = codeVersion([new URL(`file://${source}`)], ['/']);
    expect(codeVersion([new URL(`file://${source}`)], ['/'])).toBe(before);
    expect(codeVersion([new URL(`file://${source}`)], ['/board/'])).not.toBe(before);
    writeFileSync(source, 'export const judge = 2;');
    expect(codeVersion([new URL(`file://${source}`)], ['/'])).not.toBe(before);
    expect(codeVersion([new URL(`file://${join(dir, 'missing.ts')}`)])).not.toBe(codeVersion([new URL(`file://${join(dir, 'missing.ts')}`)]));
  });
});
