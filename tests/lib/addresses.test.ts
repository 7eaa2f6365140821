/**
 * Addresses judged in full: a paper's `address:` and `formerAddresses:` are refused when they end like a
 * file's name or are a name the site keeps for itself, and every address is checked against every other
 * file the build will write, before it starts; each problem names the file, the field and what is expected.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '#lib/check/check.ts';
import { readContentFiles } from '#lib/check/read-content.ts';
import { addressCollisions, plannedFiles } from '#lib/check/addresses.ts';
import { RESERVED_ADDRESSES, endsLikeFileName } from '#lib/model/routes.ts';
import { meetingSchema, paperSchema } from '#lib/model/schema.ts';
import type { ArchiveInput } from '#lib/model/archive.ts';

const FIXTURE = 'tests/fixtures/archive/content';
const PAPER = 'meetings/bcb/2019-06-11/05-fms.mdx';
const fixtureFiles = await readContentFiles(FIXTURE);

/** The fixture's problems with the paper's frontmatter changed. */
function problemsWith(change: (text: string) => string): string[] {
  const files = fixtureFiles.map((file) => (file.path === PAPER ? { ...file, bytes: new TextEncoder().encode(change(new TextDecoder().decode(file.bytes))) } : file));
  return checkContent(files).problems.map(formatProblem);
}

/** Names a web server serves as a file: every extension it knows, and any other ending of letters and digits. */
const FILE_LIKE = [
  ...['html', 'htm', 'xml', 'pdf', 'ics', 'json', 'csv', 'txt', 'js', 'mjs', 'css', 'svg', 'png', 'wasm', 'docx', 'gz', 'php', 'map', 'webmanifest', 'mp4', '7z'].map((extension) => `report.${extension}`),
  'index.html', '9.html', '8.1.pdf', 'a.b', 'x.tar.gz', 'pagefind.js',
];

describe('an address that ends like a file’s name, or is the site’s own', () => {
  it('is refused for address: and formerAddresses:, naming the file, the line, the field and what is expected', () => {
    for (const address of [...FILE_LIKE, ...RESERVED_ADDRESSES.filter((name) => /^[a-z0-9][a-z0-9.-]*$/.test(name))]) {
      const asAddress = problemsWith((text) => text.replace('item: "5.0"', `item: "5.0"\naddress: "${address}"`));
      expect(asAddress.join('\n'), address).toMatch(new RegExp(`^content/${PAPER.replace(/\./g, '\\.')}:\\d+ address: found "${address.replace(/\./g, '\\.')}"; expected an address that (does not end like a file’s name|is not one of the meeting's own pages)`, 'm'));
      const asFormer = problemsWith((text) => text.replace('  - 05-fms', `  - 05-fms\n  - "${address}"`));
      expect(asFormer.join('\n'), address).toMatch(new RegExp(`^content/${PAPER.replace(/\./g, '\\.')}:\\d+ formerAddresses\\[1\\]: found "${address.replace(/\./g, '\\.')}"; expected an address that`, 'm'));
    }
  });

  it('is told from an agenda number’s dots and a paper’s own words', () => {
    for (const address of ['9-annex', '8.1-annex', '8.2', '12', '05-fms-2019', 'report-html']) {
      expect(endsLikeFileName(address), address).toBe(false);
      expect(problemsWith((text) => text.replace('  - 05-fms', `  - 05-fms\n  - "${address}"`)), address).toEqual([]);
    }
    for (const address of FILE_LIKE) expect(endsLikeFileName(address), address).toBe(true);
  });
});

describe('every address against every file the build will write', () => {
  it('finds none in an archive whose addresses are all its own', () => {
    const { input, problems } = checkContent(fixtureFiles);
    expect(problems).toEqual([]);
    expect(addressCollisions(plannedFiles(input))).toEqual([]);
  });

  // Addresses the schema would refuse, handed in directly: the collision check stands on its own.
  const meeting = { file: 'meetings/bcb/2019-06-11/index.mdx', data: meetingSchema.parse({ attachments: [{ file: 'pack.pdf' }] }) };
  const paper = (address: string, formerAddresses: string[] = []) => ({ file: 'meetings/bcb/2019-06-11/05-fms.mdx', data: { ...paperSchema.parse({ title: 'FMS' }), address, formerAddresses } });
  const input = (papers: ArchiveInput['papers']): ArchiveInput => ({ bodies: [{ id: 'bcb', name: 'Business Coordination Board', aliases: [] }], meetings: [meeting], papers, minutes: [], actionLogs: [], forwardPlans: [], decisions: [] });
  const described = (papers: ArchiveInput['papers']) => addressCollisions(plannedFiles(input(papers))).map(({ planned, other, inside }) => [planned.chosenBy.field, planned.output, other.output, inside]);

  it('finds an address written where another file is, or inside a file as if it were a folder', () => {
    expect(described([paper('pack.pdf')])).toContainEqual(['address', 'bcb/2019-06-11/pack.pdf/index.html', 'bcb/2019-06-11/pack.pdf', true]);
    expect(described([paper('calendar.ics')])).toContainEqual(['address', 'bcb/2019-06-11/calendar.ics/index.html', 'bcb/2019-06-11/calendar.ics', true]);
    expect(described([paper('index.html')])).toContainEqual(['address', 'bcb/2019-06-11/index.html/index.html', 'bcb/2019-06-11/index.html', true]);
    expect(described([paper('5', ['index.html'])])).toContainEqual(['formerAddresses[0]', 'bcb/2019-06-11/index.html/index.html', 'bcb/2019-06-11/index.html', true]);
  });

  it('leaves two papers at one address to the check of papers, which names them both', () => {
    expect(described([paper('5'), { ...paper('5'), file: 'meetings/bcb/2019-06-11/06-other.mdx' }])).toEqual([]);
  });
});
