/**
 * The check of the references between files: every meeting, paper, minutes, log, decision and plan that
 * a file names is in the archive, every paper item has its paper, and no address or id is taken twice.
 */
import type { ParsedFile } from '#lib/text/frontmatter.ts';
import type { AgendaItem, Meeting } from '#lib/model/schema.ts';
import { findAgendaItem, flattenAgenda, normaliseAgendaNumber } from '#lib/model/agenda.ts';
import { decisionFile, meetingKey } from '#lib/model/routes.ts';
import { SITE_FILE, locateContentFile } from '#lib/model/document-kinds.ts';
import { decisionNumbering } from '#lib/model/decision-numbering.ts';
import { paperAddress, type ArchiveInput, type Sourced } from '#lib/model/archive.ts';
import type { Problem } from './problem.ts';

/** What the reference check reads: the archive's records as judged file by file, and what could not be read. */
export interface ReferenceCheck {
  input: ArchiveInput;
  /** each readable file by its path under content/, for the line of a field */
  parsed: Map<string, ParsedFile>;
  /** meetings (body/date) with a paper that could not be read: what refers to their papers is not reported twice */
  meetingsWithUnreadablePapers: Set<string>;
  /** meetings (body/date) whose index.mdx could not be read: nothing that belongs to them is reported as missing */
  unreadableMeetings: Set<string>;
  /** files (paths under content/) that could not be read or did not match their schema */
  unreadableFiles: Set<string>;
  /** true when bodies.yaml could not be read: no meeting is reported for naming an unknown body */
  bodiesUnreadable: boolean;
  /** how a file is named in a problem: "content/" */
  prefix: string;
}

type Meetings = Map<string, Sourced<Meeting>>;

/** Every problem of reference between the archive's files. */
export function checkReferences(check: ReferenceCheck): Problem[] {
  const problems: Problem[] = [];
  const meetings = meetingProblems(check, problems);
  const { paperKeys, coveredItems } = paperProblems(check, meetings, problems);
  agendaPromiseProblems(check, meetings, coveredItems, problems);
  minutesProblems(check, meetings, problems);
  meetingFileProblems(check, meetings, problems);
  decisionAndPlanProblems(check, meetings, paperKeys, problems);
  return problems;
}

/** The line of a field of a file, where it can be known. */
function lineIn(check: ReferenceCheck) {
  return (file: string, path: (string | number)[]) => check.parsed.get(file)?.lineOf(path);
}

/** Agenda numbers used by two items, except a sub-item "8.0" under its own parent "8". */
export function duplicateAgendaNumbers(agenda: readonly AgendaItem[]): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const walk = (items: readonly AgendaItem[], parentNumber?: string) => {
    for (const item of items) {
      const number = normaliseAgendaNumber(item.number);
      if (number !== parentNumber) {
        if (seen.has(number)) duplicates.push(item.number);
        seen.add(number);
      }
      walk(item.items, number);
    }
  };
  walk(agenda);
  return duplicates;
}

/** Each meeting's body, minutes items, declarations and agenda numbers; the meetings by body/date. */
function meetingProblems(check: ReferenceCheck, problems: Problem[]): Meetings {
  const { input, prefix, bodiesUnreadable } = check;
  const line = lineIn(check);
  const bodyIds = new Set(input.bodies.map((body) => body.id));
  const meetings = new Map<string, Sourced<Meeting>>();

  for (const meeting of input.meetings) {
    const { body, date } = locateContentFile(meeting.file);
    if (!body || !date) continue;
    if (!bodyIds.has(body) && !bodiesUnreadable) {
      problems.push({ file: prefix + meeting.file, field: 'folder', message: `names the body "${body}", which is not in content/bodies.yaml; expected one of ${[...bodyIds].join(', ')}` });
    }
    meetings.set(meetingKey(body, date), meeting);
    for (const item of flattenAgenda(meeting.data.agenda)) {
      if (item.kind === 'minutes' && item.minutesOf && item.minutesOf >= date) {
        problems.push({ file: prefix + meeting.file, field: 'agenda', message: `item ${item.number} approves the minutes of ${item.minutesOf}, which is not before this meeting (${date}); expected an earlier meeting's date` });
      }
    }
    const declarations = meeting.data.declarations === 'none' ? [] : (meeting.data.declarations ?? []);
    declarations.forEach((declaration, index) => {
      if (declaration.item !== undefined && !findAgendaItem(meeting.data.agenda, declaration.item)) {
        const numbers = flattenAgenda(meeting.data.agenda).map((entry) => `"${entry.number}"`);
        problems.push({
          file: prefix + meeting.file,
          line: line(meeting.file, ['declarations', index, 'item']),
          field: `declarations[${index}].item`,
          message: `found "${declaration.item}", which is not on this meeting's agenda; expected one of ${numbers.join(', ') || '(the meeting has no agenda)'}`,
        });
      }
    });
    for (const number of duplicateAgendaNumbers(meeting.data.agenda)) {
      problems.push({ file: prefix + meeting.file, field: 'agenda', message: `item number "${number}" is used twice; expected each agenda item to have its own number` });
    }
  }
  return meetings;
}

