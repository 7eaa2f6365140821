/**
 * A synthetic archive for the benchmark: bodies, meetings with agendas, papers of about 1,500 words
 * with numbered paragraphs, GFM tables and citations of one another, minutes, decisions and action
 * logs. Deterministic: the same size always gives the same text.
 */

const WORDS = (
  'the board police crime commissioner constabulary report recommendation budget strategy plan delivery ' +
  'performance partnership community victims offenders demand capacity workforce funding grant risk ' +
  'assurance governance policy service county officers panel scrutiny review outcomes priority measures ' +
  'council local national safety violence prevention response investigation resources estate finance ' +
  'reserves precept capital revenue savings collaboration efficiency training support update quarter'
).split(' ');

const BODIES = [
  { id: 'board', name: 'Strategic Board' },
  { id: 'panel', name: 'Police and Crime Panel' },
  { id: 'audit', name: 'Joint Audit Committee' },
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PAPERS_PER_MEETING = 7;
/** index, papers, minutes and one decision: the documents each meeting brings */
export const DOCUMENTS_PER_MEETING = PAPERS_PER_MEETING + 3;

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, words: number): string {
  const chosen = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const text = chosen.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function isoDay(start: Date, days: number): string {
  return new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `${day}${suffix} ${MONTHS[month - 1]} ${year}`;
}

interface MeetingPlan {
  body: (typeof BODIES)[number];
  date: string;
  index: number;
}

function paperText(next: () => number, item: number, earlier: MeetingPlan | undefined, decisionId: string | undefined): string {
  const parts: string[] = [];
  let words = 0;
  for (let section = 1; words < 1500; section++) {
    parts.push(`## ${section}. ${sentence(next, 3).replace(/\.$/, '')}`);
    for (let paragraph = 1; paragraph <= 4 && words < 1500; paragraph++) {
      const text = `${section}.${paragraph} ${sentence(next, 14)} ${sentence(next, 16)} ${sentence(next, 12)}`;
      words += 44;
      parts.push(text);
    }
    if (section === 2) {
      parts.push('| Measure | 2018/19 | 2019/20 | Change |\n| --- | --- | --- | --- |');
      parts.push(
        Array.from({ length: 6 }, (_, row) => `| ${sentence(next, 3).replace(/\.$/, '')} | ${row * 7 + 12} | ${row * 5 + 19} | ${row - 2}% |`).join('\n'),
      );
    }
    if (section === 3 && earlier) {
      parts.push(
        `${section}.5 This follows ‘${sentence(next, 4).replace(/\.$/, '')}’, Agenda Item ${(item % PAPERS_PER_MEETING) + 1}.0, ${earlier.body.name}, ${longDate(earlier.date)}, and the minutes of the meeting held on ${longDate(earlier.date)}.`,
      );
    }
    if (section === 4 && decisionId) parts.push(`${section}.5 The Commissioner's decision ${decisionId} applies (see Agenda item ${item === 1 ? 2 : 1}).`);
  }
  return parts.join('\n\n');
}

/** The publisher of the synthetic archive, and the facts of its accessibility statement. */
const SITE = `name: Synthetic Police and Crime Commissioner
area: Synthetic county
siteName: Board papers
contact:
  email: opcc@example.org
lastTested: 2000-01-03
howTested: None; this is the synthetic archive of the benchmark.
statementPrepared: 2000-01-03
decisionNumbering: "SPCC {year}-{number:3}"
`;

/** The files of a synthetic archive of about `documents` documents, by path under content/. */
export function syntheticArchive(documents: number): Map<string, string> {
  const files = new Map<string, string>();
  const next = random(documents);
  files.set('bodies.yaml', BODIES.map((body) => `- id: ${body.id}\n  name: ${body.name}\n  aliases: []\n`).join(''));
  files.set('site.yaml', SITE);
  const meetingCount = Math.max(1, Math.round(documents / DOCUMENTS_PER_MEETING));
  const start = new Date(Date.UTC(2000, 0, 3));
  const meetings: MeetingPlan[] = Array.from({ length: meetingCount }, (_, index) => ({
    body: BODIES[index % BODIES.length]!,
    date: isoDay(start, Math.floor(index / BODIES.length) * 7),
    index,
  }));

  for (const meeting of meetings) {
    const folder = `meetings/${meeting.body.id}/${meeting.date}`;
    const earlier = meeting.index >= BODIES.length ? meetings[meeting.index - BODIES.length] : undefined;
    const year = meeting.date.slice(0, 4);
    const decisionId = `SPCC ${year}-${String((meeting.index % 900) + 1).padStart(3, '0')}`;
    const agenda = Array.from({ length: PAPERS_PER_MEETING }, (_, offset) => `  - number: "${offset + 1}"\n    title: ${sentence(next, 5).replace(/\.$/, '')}\n    presenter: Report from Chief Constable\n`).join('');
    files.set(`${folder}/index.mdx`, `---\ntime: "14:00"\nvenue: Conference Room 2\nagenda:\n${agenda}---\n`);
    for (let item = 1; item <= PAPERS_PER_MEETING; item++) {
      const title = sentence(next, 6).replace(/\.$/, '');
      files.set(
        `${folder}/${String(item).padStart(2, '0')}-paper.mdx`,
        `---\ntitle: ${title}\nitem: "${item}.0"\nto: ${meeting.body.name}\nfrom: Chief Constable\ndate: ${meeting.date}\nmarking: Official\nrecommendations:\n  - The ${meeting.body.name} is recommended to note the report.\n---\n\n${paperText(next, item, earlier, earlier ? decisionId : undefined)}\n`,
      );
    }
    files.set(`${folder}/minutes.mdx`, `---\nstatus: draft\n---\n\n${Array.from({ length: 8 }, (_, minute) => `## ${meeting.index * 8 + minute + 1}. ${sentence(next, 4).replace(/\.$/, '')}\n\n${sentence(next, 30)} ${sentence(next, 25)}\n\n- (a) ${sentence(next, 20)}\n- (b) ${sentence(next, 18)}`).join('\n\n')}\n`);
    // Like a real log, each snapshot carries the actions raised at the last meeting forward (now
    // closed) and adds those raised at this one: an action appears in two snapshots.
    const actionRow = (number: number, raised: string, status: string) =>
      `  - number: "${number}.0"\n    raised: ${raised}\n    action: Action ${number} raised on ${raised} – ${sentence(next, 10)}\n    owner: Constabulary\n    target: ${meeting.date}\n    update: ${sentence(next, 10)}\n    updated: ${meeting.date}\n    status: ${status}\n`;
    const carried = earlier ? [1, 2].map((number) => actionRow(number, earlier.date, 'Closed')) : [];
    const raisedHere = [1, 2].map((number) => actionRow(number, meeting.date, 'Ongoing'));
    files.set(`${folder}/action-log.yaml`, `title: Action log\nactions:\n${[...carried, ...raisedHere].join('')}`);
    if (!files.has(`decisions/${year}/${decisionId.toLowerCase().replace(' ', '-')}.mdx`)) {
      files.set(
        `decisions/${year}/${decisionId.toLowerCase().replace(' ', '-')}.mdx`,
        `---\nid: ${decisionId}\ntitle: ${sentence(next, 5).replace(/\.$/, '')}\ndate: ${meeting.date}\nsummary: ${sentence(next, 15)}\npapers:\n  - ${meeting.body.id}/${meeting.date}/1\nmeeting: ${meeting.body.id}/${meeting.date}\n---\n\n${sentence(next, 40)}\n\n${sentence(next, 40)}\n`,
      );
    }
  }
  return files;
}
