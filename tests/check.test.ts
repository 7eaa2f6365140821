/**
 * The catalogue of bad content: each case is a mistake staff could make, and the message they get,
 * which must name the file, the field and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type ContentFile } from '../src/lib/check.ts';

const encoder = new TextEncoder();

const BODIES = `- id: bcb
  name: Business Coordination Board
- id: pcp
  name: Police and Crime Panel
`;
const MEETING = `---
time: "15:00"
venue: HQ, Conference Room 3
agenda:
  - number: "1"
    title: Welcome and apologies
    kind: procedural
  - number: "5"
    title: Force Management Statement Update
  - number: "8"
    title: Offenders Theme
    kind: heading
    items:
      - number: "8.0"
        title: Partnership support
  - number: "11"
    title: Precept
    kind: verbal
---
`;
const PAPER_5 = `---
title: Force Management Statement
item: "5.0"
date: 2019-06-11
---

1.1 Text.
`;
const PAPER_8 = `---
title: Partnership support
item: "8.0"
---

Text.
`;
const DECISION = `---
id: CPCC 2019-001
title: A decision
date: 2019-06-12
papers:
  - bcb/2019-06-11/5
meeting: bcb/2019-06-11
---

Decided.
`;
const MINUTES = `---
status: approved
approvedAt: 2019-07-01
---

## 1. Apologies
`;
const ACTION_LOG = `title: Action log
actions:
  - number: "1.0"
    raised: 2019-02-28
    action: Report back
    status: Open
`;

type Archive = Record<string, string | Uint8Array>;

function validArchive(): Archive {
  return {
    'bodies.yaml': BODIES,
    'meetings/bcb/2019-06-11/index.mdx': MEETING,
    'meetings/bcb/2019-06-11/05-fms.mdx': PAPER_5,
    'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8,
    'meetings/bcb/2019-06-11/minutes.mdx': MINUTES,
    'meetings/bcb/2019-06-11/action-log.yaml': ACTION_LOG,
    'decisions/2019/cpcc-2019-001.mdx': DECISION,
  };
}

function check(archive: Archive) {
  const files: ContentFile[] = Object.entries(archive).map(([path, text]) => ({ path, bytes: typeof text === 'string' ? encoder.encode(text) : text }));
  return checkContent(files).problems.map(formatProblem);
}

/** Checks one changed archive and returns its messages. */
function problemsWith(changes: Archive, removals: string[] = []): string[] {
  const archive = { ...validArchive(), ...changes };
  for (const path of removals) delete archive[path];
  return check(archive);
}

const replaceIn = (path: string, from: string, to: string): Archive => {
  const text = validArchive()[path] as string;
  if (!text.includes(from)) throw new Error(`fixture ${path} has no "${from}"`);
  return { [path]: text.replace(from, to) };
};

describe('the valid archive', () => {
  it('has no problems', () => {
    expect(check(validArchive())).toEqual([]);
  });
  it('accepts addresses written with slashes, as they appear in the browser', () => {
    expect(problemsWith(replaceIn('decisions/2019/cpcc-2019-001.mdx', '  - bcb/2019-06-11/5\nmeeting: bcb/2019-06-11', '  - /bcb/2019-06-11/5/\nmeeting: /bcb/2019-06-11/'))).toEqual([]);
  });
  it('accepts links to its own pages', () => {
    const links = '\n[paper](/bcb/2019-06-11/5/) [minutes](/bcb/2019-06-11/minutes/) [decision](/decisions/cpcc-2019-001/#record) [year](/bcb/2019/) [search](/search/)\n';
    expect(problemsWith({ 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + links })).toEqual([]);
  });
});

