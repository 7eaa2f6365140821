/**
 * npm run import -- <pack.pdf|pack.docx|pack.txt> [--body <id>] [--date <yyyy-mm-dd>] [--add]
 * Turns a published pack into draft files of its meeting under content/, with a report of what to check.
 */
import { parseArgs } from 'node:util';
import { contentDirectory } from '#lib/build/content-directory.ts';
import { ImportError, prepareImport, writeImport } from '../lib/import/import-pack.ts';

const USAGE = `Usage: npm run import -- <file> [--body <id>] [--date <yyyy-mm-dd>] [--add]

  <file>     the pack or paper: a PDF, a Word file (.docx) or text (.txt)
  --body     the body's id from content/bodies.yaml, when the front sheet does not name it
  --date     the meeting's date, when the front sheet does not give it
  --add      add to a meeting that already exists (never overwrites a file)`;

const contentDir = contentDirectory();

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { body: { type: 'string' }, date: { type: 'string' }, add: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  const result = await prepareImport({ file: positionals[0]!, contentDir, body: values.body, date: values.date, add: values.add });
  writeImport(result, contentDir);
  console.log(result.report.text);
  console.log(`Imported ${result.source.blocks.length} lines${result.source.pages ? ` from ${result.source.pages} pages` : ''} in ${result.seconds.toFixed(1)} s. The report is in content/${result.report.path}.`);
  console.log('Every file is a draft: preview it with npm run dev, check it against the pack, then delete "draft: true".');
} catch (error) {
  if (error instanceof ImportError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`${error.message}\n`);
    if (!(error instanceof ImportError)) console.error(USAGE);
    process.exit(1);
  }
  throw error;
}
