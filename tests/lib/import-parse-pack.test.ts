/** The pack parser, on four real published packs and on small invented ones. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { plainTextOfMdx, wordF1 } from '#lib/import/compare.ts';
import type { ImportedAgendaItem, ImportedDocument, ImportedPack, SourceLine } from '#lib/import/model.ts';
import { parsePack } from '#lib/import/parse-pack.ts';
import { readText } from '#lib/import/read-text.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = path.resolve(projectRoot, '../shared/seeds');
const content = path.join(projectRoot, 'content/meetings');
const haveSeeds = fs.existsSync(path.join(seeds, '000_9b29c1a1429898da.txt'));

const cache = new Map<string, ImportedPack>();
function seed(name: string): ImportedPack {
  if (!cache.has(name)) cache.set(name, parsePack(readText(fs.readFileSync(path.join(seeds, name), 'utf8'))));
  return cache.get(name)!;
}
const pack = (text: string) => parsePack(readText(text));

function textOf(body: Root): string {
  const blocks = (nodes: RootContent[]): string =>
    nodes
      .filter((node) => node.type !== ('mdxJsxFlowElement' as string))
      .map((node) => (node.type === 'list' || node.type === 'table' || node.type === 'tableRow' || node.type === 'listItem' ? blocks(node.children as RootContent[]) : toString(node)))
      .join(' ');
  return blocks(body.children);
}

function flat(items: ImportedAgendaItem[]): ImportedAgendaItem[] {
  return items.flatMap((item) => [item, ...flat(item.items ?? [])]);
}

const byItem = (documents: ImportedDocument[], item: string) => documents.find((document) => document.item === item);

describe('readText', () => {
  it('gives one line per line, strips \\r and counts pages at form feeds', () => {
    const blocks = readText('one\r\ntwo\n\fthree\n');
    expect(blocks).toEqual([
      { kind: 'line', text: 'one', line: 1, page: 1 },
      { kind: 'line', text: 'two', line: 2, page: 1 },
      { kind: 'line', text: 'three', line: 3, page: 2 },
    ]);
  });
});

describe('compare', () => {
  it('scores identical words 1 and disjoint words 0, ignoring case and punctuation', () => {
    expect(wordF1('The Board, noted.', 'the board noted')).toBe(1);
    expect(wordF1('alpha beta', 'gamma delta')).toBe(0);
    expect(wordF1('a b c d', 'a b c e')).toBeCloseTo(0.75);
  });
  it('reads a published page without its frontmatter or editorial notes', () => {
    const text = plainTextOfMdx('---\ntitle: X\n---\n\n## 1. Purpose\n\n<EditorialNote>Not this.</EditorialNote>\n\n| A | B |\n| --- | --- |\n| c | d |\n');
    expect(text).toContain('1. Purpose');
    expect(text).not.toContain('Not this');
    expect(text).not.toContain('title');
    expect(text.split(/\s+/)).toEqual(expect.arrayContaining(['A', 'B', 'c', 'd']));
  });
});

describe.skipIf(!haveSeeds)('the BCB pack of 11 June 2019', () => {
  const name = '000_9b29c1a1429898da.txt';

  it('reads the front sheet', () => {
    const result = seed(name);
    expect(result.bodyName).toBe('Business Coordination Board');
    expect(result.date).toBe('2019-06-11');
    expect(result.time).toBe('15:00');
    expect(result.venue).toBe('HQ, Conference Room 3');
  });

  it('reads twelve agenda items with 8.0 and 8.1 under 8', () => {
    const { agenda } = seed(name);
    expect(agenda.map((item) => item.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const eight = agenda[7];
    expect(eight.kind).toBe('heading');
    expect(eight.items?.map((item) => [item.number, item.title])).toEqual([
      ['8.0', 'OPCC and broader partnership support'],
      ['8.1', 'Cambridgeshire Constabulary work to deliver actions'],
    ]);
    expect(eight.presenter).toBe('Reports from Chief Constable and Chief Executive');
  });

  it('joins broken titles, finds presenters and kinds', () => {
    const agenda = flat(seed(name).agenda);
    const get = (number: string) => agenda.find((item) => item.number === number)!;
    expect(get('1').kind).toBe('procedural');
    expect(get('3')).toMatchObject({ kind: 'minutes', minutesOf: '2019-05-16', title: 'To approve minutes of the Business Coordination Board meeting held on the 16th May 2019' });
    expect(get('4').kind).toBe('action-log');
    expect(get('5')).toMatchObject({ kind: 'paper', title: 'Force Management Statement Update', presenter: 'Report from Chief Constable' });
    expect(get('6').title).toBe('Office of the Police and Crime Commissioner – Medium Term Financial Strategy 2019/20 to 2022/23 and Medium Term Financial Plan as at 31st March 2019 as a variation to Police and Crime Plan');
    expect(get('11')).toMatchObject({ kind: 'verbal', presenter: 'Verbal update from Chief Constable' });
    expect(get('12')).toMatchObject({ kind: 'procedural', title: 'AOB' });
  });

  it('reads action log rows with dates written YYYY-MM-DD and the spreadsheet damage noted', () => {
    const log = seed(name).actionLog;
    expect(log?.title).toMatch(/ACTION LOG/);
    const rows = log?.rows ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      expect(row.raised).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const date of [row.target, row.updated]) if (date) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.item ?? '').not.toMatch(/1900/);
    }
    expect(rows.find((row) => row.number === '4.0')?.note).toMatch(/04\/01\/1900/);
    expect(rows.find((row) => row.number === '5.0')).toMatchObject({ raised: '2019-04-19', item: '12.0', owner: 'Constabulary', target: '2019-05-16' });
    expect(seed(name).notes.some((note) => note.document === 'action log' && note.kind === 'uncertain')).toBe(true);
  });

  it('splits the papers and matches them to items 5, 6, 7, 8.0, 8.1, 9 and 10', () => {
    const papers = seed(name).documents.filter((document) => document.kind === 'paper');
    expect(papers.map((paper) => paper.item)).toEqual(['5.0', '6.0', '7.0', '8.0', '8.1', '9.0', '10']);
    expect(papers[0].matchedBy).toBe('Agenda Item line');
  });

  it('fills a paper’s header fields, recommendations and contacts', () => {
    const paper = byItem(seed(name).documents, '5.0')!;
    expect(paper).toMatchObject({ title: 'Publication of Force Management Statement (FMS2)', to: 'Business Coordination Board', from: 'Chief Constable', date: '2019-06-11', marking: 'Official' });
    expect(paper.recommendations).toEqual(['The Board is recommended to note the report.']);
    expect(paper.contacts).toEqual([{ name: 'C/Insp Chris Savage', role: 'Corporate Development Department' }]);
  });

  it('keeps numbered paragraphs as printed, headings as headings, and bullets reduced to blank lines as a list', () => {
    const body = byItem(seed(name).documents, '5.0')!.body;
    expect(body.children[0]).toMatchObject({ type: 'heading', depth: 2, children: [{ value: '1. Purpose' }] });
    expect(toString(body.children[1])).toMatch(/^1\.1 The purpose of this report is to provide the Business Coordination Board \(“the Board”\) with Cambridgeshire Constabulary’s 2019\/20 Force Management Statement \(FMS2\)\.$/);
    const list = body.children.find((node) => node.type === 'list');
    expect(list && toString(list.children[0])).toBe('The demand the force expects to face in the next four years;');
    expect(list?.children).toHaveLength(4);
  });

  it('removes page footers and notes each kind once', () => {
    const result = seed(name);
    const removed = result.notes.filter((note) => note.kind === 'removed');
    expect(removed.some((note) => /Page \d+ of \d+/.test(note.message))).toBe(true);
    expect(new Set(removed.map((note) => note.message.replace(/^Removed \d+ /, '').replace(/, first.*$/, ''))).size).toBe(removed.length);
    for (const document of result.documents) expect(textOf(document.body)).not.toMatch(/Page \d+ of \d+/);
  });

  it('gives each paper’s text close to the published page', () => {
    const dir = path.join(content, 'bcb/2019-06-11');
    for (const [file, item] of [['05-force-management-statement.mdx', '5.0'], ['07-annual-governance-statement.mdx', '7.0'], ['09-serious-violence-strategy.mdx', '9.0'], ['10-annual-report.mdx', '10']]) {
      const expected = plainTextOfMdx(fs.readFileSync(path.join(dir, file), 'utf8'));
      expect(wordF1(expected, textOf(byItem(seed(name).documents, item)!.body)), file).toBeGreaterThanOrEqual(0.98);
    }
  });
});

describe.skipIf(!haveSeeds)('the other real packs', () => {
  it('BCB 10 May 2018: front sheet, minutes of 12 April 2018, papers by title and footer', () => {
    const result = seed('002_17f2591b16d920c8.txt');
    expect(result).toMatchObject({ date: '2018-05-10', time: '14:00', venue: 'CR2' });
    expect(result.agenda).toHaveLength(11);
    const minutes = result.documents.find((document) => document.kind === 'minutes');
    expect(minutes?.minutesOf).toBe('2018-04-12');
    expect(byItem(result.documents, '4')?.matchedBy).toBe('title');
    expect(byItem(result.documents, '10.0')?.matchedBy).toBe('Agenda Item line');
    const expected = plainTextOfMdx(fs.readFileSync(path.join(content, 'bcb/2018-04-12/minutes.mdx'), 'utf8'));
    expect(wordF1(expected, textOf(minutes!.body))).toBeGreaterThanOrEqual(0.98);
  });

  it('Panel pack of 15 November 2017: no front sheet, so no date and a missing note', () => {
    const result = seed('001_7cfac5a43a81cd14.txt');
    expect(result.date).toBeUndefined();
    expect(result.notes.some((note) => note.kind === 'missing' && /\(date\)/.test(note.message))).toBe(true);
    expect(result.documents[0]).toMatchObject({ kind: 'minutes', minutesOf: '2017-09-06' });
    expect(byItem(result.documents, '6')).toMatchObject({ from: 'Cambridgeshire Police and Crime Commissioner', marking: 'Public Report', date: '2017-11-15' });
  });

  it('JAC report of 29 September 2016: one paper, header only, text word for word', () => {
    const result = seed('004_c9256817d0819241.txt');
    expect(result.documents).toHaveLength(1);
    const [paper] = result.documents;
    expect(paper).toMatchObject({ title: 'Developing a Police and Crime Plan for Cambridgeshire', to: 'Joint Audit Committee', from: 'Chief Finance Officer, OPCC', date: '2016-09-29' });
    expect(paper.recommendations).toEqual(['The Committee is recommended to note this report and provide input into the Plan.']);
    expect(paper.appendices).toContainEqual(expect.objectContaining({ title: 'Appendix 1', included: false }));
    const expected = plainTextOfMdx(fs.readFileSync(path.join(content, 'jac/2016-09-29/developing-a-police-and-crime-plan.mdx'), 'utf8'));
    expect(wordF1(expected, textOf(paper.body))).toBeGreaterThanOrEqual(0.99);
  });
});

describe.skipIf(!haveSeeds)('the Panel pack of 15 November 2017: papers, re-printed BCB papers, late appendices, work programme', () => {
  const name = '001_7cfac5a43a81cd14.txt';
  const published = (file: string) => plainTextOfMdx(fs.readFileSync(path.join(content, file), 'utf8'));
  const workProgramme = () => seed(name).documents.find((document) => /^Cambridgeshire Police and Crime Panel$/.test(document.title));

  it('gives every published paper of the pack close to the published page', () => {
    const documents = seed(name).documents;
    for (const [file, item] of [
      ['pcp/2017-11-15/05-review-of-complaints.mdx', '5'],
      ['pcp/2017-11-15/06-fire-governance-update.mdx', '6'],
      ['pcp/2017-11-15/07-plan-monitoring.mdx', '7'],
      ['pcp/2017-11-15/09-decisions-report.mdx', '9'],
      ['pcp/2017-11-15/10-media-protocol.mdx', '10'],
      ['bcb/2017-09-21/11-integrated-mental-health-team.mdx', '11.0'],
      ['bcb/2017-09-21/13-unit-c-chord-business-park.mdx', '13.0'],
    ]) {
      expect(wordF1(published(file), textOf(byItem(documents, item)!.body)), file).toBeGreaterThanOrEqual(0.97);
    }
  });

  it('makes the work programme its own document, not the end of the media protocol', () => {
    const programme = workProgramme();
    expect(programme).toBeDefined();
    expect(programme!.item).toBeUndefined();
    expect(textOf(programme!.body)).toMatch(/^Training - Private Tuesday 10 October 2017, 10am/i);
    expect(wordF1(published('pcp/2017-11-15/work-programme.mdx'), textOf(programme!.body))).toBeGreaterThanOrEqual(0.95);
    const protocol = byItem(seed(name).documents, '10')!;
    expect(textOf(protocol.body)).toContain('Key Contacts');
    expect(textOf(protocol.body)).not.toMatch(/CONFIRMATION HEARING|Meeting Dates and Agenda Plan 2018\/2019/);
    expect(seed(name).notes).toContainEqual(expect.objectContaining({ document: programme!.title, kind: 'uncertain', message: expect.stringContaining('schedule of meetings') }));
  });

  it('joins the decisions report’s Appendix 3 and Appendix 4, printed after the BCB papers, back to the report', () => {
    const report = byItem(seed(name).documents, '9')!;
    const text = textOf(report.body);
    expect(text).toContain('Areas where decisions are likely to be considered');
    expect(text).toMatch(/Police and Crime Commissioners – Estates Appendix 4/i);
    expect(text).toContain('Bridge Street Police Station');
    expect(report.appendices.filter((appendix) => appendix.included).map((appendix) => appendix.title.slice(0, 10))).toEqual(expect.arrayContaining(['Appendix 1', 'Appendix 3', 'Appendix 4']));
    expect(seed(name).notes).toContainEqual(expect.objectContaining({ document: report.title, kind: 'placed', message: expect.stringContaining('Appendix 3 and Appendix 4') }));
    const unitC = byItem(seed(name).documents, '13.0')!;
    expect(textOf(unitC.body)).not.toMatch(/Appendix 4|Bridge Street/);
  });

  it('keeps the re-printed BCB papers as documents with their own header: to the Board, dated 21 September 2017', () => {
    const documents = seed(name).documents;
    const bcb = documents.filter((document) => document.to === 'Business Coordination Board');
    expect(bcb.map((document) => [document.item, document.date])).toEqual([
      ['11.0', '2017-09-21'],
      [undefined, '2017-09-21'],
      ['13.0', '2017-09-21'],
    ]);
    expect(bcb[2]).toMatchObject({ title: 'Unit C Chord Business Park, Godmanchester', from: 'Chief Constable' });
    expect(wordF1(published('bcb/2017-09-21/dvi-s22a-agreement.mdx'), textOf(bcb[1].body))).toBeGreaterThanOrEqual(0.98);
  });

  it('keeps a numbered “Background documents” section in the text, and lists its documents as sources', () => {
    const complaints = byItem(seed(name).documents, '5')!;
    expect(textOf(complaints.body)).toMatch(/Background Documents Used to prepare this report.*Appendices/i);
    expect(complaints.sources).toEqual([]);
    const fire = byItem(seed(name).documents, '6')!;
    expect(textOf(fire.body)).toContain('Fire and Rescue Services Act 2004');
    expect(fire.sources[0]).toEqual({ title: 'Fire and Rescue Services Act 2004', url: 'https://www.legislation.gov.uk/ukpga/2004/21/contents' });
  });

  it('prints the header row of the forward plan once, not before every row', () => {
    const text = textOf(byItem(seed(name).documents, '9')!.body);
    expect(text.match(/Current Background reports/g)).toHaveLength(1);
    expect(text.match(/Tenure/g)).toHaveLength(1);
    // values that come back row after row stay
    const plan = textOf(byItem(seed(name).documents, '7')!.body);
    expect((plan.match(/Delivery Status/g) ?? []).length).toBeGreaterThan(5);
  });
});

describe('invented packs', () => {
  const panelPack = [
    'Example Police and Crime Panel',
    'Date: Wednesday 4 March 2026',
    'Time: 2.30pm',
    'Venue: Council Chamber, Town Hall',
    '',
    'AGENDA',
    '1. Apologies for absence',
    '2. Declarations of interest',
    '3. Minutes of the meeting held on 14 January 2026',
    '4. Commissioner’s budget and precept',
    'Report of the Commissioner',
    '5. Any other business',
    '',
    'NOT PROTECTIVELY MARKED',
    'Agenda Item No. 4',
    'To: Example Police and Crime Panel',
    'From: Chief Finance Officer',
    'Date: 4 March 2026',
    '',
    'BUDGET AND PRECEPT 2026/27',
    '',
    '1. Purpose',
    '',
    '1.1 This report sets out the proposed budget and the precept for',
    'the coming year.',
    '',
    '2. Recommendations',
    '',
    '2.1 The Panel is asked to note the budget.',
    '',
    '2.2 The Panel is asked to review the precept.',
    '',
    '3. Background',
    '',
    '3.1 The budget covers:',
    '• officers;',
    '• staff; and',
    '• buildings.',
    '',
    'Page 1 of 2',
    '',
    '3.2 The precept rises by two per cent, as the longer-',
    'term plan set out.',
    '',
    'Contact Officer(s)',
    'Jo Bloggs, Finance Manager, jo.bloggs@example.police.uk',
    '',
    'Page 2 of 2',
  ].join('\n');

  it('reads a front sheet written with labels on the same line, and a time written 2.30pm', () => {
    const result = pack(panelPack);
    expect(result).toMatchObject({ bodyName: 'Example Police and Crime Panel', date: '2026-03-04', time: '14:30', venue: 'Council Chamber, Town Hall' });
    expect(result.agenda.map((item) => [item.number, item.kind])).toEqual([
      ['1', 'procedural'],
      ['2', 'procedural'],
      ['3', 'minutes'],
      ['4', 'paper'],
      ['5', 'procedural'],
    ]);
    expect(result.agenda[2].minutesOf).toBe('2026-01-14');
    expect(result.agenda[3].presenter).toBe('Report of the Commissioner');
  });

  it('splits and reads a paper with another office’s wording', () => {
    const [paper] = pack(panelPack).documents;
    expect(paper).toMatchObject({ item: '4', matchedBy: 'Agenda Item line', title: 'Budget and Precept 2026/27', to: 'Example Police and Crime Panel', from: 'Chief Finance Officer', date: '2026-03-04', marking: 'NOT PROTECTIVELY MARKED' });
    expect(paper.recommendations).toEqual(['The Panel is asked to note the budget.', 'The Panel is asked to review the precept.']);
    expect(paper.contacts).toEqual([{ name: 'Jo Bloggs', role: 'Finance Manager', email: 'jo.bloggs@example.police.uk' }]);
    const texts = paper.body.children.map((node) => [node.type, toString(node)]);
    expect(texts).toContainEqual(['paragraph', '1.1 This report sets out the proposed budget and the precept for the coming year.']);
    expect(texts).toContainEqual(['list', expect.stringContaining('officers;')]);
    expect(texts).toContainEqual(['paragraph', '3.2 The precept rises by two per cent, as the longer-term plan set out.']);
    expect(texts.some(([, text]) => /Page \d/.test(text))).toBe(false);
  });

  it('uses a table the reader knew as a GFM table', () => {
    const result = parsePack([
      { kind: 'line', text: 'To: Example Board', line: 1 },
      { kind: 'line', text: 'From: Chief Executive', line: 2 },
      { kind: 'line', text: 'Date: 1 May 2025', line: 3 },
      { kind: 'line', text: 'Annual Figures', line: 4 },
      { kind: 'line', text: '1. Purpose', line: 5 },
      { kind: 'line', text: '1.1 The table shows the figures.', line: 6 },
      { kind: 'table', rows: [['Year', 'Crimes'], ['2024', '100'], ['2025', '90']], line: 7 },
    ]);
    const table = result.documents[0].body.children.find((node) => node.type === 'table');
    expect(table?.children).toHaveLength(3);
    expect(toString(table!.children[2])).toContain('90');
  });

  it('gives no date and a missing note when the front sheet has no date; never invents one', () => {
    const result = pack(['Example Police and Crime Panel', 'Venue: Room 1', '', 'AGENDA', '1. Welcome', '2. Questions from the public', ''].join('\n'));
    expect(result.date).toBeUndefined();
    expect(result.time).toBeUndefined();
    expect(result.venue).toBe('Room 1');
    expect(result.notes).toContainEqual(expect.objectContaining({ document: 'meeting', kind: 'missing', message: expect.stringContaining('(date)') }));
    expect(result.notes).toContainEqual(expect.objectContaining({ kind: 'missing', message: expect.stringContaining('(time)') }));
  });

  it('notes a paper’s missing fields rather than inventing them', () => {
    const result = pack(['To: Example Board', 'From: Chief Constable', '', 'A Short Paper', '', '1. Purpose', '', '1.1 To inform.', ''].join('\n'));
    const [paper] = result.documents;
    expect(paper.date).toBeUndefined();
    expect(paper.marking).toBeUndefined();
    expect(result.notes).toContainEqual(expect.objectContaining({ document: 'A Short Paper', kind: 'missing', message: expect.stringContaining('(date)') }));
  });
});

describe('invented packs: documents with no header, and appendices printed late', () => {
  const report = [
    'To: Example Police and Crime Panel',
    'From: Police and Crime Commissioner',
    'Date: 1 May 2025',
    '',
    'DECISIONS BY THE COMMISSIONER',
    '',
    '1. Purpose',
    '',
    '1.1 The decisions are listed at Appendix 1 and the forward plan is at Appendix 2.',
    '',
    '2. Background Documents',
    '',
    '2.1 Policing Protocol Order 2011',
    'https://www.legislation.gov.uk/uksi/2011/2744/contents',
    '',
    '3. Appendices',
    'Appendix 1 - Decisions',
    'Appendix 2 - Forward plan',
    ' Appendix 1',
    'Decisions notified to the Panel',
    '',
    'The Commissioner agreed the lease of the old station.',
    'The Commissioner agreed the new custody contract.',
    'The Commissioner agreed the grants for victims’ services.',
    ' To: Example Board',
    '',
    'From: Chief Constable',
    '',
    'Date: 2 April 2025',
    '',
    'LEASE OF THE OLD STATION',
    '1.',
    'Purpose',
    '',
    '1.1 To approve the lease of the old station.',
    '',
    ' Forward plan of decisions',
    'Appendix 2',
    '',
    'Custody contract renewal in the coming year.',
    'Estates disposals as the estates plan sets out.',
    ' Example Police',
    'and Crime Panel',
    '',
    'TRAINING - PRIVATE',
    'Tuesday 10 June 2025, 10am',
    'Town Hall',
    '',
    'A briefing on the Panel’s duties.',
    '',
    'BUDGET MEETING',
    'Wednesday 25 June 2025, 2pm',
    'Council Chamber',
    'Budget and precept',
    '',
    'PUBLIC MEETING',
    'Wednesday 17 September 2025',
    'Council Chamber',
    'Annual report',
  ].join('\n');

  it('joins an appendix printed after another body’s paper back to the report that names it', () => {
    const result = pack(report);
    const [decisions, lease] = result.documents;
    expect(decisions.title).toBe('Decisions by the Commissioner');
    expect(textOf(decisions.body)).toContain('Custody contract renewal in the coming year.');
    expect(textOf(decisions.body)).toContain('Forward plan of decisions');
    expect(lease).toMatchObject({ title: 'Lease of the Old Station', to: 'Example Board', date: '2025-04-02' });
    expect(textOf(lease.body)).not.toContain('Custody contract renewal');
    expect(result.notes).toContainEqual(expect.objectContaining({ document: 'Decisions by the Commissioner', kind: 'placed', message: expect.stringContaining('Appendix 2') }));
  });

  it('leaves a paper’s own appendix with the paper that names it', () => {
    const own = report.replace('1.1 To approve the lease of the old station.', '1.1 To approve the lease of the old station, as set out in Appendix 2.');
    const [decisions, lease] = pack(own).documents;
    expect(textOf(lease.body)).toContain('Custody contract renewal in the coming year.');
    expect(textOf(decisions.body)).not.toContain('Custody contract renewal');
  });

  it('starts a schedule of meetings with no header sheet as its own document, titled by its heading', () => {
    const result = pack(report);
    const schedule = result.documents.at(-1)!;
    expect(schedule.title).toBe('Example Police and Crime Panel');
    expect(textOf(schedule.body)).toMatch(/^Training - Private Tuesday 10 June 2025, 10am/i);
    expect(textOf(schedule.body)).toContain('Annual report');
    expect(textOf(result.documents[0].body)).not.toContain('TRAINING');
    expect(result.documents).toHaveLength(3);
  });

  it('keeps a numbered “Background Documents” section as text and reads its documents as sources', () => {
    const [decisions] = pack(report).documents;
    expect(textOf(decisions.body)).toContain('Policing Protocol Order 2011');
    expect(decisions.sources).toEqual([{ title: 'Policing Protocol Order 2011', url: 'https://www.legislation.gov.uk/uksi/2011/2744/contents' }]);
  });

  it('does not take one dated line on a page for a schedule of meetings', () => {
    const single = ['To: Example Board', 'From: Chief Executive', 'Date: 1 May 2025', '', 'EVENTS', '', '1. Purpose', '', '1.1 To note the events.', ' Launch event', 'Tuesday 10 June 2025, 10am', 'The launch went well and was attended by many.', ''].join('\n');
    expect(pack(single).documents).toHaveLength(1);
  });
});

describe('table header rows printed again and again', () => {
  const row = (n: number) => [`ROW ${n} HEADING`, `The text of row ${n} runs on for a while and says what row ${n} is about.`, `The background of row ${n}.`, '', `Timescale of row ${n}.`, '', `More about row ${n}.`, `Still more about row ${n}.`, `And more about row ${n}.`, `And yet more about row ${n}.`, `The end of row ${n}.`, `A last word on row ${n}.`, `A very last word on row ${n}.`, `Really the last word on row ${n}.`, `Now it ends, row ${n}.`, `Done with row ${n}.`, ''];
  const paper = (rows: string[][]) => ['To: Example Board', 'From: Chief Executive', 'Date: 1 May 2025', '', 'FORWARD PLAN', '', '1. Purpose', '', '1.1 To note the plan.', '', ...rows.flat()].join('\n');

  it('keeps the first printing of a header row and removes its repeats, with a note', () => {
    const header = ['Current Background reports', '', 'Anticipated timescale', ''];
    const result = pack(paper([1, 2, 3, 4, 5].map((n) => [...header, ...row(n)])));
    const text = textOf(result.documents[0].body);
    expect(text.match(/Current Background reports/g)).toHaveLength(1);
    expect(text).toMatch(/Row 5 Heading/i);
    expect(result.notes).toContainEqual(expect.objectContaining({ kind: 'removed', message: expect.stringContaining('Removed 4 repeated printings of a table’s header row') }));
  });

  it('keeps short values that come back, when they come back fewer than four times or also stand elsewhere', () => {
    const value = ['Police and Crime Office', '', 'Chief Executive', ''];
    const text = textOf(pack(paper([1, 2, 3].map((n) => [...value, ...row(n)]))).documents[0].body);
    expect(text.match(/Police and Crime Office/g)).toHaveLength(3);
    const elsewhere = textOf(pack(paper([...[1, 2, 3, 4].map((n) => [...value, ...row(n)]), ['Chief Executive', '']])).documents[0].body);
    expect(elsewhere.match(/Police and Crime Office/g)).toHaveLength(4);
  });
});

describe.skipIf(!haveSeeds)('the action log of the BCB pack of 11 June 2019, rebuilt by its own structure', () => {
  const published = fs.readFileSync(path.join(content, 'bcb/2019-06-11/action-log.yaml'), 'utf8');
  const want = [...published.matchAll(/- number: "([\d.]+)"\n\s+raised: (\d{4}-\d{2}-\d{2})/g)].map((match) => [match[1], match[2]]);

  it('has every row of the log, with the published numbers and raised dates', () => {
    const rows = seed('000_9b29c1a1429898da.txt').actionLog!.rows;
    expect(want).toHaveLength(7);
    expect(rows.map((row) => [row.number, row.raised])).toEqual(want);
  });

  it('places cells printed column by column in the right rows, and never invents a value', () => {
    const rows = seed('000_9b29c1a1429898da.txt').actionLog!.rows;
    const get = (number: string) => rows.find((row) => row.number === number)!;
    expect(get('1.0')).toMatchObject({ owner: 'Constabulary', target: '2019-05-16', update: 'Request noted for further reports.', updated: '2019-04-19', status: 'Closed' });
    expect(get('1.0').item).toBeUndefined();
    expect(get('1.0').note).toMatch(/05\/01\/1900/);
    expect(get('2.0')).toMatchObject({ item: '7.2', owner: 'OPCC', updated: '2019-04-19', status: 'Closed' });
    expect(get('2.0').target).toBeUndefined();
    expect(get('2.0').note).toMatch(/28\/02\/2019.*could instead be this action’s target date/);
    expect(get('3.0')).toMatchObject({ item: '10.6', target: '2019-05-16', update: 'Further update required from ACC', status: 'Ongoing' });
    expect(get('4.0')).toMatchObject({ target: '2020-04-01', update: 'Noted', status: 'Closed' });
    expect(get('5.0')).toMatchObject({ updated: '2019-05-16', status: 'Ongoing' });
    expect(get('6.0')).toMatchObject({ item: '8.1', target: '2019-07-31', status: 'Not Started' });
    expect(get('7.0')).toMatchObject({ item: '12.3', owner: 'Constabulary', target: '2019-09-12', status: 'Not Started' });
    expect(get('7.0').note).toMatch(/number \(7\.0\) is printed after/);
    const notes = seed('000_9b29c1a1429898da.txt').notes.filter((note) => note.document === 'action log' && note.kind === 'uncertain');
    expect(notes.some((note) => /Action 7\.0/.test(note.message))).toBe(true);
  });
});

describe('tables printed one cell to a line', () => {
  const paper = (cells: string[], intro = '1.1 The figures are shown below.') =>
    pack(['To: Example Board', 'From: Chief Executive', 'Date: 1 May 2025', '', 'Annual Figures', '', '1. Purpose', '', intro, '', ...cells.flatMap((cell) => [cell, '']), '1.2 The Board is asked to note the figures.', ''].join('\n'));

  it('rebuilds the rows when the cells repeat one pattern after the header cells, and asks for a check', () => {
    const result = paper(['Area', 'Crimes', 'North', '12', 'South', '95', 'East', '80']);
    const body = result.documents[0].body;
    const table = body.children.find((node) => node.type === 'table');
    expect(table?.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([['Area', 'Crimes'], ['North', '12'], ['South', '95'], ['East', '80']]);
    expect(body.children.some((node) => node.type === ('mdxJsxFlowElement' as string))).toBe(false);
    expect(result.notes).toContainEqual(expect.objectContaining({ kind: 'uncertain', message: expect.stringContaining('rebuilt') }));
  });

  it('rebuilds a table printed column by column', () => {
    const body = paper(['Area', 'Crimes', 'North', 'South', 'East', '120', '95', '80']).documents[0].body;
    const table = body.children.find((node) => node.type === 'table');
    expect(table?.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([['Area', 'Crimes'], ['North', '120'], ['South', '95'], ['East', '80']]);
  });

  it('says in plain words when the rows cannot be recovered, and keeps every cell in printed order', () => {
    const cells = ['Partner', 'Youth Service', 'Lead from 2019', 'Probation', 'Support', 'County Council 2020', 'Funding', 'Two posts'];
    const result = paper(cells, '1.1 Table 2 shows the partners.');
    const body = result.documents[0].body;
    const at = body.children.findIndex((node) => node.type === ('mdxJsxFlowElement' as string));
    expect(at).toBeGreaterThan(0);
    const note = toString(body.children[at]);
    expect(note).toMatch(/rows and columns .* could not be read from the pack/);
    expect(note).not.toMatch(/extraction|source text/i);
    expect(body.children.slice(at + 1, at + 1 + cells.length).map((node) => toString(node))).toEqual(cells);
    expect(result.notes).toContainEqual(expect.objectContaining({ kind: 'uncertain', sourceLine: 11 }));
  });

  it('leaves ordinary paragraphs and short lists alone', () => {
    const result = pack(['To: Example Board', 'From: Chief Executive', 'Date: 1 May 2025', '', 'A Paper', '', '1. Purpose', '', '1.1 The plan covers:', '', 'officers;', '', 'staff; and', '', 'buildings.', ''].join('\n'));
    expect(result.documents[0].body.children.some((node) => node.type === ('mdxJsxFlowElement' as string) || node.type === 'table')).toBe(false);
  });
});

describe('pack page numbers printed alone', () => {
  const filler = (words: string) => Array.from({ length: 12 }, (_, index) => `${words} line ${String.fromCharCode(97 + index)} of the text runs on here and`);
  it('removes bare page numbers that rise through the pack, and keeps paragraph labels', () => {
    const text = [
      'To: Example Board', 'From: Chief Executive', 'Date: 1 May 2025', '', 'A Long Paper', '',
      '1.', '', 'Purpose', '', ...filler('first'), 'ends.', '', '12',
      ...filler('second'), 'ends.', '', '13',
      '2.', '', 'Background', '', ...filler('third'), 'ends.', '', '14', '',
      ...filler('fourth'), 'ends.', '',
    ].join('\n');
    const result = pack(text);
    const body = result.documents[0].body;
    const all = body.children.map((node) => toString(node));
    expect(all.some((value) => /^1\d$/.test(value) || /\b1[234]\b/.test(value))).toBe(false);
    expect(all).toContain('1. Purpose');
    expect(all).toContain('2. Background');
    expect(result.notes).toContainEqual(expect.objectContaining({ kind: 'removed', message: expect.stringContaining('pack page numbers') }));
  });

  it.skipIf(!haveSeeds)('removes the Panel pack’s page numbers but not the figures of its tables', () => {
    const result = seed('001_7cfac5a43a81cd14.txt');
    expect(result.notes).toContainEqual(expect.objectContaining({ kind: 'removed', message: expect.stringMatching(/^Removed 7 pack page numbers/) }));
  });
});

describe('titles that Word and PDF mark rather than print in a header', () => {
  const line = (text: string, extra: Partial<SourceLine> = {}): SourceLine => ({ kind: 'line', text, line: 0, ...extra });
  const numbered = (blocks: SourceLine[]) => blocks.map((block, index) => ({ ...block, line: index + 1 }));

  it('takes a Word paper’s title from its Heading 1, and starts the text after it', () => {
    const result = parsePack(numbered([
      line('To: Example Board'), line(''), line('From: Chief Executive'), line(''), line('Date: 1 May 2025'), line(''),
      line('Annual Figures for the Year', { headingLevel: 1 }), line(''),
      line('1. Purpose', { headingLevel: 2 }), line(''), line('1.1 The figures are shown below.'), line(''),
    ]));
    expect(result.documents[0]).toMatchObject({ title: 'Annual Figures for the Year', to: 'Example Board' });
    expect(result.documents[0].body.children.map((node) => toString(node))).toEqual(['1. Purpose', '1.1 The figures are shown below.']);
  });

  it('takes a PDF paper’s title from the largest print near the top when the text shows none', () => {
    const body = (text: string) => line(text, { fontSize: 11, page: 1 });
    const result = parsePack(numbered([
      body('To: Example Board'), body('From: Chief Executive'), body('Date: 1 May 2025'), line('', { page: 1 }),
      line('Office of the Commissioner - Medium Term Financial Strategy for the', { fontSize: 14, bold: true, page: 1 }),
      line('Years 2025/26 to 2028/29', { fontSize: 14, bold: true, page: 1 }), line('', { page: 1 }),
      body('The strategy sets out how the office will balance its budget over the four years of the plan.'), line('', { page: 1 }),
      body('It is brought to the Board for its review before it is published in the summer.'), line('', { page: 1 }),
    ]));
    expect(result.documents[0].title).toBe('Office of the Commissioner - Medium Term Financial Strategy for the Years 2025/26 to 2028/29');
    expect(toString(result.documents[0].body.children[0])).toMatch(/^The strategy sets out/);
  });
});

describe('tables a PDF prints as rows of cells', () => {
  const size = 11;
  const row = (cells: [string, number][], extra: Partial<SourceLine> = {}): SourceLine => ({
    kind: 'line',
    text: cells.map(([text]) => text).join(' '),
    line: 0,
    page: 1,
    fontSize: 8,
    ...(cells.length >= 2 ? { cells: cells.map(([text, x]) => ({ text, x })) } : {}),
    ...extra,
  });
  const text = (value: string): SourceLine => ({ kind: 'line', text: value, line: 0, page: 1, fontSize: size });
  const blank: SourceLine = { kind: 'line', text: '', line: 0, page: 1 };
  const paper = (lines: SourceLine[]) =>
    parsePack(
      [text('To: Example Board'), text('From: Chief Executive'), text('Date: 1 May 2025'), blank, text('Annual Figures'), blank, text('1. Purpose'), blank, text('1.1 The figures are shown below.'), blank, ...lines, blank, text('1.2 The Board is asked to note the figures.'), blank].map((line, index) => ({ ...line, line: index + 1 })),
    );
  const tablesOf = (result: ImportedPack) => result.documents[0].body.children.filter((node) => node.type === 'table');
  const cellsOf = (node: RootContent) => (node as Table).children.map((tableRow) => tableRow.children.map((cell) => toString(cell)));

  it('rebuilds a table whose cells line up in columns, joining a wrapped header and a wrapped cell, and asks for a check', () => {
    const result = paper([
      // a centred header, its second column printed over two lines
      row([['Area', 70], ['Crimes this', 230], ['Change', 390]], { bold: true }),
      row([['year', 238]], { bold: true }),
      blank,
      row([['North', 52], ['120', 210], ['Lower', 370]]),
      blank,
      row([['South and the', 52], ['95', 210], ['Higher', 370]]),
      row([['coast', 52]]),
      blank,
      row([['East', 52], ['80', 210]]),
    ]);
    const tables = tablesOf(result);
    expect(tables).toHaveLength(1);
    expect(cellsOf(tables[0])).toEqual([
      ['Area', 'Crimes this year', 'Change'],
      ['North', '120', 'Lower'],
      ['South and the coast', '95', 'Higher'],
      ['East', '80', ''],
    ]);
    expect(result.notes).toContainEqual(expect.objectContaining({ kind: 'uncertain', sourceLine: 11, message: expect.stringMatching(/table of 3 rows under its header and 3 columns was rebuilt .* check/) }));
    const words = textOf(result.documents[0].body);
    expect(words).toContain('1.1 The figures are shown below.');
    expect(words).toContain('1.2 The Board is asked to note the figures.');
  });

  it('starts a new table at a bold header row after rows that are not bold', () => {
    const result = paper([
      row([['Area', 60], ['Crimes', 230]], { bold: true }), blank, row([['North', 52], ['120', 210]]), blank, row([['South', 52], ['95', 210]]), blank,
      row([['Year', 60], ['Arrests', 230]], { bold: true }), blank, row([['2024', 52], ['40', 210]]),
    ]);
    expect(tablesOf(result).map(cellsOf)).toEqual([
      [['Area', 'Crimes'], ['North', '120'], ['South', '95']],
      [['Year', 'Arrests'], ['2024', '40']],
    ]);
  });

  it('leaves prose alone whose lines have a wide space at places that do not line up', () => {
    const prose = (value: string, at: number): SourceLine => {
      const words = value.split(' ');
      return { ...text(value), cells: [{ text: words.slice(0, at).join(' '), x: 52 }, { text: words.slice(at).join(' '), x: 52 + at * 31 }] };
    };
    const lines = [
      prose('The Commissioner has set out a plan for the year ahead which the Board is', 5),
      prose('asked to consider carefully, together with the figures from the last four', 8),
      prose('quarters and the forecasts the finance team has prepared for the Panel.', 3),
    ];
    const result = paper(lines);
    expect(tablesOf(result)).toHaveLength(0);
    expect(result.notes.some((note) => /rebuilt from where the PDF prints/.test(note.message))).toBe(false);
    expect(textOf(result.documents[0].body)).toContain(lines.map((line) => line.text).join(' '));
    // one line of prose with a wide space, and two lines whose second piece starts further right: no table either
    expect(tablesOf(paper([prose('The Commissioner has set out a plan for the year ahead.', 4)]))).toHaveLength(0);
    expect(tablesOf(paper([prose('The Commissioner has set out a plan for the year ahead which', 4), prose('the Board is asked to consider with the figures for the year.', 6)]))).toHaveLength(0);
  });
});

describe('what a pack prints at the head of its pages', () => {
  /** A meeting's pack: its front sheet and agenda, then a paper over four pages, each headed by `head`. */
  const pages = (head: string, header: string[]) => {
    const text = [
      ['Business Coordination Board', '', 'Thursday 10th January 2030', '', 'AGENDA', '', '1. Estates review', 'Report from Chief Constable', '', ...header, '', 'ESTATES REVIEW', '', '1. Purpose', '', '1.1 The estates budget is reviewed each year by the Board and'],
      ['its committees, as the scheme of governance sets out.', '', '2. Recommendation', '', '2.1 The Board is asked to note the report.'],
      ['3. Background', '', '3.1 The review began in 2029 and'],
      ['ends in 2031.'],
    ];
    return text.map((page, index) => [...(index === 0 ? [] : [`\f${head}`]), ...page, `Page ${index + 1} of ${text.length}`].join('\n')).join('\n');
  };

  it('reads a paper’s protective marking from its page headers when its own header prints none, and says so', () => {
    const pack = parsePack(readText(pages('Official', ['To: Business Coordination Board', 'From: Chief Constable', 'Date: 10 January 2030'])));
    expect(pack.documents[0]!.marking).toBe('Official');
    expect(pack.notes.some((note) => /read from its page headers/.test(note.message))).toBe(true);
    // the running header is taken out of the sentence it fell into, and the sentence joined again
    expect(toString(pack.documents[0]!.body)).toContain('reviewed each year by the Board and its committees, as the scheme of governance sets out.');
  });

  it('keeps the marking a paper’s header prints, in a pack or in a lone paper', () => {
    const header = ['NOT PROTECTIVELY MARKED', '', 'To: Business Coordination Board', 'From: Chief Constable', 'Date: 10 January 2030'];
    expect(parsePack(readText(pages('Official', header))).documents[0]!.marking).toBe('NOT PROTECTIVELY MARKED');
    const lone = parsePack(readText([...header, '', 'ESTATES REVIEW', '', '1. Purpose', '', '1.1 The estates budget is reviewed.'].join('\n')));
    expect(lone.documents[0]!.marking).toBe('NOT PROTECTIVELY MARKED');
  });
});