/** Each paper's meeting, agenda item, address, former addresses and date. */
function paperProblems(check: ReferenceCheck, meetings: Meetings, problems: Problem[]): { paperKeys: Set<string>; coveredItems: Set<string> } {
  const { input, prefix, unreadableMeetings } = check;
  const line = lineIn(check);
  const paperKeys = new Set<string>();
  /** which file takes each address, public or not: a draft never moves a public paper, but two papers cannot share one */
  const addressTakenBy = new Map<string, string>();
  const formerAddressOf = new Map<string, string>();
  const coveredItems = new Set<string>();
  for (const paper of input.papers) {
    const name = prefix + paper.file;
    const { body, date, stem } = locateContentFile(paper.file);
    if (!body || !date || !stem) continue;
    const key = meetingKey(body, date);
    const meeting = meetings.get(key);
    if (!meeting) {
      if (!unreadableMeetings.has(key)) {
        problems.push({ file: name, field: 'folder', message: `belongs to the meeting ${key}, which has no index.mdx; expected content/meetings/${key}/index.mdx to describe the meeting` });
      }
      continue;
    }
    const item = paper.data.item;
    if (item !== undefined) {
      const agendaItem = findAgendaItem(meeting.data.agenda, item);
      if (!agendaItem) {
        const numbers = flattenAgenda(meeting.data.agenda).map((entry) => entry.number);
        problems.push({
          file: name,
          line: line(paper.file, ['item']),
          field: 'item',
          message: `found "${item}", which is not on the agenda of ${key}; expected one of ${numbers.length ? numbers.map((n) => `"${n}"`).join(', ') : '(the meeting has no agenda: add the item to its index.mdx)'}`,
        });
      } else {
        coveredItems.add(`${key}#${agendaItem.number}`);
        if (agendaItem.kind !== 'paper') {
          problems.push({ file: name, line: line(paper.file, ['item']), field: 'item', message: `found "${item}", which the agenda of ${key} marks as ${agendaItem.kind}; expected an item of kind paper` });
        }
      }
    }
    const paperKey = paperAddress(paper)!;
    const taken = addressTakenBy.get(paperKey);
    if (taken) {
      problems.push({
        file: name,
        line: line(paper.file, paper.data.address === undefined ? ['item'] : ['address']),
        message: `would be published at /${paperKey}/, which content/${taken} takes; give this paper an address of its own, such as address: "${paperKey.split('/').at(-1)}-${stem.replace(/^[\d-]+/, '') || 'annex'}" (the other keeps its address)`,
      });
    }
    paperKeys.add(paperKey);
    addressTakenBy.set(paperKey, paper.file);
    paper.data.formerAddresses.forEach((former, index) => {
      const formerKey = `${key}/${former}`;
      const holder = addressTakenBy.get(formerKey) ?? input.papers.find((other) => other !== paper && paperAddress(other) === formerKey)?.file;
      if (holder) {
        problems.push({ file: name, line: line(paper.file, ['formerAddresses', index]), field: `formerAddresses[${index}]`, message: `found "${former}", which is the address of content/${holder}; expected an address no paper has now` });
      } else if (formerAddressOf.has(formerKey)) {
        problems.push({ file: name, line: line(paper.file, ['formerAddresses', index]), field: `formerAddresses[${index}]`, message: `found "${former}", which content/${formerAddressOf.get(formerKey)} also gives; expected each former address once` });
      }
      formerAddressOf.set(formerKey, paper.file);
    });
    if (paper.data.date && paper.data.date > date && !paper.data.dateNote) {
      problems.push({ file: name, line: line(paper.file, ['date']), field: 'date', message: `found ${paper.data.date}, after the meeting of ${date}; expected a date on or before the meeting, or a dateNote explaining why` });
    }
  }
  return { paperKeys, coveredItems };
}

