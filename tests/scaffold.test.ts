import { describe, expect, it } from 'vitest';
import { mkdtempSync, cpSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatterFile } from '../src/lib/frontmatter.ts';
import { decisionScaffold, meetingScaffold, minutesScaffold, paperScaffold, scaffold } from '../src/lib/scaffold.ts';
import { decisionSchema, meetingSchema, minutesSchema, paperSchema } from '../src/lib/schema.ts';
import { fieldNames } from '../src/lib/field-reference.ts';
import { checkContent, formatProblem } from '../src/lib/check.ts';

const cases = [
  ['meeting', meetingScaffold('bcb', '2019-06-11'), meetingSchema],
  ['paper', paperScaffold('bcb', '2019-06-11', '4', 'Force management statement'), paperSchema],
  ['minutes', minutesScaffold('bcb', '2019-06-11'), minutesSchema],
  ['decision', decisionScaffold('CPCC 2019-7', '2019-06-12'), decisionSchema],
] as const;

describe('npm run new', () => {
  it.each(cases)('writes a valid %s with every field shown', (_kind, file, schema) => {
    expect(schema.safeParse(parseFrontmatterFile(file.text).data).success).toBe(true);
    for (const field of fieldNames(schema)) expect(file.text).toMatch(new RegExp(`^#? ?${field}:`, 'm'));
  });
  it('places each file where the site looks for it', () => {
    expect(cases.map(([, file]) => file.path)).toEqual([
      'meetings/bcb/2019-06-11/index.mdx',
      'meetings/bcb/2019-06-11/04-force-management-statement.mdx',
      'meetings/bcb/2019-06-11/minutes.mdx',
      'decisions/2019/cpcc-2019-007.mdx',
    ]);
    expect(paperScaffold('bcb', '2019-06-11', '8.1', 'Offenders').path).toBe('meetings/bcb/2019-06-11/08-1-offenders.mdx');
  });
  it('gives a meeting and its paper that pass the content check together', () => {
    const encoder = new TextEncoder();
    const files = [
      { path: 'bodies.yaml', bytes: encoder.encode('- id: bcb\n  name: Business Coordination Board\n') },
      ...[cases[0][1], cases[1][1], cases[2][1]].map((file) => ({ path: file.path, bytes: encoder.encode(file.text) })),
    ];
    expect(checkContent(files).problems.map(formatProblem)).toEqual([]);
  });
  it('explains a wrong body or date', () => {
    expect(() => scaffold(['meeting', 'xyz', '2019-06-11'], ['bcb'])).toThrow('body: found "xyz"; expected one of bcb');
    expect(() => scaffold(['meeting', 'bcb', '2019-02-31'], ['bcb'])).toThrow('date: found "2019-02-31"; expected a real date');
    expect(() => scaffold(['agenda'], ['bcb'])).toThrow('expected meeting, paper, minutes or decision');
  });
  it('refuses to overwrite a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-papers-new-'));
    cpSync('tests/fixtures/archive/content', join(dir, 'content'), { recursive: true });
    const run = () => spawnSync(process.execPath, ['src/cli/new.ts', 'minutes', 'bcb', '2019-06-11'], { env: { ...process.env, CONTENT_DIR: join(dir, 'content') }, encoding: 'utf8' });
    expect(run().status).toBe(0);
    const written = readFileSync(join(dir, 'content/meetings/bcb/2019-06-11/minutes.mdx'), 'utf8');
    const again = run();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('content/meetings/bcb/2019-06-11/minutes.mdx already exists; nothing was written');
    expect(readFileSync(join(dir, 'content/meetings/bcb/2019-06-11/minutes.mdx'), 'utf8')).toBe(written);
  });
});
