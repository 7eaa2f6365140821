/**
 * The one way the importer, `npm run new` and the copying of originals write a file: by its path under a
 * root folder (content/ for the authoring tools), every part of the path judged by one rule before it
 * becomes a path, then resolved and refused if it would land outside the root, through "..", an absolute
 * path or a symbolic link. A refusal names the file and the reason, and nothing is written.
 */
import { appendFileSync, copyFileSync, existsSync, lstatSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The one rule for a name that becomes part of a path, from content or from a file's name: lower-case
 * letters, digits and hyphens, starting with a letter or digit. It is also the rule for a part of a web
 * address, so the content check judges every folder and file name under content/ by it.
 */
export const SAFE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** A file's name: a safe name and one extension, such as "05-estates.mdx" or "pack.pdf". */
const SAFE_FILE_NAME = /^[a-z0-9][a-z0-9-]*\.[a-z0-9]+$/;

/** A refusal to read or write a file outside its folder, or by a name the rule does not allow. */
export class UnsafePathError extends Error {
  constructor(shown: string, reason: string) {
    super(`Refused ${shown}: ${reason}; nothing was written.`);
    this.name = 'UnsafePathError';
  }
}

/** Why a path under a root (with / between its parts) cannot be used, or undefined when it can. */
export function pathProblem(path: string): string | undefined {
  if (path === '' || isAbsolute(path) || /^[a-zA-Z]:/.test(path)) return 'expected a path inside its folder, not an absolute one';
  if (path.includes('\\')) return 'expected / between the parts of the path, and no backslash';
  const parts = path.split('/');
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    if (part === '..' || part === '.' || part === '') return `its path holds "${part}", which would leave or skip a folder; expected names only`;
    if (!(last ? SAFE_FILE_NAME : SAFE_NAME).test(part)) {
      return `it has the name "${part}"; expected lower-case letters, digits and hyphens only${last ? ', and one extension such as .mdx' : ''}`;
    }
  }
  return undefined;
}

/** How a path is shown in a refusal: as the root's folder name and the path, such as content/meetings/…. */
const shownPath = (root: string, path: string) => `${relative(process.cwd(), root) || '.'}/${path}`;

/**
 * The absolute path of `path` under `root`, once every part has passed the rule, every folder on the way
 * that exists is a real folder (not a link), the file, if there, is an ordinary file, and the result is
 * inside the root. Throws UnsafePathError otherwise.
 */
export function resolveInside(root: string, path: string): string {
  const shown = shownPath(root, path);
  const problem = pathProblem(path);
  if (problem) throw new UnsafePathError(shown, problem);
  const base = existsSync(root) ? realpathSync(root) : resolve(root);
  const full = resolve(base, ...path.split('/'));
  const inside = relative(base, full);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) throw new UnsafePathError(shown, `it is outside ${base}`);
  let at = base;
  for (const [index, part] of path.split('/').entries()) {
    at = join(at, part);
    if (!existsSync(at) && !isLink(at)) break;
    const info = lstatSync(at);
    const last = index === path.split('/').length - 1;
    if (info.isSymbolicLink()) throw new UnsafePathError(shown, `${relative(base, at)} is a symbolic link, which could lead outside ${base}`);
    if (!last && !info.isDirectory()) throw new UnsafePathError(shown, `${relative(base, at)} is not a folder`);
    if (last && !info.isFile()) throw new UnsafePathError(shown, `${relative(base, at)} is not an ordinary file`);
  }
  return full;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Writes a new file at `path` under `root`, making its folders; never over a file that is there (with
 * `append`, adds to the end of an ordinary file, or starts it).
 */
export function writeFileInside(root: string, path: string, data: string | Uint8Array, { append = false }: { append?: boolean } = {}): void {
  const full = resolveInside(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  // "wx" fails on anything already there, a link included; the folders were judged just above
  if (append && existsSync(full)) appendFileSync(full, data);
  else writeFileSync(full, data, { flag: 'wx' });
}

/** Copies `from` under `fromRoot` to a new file at `to` under `toRoot`, both judged as above. */
export function copyFileInside(fromRoot: string, from: string, toRoot: string, to: string): void {
  const source = resolveInside(fromRoot, from);
  const target = resolveInside(toRoot, to);
  mkdirSync(join(target, '..'), { recursive: true });
  copyFileSync(source, target);
}