/**
 * What a meeting's agenda promises: a paper item has its paper, and an action log item its log, unless the
 * item says the archive does not hold it (paperNotInArchive) or it is exempt.
 */
function agendaPromiseProblems(check: ReferenceCheck, meetings: Meetings, coveredItems: Set<string>, problems: Problem[]): void {
  const { input, prefix, meetingsWithUnreadablePapers, unreadableFiles } = check;
  const line = lineIn(check);
  const meetingsWithLogs = new Set(
    [...input.actionLogs.map(({ file }) => file), ...[...unreadableFiles].filter((file) => locateContentFile(file).collection === 'actionLogs')].map((file) => {
      const { body, date } = locateContentFile(file);
      return meetingKey(body!, date!);
    }),
  );
  for (const [key, meeting] of meetings) {
    for (const { item, path } of agendaItemsWithPaths(meeting.data.agenda)) {
      if (item.exempt || item.paperNotInArchive) continue;
      const at = { file: prefix + meeting.file, line: line(meeting.file, [...path, 'title']), field: `agenda item ${item.number}` };
      if (item.kind === 'paper' && !meetingsWithUnreadablePapers.has(key) && !coveredItems.has(`${key}#${item.number}`)) {
        problems.push({ ...at, message: `"${item.title}" is a paper item but no paper in content/meetings/${key}/ has item: "${item.number}"; expected a paper file, kind: verbal / procedural, or paperNotInArchive: true` });
      }
      if (item.kind === 'action-log' && !meetingsWithLogs.has(key)) {
        problems.push({ ...at, message: `"${item.title}" is an action log item but content/meetings/${key}/ has no action-log.yaml; expected the log's rows in action-log.yaml, or paperNotInArchive: true when the pack does not print the log` });
      }
    }
  }
}

/** Each agenda item with the path of its fields in the meeting's frontmatter, sub-items included. */
function agendaItemsWithPaths(agenda: readonly AgendaItem[], path: (string | number)[] = ['agenda']): { item: AgendaItem; path: (string | number)[] }[] {
  return agenda.flatMap((item, index) => [{ item, path: [...path, index] }, ...agendaItemsWithPaths(item.items, [...path, index, 'items'])]);
}

/** Each minutes' meeting and approval date. */
function minutesProblems(check: ReferenceCheck, meetings: Meetings, problems: Problem[]): void {
  const { input, prefix, unreadableMeetings } = check;
  const line = lineIn(check);
  for (const minutes of input.minutes) {
    const { body, date } = locateContentFile(minutes.file);
    if (!body || !date) continue;
    if (!meetings.has(meetingKey(body, date)) && !unreadableMeetings.has(meetingKey(body, date))) {
      problems.push({ file: prefix + minutes.file, field: 'folder', message: `records the meeting ${meetingKey(body, date)}, which has no index.mdx; expected content/meetings/${meetingKey(body, date)}/index.mdx` });
    }
    const approvedAt = minutes.data.approvedAt;
    if (approvedAt && approvedAt <= date) {
      problems.push({ file: prefix + minutes.file, line: line(minutes.file, ['approvedAt']), field: 'approvedAt', message: `found ${approvedAt}, not after the meeting of ${date} these minutes record; expected the date of a later meeting` });
    }
  }
}

