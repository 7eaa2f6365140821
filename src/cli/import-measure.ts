/**
 * npm run import:measure: imports each seed pack in ../shared/seeds into a scratch archive, as a member of
 * staff would, and compares the drafts with what content/ publishes for the same meetings. Prints, for each
 * pack, agenda items and action rows recovered, papers matched to their item, word F1 of each paper's text
 * and tables recovered, then the time taken. Then renders published papers to Word and to PDF (with
 * running headers and page numbers, as packs print them), imports them back and compares them the same
 * way; and times the import of a PDF pack of every paper of the archive, over 150 pages.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ImportError, prepareImport, type ImportResult } from '../lib/import/import-pack.ts';
import { wordsOf } from '../lib/import/compare.ts';
import { measureGenerated, measurePack, measurePairs, measurePaper, type PackMeasure, type PaperMeasure } from '../lib/import/measure.ts';
import { corpusPacks } from '../../tests/support/pack-corpus.ts';
import { printPack } from '../../tests/support/print-pack.ts';
import { renderDocx, renderPdf } from '../../tests/support/render-papers.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const contentDir = join(projectRoot, 'content');
const seedsDir = resolve(projectRoot, process.env.SEEDS_DIR ?? '../shared/seeds');

/**
 * What to tell the importer when a pack's front sheet does not say it, as the seeds' README does: a lone
 * report with no front sheet gives neither body nor date.
 */
const FLAGS_FROM_SEEDS_README: Record<string, { body: string; date: string }> = {
  '001_7cfac5a43a81cd14.txt': { body: 'pcp', date: '2017-11-15' },
  '004_c9256817d0819241.txt': { body: 'jac', date: '2016-09-29' },
};

/** An empty archive with the project's bodies and publisher, for an import to be judged in. */
export function scratchArchive(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-measure-'));
  for (const file of ['bodies.yaml', 'site.yaml']) copyFileSync(join(contentDir, file), join(dir, file));
  return dir;
}

