/**
 * npm run import, as a member of staff runs it: a pack in, draft files of its meeting out, passing the
 * content check as written, never over a file, with a report; and how close the drafts come to the
 * hand-published archive, held at the floor reached.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureSeed, roundTrip, scratchArchive, type SeedMeasure } from '../src/cli/import-measure.ts';
import { renderPdf } from './support/render-papers.ts';
import { projectRoot } from './support/site.ts';

const SEEDS = resolve(projectRoot, '../shared/seeds');
const BCB_2019 = join(SEEDS, '000_9b29c1a1429898da.txt');

const scratches: string[] = [];
afterAll(() => {
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});

/** An empty archive with the real bodies and publisher, removed after the tests. */
function emptyArchive(): string {
  const dir = scratchArchive();
  scratches.push(dir);
  return dir;
}

function run(script: string, args: string[], contentDir: string) {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...environment } = process.env;
  const result = spawnSync(process.execPath, [script, ...args], { cwd: projectRoot, env: { ...environment, CONTENT_DIR: contentDir }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
const importPack = (args: string[], contentDir: string) => run('src/cli/import.ts', args, contentDir);
const check = (contentDir: string) => run('src/cli/check.ts', [], contentDir);

const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('npm run import on a real pack', () => {
  const content = emptyArchive();
  const first = importPack([BCB_2019], content);
  const meeting = join(content, 'meetings/bcb/2019-06-11');

  it('finds the body and the date on the front sheet, and writes the meeting, its papers and its action log', () => {
    expect(first.status, first.output).toBe(0);
    const written = readdirSync(meeting).sort();
    expect(written).toContain('index.mdx');
    expect(written).toContain('action-log.yaml');
    expect(written).toContain('import-report.md');
    expect(written.filter((name) => /^\d\d(-\d)?-.+\.mdx$/.test(name))).toHaveLength(7);
    expect(readFileSync(join(meeting, 'index.mdx'), 'utf8')).toMatch(/^venue: HQ, Conference Room 3$/m);
  });
  it('marks every document a draft, and the drafts pass the content check exactly as written', () => {
    for (const name of readdirSync(meeting).filter((file) => file.endsWith('.mdx'))) expect(readFileSync(join(meeting, name), 'utf8'), name).toMatch(/^draft: true$/m);
    const checked = check(content);
    expect(checked.status, checked.output).toBe(0);
    expect(checked.output).toContain('Content is valid');
  });
  it('reports each file written and each place that needs a look, by document and line', () => {
    const report = readFileSync(join(meeting, 'import-report.md'), 'utf8');
    expect(report).toContain('- content/meetings/bcb/2019-06-11/05-');
    expect(report).toMatch(/\(removed\): .*/);
    // a text pack's places are the lines of the file as given, which an editor opens at
    expect(report).toMatch(/, line \d+ of the file \(/);
    expect(first.output).toContain('## To look at');
    // the report ends with the account of every line of the pack
    expect(report.trim().split('\n').at(-1)).toMatch(/^[\d,]+ lines: [\d,]+ placed in \d+ files; [\d,]+ removed as page furniture, \d+ patterns?; (none unplaced|[\d,]+ unplaced, lines? [\d–, ]+)\.$/);
  });
  it('puts its doubts about a paper at the top of the draft, where the preview shows them, and the check refuses to publish them', () => {
    const drafts = readdirSync(meeting).filter((name) => name.endsWith('.mdx') && name !== 'index.mdx');
    const doubted = drafts.filter((name) => readFileSync(join(meeting, name), 'utf8').includes('<EditorialNote>Import check: '));
    expect(doubted.length).toBeGreaterThan(0);
    const file = join(meeting, doubted[0]!);
    const draft = readFileSync(file, 'utf8');
    writeFileSync(file, draft.replace('draft: true\n', ''));
    const published = check(content);
    expect(published.status).toBe(1);
    expect(published.output).toContain(`meetings/bcb/2019-06-11/${doubted[0]}:`);
    expect(published.output).toContain('still holds a note the importer left for checking ("Import check: …"); check what it says against the pack, then delete the note');
    writeFileSync(file, draft);
  });
  it('refuses to import a meeting that exists, and writes nothing', () => {
    const files = filesUnder(content);
    const index = readFileSync(join(meeting, 'index.mdx'), 'utf8');
    const again = importPack([BCB_2019], content);
    expect(again.status).toBe(1);
    expect(again.output).toContain('content/meetings/bcb/2019-06-11 already exists; nothing was written. To add the pack\'s documents to that meeting, run the import again with --add.');
    expect(filesUnder(content)).toEqual(files);
    expect(readFileSync(join(meeting, 'index.mdx'), 'utf8')).toBe(index);
  });
  it('with --add, writes only what the meeting does not have, and overwrites nothing', () => {
    const paper = readdirSync(meeting).find((name) => name.startsWith('05-'))!;
    writeFileSync(join(meeting, paper), readFileSync(join(meeting, paper), 'utf8').replace('draft: true', 'draft: true\n# checked by hand'));
    rmSync(join(meeting, 'action-log.yaml'));
    const added = importPack([BCB_2019, '--add'], content);
    expect(added.status, added.output).toBe(0);
    expect(readFileSync(join(meeting, paper), 'utf8')).toContain('# checked by hand');
    expect(existsSync(join(meeting, 'action-log.yaml'))).toBe(true);
    expect(added.output).toContain(`content/meetings/bcb/2019-06-11/${paper} already exists and was left as it is`);
    // the first import's report is kept, the second's after it
    expect(readFileSync(join(meeting, 'import-report.md'), 'utf8').match(/^# Import of /gm)).toHaveLength(2);
  });
});

describe('npm run import, when it cannot tell or cannot read', () => {
  it('asks for --body when the front sheet names no body it knows, and writes nothing', () => {
    const content = emptyArchive();
    const pack = join(content, 'report.txt');
    writeFileSync(pack, 'A report on road safety\n\n1. Purpose\n\n1.1 This report updates the Board.\n');
    const result = importPack([pack, '--date', '2030-01-10'], content);
    expect(result.status).toBe(1);
    expect(result.output).toContain('Cannot tell which body the pack is for: its front sheet names no body. Give --body with one of: bcb, pcp, jac.');
    expect(filesUnder(content)).toEqual(['bodies.yaml', 'report.txt', 'site.yaml']);
  });
  it('asks for --date when there is no date to be found', () => {
    const content = emptyArchive();
    const pack = join(content, 'report.txt');
    writeFileSync(pack, 'A report on road safety\n\n1. Purpose\n\n1.1 This report updates the Board.\n');
    expect(importPack([pack, '--body', 'bcb'], content).output).toContain('Cannot tell the date of the meeting: the front sheet gives none. Give --date YYYY-MM-DD.');
  });
  it('says a file with no text (an empty file, a scanned PDF) holds none, and writes nothing', () => {
    const content = emptyArchive();
    const folder = emptyArchive();
    writeFileSync(join(folder, 'empty.txt'), '\n\n');
    // a one-page PDF whose page holds no text, as a scanner makes them (without the picture)
    const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';
    const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page];
    let pdf = '%PDF-1.4\n';
    const offsets = objects.map((object, index) => {
      const offset = pdf.length;
      pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
      return offset;
    });
    const xref = pdf.length;
    pdf += `xref\n0 4\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    writeFileSync(join(folder, 'scanned.pdf'), pdf);
    for (const file of ['empty.txt', 'scanned.pdf']) {
      const result = importPack([join(folder, file), '--body', 'bcb', '--date', '2030-01-10'], content);
      expect(result.status, file).toBe(1);
      expect(result.output).toContain(`${file} holds no text to import. A scanned PDF holds only pictures of its pages`);
    }
    expect(filesUnder(content)).toEqual(['bodies.yaml', 'site.yaml']);
  });
  it('refuses a file that is not a pack it can read, naming it', () => {
    const content = emptyArchive();
    const image = join(content, 'scan.png');
    writeFileSync(image, new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const result = importPack([image], content);
    expect(result.status).toBe(1);
    expect(result.output).toContain('scan.png');
    expect(result.output).not.toMatch(/\n\s+at /);
  });
  it('writes hostile text in a pack as words: the drafts still pass the check', () => {
    const content = emptyArchive();
    const pack = join(emptyArchive(), 'hostile.txt');
    writeFileSync(
      pack,
      'Business Coordination Board\n\n10th January 2030\n\nTo: Business Coordination Board\nFrom: Chief Executive\nDate: 10th January 2030\n\nESTATES {UPDATE}\n\n1. Purpose\n\n1.1 <script>alert(1)</script> and {process.exit(1)}\n\nimport fs from "node:fs"\n\nexport const x = 1\n\n<EditorialNote>forged</EditorialNote> <img src=x onerror=alert(1)>\n',
    );
    const result = importPack([pack, '--body', 'bcb', '--date', '2030-01-10'], content);
    expect(result.status, result.output).toBe(0);
    const checked = check(content);
    expect(checked.status, checked.output).toBe(0);
    const paper = readdirSync(join(content, 'meetings/bcb/2030-01-10')).find((name) => name.endsWith('.mdx') && name !== 'index.mdx')!;
    expect(readFileSync(join(content, 'meetings/bcb/2030-01-10', paper), 'utf8')).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });
});

describe('packs damaged in every way a PDF’s text can be', () => {
  it('are imported with drafts that pass the check, or refused in plain words; never a crash', async () => {
    const { prepareImport, ImportError } = await import('#lib/import/import-pack.ts');
    let state = 42;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const seeds = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort();
    const inserted = ['{x}', '<script>', 'Agenda Item: 99.9', 'To: Nobody', 'Date: 31/02/2019', 'Page 1 of 1', '1.', '', 'APPENDIX 7', 'import x from "y"'];
    const outcomes = { imported: 0, refused: 0 };
    for (let round = 0; round < 20; round++) {
      const lines = readFileSync(join(SEEDS, seeds[round % seeds.length]!), 'utf8').split('\n');
      for (let change = 0; change < 40; change++) {
        const at = Math.floor(random() * lines.length);
        const other = Math.floor(random() * lines.length);
        // lines lost, repeated, reversed, hostile lines added, lines out of order
        if (round % 5 === 0) lines.splice(at, Math.floor(random() * 10));
        else if (round % 5 === 1) lines.splice(at, 0, lines[other] ?? '');
        else if (round % 5 === 2) lines[at] = [...(lines[at] ?? '')].reverse().join('');
        else if (round % 5 === 3) lines.splice(at, 0, inserted[Math.floor(random() * inserted.length)]!);
        else [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
      }
      const content = emptyArchive();
      const pack = join(emptyArchive(), 'damaged.txt');
      writeFileSync(pack, lines.join('\n'));
      try {
        await prepareImport({ file: pack, contentDir: content, body: 'bcb', date: '2031-05-05' });
        outcomes.imported++;
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        outcomes.refused++;
      }
    }
    expect(outcomes.imported + outcomes.refused).toBe(20);
    expect(outcomes.imported).toBeGreaterThanOrEqual(15);
  }, 300_000);
});

describe('the four hand-published packs, imported again', () => {
  const measures = new Map<string, SeedMeasure>();
  const measure = async (seed: string) => {
    if (!measures.has(seed)) measures.set(seed, await measureSeed(seed));
    return measures.get(seed)!;
  };
  const lowestF1 = (measured: SeedMeasure) => Math.min(...[...measured.pack!.papers, ...measured.minutes].map((paper) => paper.f1));

  // the floors reached; the goal is 0.97 on every paper (npm run import:measure prints each)
  it('BCB, 11 June 2019: every agenda item, every action row, every paper under its item', async () => {
    const measured = await measure('000_9b29c1a1429898da.txt');
    expect(measured.pack!.agenda).toEqual({ published: 14, recovered: 14 });
    expect(measured.pack!.actions).toEqual({ published: 7, recovered: 7 });
    expect(measured.pack!.papers.filter((paper) => paper.matched)).toHaveLength(7);
    expect(lowestF1(measured)).toBeGreaterThanOrEqual(0.99);
  });
  it('BCB, 10 May 2018: every agenda item, every paper under its item, and the minutes of 12 April 2018', async () => {
    const measured = await measure('002_17f2591b16d920c8.txt');
    expect(measured.pack!.agenda).toEqual({ published: 11, recovered: 11 });
    expect(measured.pack!.papers.filter((paper) => paper.matched)).toHaveLength(8);
    expect(measured.minutes.map((minutes) => minutes.published)).toEqual(['meetings/bcb/2018-04-12/minutes.mdx']);
    expect(lowestF1(measured)).toBeGreaterThanOrEqual(0.97);
  });
  it('JAC, 29 September 2016: the lone report, given --body and --date', async () => {
    const measured = await measure('004_c9256817d0819241.txt');
    expect(measured.flags).toEqual({ body: 'jac', date: '2016-09-29' });
    expect(lowestF1(measured)).toBeGreaterThanOrEqual(0.99);
  });
  it('Panel, 15 November 2017, a pack with no agenda: its papers split, the minutes of 6 September 2017, the board papers behind its decisions', async () => {
    const measured = await measure('001_7cfac5a43a81cd14.txt');
    expect(measured.pack!.papers.filter((paper) => paper.matched).length).toBeGreaterThanOrEqual(6);
    expect(measured.pack!.papers.filter((paper) => paper.f1 >= 0.97).length).toBeGreaterThanOrEqual(6);
    expect(lowestF1(measured)).toBeGreaterThanOrEqual(0.95);
    expect(measured.minutes.map((minutes) => minutes.published)).toEqual(['meetings/pcp/2017-09-06/minutes.mdx']);
    // the Business Coordination Board papers printed again behind the decisions go to that board's meeting
    expect(measured.result!.files.map((file) => file.path).filter((path) => path.startsWith('meetings/bcb/2017-09-21/')).length).toBeGreaterThanOrEqual(3);
  });
});

describe('published papers rendered to Word and PDF, imported back', () => {
  it('the dashboard paper, 46 tables and footnotes, as Word and as PDF: its words, and every table with its rows and columns', async () => {
    for (const format of ['docx', 'pdf'] as const) {
      const trip = await roundTrip('meetings/bcb/2018-05-10/05-performance-update.mdx', format);
      expect(trip.error, format).toBeUndefined();
      expect(trip.f1, format).toBeGreaterThanOrEqual(0.99);
      expect(trip.tables, format).toEqual({ published: 46, recovered: 46 });
    }
  });
  it('a Word paper with numbered and lettered lists, and a PDF of it with running headers and page numbers', async () => {
    const word = await roundTrip('meetings/pcp/2017-11-15/10-media-protocol.mdx', 'docx');
    const pdf = await roundTrip('meetings/pcp/2017-11-15/10-media-protocol.mdx', 'pdf');
    expect(word.f1).toBeGreaterThanOrEqual(0.98);
    expect(pdf.f1).toBeGreaterThanOrEqual(0.99);
  });
  it('a PDF of the MTFS keeps its words; the PDF is kept beside the meeting and linked as the pack as published', async () => {
    expect((await roundTrip('meetings/bcb/2019-06-11/06-medium-term-financial-strategy.mdx', 'pdf')).f1).toBeGreaterThanOrEqual(0.99);
    const content = emptyArchive();
    const pack = join(emptyArchive(), 'BCB Pack 11 June 2019.pdf');
    writeFileSync(pack, await renderPdf(join(projectRoot, 'content/meetings/bcb/2019-06-11/06-medium-term-financial-strategy.mdx')));
    const result = importPack([pack, '--body', 'bcb', '--date', '2019-06-11'], content);
    expect(result.status, result.output).toBe(0);
    const meeting = join(content, 'meetings/bcb/2019-06-11');
    expect(readFileSync(join(meeting, 'bcb-pack-11-june-2019.pdf')).equals(readFileSync(pack))).toBe(true);
    expect(readFileSync(join(meeting, 'index.mdx'), 'utf8')).toContain('attachments:\n  - file: bcb-pack-11-june-2019.pdf\n    title: The pack as published');
    expect(check(content).status).toBe(0);
  });
});

describe('npm run import and npm run new, given hostile settings and file names', () => {
  const PACK = 'Business Coordination Board\n\n10th January 2030\n\nTo: Business Coordination Board\nFrom: Chief Executive\nDate: 10th January 2030\n\nESTATES UPDATE\n\n1. Purpose\n\n1.1 This report updates the Board.\n';
  const BODIES = '- id: bcb\n  name: Business Coordination Board\n';

  it('refuses a body id that is a path, naming the file and the field, and writes nothing, in content/ or beside it', () => {
    const content = emptyArchive();
    writeFileSync(join(content, 'bodies.yaml'), '- id: ../../../../escape/pwn\n  name: Business Coordination Board\n');
    const pack = join(emptyArchive(), 'pack\n---\n\n{process.exit(1)}\n.txt');
    writeFileSync(pack, PACK);
    const files = filesUnder(content);
    const imported = importPack([pack], content);
    expect(imported.status).toBe(1);
    expect(imported.output).toContain('content/bodies.yaml:1 [0].id: found "../../../../escape/pwn"; expected a short lower-case id such as "board"');
    expect(imported.output).not.toMatch(/\n\s+at /);
    const made = run('src/cli/new.ts', ['meeting', '../../../../escape/pwn', '2030-01-10'], content);
    expect(made.status).toBe(1);
    expect(made.output).toContain('content/bodies.yaml:1 [0].id: found "../../../../escape/pwn"');
    expect(filesUnder(content)).toEqual(files);
    expect(existsSync(resolve(content, 'meetings/../../../../escape'))).toBe(false);
  });

  it('imports with a body that gives no aliases, as the schema allows', () => {
    const content = emptyArchive();
    writeFileSync(join(content, 'bodies.yaml'), BODIES);
    const pack = join(emptyArchive(), 'pack.txt');
    writeFileSync(pack, PACK);
    const imported = importPack([pack], content);
    expect(imported.status, imported.output).toBe(0);
    expect(existsSync(join(content, 'meetings/bcb/2030-01-10/index.mdx'))).toBe(true);
  });

  it('keeps every draft a draft whatever the pack’s file name holds: read by the site’s own frontmatter parser, and by the check', async () => {
    const { parseFrontmatterFile } = await import('#lib/text/frontmatter.ts');
    const content = emptyArchive();
    writeFileSync(join(content, 'bodies.yaml'), BODIES);
    const breaks = ['\n', '\r\n', '\r', '\u2028', '\u0085', '\v', '\f'];
    const names = breaks.map((brk) => `pack${brk}title: Injected${brk}draft: false${brk}---${brk}${brk}{process.exit(1)}${brk}.txt`);
    names.push('pack\n---\ntitle: Injected\n---\n# x.txt', '---\ntitle: Injected\n---.txt');
    names.forEach((name, index) => {
      const pack = join(emptyArchive(), name);
      writeFileSync(pack, PACK);
      const imported = importPack([pack, '--date', `2030-01-${String(index + 10).padStart(2, '0')}`], content);
      expect(imported.status, `${JSON.stringify(name)}\n${imported.output}`).toBe(0);
    });
    const drafts = filesUnder(content).filter((file) => file.endsWith('.mdx'));
    expect(drafts.length).toBeGreaterThanOrEqual(names.length * 2);
    for (const draft of drafts) {
      const text = readFileSync(join(content, draft), 'utf8');
      const { data, body } = parseFrontmatterFile(text);
      expect((data as { draft?: unknown }).draft, draft).toBe(true);
      expect((data as { title?: unknown }).title, draft).not.toBe('Injected');
      expect(body, draft).not.toContain('{process.exit(1)}');
    }
    const checked = check(content);
    expect(checked.status, checked.output).toBe(0);
  });
});

describe('npm run import, given a decompression bomb', () => {
  it('refuses a Word and a PDF bomb (300 MB inflated) in words, within seconds, and writes nothing', async () => {
    const { docxBomb, pdfBomb } = await import('./support/bombs.ts');
    const { prepareImport } = await import('#lib/import/import-pack.ts');
    const content = emptyArchive();
    const folder = emptyArchive();
    for (const [name, bytes, refusal] of [
      ['pack.docx', docxBomb(300 * 1024 * 1024), 'is not a Word document (.docx) this importer can read: it would unpack to more than 128 MB'],
      ['pack.pdf', pdfBomb(300 * 1024 * 1024), 'is not a PDF this importer can read: its compressed streams inflate to more than 128 MB'],
    ] as const) {
      const file = join(folder, name);
      writeFileSync(file, bytes);
      const started = performance.now();
      await expect(prepareImport({ file, contentDir: content, body: 'bcb', date: '2030-01-10' })).rejects.toThrow(`${file} ${refusal}`);
      expect((performance.now() - started) / 1000, name).toBeLessThan(5);
      const imported = importPack([file, '--body', 'bcb', '--date', '2030-01-10'], content);
      expect(imported.status).toBe(1);
      expect(imported.output).toContain(refusal);
      expect(imported.output).not.toMatch(/\n\s+at /);
    }
    expect(filesUnder(content)).toEqual(['bodies.yaml', 'site.yaml']);
  });
});
