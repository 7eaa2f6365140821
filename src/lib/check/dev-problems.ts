/** The content check's problems as the live preview (astro dev) shows them: in the terminal and in the browser's error overlay. */
import { formatProblem, type Problem } from './check.ts';

export interface ProblemsReport {
  /** one line: how many problems, in which file or how many files */
  title: string;
  /** every problem as `npm run check` prints it, one a line, after the files when there are several */
  message: string;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function reportProblems(problems: readonly Problem[]): ProblemsReport {
  const files = [...new Set(problems.map((problem) => problem.file))];
  const lines = problems.map(formatProblem).join('\n');
  if (files.length === 1) return { title: `The content has ${plural(problems.length, 'problem')}, in ${files[0]}`, message: lines };
  return { title: `The content has ${plural(problems.length, 'problem')}, in ${plural(files.length, 'file')}`, message: `In ${files.join(', ')}:\n${lines}` };
}

/**
 * The `err` of Vite's error payload for the overlay; Astro escapes the message as it sends it. It names no
 * file for the overlay to show (`loc`): Astro would highlight that file's code before sending, and the
 * delay could bring an old list of problems after the overlay was cleared.
 */
export function overlayError(problems: readonly Problem[]) {
  const { title, message } = reportProblems(problems);
  return {
    title,
    message,
    hint: 'Fix the file and save it: the preview reloads when the content check passes. `npm run check` lists the same problems.',
    stack: '',
    plugin: 'board-papers',
  };
}
