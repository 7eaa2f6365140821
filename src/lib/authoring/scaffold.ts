/**
 * New content files for `npm run new`: each placed where the site looks for it, with every field shown
 * and explained. Optional fields are written as comments, ready to be uncommented.
 */
import { isCalendarDate } from '#lib/model/dates.ts';
import { AGENDA_NUMBER_PATTERN, normaliseAgendaNumber } from '#lib/model/agenda.ts';
import { decisionFile } from '#lib/model/routes.ts';
import { SITE_FILE } from '#lib/model/document-kinds.ts';
import type { DecisionNumbering } from '#lib/model/decision-numbering.ts';
import { stringify as toYaml } from 'yaml';
import { EXAMPLE_TEXTS } from './example-texts.ts';

export interface Scaffold {
  /** path under content/ */
  path: string;
  text: string;
}

export class ScaffoldError extends Error {}

const USAGE = `Usage:
  npm run new -- meeting <body> <yyyy-mm-dd>
  npm run new -- paper <body> <yyyy-mm-dd> <agenda item> <short-title>
  npm run new -- minutes <body> <yyyy-mm-dd>
  npm run new -- decision "<decision id>" <yyyy-mm-dd>
  npm run new -- site`;

function requireDate(value: string | undefined, what: string): string {
  if (!value || !isCalendarDate(value)) throw new ScaffoldError(`${what}: found "${value ?? ''}"; expected a real date written YYYY-MM-DD, for example 2019-06-11\n\n${USAGE}`);
  return value;
}

function requireBody(value: string | undefined, bodies: readonly string[]): string {
  if (!value || !bodies.includes(value)) throw new ScaffoldError(`body: found "${value ?? ''}"; expected one of ${bodies.join(', ')} (see content/bodies.yaml)\n\n${USAGE}`);
  return value;
}

function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function meetingScaffold(body: string, date: string): Scaffold {
  return {
    path: `meetings/${body}/${date}/index.mdx`,
    text: `---
# The meeting of ${date}. Its body and date come from its folder: do not type them.
# title: Extraordinary meeting   # only when the meeting has a name of its own
# time: "14:00"               # the start time as printed, 24-hour, in quotes; leave it out if not printed
venue: ${EXAMPLE_TEXTS.venue}   # delete the line if not known
# status: held               # held (the default), scheduled or cancelled
# draft: true                # keeps the whole meeting off the site
# published: ${date}          # embargo: not on the site before this date
# provenance: Known only from its papers re-published by the Panel.
# agendaNote: The agenda was reconstructed from the reports in the pack.
# attachments:                # originals saved in this folder, linked with their type and size
#   - file: pack.pdf
#     title: The pack as published
# attendance:
#   present:
#     - name: ${EXAMPLE_TEXTS.chair}
#       role: Chairperson
#   substitutes:
#     - name: ${EXAMPLE_TEXTS.substitute}
#       note: substitute for ${EXAMPLE_TEXTS.absentee}
#   officers:
#     - name: ${EXAMPLE_TEXTS.officer}
#       role: Chief Executive
#   others: []
#   apologies:
#     - name: ${EXAMPLE_TEXTS.absentee}
# declarations: none         # none when the papers record no interest declared; else each one:
#   - name: ${EXAMPLE_TEXTS.chair}
#     item: "5"
#     interest: the interest, in the words of the minutes
agenda:
  - number: "1"
    title: ${EXAMPLE_TEXTS.procedureTitle}
    kind: procedural         # paper (the default), verbal, procedural, minutes, action-log or heading
  - number: "2"
    title: ${EXAMPLE_TEXTS.procedureTitle}
    kind: procedural
  - number: "3"
    title: ${EXAMPLE_TEXTS.minutesItemTitle}
    kind: minutes
    # minutesOf: 2019-05-16  # the date of the meeting whose minutes are approved
  - number: "4"
    title: ${EXAMPLE_TEXTS.agendaTitle}
    presenter: ${EXAMPLE_TEXTS.presenter}
    # a paper file in this folder must say item: "4"
  # - number: "5"
  #   title: A confidential item
  #   exempt:
  #     reason: Schedule 12A paragraph 3   # its papers are never published
---
`,
  };
}

