import { describe, expect, it } from 'vitest';
import { buildArchive, type ArchiveInput } from '#lib/model/archive.ts';
import { buildLinkGraph, type CitingDocument } from '#lib/text/link-graph.ts';
import { contentDigest, createPageKeys, digestOf, type PageReads } from '#lib/build/page-keys.ts';
import { actionLogSchema, bodySchema, decisionSchema, glossarySchema, meetingSchema, paperSchema } from '#lib/model/schema.ts';

interface Texts {
  [file: string]: string;
}

const BASE_TEXTS: Texts = {
  'meetings/bcb/2019-06-11/08-support.mdx': '1.1 Nothing cited here.',
  'meetings/bcb/2019-07-18/04-follow-up.mdx': "4.1 ‘Support’, Agenda Item 8, Business Coordination Board, 11th June 2019, set out the support.",
  'meetings/pcp/2019-06-20/03-panel.mdx': '3.1 The Panel paper.',
};

function input(change: (input: ArchiveInput) => void = () => {}): ArchiveInput {
  const meeting = (agenda: { number: string; title: string }[]) => meetingSchema.parse({ agenda });
  const result: ArchiveInput = {
    bodies: [bodySchema.parse({ id: 'bcb', name: 'Business Coordination Board' }), bodySchema.parse({ id: 'pcp', name: 'Police and Crime Panel' })],
    meetings: [
      { file: 'meetings/bcb/2019-06-11/index.mdx', data: meeting([{ number: '8', title: 'Support' }]) },
      { file: 'meetings/bcb/2019-07-18/index.mdx', data: meeting([{ number: '4', title: 'Follow-up' }]) },
      { file: 'meetings/bcb/2019-09-12/index.mdx', data: meeting([{ number: '2', title: 'Final report' }]) },
      { file: 'meetings/pcp/2019-06-20/index.mdx', data: meeting([{ number: '3', title: 'Panel' }]) },
    ],
    papers: [
      { file: 'meetings/bcb/2019-06-11/08-support.mdx', data: paperSchema.parse({ title: 'Support', item: '8' }) },
      { file: 'meetings/bcb/2019-07-18/04-follow-up.mdx', data: paperSchema.parse({ title: 'Follow-up', item: '4' }) },
      { file: 'meetings/pcp/2019-06-20/03-panel.mdx', data: paperSchema.parse({ title: 'Panel', item: '3' }) },
    ],
    minutes: [],
    actionLogs: [
      {
        file: 'meetings/bcb/2019-07-18/action-log.yaml',
        data: actionLogSchema.parse({ title: 'Action log', actions: [{ number: '1', raised: '2019-06-11', action: 'Report back', status: 'Open' }] }),
      },
    ],
    forwardPlans: [],
    decisions: [{ file: 'decisions/2019/cpcc-2019-001.mdx', data: decisionSchema.parse({ id: 'CPCC 2019-001', title: 'Support', date: '2019-06-12', papers: ['bcb/2019-06-11/8'] }) }],
    site: { decisionNumbering: 'CPCC {year}-{number:3}' },
  };
  change(result);
  return result;
}

/** Every page's key for an archive, by a name of the page. */
function keys(archiveInput: ArchiveInput, texts: Texts = BASE_TEXTS, site: unknown = { name: 'Papers' }): Record<string, string> {
  const archive = buildArchive(archiveInput, '2026-01-01');
  const citing: CitingDocument[] = archive.papers.map((paper) => ({ path: paper.path, title: paper.data.title, body: paper.meetingKey.split('/')[0], meetingKey: paper.meetingKey, text: texts[paper.file] ?? '' }));
  const digests = new Map([...archiveInput.meetings, ...archiveInput.papers, ...archiveInput.actionLogs, ...archiveInput.decisions].map((entry) => [entry.file, contentDigest(entry.data, texts[entry.file])]));
  const pageKey = createPageKeys({
    archive,
    linkGraph: buildLinkGraph(citing, archive),
    citingByPath: new Map(citing.map((document) => [document.path, document])),
    fileDigest: (file) => digests.get(file) ?? '',
    bodyText: (file) => texts[file] ?? '',
    originalBytes: () => 0,
    site,
  });
  const pages: Record<string, PageReads> = {
    june: { meeting: 'bcb/2019-06-11' },
    july: { meeting: 'bcb/2019-07-18' },
    september: { meeting: 'bcb/2019-09-12' },
    panel: { meeting: 'pcp/2019-06-20' },
    decision: { decision: 'CPCC 2019-001' },
    action: { action: 'bcb/2019-06-11/1' },
    register: { archive: true },
  };
  const keyOf = (reads: PageReads) => {
    try {
      return pageKey(reads);
    } catch {
      return 'no such page';
    }
  };
  return Object.fromEntries(Object.entries(pages).map(([name, reads]) => [name, keyOf(reads)]));
}

