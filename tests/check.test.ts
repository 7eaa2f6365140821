/**
 * The catalogue of bad content: each case is a mistake staff could make, and the message they get,
 * which must name the file, the field and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type ContentFile } from '#lib/check/check.ts';

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

const SITE = `name: Example Police and Crime Commissioner
area: Exampleshire
siteName: Board papers
contact:
  email: opcc@example.org
lastTested: 2019-07-01
howTested: An automated check of every page.
statementPrepared: 2019-07-01
decisionNumbering: "CPCC {year}-{number:3}"
knownIssues:
  - Wide tables scroll sideways.
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
    'site.yaml': SITE,
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
    ['broken YAML', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'item: "5.0"', 'item: "5.0\n  bad: ['), [], [/05-fms\.mdx:\d+ a quotation mark or bracket opened on this line or above is never closed; close it/]],
    ['a missing required field', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'title: Force Management Statement\n', ''), [], [new RegExp(`^${P5} title: is missing; this field is required`)]],
    ['an impossible date', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'date: 2019-06-11', 'date: 2019-02-31'), [], [new RegExp(`^${P5}:4 date: found "2019-02-31"; expected a real date written YYYY-MM-DD, for example 2019-06-11`)]],
    ['a date that is not a date', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'date: 2019-06-11', 'date: 11th June'), [], [new RegExp(`^${P5}:4 date: found "11th June"; expected a real date`)]],
    ['an agenda number that is not one', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'item: "5.0"', 'item: "five"'), [], [new RegExp(`^${P5}:3 item: found "five"; expected an agenda item number such as "5"`)]],
    ['an unknown body', { 'meetings/xyz/2019-06-11/index.mdx': '---\nagenda: []\n---\n' }, [], [/content\/meetings\/xyz\/2019-06-11\/index\.mdx folder: names the body "xyz", which is not in content\/bodies\.yaml; expected one of bcb, pcp/]],
    ['a meeting folder that is not a date', { 'meetings/bcb/2019-13-01/index.mdx': '---\nagenda: []\n---\n' }, [], [/2019-13-01\/index\.mdx folder: found "2019-13-01"; expected the meeting date as a real date/]],
    ['a paper for a meeting that does not exist', { 'meetings/bcb/2019-07-01/05-x.mdx': PAPER_5 }, [], [/2019-07-01\/05-x\.mdx folder: belongs to the meeting bcb\/2019-07-01, which has no index\.mdx/]],
    ['a paper for an agenda item that does not exist', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'item: "5.0"', 'item: "6"'), [], [new RegExp(`^${P5}:3 item: found "6", which is not on the agenda of bcb/2019-06-11; expected one of "1", "5", "8", "8.0", "11"`), /agenda item 5: "Force Management Statement Update" is a paper item but no paper/]],
    ['a paper under a verbal item', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'item: "5.0"', 'item: "11"'), [], [new RegExp(`^${P5}:3 item: found "11", which the agenda of bcb/2019-06-11 marks as verbal; expected an item of kind paper`)]],
    ['an agenda item pointing at a missing paper', {}, ['meetings/bcb/2019-06-11/08-0-support.mdx'], [new RegExp(`^${MEET}:\\d+ agenda item 8.0: "Partnership support" is a paper item but no paper in content/meetings/bcb/2019-06-11/ has item: "8.0"`)]],
    ['an action log item with no action log', replaceIn('meetings/bcb/2019-06-11/index.mdx', 'agenda:\n', 'agenda:\n  - number: "2"\n    title: Action log\n    kind: action-log\n'), ['meetings/bcb/2019-06-11/action-log.yaml'], [new RegExp(`^${MEET}:\\d+ agenda item 2: "Action log" is an action log item but content/meetings/bcb/2019-06-11/ has no action-log\\.yaml; expected the log's rows in action-log\\.yaml, or paperNotInArchive: true when the pack does not print the log$`)]],
    ['a duplicate decision id', { 'decisions/2019/cpcc-2019-001-copy.mdx': DECISION }, [], [new RegExp(`^${DEC}:2 id: found "CPCC 2019-001", which content/decisions/2019/cpcc-2019-001-copy\\.mdx already uses; expected each decision id once`)]],
    ['a decision id without three digits', replaceIn('decisions/2019/cpcc-2019-001.mdx', 'CPCC 2019-001', 'CPCC 2019-1'), [], [new RegExp(`^${DEC}:2 id: found "CPCC 2019-1"; expected it written "CPCC 2019-001", as content/site\\.yaml numbers decisions \\("CPCC \\{year\\}-\\{number:3\\}"\\)$`)]],
    ['a declaration on an item not on the agenda', replaceIn('meetings/bcb/2019-06-11/index.mdx', 'agenda:\n', 'declarations:\n  - name: Councillor R Jones\n    item: "7"\n    interest: A member of a charity named in the report\nagenda:\n'), [], [new RegExp(`^${MEET}:\\d+ declarations\\[0\\]\\.item: found "7", which is not on this meeting's agenda; expected one of "1", "5", "8", "8.0", "11"$`)]],
    ['declarations that are neither none nor a list', replaceIn('meetings/bcb/2019-06-11/index.mdx', 'agenda:\n', 'declarations: nothing\nagenda:\n'), [], [new RegExp(`^${MEET}:\\d+ declarations: found "nothing"; expected none \\(the papers record that no interest was declared\\), or a list of declarations`)]],
    ['a forward plan naming a decision not in the archive', { 'meetings/bcb/2019-06-11/forward-plan.yaml': 'title: Forward plan\nplanned:\n  - subject: To agree the estates strategy\n    decisions: ["CPCC 2019-009"]\n' }, [], [/^content\/meetings\/bcb\/2019-06-11\/forward-plan\.yaml:4 planned\[0\]\.decisions\[0\]: found "CPCC 2019-009", which is not a decision in the archive/]],
    ['a forward plan of a meeting that does not exist', { 'meetings/bcb/2019-07-11/forward-plan.yaml': 'title: Forward plan\nplanned: []\n' }, [], [/^content\/meetings\/bcb\/2019-07-11\/forward-plan\.yaml folder: belongs to the meeting bcb\/2019-07-11, which has no index\.mdx/]],
    ['a decision id in another numbering', replaceIn('decisions/2019/cpcc-2019-001.mdx', 'CPCC 2019-001', 'PFCC/001/19'), [], [new RegExp(`^${DEC}:2 id: found "PFCC/001/19", which is not a decision id as content/site\\.yaml numbers them \\("CPCC \\{year\\}-\\{number:3\\}"\\); expected an id such as "CPCC 2019-020"$`)]],
    ['a decision numbering that cannot be read', replaceIn('site.yaml', 'decisionNumbering: "CPCC {year}-{number:3}"', 'decisionNumbering: "{year}/{number}"'), [], [/^content\/site\.yaml:\d+ decisionNumbering: found "\{year\}\/\{number\}"; "\{year\}\/\{number\}" does not start with letters/]],
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
    ['an unclosed MDX tag', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\n<EditorialNote>never closed\n' }, [], [/08-0-support\.mdx:\d+ is not valid MDX: the tag <EditorialNote> is never closed; add <\/EditorialNote> where it ends/]],
    ['an unescaped brace', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\nThe budget \{ is open.\n'.replace('\\{', '{') }, [], [/08-0-support\.mdx:8 is not valid MDX: a \{ in text starts code in MDX; for braces write \\\{ and \\\}/]],
    ['a component the site does not supply', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\n<Chart data="x" />\n' }, [], [/08-0-support\.mdx:8 uses <Chart>, which the site does not supply; expected one of <EditorialNote>/]],
    ['a broken internal link', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8 + '\nSee [the minutes](/bcb/2019-06-12/minutes/).\n' }, [], [/08-0-support\.mdx:8 link: found "\/bcb\/2019-06-12\/minutes\/", which is not a page of the site; expected the address of a meeting, paper, minutes or decision/]],
    ['a body without a name', { 'bodies.yaml': BODIES.replace('  name: Police and Crime Panel\n', '') }, [], [/content\/bodies\.yaml:\d+ \[1\]\.name: is missing/]],
    ['a site without the publisher’s name', replaceIn('site.yaml', 'name: Example Police and Crime Commissioner\n', ''), [], [/^content\/site\.yaml name: is missing; this field is required$/]],
    ['a site test date that is not a date', replaceIn('site.yaml', 'lastTested: 2019-07-01', 'lastTested: July 2019'), [], [/^content\/site\.yaml:6 lastTested: found "July 2019"; expected a real date written YYYY-MM-DD/]],
    ['a site contact email that is not one', replaceIn('site.yaml', 'email: opcc@example.org', 'email: opcc at example.org'), [], [/^content\/site\.yaml:5 contact\.email: found "opcc at example\.org"; expected an email address such as opcc@example\.org/]],
    ['a privacy notice that is not a web address', replaceIn('site.yaml', 'siteName: Board papers', 'siteName: Board papers\nprivacyNotice: javascript:alert(1)'), [], [/^content\/site\.yaml:4 privacyNotice: found "javascript:alert\(1\)"; expected a full web address starting http:\/\/ or https:\/\//]],
    ['a site contact with no way to reach the publisher', replaceIn('site.yaml', 'contact:\n  email: opcc@example.org', 'contact: {}'), [], [/^content\/site\.yaml:4 contact: found \{\}; expected at least one of email, phone or address/]],
    ['a site.yaml that is a list', { 'site.yaml': '- name: Example Police and Crime Commissioner\n' }, [], [/^content\/site\.yaml expected the publisher’s settings, one per line, starting "name: …"/]],
    ['no site.yaml', {}, ['site.yaml'], [/^content\/site\.yaml is missing; create it: it names the publisher and its contacts/]],
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

/**
 * Content safety: each hole found by trying the check as an attacker would. The check compiles the
 * text with the build's own plugin, so each of these also stops the build (tests/hostile.test.ts).
 */
