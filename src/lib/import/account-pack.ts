/**
 * The files of an imported pack with the account of its lines: what no draft holds is written to the
 * meeting's unplaced-text draft, and the account is checked to balance before anything may be written.
 */
import type { Body } from '#lib/model/schema.ts';
import { wordsOf } from './compare.ts';
import { accountLines, dateWords, accountProblems, accountSection, linesWithText, unplacedPassages, whereIn, type AccountLine, type LineAccount, type Placement } from './line-account.ts';
import type { ImportedPack, ImportNote, SourceBlock } from './model.ts';
import { UNPLACED_TEXT_FILE, unplacedTextFile, type FileToWrite, type PackTarget } from './write-pack.ts';

export interface AccountedFiles {
  /** the drafts, with the unplaced-text draft when there are lines no draft holds */
  files: FileToWrite[];
  account: LineAccount;
  /** the source lines with text, where they were printed */
  lines: AccountLine[];
  /** the report's last section: the account, ending with its sum */
  section: string[];
  /** why the account does not balance; none when it does */
  problems: string[];
}

/**
 * Accounts for every line of `blocks` in the files `packFiles` made, adding the unplaced-text draft when
 * some lines are in none. `byPage`: the report gives pages (a PDF) rather than lines of the file as given.
 */
export function accountForPack(
  blocks: readonly SourceBlock[],
  pack: ImportedPack,
  target: PackTarget,
  planned: { files: FileToWrite[]; notes: ImportNote[]; placements: Placement[] },
  options: { bodies?: readonly Body[]; byPage?: boolean; exists?: (path: string) => boolean } = {},
): AccountedFiles {
  const { bodies = [], byPage = false, exists = () => false } = options;
  const lines = linesWithText(blocks);
  // the body's name is written as the meeting's folder, not as text: its names stand for themselves
  const bodyNames = [pack.bodyName ?? '', target.date, ...bodies.filter((body) => body.id === target.body).flatMap((body) => [body.name, body.shortName ?? '', ...body.aliases])];
  const account = accountLines(lines, pack.furniture ?? [], planned.placements, new Map(planned.files.map((file) => [file.path, file.text])), [...bodyNames.flatMap((name) => wordsOf(name)), ...dateWords(target.date)]);
  const folder = `meetings/${target.body}/${target.date}`;
  let name = UNPLACED_TEXT_FILE;
  for (let copy = 2; exists(`${folder}/${name}`); copy += 1) name = UNPLACED_TEXT_FILE.replace(/\.mdx$/, `-${copy}.mdx`);
  const files = [...planned.files];
  let unplaced: FileToWrite | undefined;
  if (account.unplaced.length > 0) {
    const where = (numbers: number[]) => whereIn(numbers, lines, byPage);
    unplaced = { ...unplacedTextFile(folder, target, unplacedPassages(account, lines), where, planned.notes), path: `${folder}/${name}` };
    files.push(unplaced);
    planned.notes.push({
      document: 'meeting',
      sourceLine: account.unplaced[0],
      kind: 'placed',
      message: `${account.unplaced.length} line${account.unplaced.length === 1 ? '' : 's'} could not be placed in a draft (${where(account.unplaced)}); kept as printed in content/${unplaced.path}, marked for a look.`,
    });
  }
  return { files, account, lines, section: accountSection(account, lines, byPage, unplaced?.path), problems: accountProblems(account, lines, unplaced?.text) };
}
