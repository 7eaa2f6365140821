/**
 * Not public means not named. A public record may point at one that is not public yet: a decision at a
 * draft or embargoed meeting, or at a paper of an exempt item; a forward plan at a draft decision; minutes
 * at the embargoed meeting that approved them. The archive leaves such a reference out of every page,
 * feed, calendar, data file and search record (see buildArchive); the check warns of each, so that staff
 * know why it is not shown. A warning stops nothing.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { contentDirectory } from '#lib/build/content-directory.ts';
import { documentText } from '#lib/text/frontmatter.ts';
import { buildArchive, isExemptItem, isPublished, paperAddress, type ArchiveInput } from '#lib/model/archive.ts';
import { locateContentFile } from '#lib/model/document-kinds.ts';
import { meetingKey } from '#lib/model/routes.ts';
import { findCitations } from '#lib/text/citations.ts';
import { citationContextFor } from '#lib/text/link-graph.ts';
import type { Problem } from './check.ts';

/** Why a record is not public, in words: "a draft", "embargoed until 2030-01-15". */
function whyNotPublic(data: { draft: boolean; published?: string | undefined }): string {
  return data.draft ? 'a draft' : `embargoed until ${data.published}`;
}

/**
 * A warning for each reference a public record makes to a record that exists but is not public today: in
 * its fields, and (given `textOf`, a document's text as the site renders it) the citations of its text.
 */
export function unpublishedReferences(input: ArchiveInput, today: string, prefix = 'content/', textOf?: (file: string) => string | undefined): Problem[] {
  const archive = buildArchive(input, today);
  const warnings: Problem[] = [];
  const warn = (file: string, field: string, found: string, why: string) =>
    warnings.push({ file: prefix + file, field, message: `names "${found}", which is not public (${why}); the site does not name it anywhere until it is published, so this reference is left out` });

  /** why each meeting that exists is not public, by key */
  const hiddenMeetings = new Map<string, string>();
  for (const meeting of input.meetings) {
    const { body, date } = locateContentFile(meeting.file);
    if (body && date && !archive.meetingByKey.has(meetingKey(body, date))) hiddenMeetings.set(meetingKey(body, date), whyNotPublic(meeting.data));
  }
  const hiddenPapers = new Map<string, string>();
  for (const paper of input.papers) {
    const address = paperAddress(paper);
    if (!address || archive.paperByKey.has(address)) continue;
    const meeting = address.split('/').slice(0, 2).join('/');
    const meetingData = input.meetings.find((entry) => entry.file === `meetings/${meeting}/index.mdx`)?.data;
    const why = !isPublished(paper.data, today)
      ? whyNotPublic(paper.data)
      : hiddenMeetings.has(meeting)
        ? `its meeting is ${hiddenMeetings.get(meeting)}`
        : meetingData && paper.data.item !== undefined && isExemptItem(meetingData.agenda, paper.data.item)
          ? 'under an exempt agenda item'
          : 'not published';
    hiddenPapers.set(address, why);
  }
  const hiddenDecisions = new Map(input.decisions.filter((decision) => !isPublished(decision.data, today)).map((decision) => [decision.data.id, whyNotPublic(decision.data)]));

  for (const decision of input.decisions) {
    if (!isPublished(decision.data, today)) continue;
    for (const field of ['meeting', 'notified'] as const) {
      const address = decision.data[field];
      if (address !== undefined && hiddenMeetings.has(address)) warn(decision.file, field, address, hiddenMeetings.get(address)!);
    }
    decision.data.papers.forEach((address, index) => {
      if (hiddenPapers.has(address)) warn(decision.file, `papers[${index}]`, address, hiddenPapers.get(address)!);
    });
  }
  for (const plan of archive.forwardPlans) {
    const written = input.forwardPlans.find((entry) => entry.file === plan.file)!;
    written.data.planned.forEach((planned, index) =>
      planned.decisions.forEach((id, position) => {
        if (hiddenDecisions.has(id)) warn(plan.file, `planned[${index}].decisions[${position}]`, id, hiddenDecisions.get(id)!);
      }),
    );
  }
  for (const minutes of archive.minutes) {
    const approvedAt = input.minutes.find((entry) => entry.file === minutes.file)!.data.approvedAt;
    const approving = approvedAt && meetingKey(minutes.meetingKey.split('/')[0]!, approvedAt);
    if (approving && hiddenMeetings.has(approving)) warn(minutes.file, 'approvedAt', approvedAt, hiddenMeetings.get(approving)!);
  }
  // a public text that cites a meeting, its minutes or a decision that is not public: its words are
  // shown, and lead nowhere (link-graph.ts resolves citations against the public archive only)
  const texts = textOf
    ? [
        ...archive.papers.map((paper) => ({ file: paper.file, body: paper.meetingKey.split('/')[0] })),
        ...archive.minutes.map((minutes) => ({ file: minutes.file, body: minutes.meetingKey.split('/')[0] })),
        ...archive.decisions.map((decision) => ({ file: decision.file, body: undefined })),
      ]
    : [];
  for (const { file, body } of texts) {
    const text = textOf!(file);
    if (!text) continue;
    for (const citation of findCitations(text, citationContextFor(archive, body))) {
      const { target } = citation;
      const [cited, why] =
        target.kind === 'decision' ? [target.id, hiddenDecisions.get(target.id)] : 'date' in target ? [meetingKey(target.body, target.date), hiddenMeetings.get(meetingKey(target.body, target.date))] : [undefined, undefined];
      if (cited === undefined || why === undefined) continue;
      warnings.push({
        file: prefix + file,
        line: text.slice(0, citation.start).split('\n').length,
        message: `cites "${citation.text}" (${cited}), which is not public (${why}); the site shows these words and links them nowhere until it is published`,
      });
    }
  }
  return warnings;
}

/** The warnings of a project's content folder (content/, or CONTENT_DIR), its texts read from its files. */
export function projectUnpublishedReferences(root: string, input: ArchiveInput, today: string): Problem[] {
  const contentDir = contentDirectory(root);
  const textOf = (file: string) => {
    try {
      return documentText(readFileSync(join(contentDir, file), 'utf8'));
    } catch {
      return undefined;
    }
  };
  return unpublishedReferences(input, today, `${relative(root, contentDir).split(sep).join('/')}/`, textOf);
}