describe('the glossary', () => {
  const GLOSSARY = `terms:
  - term: MTFS
    expansion: Medium Term Financial Strategy
    explanation: The plan for the police budget over the next few years.
    publicWords: [budget plan]
  - term: precept
    explanation: The part of council tax that pays for policing.
    publicWords: [council tax, police tax]
    sharedPublicWords: [council tax]
  - term: Band D
    explanation: "   "
    publicWords: [council tax]
  - term: Medium Term Financial Strategy
    alsoWritten: [mtfs]
    explanation: The same plan, written out.
    publicWords: [police tax]
`;
  it('refuses a term defined twice, a public word given to two terms unsaid, and an empty explanation, each at its line', () => {
    const problems = problemsWith({ 'glossary.yaml': GLOSSARY });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^content\/glossary\.yaml:11 terms\[2\]\.explanation: found " {3}"; expected some text, not an empty value$/)]));
    const fixed = GLOSSARY.replace('explanation: "   "', 'explanation: The council tax of a middle-valued home.');
    expect(problemsWith({ 'glossary.yaml': fixed })).toEqual([
      'content/glossary.yaml:14 terms[3].alsoWritten[0]: found "mtfs"; defined twice: the term "MTFS" (terms[0]) already gives "mtfs"; expected each term, and each form it is written in, once',
      'content/glossary.yaml:8 terms[1].publicWords[1]: found "police tax"; also a public word of "Medium Term Financial Strategy"; expected it given to one term only, or listed in sharedPublicWords of every term that has it',
      'content/glossary.yaml:12 terms[2].publicWords[0]: found "council tax"; also a public word of "precept"; expected it given to one term only, or listed in sharedPublicWords of every term that has it',
      'content/glossary.yaml:16 terms[3].publicWords[0]: found "police tax"; also a public word of "precept"; expected it given to one term only, or listed in sharedPublicWords of every term that has it',
    ]);
  });
});

