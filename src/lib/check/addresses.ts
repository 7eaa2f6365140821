/**
 * Every file the build will write, known before it starts: each page and file of the site's own, of each
 * body, meeting, paper (and its former addresses), minutes, forward plan, decision and original. Two that
 * would be written at one place, or one written inside another that is a file, are a problem of the
 * content file whose field chose the address, named before anything is built.
 */
import type { ArchiveInput } from '#lib/model/archive.ts';
import type { ParsedFile } from '#lib/text/frontmatter.ts';
import { formatProblem, type Problem } from './problem.ts';
import { paperAddress } from '#lib/model/archive.ts';
import { locateContentFile } from '#lib/model/document-kinds.ts';
import { SITE_PAGES, meetingKey, routes } from '#lib/model/routes.ts';

export interface PlannedFile {
  /** under the output folder: "board/2019-06-11/index.html", "board/2019-06-11/pack.pdf" */
  output: string;
  /** what is written there, in words: "the page of the meeting board/2019-06-11" */
  what: string;
  /** the content file and field whose value chose this address, when staff chose it */
  chosenBy?: { file: string; field: string; at: (string | number)[]; value: string };
  /** a paper's page or former address: two of these at one place are the content check's own problem to name */
  paper?: true;
}

export interface AddressCollision {
  planned: PlannedFile & { chosenBy: NonNullable<PlannedFile['chosenBy']> };
  other: PlannedFile;
  /** the other is a file, and this would be written inside it as if it were a folder */
  inside: boolean;
}

/** The file a site path is written to: a page's address is a folder holding index.html. */
const outputOf = (path: string) => (path === '' || path.endsWith('/') ? `${path}index.html` : path);

/** Every file the content would have the build write, public or not: a draft published tomorrow must fit too. */
export function plannedFiles(input: ArchiveInput): PlannedFile[] {
  const planned: PlannedFile[] = [];
  const add = (path: string, what: string, chosenBy?: PlannedFile['chosenBy'], paper?: true) => planned.push({ output: outputOf(path), what, ...(chosenBy && { chosenBy }), ...(paper && { paper }) });
  for (const [name, path] of Object.entries(SITE_PAGES)) add(path, `the site's own ${name} page`);
  for (const body of input.bodies) {
    for (const route of [routes.body, routes.bodyActions, routes.bodyPapersFeed, routes.bodyDecisionsFeed, routes.bodyCalendar]) add(route(body.id), `a page of the body ${body.id}`);
  }
  for (const meeting of input.meetings) {
    const { body, date } = locateContentFile(meeting.file);
    if (!body || !date) continue;
    const key = meetingKey(body, date);
    add(routes.bodyYear(body, date.slice(0, 4)), `the ${date.slice(0, 4)} page of the body ${body}`);
    add(routes.meeting(key), `the page of the meeting ${key}`);
    add(routes.meetingCalendar(key), `the calendar file of the meeting ${key}`);
  }
  for (const { file } of input.minutes) {
    const { body, date } = locateContentFile(file);
    if (body && date) add(routes.minutes(meetingKey(body, date)), `the minutes of ${meetingKey(body, date)}`);
  }
  for (const { file } of input.forwardPlans) {
    const { body, date } = locateContentFile(file);
    if (body && date) add(routes.forwardPlan(meetingKey(body, date)), `the forward plan of ${meetingKey(body, date)}`);
  }
  for (const paper of input.papers) {
    const key = paperAddress(paper);
    if (!key) continue;
    const chosen = paper.data.address === undefined ? undefined : { file: paper.file, field: 'address', at: ['address'], value: paper.data.address };
    add(routes.paper(key), `the page of the paper content/${paper.file}`, chosen, true);
    const meeting = key.split('/').slice(0, 2).join('/');
    paper.data.formerAddresses.forEach((former, index) => {
      add(routes.paper(`${meeting}/${former}`), `a former address of content/${paper.file}`, { file: paper.file, field: `formerAddresses[${index}]`, at: ['formerAddresses', index], value: former }, true);
    });
  }
  for (const document of [...input.meetings, ...input.papers]) {
    const { body, date } = locateContentFile(document.file);
    if (!body || !date) continue;
    const folder = document.file.slice(0, document.file.lastIndexOf('/') + 1);
    document.data.attachments.forEach((attachment, index) => {
      add(`${routes.meeting(meetingKey(body, date))}${attachment.file}`, `the original content/${folder}${attachment.file}`, {
        file: document.file,
        field: `attachments[${index}].file`,
        at: ['attachments', index, 'file'],
        value: attachment.file,
      });
    });
  }
  for (const decision of input.decisions) {
    add(routes.decision(decision.data.id), `the page of the decision ${decision.data.id}`);
    add(routes.decisionsYear(decision.data.date.slice(0, 4)), `the decisions of ${decision.data.date.slice(0, 4)}`);
  }
  return planned;
}

/**
 * Each address staff chose that would be written where another file is, or inside one as if it were a
 * folder. The same page planned twice (the year page of two meetings, one original listed by two
 * documents of its folder) is one file, not a collision.
 */
export function addressCollisions(planned: readonly PlannedFile[]): AddressCollision[] {
  const byOutput = new Map<string, PlannedFile[]>();
  for (const file of planned) byOutput.set(file.output, [...(byOutput.get(file.output) ?? []), file]);
  const collisions: AddressCollision[] = [];
  for (const file of planned) {
    if (!file.chosenBy) continue;
    const chosen = file as AddressCollision['planned'];
    const other = byOutput.get(file.output)!.find((candidate) => candidate.what !== file.what && !(candidate.paper && file.paper));
    if (other) collisions.push({ planned: chosen, other, inside: false });
    // every folder it would be written in: none may be a file of the site
    const segments = file.output.split('/');
    for (let end = 1; end < segments.length; end++) {
      const folder = segments.slice(0, end).join('/');
      const blocking = byOutput.get(folder)?.[0];
      if (blocking) collisions.push({ planned: chosen, other: blocking, inside: true });
    }
  }
  // and any file of the site that would be written inside the file an address chose
  for (const file of planned) {
    const segments = file.output.split('/');
    for (let end = 1; end < segments.length; end++) {
      const chosen = byOutput.get(segments.slice(0, end).join('/'))?.find((candidate) => candidate.chosenBy);
      if (chosen) collisions.push({ planned: chosen as AddressCollision['planned'], other: file, inside: false });
    }
  }
  return collisions;
}

/** Each address staff chose that collides with another file the build would write, once. */
export function addressProblems(input: ArchiveInput, parsed: Map<string, ParsedFile>, prefix: string): Problem[] {
  const problems = new Map<string, Problem>();
  for (const { planned, other, inside } of addressCollisions(plannedFiles(input))) {
    const { file, field, at, value } = planned.chosenBy;
    const where = inside ? `inside /${other.output}, which is ${other.what}` : `at /${planned.output}, where the build writes ${other.what}`;
    const problem = { file: prefix + file, line: parsed.get(file)?.lineOf(at), field, message: `found "${value}", which would be published ${where}; expected an address no other file of the site has` };
    problems.set(formatProblem(problem), problem);
  }
  return [...problems.values()];
}
