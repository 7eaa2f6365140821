import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '#lib/model/archive.ts';
import { checkContent } from '#lib/check/check.ts';
import { daysToPublication, meetingPublication } from '#lib/model/statutory.ts';

const encoder = new TextEncoder();
const FILES: Record<string, string> = {
  'bodies.yaml': '- id: bcb\n  name: Business Coordination Board\n',
  // held, with time and place, three report items: one published, one exempt, one whose paper is not held
  'meetings/bcb/2030-01-10/index.mdx': `---
time: "10:00"
venue: Room 1
agenda:
  - number: "1"
    title: Welcome
    kind: procedural
  - number: "2"
    title: Estates
  - number: "3"
    title: A confidential item
    exempt:
      reason: Schedule 12A paragraph 3
  - number: "4"
    title: Finance
    paperNotInArchive: true
---
`,
  'meetings/bcb/2030-01-10/02-estates.mdx': '---\ntitle: Estates\nitem: "2"\n---\n\n1.1 Text.\n',
  'meetings/bcb/2030-01-10/minutes.mdx': '---\nstatus: draft\n---\n\nMinutes.\n',
  // held, known only from a report: no time, place or agenda, no minutes
  'meetings/bcb/2030-02-10/index.mdx': '---\nprovenance: Known from a report.\n---\n',
  'meetings/bcb/2030-03-10/index.mdx': '---\nstatus: scheduled\ntime: "10:00"\nvenue: Room 1\n---\n',
  'decisions/2030/cpcc-2030-001.mdx': '---\nid: CPCC 2030-001\ntitle: Estates disposal\ndate: 2030-01-12\npublished: 2030-01-20\nmeeting: bcb/2030-01-10\n---\n',
  'decisions/2030/cpcc-2030-002.mdx': '---\nid: CPCC 2030-002\ntitle: Another\ndate: 2030-01-15\n---\n',
};

function archive() {
  const files = Object.entries(FILES).map(([path, text]) => ({ path, bytes: encoder.encode(text) }));
  files.push({ path: 'site.yaml', bytes: readFileSync('tests/fixtures/archive/content/site.yaml') });
  const { problems, input } = checkContent(files);
  expect(problems).toEqual([]);
  return buildArchive(input, '2030-04-01');
}

describe('what the law asks to be published about each meeting', () => {
  const built = archive();
  const row = (date: string) => meetingPublication(built, built.meetingByKey.get(`bcb/${date}`)!);

  it('counts the reports published against the report items, exempt items apart, and names what is missing', () => {
    const january = row('2030-01-10');
    expect(january.reports).toEqual({ published: 1, expected: 2, exempt: 1 });
    expect(january.minutes).toBe('draft');
    expect(january.decisions.map((decision) => decision.data.id)).toEqual(['CPCC 2030-001']);
    expect(january.missing).toEqual(['1 report']);
  });
  it('names the time, place, agenda and minutes a held meeting lacks', () => {
    expect(row('2030-02-10').missing).toEqual(['time', 'place', 'agenda', 'minutes']);
  });
  it('does not ask a scheduled meeting for its minutes', () => {
    const march = row('2030-03-10');
    expect(march.minutes).toBe('not yet due');
    expect(march.missing).toEqual(['agenda']);
  });
  it('gives the days from a decision to its publication only where the record says when it was published', () => {
    const [first, second] = ['CPCC 2030-001', 'CPCC 2030-002'].map((id) => built.decisionById.get(id)!);
    expect(daysToPublication(first!)).toBe(8);
    expect(daysToPublication(second!)).toBeUndefined();
  });
});