/** The names of the pages whose keys differ. */
function changed(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys(a).filter((name) => a[name] !== b[name]);
}

const before = keys(input());

describe('the cache keys of pages', () => {
  it('are the same for the same content', () => {
    expect(keys(input())).toEqual(before);
  });

  it('change on the page a changed paper quotes, in another meeting, and on no unrelated page', () => {
    const texts = { ...BASE_TEXTS, 'meetings/bcb/2019-07-18/04-follow-up.mdx': BASE_TEXTS['meetings/bcb/2019-07-18/04-follow-up.mdx']!.replace('set out', 'described') };
    // June's paper shows the quote in its "Cited by"; the register shows every record
    expect(changed(before, keys(input(), texts))).toEqual(['june', 'july', 'register']);
  });

  it("change on the paper a decision was made on when the decision's title changes", () => {
    const after = keys(input((archive) => (archive.decisions[0]!.data.title = 'Support for victims')));
    expect(changed(before, after)).toEqual(['june', 'decision', 'register']);
  });

  it("change on the action's page and its log's meeting when a row of the log changes", () => {
    const after = keys(input((archive) => (archive.actionLogs[0]!.data.actions[0]!.update = 'Reported')));
    expect(changed(before, after)).toEqual(['july', 'action', 'register']);
  });

  it('change on the neighbours of a new meeting, and on the pages whose citations it resolves', () => {
    const citing = { ...BASE_TEXTS, 'meetings/bcb/2019-07-18/04-follow-up.mdx': '4.2 A final report will be brought to this Board on 12 September 2019.' };
    const septemberLater = keys(input((archive) => archive.meetings.splice(2, 1)), citing);
    const septemberAdded = keys(input(), citing);
    // July is September's previous meeting, and its paper's citation of September now leads somewhere
    expect(changed(septemberLater, septemberAdded)).toEqual(['july', 'september', 'register']);
  });

  it('change on the pages whose texts use a glossary term when its entry changes, is added or is removed, and on no other', () => {
    const texts = { ...BASE_TEXTS, 'meetings/pcp/2019-06-20/03-panel.mdx': '3.1 The Panel paper on the precept.' };
    const glossary = (explanation: string, more: object[] = []) => (archive: ArchiveInput) => {
      archive.glossary = [{ file: 'glossary.yaml', data: glossarySchema.parse({ terms: [{ term: 'precept', explanation, publicWords: ['council tax'] }, ...more] }) }];
    };
    const withTerm = keys(input(glossary('The police part of council tax.')), texts);
    // the register's key is made of every meeting's
    expect(changed(keys(input(), texts), withTerm)).toEqual(['panel', 'register']);
    expect(changed(withTerm, keys(input(glossary('The part of council tax that pays for the police.')), texts))).toEqual(['panel', 'register']);
    // a term no text uses changes no page
    expect(changed(withTerm, keys(input(glossary('The police part of council tax.', [{ term: 'MTFS', explanation: 'A plan.', publicWords: [] }])), texts))).toEqual([]);
  });

  it('all change when what every page shows changes', () => {
    expect(changed(before, keys(input(), BASE_TEXTS, { name: 'Board papers' }))).toEqual(Object.keys(before));
  });
});

describe('digestOf', () => {
  it('does not depend on the order of an object’s fields, but on the order of a list', () => {
    expect(digestOf({ a: 1, b: [1, 2] })).toBe(digestOf({ b: [1, 2], a: 1 }));
    expect(digestOf({ a: 1, b: [1, 2] })).not.toBe(digestOf({ a: 1, b: [2, 1] }));
  });
});