/** Each action log's and forward plan's meeting, and each action once per log. */
function meetingFileProblems(check: ReferenceCheck, meetings: Meetings, problems: Problem[]): void {
  const { input, prefix, unreadableMeetings } = check;
  const line = lineIn(check);
  for (const { file } of [...input.actionLogs, ...input.forwardPlans]) {
    const { body, date } = locateContentFile(file);
    if (body && date && !meetings.has(meetingKey(body, date)) && !unreadableMeetings.has(meetingKey(body, date))) {
      problems.push({ file: prefix + file, field: 'folder', message: `belongs to the meeting ${meetingKey(body, date)}, which has no index.mdx; expected content/meetings/${meetingKey(body, date)}/index.mdx` });
    }
  }
  for (const log of input.actionLogs) {
    const seen = new Set<string>();
    log.data.actions.forEach((row, index) => {
      const key = `${row.raised} ${row.number}`;
      if (seen.has(key)) {
        problems.push({ file: prefix + log.file, line: line(log.file, ['actions', index]), field: `actions[${index}]`, message: `action ${row.number} raised ${row.raised} is listed twice; expected each action once per log` });
      }
      seen.add(key);
    });
  }
}

/** Each decision's id, file, papers and meetings; each forward plan's decisions. */
function decisionAndPlanProblems(check: ReferenceCheck, meetings: Meetings, paperKeys: Set<string>, problems: Problem[]): void {
  const { input, prefix, unreadableMeetings, meetingsWithUnreadablePapers } = check;
  const line = lineIn(check);
  const decisionFiles = new Map<string, string>();
  const numbering = input.site && decisionNumbering(input.site.decisionNumbering);
  for (const decision of input.decisions) {
    const name = prefix + decision.file;
    const earlier = decisionFiles.get(decision.data.id);
    if (earlier) {
      problems.push({ file: name, line: line(decision.file, ['id']), field: 'id', message: `found "${decision.data.id}", which content/${earlier} already uses; expected each decision id once` });
    }
    decisionFiles.set(decision.data.id, decision.file);
    const { id, date } = decision.data;
    if (numbering && numbering.normalise(id) !== id) {
      const written = numbering.normalise(id);
      problems.push({
        file: name,
        line: line(decision.file, ['id']),
        field: 'id',
        message: written
          ? `found "${id}"; expected it written "${written}", as content/${SITE_FILE} numbers decisions ("${numbering.pattern}")`
          : `found "${id}", which is not a decision id as content/${SITE_FILE} numbers them ("${numbering.pattern}"); expected an id such as "${numbering.example(date.slice(0, 4), 20)}"`,
      });
    } else if (numbering && decision.file !== decisionFile(id, date, numbering)) {
      problems.push({ file: name, field: 'id', message: `found "${id}"; expected the file to be content/${decisionFile(id, date, numbering)}` });
    }
    decision.data.papers.forEach((address, index) => {
      const meetingOfPaper = address.split('/').slice(0, 2).join('/');
      if (!paperKeys.has(address) && !meetingsWithUnreadablePapers.has(meetingOfPaper)) {
        problems.push({ file: name, line: line(decision.file, ['papers', index]), field: `papers[${index}]`, message: `found "${address}", which is not a paper in the archive; expected a paper's address such as "board/2017-09-21/11"` });
      }
    });
    for (const field of ['meeting', 'notified'] as const) {
      const address = decision.data[field];
      if (address !== undefined && !meetings.has(address) && !unreadableMeetings.has(address)) {
        problems.push({ file: name, line: line(decision.file, [field]), field, message: `found "${address}", which is not a meeting in the archive; expected a meeting's address such as "board/2017-09-21"` });
      }
    }
  }
  for (const plan of input.forwardPlans) {
    plan.data.planned.forEach((entry, index) => {
      entry.decisions.forEach((id, position) => {
        if (!decisionFiles.has(id)) {
          problems.push({
            file: prefix + plan.file,
            line: line(plan.file, ['planned', index, 'decisions', position]),
            field: `planned[${index}].decisions[${position}]`,
            message: `found "${id}", which is not a decision in the archive; expected the id of a decision record under content/decisions/, as its id: gives it`,
          });
        }
      });
    });
  }
}
