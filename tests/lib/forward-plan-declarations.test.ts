import { describe, expect, it } from 'vitest';
import { buildArchive } from '#lib/model/archive.ts';
import { plannedDecisions, plannedDecisionLabel } from '#lib/model/forward-plan.ts';
import { declarationsByPerson, declarationsRecorded } from '#lib/model/declarations.ts';
import { bodySchema, decisionSchema, forwardPlanSchema, meetingSchema } from '#lib/model/schema.ts';

const meeting = (file: string, data: object) => ({ file, data: meetingSchema.parse(data) });
const archive = buildArchive(
  {
    bodies: [bodySchema.parse({ id: 'af', name: 'Accountability Forum' }), bodySchema.parse({ id: 'pfcp', name: 'Police, Fire and Crime Panel' })],
    meetings: [
      meeting('meetings/af/2021-03-04/index.mdx', { agenda: [{ number: '5', title: 'Estates' }], declarations: [{ name: 'Councillor R Jones', item: '5', interest: 'A trustee of a charity named in the report' }] }),
      meeting('meetings/af/2021-06-10/index.mdx', { declarations: [{ name: 'councillor  R. Jones', interest: 'Employed by a partner agency' }, { name: 'A Smith', interest: 'A tenant of the estate' }] }),
      meeting('meetings/pfcp/2021-07-14/index.mdx', { declarations: 'none' }),
      meeting('meetings/pfcp/2021-09-14/index.mdx', {}),
    ],
    papers: [],
    minutes: [],
    actionLogs: [],
    forwardPlans: [
      {
        file: 'meetings/pfcp/2021-07-14/forward-plan.yaml',
        data: forwardPlanSchema.parse({
          title: 'Forward plan',
          planned: [
            { area: 'ESTATES', subject: 'To agree the sale of the old station', decisions: ['PFCC/046/21'] },
            { subject: 'To agree the precept', decisions: ['PFCC/099/21'] },
          ],
        }),
      },
      { file: 'meetings/pfcp/2021-09-14/forward-plan.yaml', data: forwardPlanSchema.parse({ title: 'Draft plan', draft: true, planned: [{ subject: 'Hidden' }] }) },
    ],
    decisions: [
      { file: 'decisions/2021/pfcc-046-21.mdx', data: decisionSchema.parse({ id: 'PFCC/046/21', title: 'Sale of the old station', date: '2021-08-01' }) },
      { file: 'decisions/2021/pfcc-099-21.mdx', data: decisionSchema.parse({ id: 'PFCC/099/21', title: 'Precept', date: '2021-08-02', draft: true }) },
    ],
    site: { decisionNumbering: 'PFCC/{number:3}/{yy}' },
  },
  '2026-01-01',
);

describe('forward plans of decisions', () => {
  it('links a planned decision to its published decision, and leaves one whose decision is not public awaiting', () => {
    const rows = plannedDecisions(archive);
    expect(rows.map((row) => [plannedDecisionLabel(row.planned), row.decisions.map((decision) => decision.path)])).toEqual([
      ['ESTATES: To agree the sale of the old station', ['decisions/pfcc-046-21/']],
      ['To agree the precept', []],
    ]);
    expect(rows[0]!.plan.path).toBe('pfcp/2021-07-14/forward-plan/');
  });
  it('never publishes a draft plan', () => {
    expect(archive.forwardPlans.map((plan) => plan.key)).toEqual(['pfcp/2021-07-14/forward-plan']);
    expect(archive.meetingByKey.get('pfcp/2021-09-14')!.forwardPlan).toBeUndefined();
  });
});

describe('declarations of interest', () => {
  it('gathers each person’s declarations across meetings, however the name is spaced or stopped', () => {
    expect(declarationsByPerson(archive).map((person) => [person.name, person.declarations.map(({ meeting, declaration }) => `${meeting.key} ${declaration.item ?? '-'}`)])).toEqual([
      ['A Smith', ['af/2021-06-10 -']],
      ['Councillor R Jones', ['af/2021-03-04 5', 'af/2021-06-10 -']],
    ]);
  });
  it('tells none declared from not recorded', () => {
    expect(archive.meetings.map((entry) => declarationsRecorded(entry))).toEqual(['some', 'some', 'none', 'not recorded']);
  });
});
