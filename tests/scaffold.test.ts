import { describe, expect, it } from 'vitest';
import { mkdtempSync, cpSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatterFile } from '#lib/text/frontmatter.ts';
import { decisionScaffold, meetingScaffold, minutesScaffold, paperScaffold, scaffold, siteScaffold } from '#lib/authoring/scaffold.ts';
import { EXAMPLE_TEXTS, findExampleText } from '#lib/authoring/example-texts.ts';
import { decisionNumbering } from '#lib/model/decision-numbering.ts';

const CPCC = decisionNumbering('CPCC {year}-{number:3}');

const lineOf = (text: string, example: string) => text.split('\n').findIndex((line) => line.includes(example)) + 1;
import { decisionSchema, meetingSchema, minutesSchema, paperSchema } from '#lib/model/schema.ts';
import { fieldNames } from '#lib/authoring/field-reference.ts';
import { checkContent, formatProblem } from '#lib/check/check.ts';

const cases = [
  ['meeting', meetingScaffold('bcb', '2019-06-11'), meetingSchema],
  ['paper', paperScaffold('bcb', '2019-06-11', '4', 'Force management statement'), paperSchema],
  ['minutes', minutesScaffold('bcb', '2019-06-11'), minutesSchema],
  ['decision', decisionScaffold('CPCC 2019-7', '2019-06-12', CPCC), decisionSchema],
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
      { path: 'site.yaml', bytes: encoder.encode('name: Example Police and Crime Commissioner\narea: Exampleshire\nsiteName: Board papers\ncontact:\n  email: opcc@example.org\nlastTested: 2019-07-01\nhowTested: An automated check.\nstatementPrepared: 2019-07-01\ndecisionNumbering: "CPCC {year}-{number:3}"\n') },
      ...[cases[0][1], cases[1][1], cases[2][1]].map((file) => ({ path: file.path, bytes: encoder.encode(file.text) })),
    ];
    // every value npm run new writes that staff did not give it is example text, refused where it stands
    const exampleLines = files.slice(2).flatMap((file) => {
      const text = new TextDecoder().decode(file.bytes);
      const frontmatterLines = text.split('\n---')[0]!.split('\n').length + 1;
      return findExampleText(text, frontmatterLines).map(({ line, example }) => `content/${file.path}:${line} still holds the example text "${example}" that npm run new wrote; replace it with the document's own words, or delete it`);
    });
    expect(checkContent(files).problems.map(formatProblem).sort()).toEqual(exampleLines.sort());
    for (const example of [EXAMPLE_TEXTS.paperTitle, EXAMPLE_TEXTS.paperText, EXAMPLE_TEXTS.agendaTitle, EXAMPLE_TEXTS.minuteText, EXAMPLE_TEXTS.letteredParagraph,
      EXAMPLE_TEXTS.paperTo, EXAMPLE_TEXTS.paperFrom, EXAMPLE_TEXTS.marking, EXAMPLE_TEXTS.recommendation, EXAMPLE_TEXTS.venue, EXAMPLE_TEXTS.presenter, EXAMPLE_TEXTS.procedureTitle, EXAMPLE_TEXTS.minutesItemTitle]) {
      expect(exampleLines.join('\n')).toContain(`"${example}"`);
    }
    // the values a real paper shares with the old examples are judged as any other
    const paper = paperScaffold('bcb', '2019-06-11', '4', 'Force management statement').text;
    for (const planted of ['to: Business Coordination Board', 'from: Chief Constable', 'marking: Official', '  - The Board is recommended to note the report.']) expect(paper).not.toContain(planted);
    const filled = files.map((file) => {
      let text = new TextDecoder().decode(file.bytes);
      for (const example of Object.values(EXAMPLE_TEXTS)) text = text.replaceAll(example, 'Words of the document');
      return { path: file.path, bytes: encoder.encode(text) };
    });
    expect(checkContent(filled).problems.map(formatProblem)).toEqual([]);
  });
  it('refuses example text left in any field a member of staff uncomments', () => {
    const text = decisionScaffold('CPCC 2019-7', '2019-06-12', CPCC).text.replace('# meeting:', 'meeting:');
    const found = findExampleText(text, text.split('\n---')[0]!.split('\n').length + 1).map((entry) => entry.example);
    expect(found).toEqual([EXAMPLE_TEXTS.decisionTitle, EXAMPLE_TEXTS.decisionSummary, EXAMPLE_TEXTS.decisionText]);
    const uncommented = paperScaffold('bcb', '2019-06-11', '4', 'x').text.replace('#   - name: A Example', '  - name: A Example');
    expect(findExampleText(uncommented, 30).map((entry) => entry.example)).toContain(EXAMPLE_TEXTS.person);
  });
  it('explains a wrong body or date', () => {
    expect(() => scaffold(['meeting', 'xyz', '2019-06-11'], ['bcb'], CPCC)).toThrow('body: found "xyz"; expected one of bcb');
    expect(() => scaffold(['meeting', 'bcb', '2019-02-31'], ['bcb'], CPCC)).toThrow('date: found "2019-02-31"; expected a real date');
    expect(() => scaffold(['agenda'], ['bcb'], CPCC)).toThrow('expected meeting, paper, minutes, decision or site');
  });
  it('numbers and files a decision as the office numbers them', () => {
    const office = decisionNumbering('PFCC/{number:3}/{yy}');
    const decision = decisionScaffold('pfcc / 45 / 21', '2021-03-04', office);
    expect(decision.path).toBe('decisions/2021/pfcc-045-21.mdx');
    expect(decision.text).toContain('id: PFCC/045/21\nprintedId: pfcc / 45 / 21\n');
    expect(() => scaffold(['decision', 'CPCC 2021-45', '2021-03-04'], ['bcb'], office)).toThrow('decision id: found "CPCC 2021-45"; expected an id as content/site.yaml numbers them ("PFCC/{number:3}/{yy}"), such as "PFCC/020/21"');
  });
  it('starts the archive of a new office: the check names each example to replace, and passes once they are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-papers-new-site-'));
    const content = join(dir, 'content');
    const run = () => spawnSync(process.execPath, ['src/cli/new.ts', 'site'], { env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' });
    expect(run().status).toBe(0);
    const again = run();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('content/site.yaml and content/bodies.yaml already exist; nothing was written');
    const encoder = new TextEncoder();
    const files = ['site.yaml', 'bodies.yaml'].map((path) => ({ path, bytes: readFileSync(join(content, path)) }));
    const problems = checkContent(files).problems.map(formatProblem);
    const written = siteScaffold('2026-01-01');
    for (const example of [EXAMPLE_TEXTS.publisher, EXAMPLE_TEXTS.area, EXAMPLE_TEXTS.email, EXAMPLE_TEXTS.decisionNumbering, EXAMPLE_TEXTS.howTested]) {
      expect(problems).toContain(`content/site.yaml:${lineOf(written[0]!.text, example)} still holds the example text "${example}" that npm run new wrote; replace it with the document's own words, or delete it`);
    }
    expect(problems).toContain(`content/bodies.yaml:${lineOf(written[1]!.text, EXAMPLE_TEXTS.bodyName)} still holds the example text "${EXAMPLE_TEXTS.bodyName}" that npm run new wrote; replace it with the document's own words, or delete it`);
    const filled = files.map((file) => {
      const text = new TextDecoder()
        .decode(file.bytes)
        .replace(EXAMPLE_TEXTS.decisionNumbering, 'NPFCC {year}/{number}')
        .replace(EXAMPLE_TEXTS.email, 'opcc@northmoor.example');
      return { path: file.path, bytes: encoder.encode(Object.values(EXAMPLE_TEXTS).reduce((result, example) => result.replaceAll(example, 'Words of the office'), text)) };
    });
    expect(checkContent(filled).problems.map(formatProblem)).toEqual([]);
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
