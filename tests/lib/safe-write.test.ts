/**
 * The one way the authoring tools write a file: whatever the path, a file is written inside its root or
 * not at all, and a refusal names the file and the reason.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { copyFileInside, pathProblem, resolveInside, SAFE_NAME, UnsafePathError, writeFileInside } from '#lib/build/safe-write.ts';

const scratch = mkdtempSync(join(tmpdir(), 'safe-write-'));
const root = join(scratch, 'content');
const outside = join(scratch, 'outside');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
  mkdirSync(root);
  mkdirSync(outside);
});

const everything = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' });

/** Paths made of the parts that have carried a path out of its folder, and of ordinary names. */
function generatedPaths(count: number): string[] {
  const parts = ['..', '.', '', 'meetings', 'bcb', '2019-06-11', '..\\..', '%2e%2e', '.hidden', 'Upper', 'a b', 'x\n---', '\u2028', 'pwn', 'index.mdx', 'a.mdx', '/etc', 'C:', '…', '\u0000'];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(6) }, () => parts[next(parts.length)]!).join('/') + (next(2) ? '.mdx' : ''));
}

describe('writeFileInside', () => {
  it('writes a file under its root, making its folders', () => {
    writeFileInside(root, 'meetings/bcb/2019-06-11/05-estates.mdx', 'text');
    expect(readFileSync(join(root, 'meetings/bcb/2019-06-11/05-estates.mdx'), 'utf8')).toBe('text');
  });

  it('never writes outside its root, whatever the path: it writes inside, or refuses with the file and the reason', () => {
    const paths = generatedPaths(400);
    expect(paths.filter((path) => pathProblem(path) !== undefined).length).toBeGreaterThan(300);
    for (const path of paths) {
      try {
        writeFileInside(root, path, 'x');
        expect(pathProblem(path), path).toBeUndefined();
        expect(relative(root, resolveInside(root, path)).startsWith('..'), path).toBe(false);
      } catch (error) {
        if (!(error instanceof UnsafePathError) && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (error instanceof UnsafePathError) expect(error.message, path).toMatch(/^Refused .+: .+; nothing was written\.$/s);
      }
    }
    expect(everything(outside)).toEqual([]);
    expect(existsSync(join(scratch, 'pwn'))).toBe(false);
    // every file written has a name the rule allows
    for (const file of everything(root)) for (const part of file.split('/')) expect(SAFE_NAME.test(part.replace(/\.mdx$/, '')), file).toBe(true);
  });

  it('refuses the id that once wrote pages into src/pages, naming the file and the reason', () => {
    expect(() => writeFileInside(root, 'meetings/../../../../site/src/pages/pwn/2019-06-11/index.mdx', 'x')).toThrow(
      /^Refused .*meetings\/\.\.\/\.\.\/\.\.\/\.\.\/site\/src\/pages\/pwn\/2019-06-11\/index\.mdx: its path holds "\.\.", which would leave or skip a folder; expected names only; nothing was written\.$/,
    );
    expect(existsSync(join(root, 'meetings'))).toBe(false);
  });

  it('refuses to go through a symbolic link, to a folder or to a file, even to add to a report', () => {
    symlinkSync(outside, join(root, 'meetings'));
    expect(() => writeFileInside(root, 'meetings/bcb/x.mdx', 'x')).toThrow(/meetings is a symbolic link/);
    mkdirSync(join(root, 'decisions'));
    symlinkSync(join(outside, 'report.md'), join(root, 'decisions/import-report.md'));
    expect(() => writeFileInside(root, 'decisions/import-report.md', 'x', { append: true })).toThrow(/import-report\.md is a symbolic link/);
    expect(everything(outside)).toEqual([]);
  });

  it('never writes over a file; adds to one only when asked', () => {
    writeFileInside(root, 'bodies.yaml', 'first');
    expect(() => writeFileInside(root, 'bodies.yaml', 'second')).toThrow(/EEXIST/);
    writeFileInside(root, 'bodies.yaml', ' more', { append: true });
    expect(readFileSync(join(root, 'bodies.yaml'), 'utf8')).toBe('first more');
  });

  it('copies an original from inside one root to inside another, and refuses a source outside its root', () => {
    writeFileSync(join(outside, 'secret.pdf'), 'secret');
    writeFileInside(root, 'meetings/bcb/2019-06-11/pack.pdf', '%PDF-1.7');
    const site = join(scratch, 'site');
    copyFileInside(root, 'meetings/bcb/2019-06-11/pack.pdf', site, 'bcb/2019-06-11/pack.pdf');
    expect(readFileSync(join(site, 'bcb/2019-06-11/pack.pdf'), 'utf8')).toBe('%PDF-1.7');
    expect(() => copyFileInside(root, '../outside/secret.pdf', site, 'bcb/secret.pdf')).toThrow(UnsafePathError);
    expect(existsSync(join(site, 'bcb/secret.pdf'))).toBe(false);
  });
});
