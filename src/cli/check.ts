/** npm run check: validates all content without building the site. */
import { formatProblem } from '#lib/check/check.ts';
import { checkProjectContent } from '#lib/check/read-content.ts';
import { projectUnpublishedReferences } from '#lib/check/unpublished-references.ts';
import { todayInLondon } from '#lib/model/dates.ts';

const started = performance.now();
const { problems, input, fileCount } = await checkProjectContent(process.cwd());
const seconds = ((performance.now() - started) / 1000).toFixed(2);

// warnings stop nothing: what a public record names that is not public yet is left out of the site
for (const warning of projectUnpublishedReferences(process.cwd(), input, todayInLondon())) console.warn(`Warning: ${formatProblem(warning)}`);
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${fileCount} files (${seconds} s). Fix them, then run npm run check again.`);
  process.exit(1);
}
console.log(
  `Content is valid: ${input.meetings.length} meetings, ${input.papers.length} papers, ${input.minutes.length} minutes, ` +
    `${input.decisions.length} decisions, ${input.actionLogs.length} action logs, ${input.forwardPlans.length} forward plans (${fileCount} files, ${seconds} s).`,
);