/** A paper's file name in its meeting's folder, from its agenda item and a short title: "08-1-offenders.mdx". */
export function paperFileName(item: string, shortTitle: string): string {
  const prefix = normaliseAgendaNumber(item).split('.').map((part, index) => (index === 0 ? part.padStart(2, '0') : part)).join('-');
  const slug = slugify(shortTitle);
  return `${slug ? `${prefix}-${slug}` : prefix}.mdx`;
}

export function paperScaffold(body: string, date: string, item: string, shortTitle: string): Scaffold {
  const number = normaliseAgendaNumber(item);
  return {
    path: `meetings/${body}/${date}/${paperFileName(item, shortTitle)}`,
    text: `---
title: ${EXAMPLE_TEXTS.paperTitle}
item: "${item}"                  # the agenda item, in quotes, as on the meeting's agenda
# address: ${number}-annex          # only for a second paper under this item: its own address; never change it once published
# formerAddresses: []            # addresses it was published at before, which lead here
to: ${EXAMPLE_TEXTS.paperTo}
from: ${EXAMPLE_TEXTS.paperFrom}
date: ${date}                    # the date printed on the paper
# dateNote: Why the paper is dated after its meeting (only when it is)
marking: ${EXAMPLE_TEXTS.marking}   # delete the line if none is printed
recommendations:
  - ${EXAMPLE_TEXTS.recommendation}
# appendices:
#   - title: Appendix 1 – Title as printed
#   - title: Appendix 2 – Promised but not in the pack
#     included: false
# contacts:
#   - name: ${EXAMPLE_TEXTS.person}
#     role: Chief Finance Officer
#     email: ${EXAMPLE_TEXTS.email}
#     phone: "0300 333 3456"
# sources:
#   - title: "‘Title’, Agenda Item 8.0, Business Coordination Board, 7th August 2017"
#     url: ${EXAMPLE_TEXTS.sourceUrl}
# attachments:                  # originals saved in this folder, such as the paper as a Word file
#   - file: paper-original.docx
# note: ${EXAMPLE_TEXTS.paperNote}
# draft: true                    # keeps the paper off the site
# published: ${date}              # embargo: not on the site before this date
---

## 1. Purpose

1.1 ${EXAMPLE_TEXTS.paperText} Numbered paragraphs start with their number.

## 2. Recommendation

2.1 ${EXAMPLE_TEXTS.recommendation}
`,
  };
}

export function minutesScaffold(body: string, date: string): Scaffold {
  return {
    path: `meetings/${body}/${date}/minutes.mdx`,
    text: `---
status: draft              # draft until a later meeting approves them, then: approved
# approvedAt: 2019-07-01   # the date of the meeting that approved them
# title: Minutes of the meeting of ${date}
# note: ${EXAMPLE_TEXTS.minutesNote}
# draft: true              # keeps the minutes off the site (different from status: draft)
# published: ${date}        # embargo: not on the site before this date
---

## 1. Apologies for absence

${EXAMPLE_TEXTS.minuteText}

- (a) ${EXAMPLE_TEXTS.letteredParagraph}
`,
  };
}

export function decisionScaffold(printedId: string, date: string, numbering: DecisionNumbering): Scaffold {
  const id = numbering.normalise(printedId);
  if (!id) throw new ScaffoldError(`decision id: found "${printedId}"; expected an id as content/${SITE_FILE} numbers them ("${numbering.pattern}"), such as "${numbering.example(date.slice(0, 4), 20)}" (in quotes)\n\n${USAGE}`);
  return {
    path: decisionFile(id, date, numbering),
    // the ids come from the command line: written by the YAML library, never joined into the text
    text: `---
${toYaml(id === printedId ? { id } : { id, printedId }, { lineWidth: 0 })}title: ${EXAMPLE_TEXTS.decisionTitle}
date: ${date}
summary: ${EXAMPLE_TEXTS.decisionSummary}
papers: []                  # addresses of the papers behind it, such as board/2017-09-21/11
# meeting: board/2017-09-21 # the meeting where it was discussed
# notified: panel/2017-11-15  # the meeting where it was notified to the Panel
# draft: true
# published: ${date}
---

${EXAMPLE_TEXTS.decisionText}
`,
  };
}

