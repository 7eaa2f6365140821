/** What the content check reports, and what it reads: one problem, one file of content/. */
import type { ArchiveInput } from '#lib/model/archive.ts';

export interface Problem {
  /** relative to the project, e.g. content/meetings/board/2019-06-11/05-fms.mdx */
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export interface ContentFile {
  /** relative to content/, with / separators */
  path: string;
  /** raw bytes, so that a file that is not UTF-8 can be named */
  bytes: Uint8Array;
  /** set when the entry is not an ordinary file: it is refused by name */
  special?: 'symbolic link' | 'special file';
}

export interface CheckResult {
  problems: Problem[];
  input: ArchiveInput;
}


export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${where}${field} ${problem.message}`;
}
