/** Reading content/ from disk for the content check. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { checkContent, type CheckResult, type ContentFile } from './check.ts';
import { contentDirectory } from '#lib/build/content-directory.ts';
import type { UnsafeContent } from '#lib/text/safe-content.ts';

/**
 * Every entry under content/: ordinary files with their bytes; symbolic links and special files
 * (pipes, sockets, devices) by name only, for the check to refuse, since Astro would follow a link
 * to whatever it points at.
 */
export async function readContentFiles(contentDir: string): Promise<ContentFile[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const pathOf = (entry: { parentPath: string; name: string }) => relative(contentDir, join(entry.parentPath, entry.name)).split(sep).join('/');
  return Promise.all(
    entries
      .filter((entry) => !entry.isDirectory())
      .map(async (entry): Promise<ContentFile> => {
        if (entry.isSymbolicLink()) return { path: pathOf(entry), bytes: new Uint8Array(), special: 'symbolic link' };
        if (!entry.isFile()) return { path: pathOf(entry), bytes: new Uint8Array(), special: 'special file' };
        return { path: pathOf(entry), bytes: await readFile(join(entry.parentPath, entry.name)) };
      }),
  );
}

/**
 * Checks the content folder of a project: content/, or CONTENT_DIR when set (the tests build fixtures).
 * `judgeText` as checkContent's.
 */
export async function checkProjectContent(root: string, judgeText?: (text: string) => UnsafeContent[]): Promise<CheckResult & { fileCount: number }> {
  const contentDir = contentDirectory(root);
  const files = await readContentFiles(contentDir);
  const prefix = `${relative(root, contentDir).split(sep).join('/')}/`;
  return { ...checkContent(files, prefix, judgeText), fileCount: files.length };
}