describe('content that could run code or plant markup is refused, with its file and line', () => {
  const PAPER = 'meetings/bcb/2019-06-11/08-0-support.mdx';
  const NAME = 'content/meetings/bcb/2019-06-11/08-0-support\\.mdx';
  /** the paper with `text` from line 8 on */
  const paperWith = (text: string): Archive => ({ [PAPER]: `${PAPER_8}\n${text}\n` });
  const at = (line: number, message: string) => new RegExp(`^${NAME}:${line} ${message}`);
  const CODE = 'has \\{…\\}, which MDX runs as code when the site is built; to show a brace as text, write \\\\\\{ and \\\\\\}';
  const cases: [string, Archive, RegExp][] = [
    ['an expression that reads the environment', paperWith('{Object.keys(process.env).join(" ")}'), at(8, CODE)],
    ['an expression that writes files', paperWith('Text {process.getBuiltinModule("fs").writeFileSync("/tmp/x", "x") ?? ""} more'), at(8, CODE)],
    ['an expression in an attribute', paperWith('<sup title={process.env.HOME}>1</sup>'), at(8, 'gives <sup> the attribute title')],
    ['an event handler on the next line', paperWith('<img src="x"\n  onerror="alert(1)" />'), at(8, 'uses <img>, which content may not use')],
    ['an svg with onload', paperWith('<svg\nonload="alert(1)"></svg>'), at(8, 'uses <svg>, which content may not use')],
    ['a scheme built from strings', paperWith('<a href={"java" + "script:alert(1)"}>x</a>'), at(8, 'uses <a>, which content may not use')],
    ['an entity-encoded scheme in a Markdown link', paperWith('[x](java&#115;cript:alert(1))'), at(8, 'links to "javascript:alert\\(1\\)"; expected an address starting http:, https:, mailto:, tel: or /')],
    ['an entity-encoded scheme in a definition', paperWith('[x][ref]\n\n[ref]: jav&#x61;script:alert(1)'), at(10, 'links to "javascript:alert\\(1\\)"')],
    ['a scheme with a tab and upper case', paperWith('[x](JaVa&#9;ScRiPt:alert(1))'), at(8, 'links to')],
    ['a data: address', paperWith('[x](data:text/html;base64,PHNjcmlwdD4=)'), at(8, 'links to "data:text/html')],
    ['a vbscript: address', paperWith('[x](vbscript:msgbox)'), at(8, 'links to "vbscript:msgbox"')],
    ['an address to another host without a scheme', paperWith('[x](//evil.example/)'), at(8, 'links to "//evil.example/"')],
    ['a script between two lines that start with three backticks', paperWith('``` a ```\n<script>alert(1)</script>\n``` b ```'), at(9, 'uses <script>')],
    ['an import between two lines that start with three backticks', paperWith('``` a ```\n\nimport x from "node:fs"\n\n``` b ```'), at(10, 'has an import or export')],
    ['a script in a text with CR line endings', { [PAPER]: `${PAPER_8}\rA line.\r\r<script>alert(1)</script>\r` }, new RegExp(`^${NAME}:\\d+ uses <script>`)],
    ['set:html over several lines', paperWith('<Fragment\n  set:html="<script>alert(1)</script>" />'), at(8, 'uses <Fragment>, which the site does not supply')],
    ['set:html on an allowed element', paperWith('<sup\n  set:html="<script>alert(1)</script>" />'), at(8, 'gives <sup> the attribute set:html')],
    ['a spread onto the site’s component', paperWith('<EditorialNote {...{ "set:html": "<script>alert(1)</script>" }}>x</EditorialNote>'), at(8, 'gives <EditorialNote> a spread \\{…\\}, which runs code')],
    ['an attribute on the site’s component', paperWith('<EditorialNote is:raw>x</EditorialNote>'), at(8, 'gives <EditorialNote> the attribute is:raw')],
    ['a <base>', paperWith('<base href="https://evil.example/" />'), at(8, 'uses <base>')],
    ['a refresh', paperWith('<meta http-equiv="refresh" content="0;url=https://evil.example/" />'), at(8, 'uses <meta>')],
    ['a form', paperWith('<form action="https://evil.example/"><input name="password" /></form>'), at(8, 'uses <form>')],
    ['a foreign stylesheet', paperWith('<link rel="stylesheet" href="https://evil.example/x.css" />'), at(8, 'uses <link>')],
    ['a style element', paperWith('<style>@import "https://evil.example/x.css";</style>'), at(8, 'uses <style>')],
    ['an iframe', paperWith('<iframe src="https://evil.example/" />'), at(8, 'uses <iframe>')],
    ['a fragment', paperWith('<>text</>'), at(8, 'has a fragment')],
    ['an image that would be fetched from another host', paperWith('![chart](https://evil.example/track.png)'), at(8, 'has an image, which the site does not publish from content')],
    ['a comment, which citations would quote', paperWith('As the minutes of the meeting held on 16th May 2019 {/* not for publication */} show.'), at(8, 'has a comment \\{/\\* … \\*/\\}, which would be published')],
    ['a list nested 500 deep', paperWith('- '.repeat(500)), at(8, 'nests lists or quotes more than 16 levels deep')],
    ['quotes nested 50 deep', paperWith('> '.repeat(50) + 'x'), at(8, 'nests lists or quotes more than 16 levels deep')],
    ['tags nested until the parser would run for minutes', paperWith('<sup a={'.repeat(30)), at(8, 'nests tags or braces more than 8 levels deep')],
    ['a javascript: source document', replaceIn(PAPER, 'item: "8.0"', 'item: "8.0"\nsources:\n  - title: Background\n    url: "javascript:alert(1)"'), new RegExp(`^${NAME}:6 sources\\[0\\]\\.url: found "javascript:alert\\(1\\)"; expected a full web address starting http:// or https://`)],
    ['a frontmatter line starting --- that ends the block early', replaceIn(PAPER, 'item: "8.0"', '---x: 1\n<script>alert(1)</script>\nitem: "8.0"'), at(3, 'this line starts with ---, which ends the frontmatter, but goes on')],
    ['a YAML alias bomb', replaceIn(PAPER, 'item: "8.0"', 'item: "8.0"\na: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]'), new RegExp(`^${NAME} the YAML repeats its aliases`)],
    ['YAML that the site would read differently', replaceIn(PAPER, 'item: "8.0"', 'base: &base\n  item: "8.0"\n<<: *base'), new RegExp(`^${NAME}:\\d+ this YAML can be read in two ways`)],
    ['a file name with a question mark', { 'meetings/bcb/2019-06-11/09-a?b.mdx': PAPER_8 }, /^content\/meetings\/bcb\/2019-06-11\/09-a\?b\.mdx has the name "09-a\?b\.mdx", which cannot be part of a web address/],
    ['a file name with a hash', { 'meetings/bcb/2019-06-11/09-a#b.mdx': PAPER_8 }, /09-a#b\.mdx has the name "09-a#b\.mdx", which cannot be part of a web address/],
    ['a file name with a space', { 'meetings/bcb/2019-06-11/09 plan.mdx': PAPER_8 }, /09 plan\.mdx has the name "09 plan\.mdx", which cannot be part of a web address/],
    ['a hidden paper, which Astro would leave out', { 'meetings/bcb/2019-06-11/.09-plan.mdx': PAPER_8 }, /\.09-plan\.mdx has the name "\.09-plan\.mdx", which cannot be part of a web address/],
    ['a folder name in upper case', { 'meetings/BCB/2019-06-11/index.mdx': MEETING }, /meetings\/BCB\/2019-06-11\/index\.mdx has the name "BCB", which cannot be part of a web address/],
    ['a body whose id is a page of the site', { 'bodies.yaml': `${BODIES}- id: data\n  name: Data Board\n` }, /^content\/bodies\.yaml:5 \[2\]\.id: found "data", which is the address of a page of the site itself \(\/data\/\)/],
  ];

  it.each(cases)('%s', (_name, changes, expected) => {
    const problems = problemsWith(changes);
    expect(problems, problems.join('\n')).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('ignores READMEs and hidden files that are not content, such as an editor’s swap file', () => {
    expect(problemsWith({ 'meetings/bcb/2019-06-11/.05-fms.mdx.swp': 'x', 'meetings/README.md': '# notes', '.DS_Store': new Uint8Array([0, 1]) })).toEqual([]);
  });

  it('refuses a symbolic link and a special file by name', () => {
    const files: ContentFile[] = Object.entries(validArchive()).map(([path, text]) => ({ path, bytes: typeof text === 'string' ? encoder.encode(text) : text }));
    files.push({ path: 'meetings/bcb/2019-06-11/09-secrets.mdx', bytes: new Uint8Array(), special: 'symbolic link' });
    files.push({ path: 'meetings/bcb/2019-06-11/10-pipe.mdx', bytes: new Uint8Array(), special: 'special file' });
    expect(checkContent(files).problems.map(formatProblem)).toEqual([
      'content/meetings/bcb/2019-06-11/09-secrets.mdx is a symbolic link; expected an ordinary file: put the file itself here, not a link to it',
      'content/meetings/bcb/2019-06-11/10-pipe.mdx is a special file; expected an ordinary file: put the file itself here, not a link to it',
    ]);
  });

  it('accepts what the papers need: line breaks, raised text, notes, tables, footnotes and ordinary links', () => {
    const text = [
      'Held on the 1<sup>st</sup> of June; H<sub>2</sub>O.',
      '',
      '| Grant | £ |',
      '| :-- | --: |',
      '| Crime<br />stoppers | 20,000 |',
      '',
      '<EditorialNote>The appendix is not in the pack.</EditorialNote>',
      '',
      'See [the plan](/bcb/2019-06-11/5/), [HMICFRS](https://www.justiceinspectorates.gov.uk/hmicfrs/), https://www.gov.uk/, www.gov.uk, [mail](mailto:opcc@example.org), [phone](tel:+441234567890) and a note.[^1]',
      '',
      '[^1]: A footnote, ~~struck~~.',
      '',
      '```',
      '<script>shown as code, never run</script>',
      '```',
      '',
      'Braces written \\{ and \\} are text.',
    ].join('\n');
    expect(problemsWith(paperWith(text))).toEqual([]);
  });
});

/** Mistakes that used to pass in silence, or drown in jargon: each names the file, the line and the fix. */
describe('staff mistakes are caught in plain words', () => {
  const P5 = 'content/meetings/bcb/2019-06-11/05-fms\\.mdx';
  const MEET = 'content/meetings/bcb/2019-06-11/index\\.mdx';
  const cases: [string, Archive, string[]][] = [
    ['a misspelt paper field', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'date: 2019-06-11', 'date: 2019-06-11\nrecomendations:\n  - Note the report.'), [`${P5}:5 \`recomendations\` is not a field; did you mean \`recommendations\`?`]],
    ['a misspelt meeting field', replaceIn('meetings/bcb/2019-06-11/index.mdx', 'venue: HQ, Conference Room 3', 'vneue: HQ, Conference Room 3'), [`${MEET}:3 \`vneue\` is not a field; did you mean \`venue\`?`]],
    ['a misspelt action field', replaceIn('meetings/bcb/2019-06-11/action-log.yaml', '    status: Open', '    status: Open\n    ownr: OPCC'), ['content/meetings/bcb/2019-06-11/action-log\\.yaml:7 `ownr` is not a field; did you mean `owner`\\?']],
    ['a misspelt agenda item field', replaceIn('meetings/bcb/2019-06-11/index.mdx', 'kind: verbal', 'kind: verbal\n    presentr: Chief Constable'), [`${MEET}:\\d+ \`presentr\` is not a field; did you mean \`presenter\`\\?`]],
    ['a misspelt site field', replaceIn('site.yaml', 'siteName: Board papers', 'sitename: Board papers'), ['content/site\\.yaml:3 `sitename` is not a field; did you mean `siteName`\\?']],
    ['a misspelt site contact field', replaceIn('site.yaml', '  email: opcc@example.org', '  email: opcc@example.org\n  phnoe: "01234 567890"'), ['content/site\\.yaml:6 `phnoe` is not a field; did you mean `phone`\\?']],
    ['a misspelt body field', { 'bodies.yaml': BODIES.replace('  name: Police and Crime Panel', '  name: Police and Crime Panel\n  shortname: PCP') }, ['content/bodies\\.yaml:5 `shortname` is not a field; did you mean `shortName`\\?']],
    ['a field that is nothing like a real one', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'date: 2019-06-11', 'date: 2019-06-11\ncolour: blue'), [`${P5}:5 \`colour\` is not a field here; expected one of \`draft\`, \`published\`, \`title\``]],
    ['a line indented differently', replaceIn('meetings/bcb/2019-06-11/index.mdx', '    kind: verbal', '   kind: verbal'), [`${MEET}:\\d+ this line is indented differently from the lines around it; line it up with the other fields at its level`]],
    ['a tab in the indentation', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'item: "5.0"', '\titem: "5.0"'), [`${P5}:3 this line is indented with a tab; indent with spaces`]],
    ['a second level-1 heading', { 'meetings/bcb/2019-06-11/08-0-support.mdx': PAPER_8.replace('Text.', '# Partnership support\n\nText.') }, ['content/meetings/bcb/2019-06-11/08-0-support\\.mdx:6 is a level-1 heading \\(# …\\), but the page title is the only one; start a section with ## instead']],
    ['an action target written day first', replaceIn('meetings/bcb/2019-06-11/action-log.yaml', '    status: Open', '    status: Open\n    target: 14/11/2019'), ['content/meetings/bcb/2019-06-11/action-log\\.yaml:7 actions\\[0\\]\\.target: found "14/11/2019"; expected a date written YYYY-MM-DD: write 2019-11-14']],
    ['an action target written in words', replaceIn('meetings/bcb/2019-06-11/action-log.yaml', '    status: Open', '    status: Open\n    target: 14th November 2019'), ['content/meetings/bcb/2019-06-11/action-log\\.yaml:7 actions\\[0\\]\\.target: found "14th November 2019"; expected a date written YYYY-MM-DD: write 2019-11-14']],
    ['an action target that names no day', replaceIn('meetings/bcb/2019-06-11/action-log.yaml', '    status: Open', '    status: Open\n    target: 31/02/2019'), ['content/meetings/bcb/2019-06-11/action-log\\.yaml:7 actions\\[0\\]\\.target: found "31/02/2019"; expected a real date written YYYY-MM-DD; this names no day that exists']],
    ['an impossible action target', replaceIn('meetings/bcb/2019-06-11/action-log.yaml', '    status: Open', '    status: Open\n    target: 2019-02-31'), ['content/meetings/bcb/2019-06-11/action-log\\.yaml:7 actions\\[0\\]\\.target: found "2019-02-31"; expected a real date written YYYY-MM-DD']],
    ['a value with a colon', replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'title: Force Management Statement', 'title: FMS: an update'), [`${P5}:2 this value holds a colon followed by a space`]],
  ];

  it.each(cases)('%s', (_name, changes, expected) => {
    const problems = problemsWith(changes);
    for (const pattern of expected) expect(problems, problems.join('\n')).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${pattern}`))]));
  });

  it('accepts a target written as text, as the logs print it', () => {
    expect(problemsWith(replaceIn('meetings/bcb/2019-06-11/action-log.yaml', '    status: Open', '    status: Open\n    target: Date Req'))).toEqual([]);
    expect(problemsWith(replaceIn('meetings/bcb/2019-06-11/action-log.yaml', '    status: Open', '    status: Open\n    target: November 2019'))).toEqual([]);
  });

  it('reports a meeting whose frontmatter cannot be read once, and nothing about the files that depend on it', () => {
    const problems = problemsWith(replaceIn('meetings/bcb/2019-06-11/index.mdx', '    kind: verbal', '   kind: verbal'));
    expect(problems, problems.join('\n')).toHaveLength(1);
    expect(problems[0]).toMatch(/index\.mdx:\d+ this line is indented differently/);
  });

  it('reports a meeting that does not match its schema once, and nothing about its papers, minutes, log or decisions', () => {
    const problems = problemsWith(replaceIn('meetings/bcb/2019-06-11/index.mdx', 'time: "15:00"', 'time: 3pm'));
    expect(problems, problems.join('\n')).toEqual([expect.stringMatching(/index\.mdx:2 time: found "3pm"/)]);
  });
});

/** A published address never changes because of another file: two papers cannot share one, and a moved paper leads on. */
describe('addresses that never move', () => {
  const SECOND = 'meetings/bcb/2019-06-11/05-fms-annex.mdx';
  const ANNEX = `---\ntitle: FMS annex\nitem: "5"\n---\n\nText.\n`;

  it('keeps the first paper of an item at its number, and asks a second paper for an address of its own', () => {
    expect(problemsWith({ [SECOND]: ANNEX })).toEqual([
      'content/meetings/bcb/2019-06-11/05-fms.mdx:3 would be published at /bcb/2019-06-11/5/, which content/meetings/bcb/2019-06-11/05-fms-annex.mdx takes; give this paper an address of its own, such as address: "5-fms" (the other keeps its address)',
    ]);
    expect(problemsWith({ [SECOND]: ANNEX.replace('item: "5"', 'item: "5"\naddress: 5-annex') })).toEqual([]);
  });

  it('refuses the same for a draft, which never moves the public paper', () => {
    const problems = problemsWith({ [SECOND]: ANNEX.replace('item: "5"', 'item: "5"\ndraft: true') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('would be published at /bcb/2019-06-11/5/');
  });

  it('refuses an address that is one of the meeting’s own pages, or a former address another paper holds', () => {
    expect(problemsWith({ [SECOND]: ANNEX.replace('item: "5"', 'item: "5"\naddress: minutes') })[0]).toMatch(/05-fms-annex\.mdx:4 address: found "minutes"; expected an address that is not one of the meeting's own pages/);
    expect(problemsWith({ [SECOND]: ANNEX.replace('item: "5"', 'item: "5"\naddress: 5-annex\nformerAddresses:\n  - "8"') })).toEqual([
      'content/meetings/bcb/2019-06-11/05-fms-annex.mdx:6 formerAddresses[0]: found "8", which is the address of content/meetings/bcb/2019-06-11/08-0-support.mdx; expected an address no paper has now',
    ]);
  });
});

describe('originals kept beside a meeting or paper', () => {
  const PDF = encoder.encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
  const withAttachment = (file: string) => replaceIn('meetings/bcb/2019-06-11/05-fms.mdx', 'title: ', `attachments:\n  - file: ${file}\ntitle: `);
  it('accepts a listed PDF in the same folder', () => {
    expect(problemsWith({ ...withAttachment('05-fms.pdf'), 'meetings/bcb/2019-06-11/05-fms.pdf': PDF })).toEqual([]);
  });
  it('names the document, the field and the line when a listed original is not there', () => {
    expect(problemsWith(withAttachment('05-fms.pdf'))).toEqual([
      'content/meetings/bcb/2019-06-11/05-fms.mdx:3 attachments[0].file: found "05-fms.pdf", which is not in content/meetings/bcb/2019-06-11/; expected the original file saved in the same folder as this one',
    ]);
  });
  it('refuses a file that is not what its name says, and an original no document lists', () => {
    const problems = problemsWith({ ...withAttachment('05-fms.pdf'), 'meetings/bcb/2019-06-11/05-fms.pdf': encoder.encode('<html><script>alert(1)</script>'), 'meetings/bcb/2019-06-11/stray.docx': encoder.encode('PK\u0003\u0004rest') });
    expect(problems).toEqual([
      'content/meetings/bcb/2019-06-11/05-fms.pdf is not a PDF file, though its name ends .pdf; expected the original PDF itself',
      'content/meetings/bcb/2019-06-11/stray.docx is listed by no document in its folder; expected its meeting or paper to list it under attachments (file: and title:), or remove it',
    ]);
  });
  it('refuses an original of another type, and a name that is not a plain file name', () => {
    expect(problemsWith({ 'meetings/bcb/2019-06-11/run.exe': PDF })).toEqual(['content/meetings/bcb/2019-06-11/run.exe is a .exe file; expected .mdx or .yaml content, or an original .pdf or .docx beside its meeting or paper']);
    expect(problemsWith(withAttachment('../../../site.yaml'))[0]).toContain('attachments[0].file: found "../../../site.yaml"; expected the name of a file in the same folder, such as "pack.pdf"');
  });
});

describe('notes the importer leaves for checking', () => {
  const note = '\n<EditorialNote>Import check: The paper prints no date (date).</EditorialNote>\n';
  it('are allowed in a draft, where the preview shows them', () => {
    const draft = replaceIn('meetings/bcb/2019-06-11/08-0-support.mdx', 'title: ', 'draft: true\ntitle: ');
    const path = 'meetings/bcb/2019-06-11/08-0-support.mdx';
    expect(problemsWith({ [path]: `${draft[path]}${note}` })).toEqual([]);
  });
  it('stop the document being published, naming the file and line', () => {
    const path = 'meetings/bcb/2019-06-11/08-0-support.mdx';
    const text = `${validArchive()[path]}${note}`;
    const line = text.split('\n').findIndex((each) => each.startsWith('<EditorialNote>Import check:')) + 1;
    expect(problemsWith({ [path]: text })).toEqual([
      `content/${path}:${line} still holds a note the importer left for checking ("Import check: …"); check what it says against the pack, then delete the note`,
    ]);
  });
});
