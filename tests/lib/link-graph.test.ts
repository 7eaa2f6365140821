import { describe, expect, it } from 'vitest';
import { buildArchive } from '#lib/model/archive.ts';
import { buildLinkGraph, resolveCitation } from '#lib/text/link-graph.ts';
import { meetingSchema, paperSchema, decisionSchema, bodySchema } from '#lib/model/schema.ts';

const archive = buildArchive(
  {
    bodies: [bodySchema.parse({ id: 'bcb', name: 'Business Coordination Board', aliases: ['BCB'] }), bodySchema.parse({ id: 'pcp', name: 'Police and Crime Panel', aliases: ['the Panel'] })],
    meetings: [
      { file: 'meetings/bcb/2017-09-21/index.mdx', data: meetingSchema.parse({ agenda: [{ number: '11.0', title: 'IMHT' }, { number: '12', title: 'Other', kind: 'verbal' }] }) },
      { file: 'meetings/pcp/2017-11-15/index.mdx', data: meetingSchema.parse({ agenda: [{ number: '9', title: 'Decisions' }] }) },
    ],
    papers: [
      { file: 'meetings/bcb/2017-09-21/11-imht.mdx', data: paperSchema.parse({ title: 'Integrated Mental Health Team', item: '11.0' }) },
      { file: 'meetings/pcp/2017-11-15/09-decisions.mdx', data: paperSchema.parse({ title: 'Decisions report', item: '9' }) },
    ],
    minutes: [],
    actionLogs: [],
    forwardPlans: [],
    decisions: [{ file: 'decisions/2017/cpcc-2017-020.mdx', data: decisionSchema.parse({ id: 'CPCC 2017-020', title: 'IMHT', date: '2017-09-21' }) }],
    site: { decisionNumbering: 'CPCC {year}-{number:3}' },
  },
  '2026-01-01',
);

describe('resolving citations', () => {
  it('leads to the paper of a cited item, or to the meeting when the item has none', () => {
    expect(resolveCitation({ kind: 'agenda-item', body: 'bcb', date: '2017-09-21', items: ['11'] }, archive)).toEqual({ path: 'bcb/2017-09-21/11/', label: expect.any(String) });
    expect(resolveCitation({ kind: 'agenda-item', body: 'bcb', date: '2017-09-21', items: ['12'] }, archive)).toEqual({ path: 'bcb/2017-09-21/#item-12', label: expect.any(String) });
  });
  it('names what is missing from the archive', () => {
    expect(resolveCitation({ kind: 'decision', id: 'CPCC 2017-008' }, archive)).toEqual({ missing: 'decision:cpcc-2017-008', label: 'Decision CPCC 2017-008' });
    expect(resolveCitation({ kind: 'agenda-item', body: 'bcb', date: '2017-08-07', items: ['8'] }, archive)).toEqual({
      missing: 'item:bcb/2017-08-07#8',
      label: 'Business Coordination Board, 7 August 2017, agenda item 8',
    });
  });
});

describe('the link graph', () => {
  const graph = buildLinkGraph(
    [
      { path: 'pcp/2017-11-15/9/', title: 'Decisions report', body: 'pcp', meetingKey: 'pcp/2017-11-15', text: 'Decision CPCC 2017-020 was taken. See also CPCC 2017-008 and CPCC 2017-020 again.' },
      { path: 'decisions/cpcc-2017-020/', title: 'CPCC 2017-020', text: 'Considered at Agenda Item 11.0, Business Coordination Board, 21st September 2017.' },
    ],
    archive,
  );
  it('lists each citing page once under "cited by", with the sentence', () => {
    expect(graph.citedBy.get('decisions/cpcc-2017-020/')).toEqual([{ path: 'pcp/2017-11-15/9/', title: 'Decisions report', context: 'Decision CPCC 2017-020 was taken.' }]);
    expect(graph.citedBy.get('bcb/2017-09-21/11/')?.map((entry) => entry.path)).toEqual(['decisions/cpcc-2017-020/']);
  });
  it('lists the gaps with who cites them, and counts every citation', () => {
    expect(graph.gaps.map((gap) => [gap.label, gap.citedBy.map((entry) => entry.path)])).toEqual([['Decision CPCC 2017-008', ['pcp/2017-11-15/9/']]]);
    expect(graph.counts).toEqual({ citations: 4, resolved: 3, missing: 1 });
  });
});