const publishedText = (path: string) => {
  const file = join(contentDir, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

/** The published papers of a meeting, under content/. */
const publishedPapersOf = (folder: string) =>
  existsSync(join(contentDir, folder)) ? readdirSync(join(contentDir, folder)).filter((name) => name.endsWith('.mdx') && !['index.mdx', 'minutes.mdx'].includes(name)).map((name) => `${folder}/${name}`) : [];

export interface SeedMeasure {
  seed: string;
  flags?: { body: string; date: string };
  result?: ImportResult;
  error?: string;
  pack?: PackMeasure;
  /** minutes in the pack of an earlier meeting, compared with its published minutes */
  minutes: PaperMeasure[];
}

export async function measureSeed(seed: string): Promise<SeedMeasure> {
  const scratch = scratchArchive();
  try {
    const flags = FLAGS_FROM_SEEDS_README[seed];
    let result: ImportResult;
    try {
      result = await prepareImport({ file: join(seedsDir, seed), contentDir: scratch });
    } catch (error) {
      if (!(error instanceof ImportError) || !flags) return { seed, error: error instanceof Error ? error.message : String(error), minutes: [] };
      result = await prepareImport({ file: join(seedsDir, seed), contentDir: scratch, ...flags });
    }
    const importedByPath = new Map(result.files.map((file) => [file.path, file.text]));
    const folder = `meetings/${result.target.body}/${result.target.date}`;
    const importedPapers = result.files.map((file) => file.path).filter((path) => path.startsWith(`${folder}/`) && path.endsWith('.mdx') && !path.endsWith('/index.mdx') && !path.endsWith('/unplaced-text.mdx'));
    const pack = measurePack(folder, (path) => importedByPath.get(path), importedPapers, publishedText, publishedPapersOf(folder));
    const minutes = result.files
      .filter((file) => file.path.endsWith('/minutes.mdx') && publishedText(file.path) !== undefined)
      .map((file): PaperMeasure => ({ published: file.path, imported: file.path, matched: true, ...measurePaper(publishedText(file.path)!, file.text) }));
    return { seed, flags: result.target.body === flags?.body && result.target.date === flags?.date ? flags : undefined, result, pack, minutes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${part}/${whole}`);

/** One pack's figures for the summary table. */
interface PackFigures {
  pack: string;
  parts: string;
  rows: string;
  recall: number;
  precision: number;
  unplaced: number;
  account: string;
  headings: number;
  tables: number;
  seconds: number;
}

const summary: PackFigures[] = [];

/**
 * Each pack of the generated corpus (tests/support/pack-corpus.ts), written as a text file and imported as a
 * member of staff would: parts placed under their items, action rows read, words kept, and what was made.
 */
export async function measureCorpus(): Promise<PackFigures[]> {
  const figures: PackFigures[] = [];
  for (const pack of corpusPacks(contentDir)) {
    const archive = scratchArchive();
    const work = mkdtempSync(join(tmpdir(), 'import-corpus-'));
    try {
      const printed = printPack(pack.spec);
      const file = join(work, `${pack.name}.txt`);
      writeFileSync(file, printed.text);
      const result = await prepareImport({ file, contentDir: archive });
      const content = printed.lines.filter((line) => line.role === 'content').flatMap((line) => wordsOf(line.text));
      const measured = measureGenerated(printed.parts, content, result.files);
      figures.push({
        pack: pack.name,
        parts: `${measured.parts.placed}/${measured.parts.expected}`,
        rows: percent(measured.actionRows.found, measured.actionRows.expected),
        recall: measured.recall,
        precision: measured.precision,
        unplaced: result.account.unplaced.length,
        account: `${result.account.total}`,
        headings: measured.headingsMade.length,
        tables: measured.tablesMade,
        seconds: result.seconds,
      });
    } finally {
      for (const dir of [archive, work]) rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}

function printFigures(rows: readonly PackFigures[]): void {
  console.log('| pack | lines | parts placed | action rows | word recall | word precision | lines unplaced | headings made | tables made | time |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.pack} | ${row.account} | ${row.parts} | ${row.rows} | ${row.recall.toFixed(3)} | ${row.precision.toFixed(3)} | ${row.unplaced} | ${row.headings} | ${row.tables} | ${row.seconds.toFixed(2)} s |`);
}

function printSeed(measure: SeedMeasure): void {
  if (!measure.pack || !measure.result) {
    console.log(`${measure.seed}: not imported: ${measure.error}`);
    return;
  }
  const { pack, result } = measure;
  const papers = [...pack.papers, ...measure.minutes];
  const f1s = papers.map((paper) => paper.f1);
  const tables = papers.reduce((sum, paper) => ({ published: sum.published + paper.tables.published, recovered: sum.recovered + paper.tables.recovered }), { published: 0, recovered: 0 });
  console.log(`\n${measure.seed} → content/${pack.meeting}/${measure.flags ? ` (given --body ${measure.flags.body} --date ${measure.flags.date})` : ''}`);
  console.log(`  agenda items ${percent(pack.agenda.recovered, pack.agenda.published)} · action rows ${percent(pack.actions.recovered, pack.actions.published)} · papers matched to their item ${percent(pack.papers.filter((paper) => paper.matched).length, pack.papers.length)} (imported but not placed: ${pack.unplaced}) · tables with their rows and columns ${percent(tables.recovered, tables.published)} · lowest F1 ${f1s.length ? Math.min(...f1s).toFixed(3) : '–'} · ${result.seconds.toFixed(2)} s`);
  const pairs = papers.map((paper) => ({ published: publishedText(paper.published)!, imported: paper.imported === undefined ? undefined : result.files.find((file) => file.path === paper.imported)?.text }));
  const words = measurePairs(pairs);
  summary.push({
    pack: measure.seed,
    parts: `${papers.filter((paper) => paper.matched && paper.imported !== undefined).length}/${papers.length}`,
    rows: percent(pack.actions.recovered, pack.actions.published),
    recall: words.recall,
    precision: words.precision,
    unplaced: result.account.unplaced.length,
    account: `${result.account.total}`,
    headings: words.headingsMade.length,
    tables: words.tablesMade,
    seconds: result.seconds,
  });
  console.log('  | paper | item | matched | word F1 | tables |');
  console.log('  | --- | --- | --- | --- | --- |');
  for (const paper of papers) console.log(`  | ${paper.published.split('/').slice(-2).join('/')} | ${paper.item ?? ''} | ${paper.matched ? 'yes' : 'no'} | ${paper.f1.toFixed(3)} | ${percent(paper.tables.recovered, paper.tables.published)} |`);
}

/**
 * Published papers with what makes a paper hard to import: wide tables (the performance dashboard, the
 * FMS), footnotes (the performance update), numbered and lettered lists (the media protocol, the MTFS).
 */
export const ROUND_TRIP_PAPERS = [
  'meetings/bcb/2019-06-11/05-force-management-statement.mdx',
  'meetings/bcb/2019-06-11/06-medium-term-financial-strategy.mdx',
  'meetings/bcb/2019-06-11/07-annual-governance-statement.mdx',
  'meetings/bcb/2019-06-11/09-serious-violence-strategy.mdx',
  'meetings/bcb/2018-05-10/04-civil-parking-enforcement.mdx',
  'meetings/bcb/2018-05-10/05-performance-update.mdx',
  'meetings/bcb/2018-05-10/07-road-safety.mdx',
  'meetings/bcb/2018-05-10/11-stalking-and-harassment.mdx',
  'meetings/pcp/2017-11-15/06-fire-governance-update.mdx',
  'meetings/pcp/2017-11-15/10-media-protocol.mdx',
  'meetings/bcb/2017-09-21/11-integrated-mental-health-team.mdx',
  'meetings/jac/2016-09-29/developing-a-police-and-crime-plan.mdx',
];

export interface RoundTrip {
  paper: string;
  format: 'docx' | 'pdf';
  f1: number;
  tables: PaperMeasure['tables'];
  error?: string;
}

/** Renders a published paper as Word or PDF, imports it into an empty archive, and compares it with the paper. */
export async function roundTrip(paper: string, format: 'docx' | 'pdf'): Promise<RoundTrip> {
  const archive = scratchArchive();
  const work = mkdtempSync(join(tmpdir(), 'import-round-trip-'));
  try {
    const [, body, date] = paper.split('/') as [string, string, string];
    const file = join(work, `paper.${format}`);
    writeFileSync(file, format === 'docx' ? await renderDocx(join(contentDir, paper)) : await renderPdf(join(contentDir, paper)));
    const result = await prepareImport({ file, contentDir: archive, body, date });
    const imported = result.files.filter((each) => each.path.endsWith('.mdx') && !each.path.endsWith('/index.mdx'));
    // a paper alone is one document; where the importer split it, the parts are compared together
    const text = imported.map((each, index) => (index === 0 ? each.text : each.text.replace(/^---[\s\S]*?\n---\n/, ''))).join('\n');
    return { paper, format, ...measurePaper(readFileSync(join(contentDir, paper), 'utf8'), imported.length ? text : undefined) };
  } catch (error) {
    return { paper, format, f1: 0, tables: { published: 0, recovered: 0 }, error: error instanceof Error ? error.message.split('\n').slice(0, 2).join(' ') : String(error) };
  } finally {
    for (const dir of [archive, work]) rmSync(dir, { recursive: true, force: true });
  }
}

/** Every published paper of the archive printed as one PDF pack, imported: its pages and the seconds taken. */
export async function timeLongPack(): Promise<{ pages: number; seconds: number; documents: number }> {
  const archive = scratchArchive();
  const work = mkdtempSync(join(tmpdir(), 'import-long-pack-'));
  try {
    const papers = readdirSync(join(contentDir, 'meetings'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.mdx') && !file.endsWith('index.mdx') && !file.endsWith('minutes.mdx'))
      .sort()
      .map((file) => join(contentDir, 'meetings', file));
    const file = join(work, 'long-pack.pdf');
    writeFileSync(file, await renderPdf(papers));
    const result = await prepareImport({ file, contentDir: archive, body: 'bcb', date: '2030-01-10' });
    return { pages: result.source.pages ?? 0, seconds: result.seconds, documents: result.pack.documents.length };
  } finally {
    for (const dir of [archive, work]) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const seeds = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
  for (const seed of seeds) printSeed(await measureSeed(seed));

  console.log('\nEach pack: parts placed of those printed, action rows, word recall and precision counted word by word, lines left unplaced, headings and tables made that the pack does not have');
  console.log('\nThe seed packs (against the published archive; recall and precision over the papers and minutes matched)');
  printFigures(summary);
  console.log('\nThe generated packs (against what they print; recall and precision over all the drafts, unplaced text aside)');
  printFigures(await measureCorpus());

  console.log('\nPublished papers rendered to Word and PDF and imported back');
  console.log('| paper | Word F1 | Word tables | PDF F1 | PDF tables |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const paper of ROUND_TRIP_PAPERS) {
    const [word, pdf] = [await roundTrip(paper, 'docx'), await roundTrip(paper, 'pdf')];
    const cell = (trip: RoundTrip) => (trip.error ? `not imported: ${trip.error}` : trip.f1.toFixed(3));
    console.log(`| ${paper.split('/').slice(-2).join('/')} | ${cell(word)} | ${percent(word.tables.recovered, word.tables.published)} | ${cell(pdf)} | ${percent(pdf.tables.recovered, pdf.tables.published)} |`);
  }
  const long = await timeLongPack();
  console.log(`\nA PDF pack of every paper of the archive: ${long.pages} pages, ${long.documents} documents found, imported in ${long.seconds.toFixed(1)} s`);
}
