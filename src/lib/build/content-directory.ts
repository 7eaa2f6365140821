/** Where a build or a command reads content from. */
import { resolve } from 'node:path';

/** content/ in the project, or CONTENT_DIR when set (the tests build fixture archives with the real site). */
export function contentDirectory(root: string = process.cwd()): string {
  return resolve(root, process.env.CONTENT_DIR ?? 'content');
}
