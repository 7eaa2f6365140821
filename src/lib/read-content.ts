/** Reading content/ from disk for the content check. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { checkContent, type CheckResult, type ContentFile } from './check.ts';

export async function readContentFiles(contentDir: string): Promise<ContentFile[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.'));
  return Promise.all(
    files.map(async (entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(contentDir, full).split(sep).join('/'), bytes: await readFile(full) };
    }),
  );
}

/** Checks the content folder of a project: content/, or CONTENT_DIR when set (the tests build fixtures). */
export async function checkProjectContent(root: string): Promise<CheckResult & { fileCount: number }> {
  const contentDir = resolve(root, process.env.CONTENT_DIR ?? 'content');
  const files = await readContentFiles(contentDir);
  const prefix = `${relative(root, contentDir).split(sep).join('/')}/`;
  return { ...checkContent(files, prefix), fileCount: files.length };
}
