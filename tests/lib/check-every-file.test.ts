/**
 * The check sees every file under content/: a file in a hidden folder, or with "..", "." or an empty part
 * in its path, is refused with the reason, never skipped as a hidden file.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '#lib/check/check.ts';

const encoder = new TextEncoder();
const DRAFT = '---\ntitle: Pwn\ndraft: true\n---\n\n{process.exit(1)}\n';
const problemsOf = (path: string) => checkContent([{ path, bytes: encoder.encode(DRAFT) }]).problems.filter((problem) => problem.file === `content/${path}`);

describe('the check and the folders of content/', () => {
  it('refuses a draft whose path climbs out through "..", as the importer once wrote one', () => {
    expect(problemsOf('meetings/../../../../site/src/pages/pwn/2019-06-11/index.mdx')).toEqual([
      { file: 'content/meetings/../../../../site/src/pages/pwn/2019-06-11/index.mdx', message: 'has ".." in its path, which leaves or skips a folder; expected a file inside content/, in its meeting\'s or decision\'s folder' },
    ]);
  });

  it('names a file in a hidden folder instead of skipping it', () => {
    expect(problemsOf('meetings/bcb/.drafts/05-paper.mdx')[0]?.message).toBe('is in the hidden folder ".drafts", which the site never reads; move the file out of it, or delete it');
  });

  it('judges every file of generated paths with a dotted or empty folder: none is passed over in silence', () => {
    const folders = ['..', '.', '', '.git', '...', '.hidden', '..x'];
    const names = ['index.mdx', 'notes.txt', '.DS_Store', 'bodies.yaml', 'pack.pdf', 'x.swp'];
    for (const folder of folders) {
      for (const name of names) {
        for (const path of [`${folder}/${name}`, `meetings/${folder}/${name}`, `meetings/bcb/${folder}/2019-06-11/${name}`]) {
          expect(problemsOf(path).length, path).toBeGreaterThan(0);
        }
      }
    }
  });

  it('still skips a hidden file that is not content, in an ordinary folder', () => {
    expect(problemsOf('meetings/bcb/2019-06-11/.05-paper.mdx.swp')).toEqual([]);
    expect(problemsOf('.DS_Store')).toEqual([]);
  });
});