/**
 * The two files that start an archive for a new office: content/site.yaml and content/bodies.yaml,
 * every field shown and explained. The check refuses them until each example is replaced.
 */
export function siteScaffold(today: string): Scaffold[] {
  return [
    {
      path: SITE_FILE,
      text: `# The publisher of this site, its contacts, and the facts of the accessibility statement (/accessibility/).
# Each value as the papers print it; leave out an optional field the papers do not give. Never guess one.
name: ${EXAMPLE_TEXTS.publisher}
area: ${EXAMPLE_TEXTS.area}
siteName: Board papers          # this site's own name, in the header and every page title
# website: https://www.example.gov.uk/      # the publisher's own website
contact:                        # at least one of email, phone and address
  email: ${EXAMPLE_TEXTS.email}
  # phone: "01234 567890"
  # address: the postal address, as the papers print it
# privacyNotice: https://www.example.gov.uk/privacy/   # the publisher's privacy notice
# accessibilityContact:         # where to report an accessibility problem, when not the contact above
#   email: accessibility@example.gov.uk
# How the Commissioner's decisions are numbered: the letters they start with, then {year} (four digits)
# or {yy} (two), and {number}, or {number:3} for three digits: "OPCC {year}-{number:3}" is OPCC 2017-020,
# "PFCC/{number:3}/{yy}" is PFCC/045/21, "Decision {year}/{number}" is Decision 2021/45.
decisionNumbering: "${EXAMPLE_TEXTS.decisionNumbering}"
# citationWords: [Board, Panel]  # the words of "brought to this Board"; left out, the last word of each body's name
lastTested: ${today}            # when the site was last tested for accessibility
howTested: ${EXAMPLE_TEXTS.howTested}
statementPrepared: ${today}     # when the accessibility statement was prepared or last reviewed
knownIssues: []                 # each accessibility problem known, in plain words
`,
    },
    {
      path: 'bodies.yaml',
      text: `# The boards and panels whose papers this site publishes, one entry each. The id is the first part of
# every address of the body's pages: /board/2019-06-11/.
- id: board
  name: ${EXAMPLE_TEXTS.bodyName}
  # shortName: Board            # the short name used in breadcrumbs
  aliases: []                   # other names the papers use for it, such as "Co-ordination Board"
  # description: One or two sentences on what the body does.
`,
    },
  ];
}

/** The file `npm run new -- <kind> …` would write, or an error saying what was expected. */
export function scaffold(args: readonly string[], bodies: readonly string[], numbering: DecisionNumbering | undefined): Scaffold {
  const [kind, ...rest] = args;
  switch (kind) {
    case 'meeting':
      return meetingScaffold(requireBody(rest[0], bodies), requireDate(rest[1], 'date'));
    case 'paper': {
      const item = rest[2];
      if (!item || !AGENDA_NUMBER_PATTERN.test(item)) throw new ScaffoldError(`agenda item: found "${item ?? ''}"; expected a number such as 5 or 8.1\n\n${USAGE}`);
      if (!rest[3]) throw new ScaffoldError(`short title: missing; expected a few words for the file name, such as force-management-statement\n\n${USAGE}`);
      return paperScaffold(requireBody(rest[0], bodies), requireDate(rest[1], 'date'), item, rest[3]);
    }
    case 'minutes':
      return minutesScaffold(requireBody(rest[0], bodies), requireDate(rest[1], 'date'));
    case 'decision': {
      if (!numbering) throw new ScaffoldError(`content/${SITE_FILE} gives no decisionNumbering that can be read; run npm run check, which says what to mend`);
      return decisionScaffold(rest[0] ?? '', requireDate(rest[1], 'date'), numbering);
    }
    default:
      throw new ScaffoldError(`found "${kind ?? ''}"; expected meeting, paper, minutes, decision or site\n\n${USAGE}`);
  }
}