describe('bad content is reported with its file, field and the fix', () => {
  const P5 = 'content/meetings/bcb/2019-06-11/05-fms.mdx';
  const MEET = 'content/meetings/bcb/2019-06-11/index.mdx';
  const DEC = 'content/decisions/2019/cpcc-2019-001.mdx';
  const cases: [string, Archive, string[], RegExp[]][] = [
    ['broken YAML', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'item: "5.0"', 'item: "5.0\n  bad: ['), [], [/05-fms\.mdx:\d+ the YAML cannot be read/]],
    ['a missing required field', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'title: Force Management Statement\n', ''), [], [new RegExp(`^${P5} title: is missing; this field is required`)]],
    ['an impossible date', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'date: 2019-06-11', 'date: 2019-02-31'), [], [new RegExp(`^${P5}:4 date: found "2019-02-31"; expected a real date written YYYY-MM-DD, for example 2019-06-11`)]],
    ['a date that is not a date', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'date: 2019-06-11', 'date: 11th June'), [], [new RegExp(`^${P5}:4 date: found "11th June"; expected a real date`)]],
    ['an agenda number that is not one', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'item: "5.0"', 'item: "five"'), [], [new RegExp(`^${P5}:3 item: found "five"; expected an agenda item number such as "5"`)]],
    ['an unknown body', { 'meetings/xyz/2019-06-11/index.mdx': '---\nagenda: []\n---\n' }, [], [/content\/meetings\/xyz\/2019-06-11\/index\.mdx folder: names the body "xyz", which is not in content\/bodies\.yaml; expected one of bcb, pcp/]],
    ['a meeting folder that is not a date', { 'meetings/bcb/2019-13-01/index.mdx': '---\nagenda: []\n---\n' }, [], [/2019-13-01\/index\.mdx folder: found "2019-13-01"; expected the meeting date as a real date/]],
    ['a paper for a meeting that does not exist', { 'meetings/bcb/2019-07-01/05-x.mdx': PAPER_5 }, [], [/2019-07-01\/05-x\.mdx folder: belongs to the meeting bcb\/2019-07-01, which has no index\.mdx/]],
    ['a paper for an agenda item that does not exist', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'item: "5.0"', 'item: "6"'), [], [new RegExp(`^${P5}:3 item: found "6", which is not on the agenda of bcb/2019-06-11; expected one of "1", "5", "8", "8.0", "11"`), /agenda item 5: "Force Management Statement Update" is a paper item but no paper/]],
    ['a paper under a verbal item', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'item: "5.0"', 'item: "11"'), [], [new RegExp(`^${P5}:3 item: found "11", which the agenda of bcb/2019-06-11 marks as verbal; expected an item of kind paper`)]],
    ['an agenda item pointing at a missing paper', {}, ['meetings/bcb/2019-06-11/08-0-support.mdx'], [new RegExp(`^${MEET} agenda item 8.0: "Partnership support" is a paper item but no paper in content/meetings/bcb/2019-06-11/ has item: "8.0"`)]],
    ['a duplicate decision id', { 'decisions/2019/cpcc-2019-001-copy.mdx': DECISION }, [], [new RegExp(`^${DEC}:2 id: found "CPCC 2019-001", which content/decisions/2019/cpcc-2019-001-copy\\.mdx already uses; expected each decision id once`)]],
    ['a decision id without three digits', replaceIn('decisions/2019/cpcc-2019-001.mdx', 'CPCC 2019-001', 'CPCC 2019-1'), [], [new RegExp(`^${DEC}:2 id: found "CPCC 2019-1"; expected a decision id such as "CPCC 2017-020"`)]],
    ['a decision citing a paper that does not exist', replaceIn('decisions/2019/cpcc-2019-001.mdx', 'bcb/2019-06-11/5', 'bcb/2019-06-11/7'), [], [new RegExp(`^${DEC}:6 papers\\[0\\]: found "bcb/2019-06-11/7", which is not a paper in the archive`)]],
    ['a decision citing a meeting that does not exist', replaceIn('decisions/2019/cpcc-2019-001.mdx', 'meeting: bcb/2019-06-11', 'meeting: bcb/2019-06-12'), [], [new RegExp(`^${DEC}:7 meeting: found "bcb/2019-06-12", which is not a meeting in the archive`)]],
    ['a decision filed under the wrong name', { 'decisions/2019/cpcc-2019-001.mdx': '', 'decisions/2019/cpcc-2019-002.mdx': DECISION }, [], [/cpcc-2019-002\.mdx id: found "CPCC 2019-001"; expected the file to be content\/decisions\/2019\/cpcc-2019-001\.mdx/]],
    ['an empty file', { 'meetings/bcb/2019-06-11/08-0-support.mdx': '' }, [], [/08-0-support\.mdx:1 the file is empty; it needs a frontmatter block/]],
    ['a file without frontmatter', { 'meetings/bcb/2019-06-11/08-0-support.mdx': 'Just text.\n' }, [], [/08-0-support\.mdx:1 the file does not start with a frontmatter block/]],
    ['a file that is not UTF-8', { 'meetings/bcb/2019-06-11/08-0-support.mdx': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) }, [], [/08-0-support\.mdx is not UTF-8 text; save it as UTF-8/]],
    ['a paper dated after its meeting without explanation', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'date: 2019-06-11', 'date: 2019-06-20'), [], [new RegExp(`^${P5}:4 date: found 2019-06-20, after the meeting of 2019-06-11; expected a date on or before the meeting, or a dateNote`)]],
    ['minutes approved before the meeting they record', replaceIn('meetings/bcb/2019-06-11/minutes.mdx', 'approvedAt: 2019-07-01', 'approvedAt: 2019-05-01'), [], [/minutes\.mdx:3 approvedAt: found 2019-05-01, not after the meeting of 2019-06-11/]],
    ['an unknown minutes status', replaceIn('meetings/bcb/2019-06-11/minutes.mdx', 'status: approved', 'status: final'), [], [/minutes\.mdx:2 status: found "final"; expected draft or approved/]],
    ['an unknown action status', replaceIn('meetings/bcb/2019-06-11/action-log.yaml', 'status: Open', 'status: Done'), [], [/action-log\.yaml:6 actions\[0\]\.status: found "Done"; expected one of Open, Ongoing, Not Started, Closed/]],
    ['an action listed twice', { 'meetings/bcb/2019-06-11/action-log.yaml': ACTION_LOG + ACTION_LOG.split('actions:\n')[1] }, [], [/action-log\.yaml:7 actions\[1\]: action 1\.0 raised 2019-02-28 is listed twice/]],
    ['an unknown agenda item kind', replaceIn('meetings/bcb/2019-06-11/index.mdx', 'kind: verbal', 'kind: oral'), [], [/index\.mdx:\d+ agenda\[3\]\.kind: found "oral"; expected one of paper, verbal/]],
    ['a time that is not a time', replaceIn('meetings/bcb/2019-06-11/index.mdx', 'time: "15:00"', 'time: 3pm'), [], [/index\.mdx:2 time: found "3pm"; expected a 24-hour time such as "15:00"/]],
    ['two agenda items with one number', replaceIn('meetings/bcb/2019-06-11/index.mdx', 'number: "11"', 'number: "5.0"'), [], [/index\.mdx agenda: item number "5\.0" is used twice/]],
    ['a file where the site does not look', { 'papers/stray.mdx': PAPER_5 }, [], [/content\/papers\/stray\.mdx is not where the site looks for content/]],
    ['an import statement', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + "\nimport Evil from '../../evil.js';\n" }, [], [/08-0-support\.mdx:8 has an import or export, which MDX runs as code when the site is built; remove it/]],
    ['an export statement', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\nexport const x = 1;\n' }, [], [/08-0-support\.mdx:8 has an import or export, which MDX runs as code/]],
    ['a script tag', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\n<script>alert(1)</script>\n' }, [], [/08-0-support\.mdx:8 uses <script>, which content may not use; expected Markdown, or one of <EditorialNote>, <br>, <sup>, <sub>/]],
    ['an inline event handler', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\nClick <sup onclick="steal()">here</sup>\n' }, [], [/08-0-support\.mdx:8 gives <sup> the attribute onclick, but HTML elements in content take no attributes; remove it/]],
    ['a javascript: link', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\n[Click](javascript:alert(1))\n' }, [], [/08-0-support\.mdx:8 links to "javascript:alert\(1\)"; expected an address starting http:, https:, mailto:, tel: or \/ \(a page of this site\)/]],
    ['an unclosed MDX tag', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\n<EditorialNote>never closed\n' }, [], [/08-0-support\.mdx:\d+ is not valid MDX: Expected a closing tag for `<EditorialNote>`/]],
    ['an unescaped brace', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\nThe budget \{ is open.\n'.replace('\\{', '{') }, [], [/08-0-support\.mdx:8 is not valid MDX: Unexpected end of file in expression/]],
    ['a component the site does not supply', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\n<Chart data="x" />\n' }, [], [/08-0-support\.mdx:8 uses <Chart>, which the site does not supply; expected one of <EditorialNote>/]],
    ['a broken internal link', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\nSee [the minutes](/bcb/2019-06-12/minutes/).\n' }, [], [/08-0-support\.mdx:8 link: found "\/bcb\/2019-06-12\/minutes\/", which is not a page of the site; expected the address of a meeting, paper, minutes or decision/]],
    ['a body without a name', { 'bodies.yaml': BODIES.replace('  name: Police and Crime Panel\n', '') }, [], [/content\/bodies\.yaml:\d+ \[1\]\.name: is missing/]],
  ];

  it.each(cases)('%s', (_name, changes, removals, expected) => {
    const problems = problemsWith(changes, removals);
    for (const pattern of expected) expect(problems, problems.join('\n')).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
  });

  it('reports every problem, not only the first', () => {
    const problems = problemsWith({
      ...replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'date: 2019-06-11', 'date: 2019-02-31'),
      ...replaceIn('decisions/2019/cpcc-2019-001.mdx', 'meeting: bcb/2019-06-11', 'meeting: bcb/2019-06-12'),
    });
    expect(problems).toHaveLength(2);
  });
});
