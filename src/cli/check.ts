/** npm run check: validates all content without building the site. */
import { formatProblem } from '#lib/check/check.ts';
import { checkProjectContent } from '#lib/check/read-content.ts';

const started = performance.now();
const { problems, input, fileCount } = await checkProjectContent(process.cwd());
const seconds = ((performance.now() - started) / 1000).toFixed(2);

if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${fileCount} files (${seconds} s). Fix them, then run npm run check again.`);
  process.exit(1);
}
console.log(
  `Content is valid: ${input.meetings.length} meetings, ${input.papers.length} papers, ${input.minutes.length} minutes, ` +
    `${input.decisions.length} decisions, ${input.actionLogs.length} action logs, ${input.forwardPlans.length} forward plans (${fileCount} files, ${seconds} s).`,
);
