/**
 * Not public means not named: a public record that points at one that is not public (a decision at a draft
 * or embargoed meeting or at the paper of an exempt item, a forward plan at a draft decision, minutes at an
 * embargoed meeting that approved them) publishes no address, title or date of it in any output; the
 * check warns of each. Tried for every way a record can be kept off the site.
 */
import { describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { buildArchive, type ArchiveInput } from '#lib/model/archive.ts';
import { bodySchema, decisionSchema, forwardPlanSchema, meetingSchema, minutesSchema, paperSchema } from '#lib/model/schema.ts';
import { actionRecords, csvTables, decisionRecords, declarationRecords, meetingRecords, paperRecords, plannedDecisionRecords } from '#lib/outputs/open-data.ts';
import { decisionFeedItems, paperFeedItems, rssOptions } from '#lib/outputs/feeds.ts';
import { meetingsCalendar } from '#lib/outputs/calendar.ts';
import { movedPages } from '#lib/outputs/moved-pages.ts';
import { meetingPublication } from '#lib/model/statutory.ts';
import { plannedDecisions } from '#lib/model/forward-plan.ts';
import { unpublishedReferences } from '#lib/check/unpublished-references.ts';
import { formatProblem } from '#lib/check/check.ts';

const TODAY = '2026-01-01';
type Hiding = 'draft' | 'embargoed';
const hidden = (how: Hiding) => (how === 'draft' ? { draft: true } : { published: '2027-01-01' });

/**
 * An archive whose public decision CPCC 2019-001 names a meeting, a notifying meeting and papers that are
 * not public, each kept off the site in the given way, and whose public forward plan names a decision that is not.
 */
function archiveInput(meetingHiding: Hiding, paperHiding: Hiding | 'exempt' | 'meeting', decisionHiding: Hiding): ArchiveInput {
  return {
    bodies: [bodySchema.parse({ id: 'bcb', name: 'Business Coordination Board' }), bodySchema.parse({ id: 'pcp', name: 'Police and Crime Panel' })],
    meetings: [
      {
        file: 'meetings/bcb/2019-06-11/index.mdx',
        data: meetingSchema.parse({
          venue: 'Room 3',
          agenda: [
            { number: '5', title: 'Estates' },
            { number: '6', title: 'Budget' },
            { number: '9', title: 'HIDDEN-ITEM-TITLE-IS-PUBLIC', exempt: paperHiding === 'exempt' ? { reason: 'Schedule 12A paragraph 3' } : undefined },
          ].map(({ exempt, ...item }) => (exempt ? { ...item, exempt } : item)),
        }),
      },
      { file: 'meetings/bcb/2027-03-04/index.mdx', data: meetingSchema.parse({ title: 'HIDDEN-MEETING', venue: 'HIDDEN-VENUE', time: '10:00', ...hidden(meetingHiding) }) },
      { file: 'meetings/pcp/2019-07-01/index.mdx', data: meetingSchema.parse({ title: 'HIDDEN-PANEL', venue: 'HIDDEN-VENUE', ...hidden(meetingHiding), agenda: [{ number: '4', title: 'Decisions notified' }] }) },
    ],
    papers: [
      { file: 'meetings/bcb/2019-06-11/05-estates.mdx', data: paperSchema.parse({ title: 'Estates strategy', item: '5', recommendations: ['To note.'] }) },
      {
        file: paperHiding === 'meeting' ? 'meetings/pcp/2019-07-01/04-hidden.mdx' : 'meetings/bcb/2019-06-11/09-hidden.mdx',
        data: paperSchema.parse({
          title: 'HIDDEN-PAPER',
          item: paperHiding === 'meeting' ? '4' : '9',
          formerAddresses: ['09-hidden-before'],
          recommendations: ['HIDDEN-RECOMMENDATION'],
          ...(paperHiding === 'draft' || paperHiding === 'embargoed' ? hidden(paperHiding) : {}),
        }),
      },
    ],
    minutes: [{ file: 'meetings/bcb/2019-06-11/minutes.mdx', data: minutesSchema.parse({ status: 'approved', approvedAt: '2027-03-04' }) }],
    actionLogs: [],
    forwardPlans: [
      { file: 'meetings/bcb/2019-06-11/forward-plan.yaml', data: forwardPlanSchema.parse({ title: 'Forward plan', planned: [{ subject: 'Estates', decisions: ['CPCC 2019-001', 'CPCC 2019-077'] }] }) },
    ],
    decisions: [
      {
        file: 'decisions/2019/cpcc-2019-001.mdx',
        data: decisionSchema.parse({
          id: 'CPCC 2019-001',
          title: 'Estates strategy agreed',
          date: '2019-06-12',
          meeting: 'bcb/2027-03-04',
          notified: 'pcp/2019-07-01',
          papers: ['bcb/2019-06-11/5', paperHiding === 'meeting' ? 'pcp/2019-07-01/4' : 'bcb/2019-06-11/9'],
        }),
      },
      { file: 'decisions/2019/cpcc-2019-077.mdx', data: decisionSchema.parse({ id: 'CPCC 2019-077', title: 'HIDDEN-DECISION', date: '2019-09-09', ...hidden(decisionHiding) }) },
    ],
    site: { decisionNumbering: 'CPCC {year}-{number:3}' },
  };
}

/** Whatever names a record that is not public: its address, title, date (as written and as shown), id. */
const NAMES_OF_HIDDEN = [
  'bcb/2027-03-04', '2027-03-04', '4 March 2027', 'pcp/2019-07-01', '2019-07-01', '1 July 2019',
  'bcb/2019-06-11/9', 'pcp/2019-07-01/4', '09-hidden', 'HIDDEN-MEETING', 'HIDDEN-PANEL', 'HIDDEN-VENUE', 'HIDDEN-PAPER', 'HIDDEN-RECOMMENDATION',
  'CPCC 2019-077', 'cpcc-2019-077', 'HIDDEN-DECISION', '2019-09-09', '9 September 2019',
];

/** Every output the site writes from the archive besides its pages, as text. */
async function everyOutput(input: ArchiveInput): Promise<Record<string, string>> {
  const archive = buildArchive(input, TODAY);
  const href = (path: string) => `https://papers.example.org/${path}`;
  const feed = (items: Parameters<typeof rssOptions>[0]['items']) => getRssString(rssOptions({ title: 'Feed', description: 'Feed', items }, href));
  const json = (value: unknown) => JSON.stringify(value);
  return {
    'meetings.json': json(meetingRecords(archive, href)),
    'papers.json': json(paperRecords(archive, href)),
    'decisions.json': json(decisionRecords(archive, href)),
    'actions.json': json(actionRecords(archive)),
    'declarations.json': json(declarationRecords(archive, href)),
    'planned-decisions.json': json(plannedDecisionRecords(archive, href)),
    ...Object.fromEntries(Object.entries(csvTables(archive, href)).map(([name, csv]) => [`${name}.csv`, csv])),
    'feeds/papers.xml': await feed(paperFeedItems(archive)),
    'feeds/decisions.xml': await feed(decisionFeedItems(archive)),
    ...Object.fromEntries(await Promise.all(archive.bodies.flatMap((body) => [
      feed(paperFeedItems(archive, body.id)).then((xml) => [`${body.id}/papers.xml`, xml]),
      feed(decisionFeedItems(archive, body.id)).then((xml) => [`${body.id}/decisions.xml`, xml]),
    ]))),
    'calendar.ics': meetingsCalendar(archive.meetings, { name: 'Meetings', absoluteUrl: href, uidDomain: 'papers.example.org' }),
    'moved pages': json(movedPages(archive)),
    // what the pages read: each record's data, the statutory summaries and the planned decisions
    'records the pages read': json({
      decisions: archive.decisions.map((decision) => decision.data),
      minutes: archive.minutes.map((minutes) => minutes.data),
      plans: archive.forwardPlans.map((plan) => plan.data),
      publication: archive.meetings.map((meeting) => meetingPublication(archive, meeting)),
      planned: plannedDecisions(archive).map((row) => ({ planned: row.planned, decisions: row.decisions.map((decision) => decision.data.id) })),
    }),
  };
}

const CASES = (['draft', 'embargoed'] as const).flatMap((meeting) =>
  (['draft', 'embargoed', 'exempt', 'meeting'] as const).flatMap((paper) => (['draft', 'embargoed'] as const).map((decision) => [meeting, paper, decision] as const)),
);

describe('a public record that points at one that is not public', () => {
  it.each(CASES)('names it in no output (meeting %s, paper %s, decision %s)', async (meetingHiding, paperHiding, decisionHiding) => {
    const input = archiveInput(meetingHiding, paperHiding, decisionHiding);
    const outputs = await everyOutput(input);
    // the public records are there
    expect(outputs['decisions.json']).toContain('CPCC 2019-001');
    expect(outputs['papers.json']).toContain('Estates strategy');
    expect(outputs['decisions.csv']).toContain('bcb/2019-06-11/5');
    const leaks = Object.entries(outputs).flatMap(([name, text]) => NAMES_OF_HIDDEN.filter((hiddenName) => text.includes(hiddenName)).map((hiddenName) => `${name}: ${hiddenName}`));
    expect(leaks).toEqual([]);
    // a body's decision feed does not list a decision for a meeting of that body that is not public
    expect(decisionFeedItems(buildArchive(input, TODAY), 'pcp')).toEqual([]);
  });

  it.each(CASES)('is named by the check as a warning, with the file and the field (meeting %s, paper %s, decision %s)', (meetingHiding, paperHiding, decisionHiding) => {
    const warnings = unpublishedReferences(archiveInput(meetingHiding, paperHiding, decisionHiding), TODAY).map(formatProblem);
    const paperAddress = paperHiding === 'meeting' ? 'pcp/2019-07-01/4' : 'bcb/2019-06-11/9';
    const meetingWhy = meetingHiding === 'draft' ? 'a draft' : 'embargoed until 2027-01-01';
    const paperWhy = { draft: 'a draft', embargoed: 'embargoed until 2027-01-01', exempt: 'under an exempt agenda item', meeting: `its meeting is ${meetingWhy}` }[paperHiding];
    const expected = (file: string, field: string, found: string, why: string) =>
      `content/${file} ${field}: names "${found}", which is not public (${why}); the site does not name it anywhere until it is published, so this reference is left out`;
    expect(warnings.sort()).toEqual(
      [
        expected('decisions/2019/cpcc-2019-001.mdx', 'meeting', 'bcb/2027-03-04', meetingWhy),
        expected('decisions/2019/cpcc-2019-001.mdx', 'notified', 'pcp/2019-07-01', meetingWhy),
        expected('decisions/2019/cpcc-2019-001.mdx', 'papers[1]', paperAddress, paperWhy),
        expected('meetings/bcb/2019-06-11/forward-plan.yaml', 'planned[0].decisions[1]', 'CPCC 2019-077', decisionHiding === 'draft' ? 'a draft' : 'embargoed until 2027-01-01'),
        expected('meetings/bcb/2019-06-11/minutes.mdx', 'approvedAt', '2027-03-04', meetingWhy),
      ].sort(),
    );
  });

  it.each(CASES)('cited in a public text, is warned of with the line (meeting %s, paper %s, decision %s)', (meetingHiding, paperHiding, decisionHiding) => {
    const text = '\n\n1.1 See the minutes of the meeting held on 4th March 2027.\n\n1.2 Decision Record – CPCC 2019-077 followed.\n';
    const textOf = (file: string) => (file === 'meetings/bcb/2019-06-11/05-estates.mdx' ? text : undefined);
    const warnings = unpublishedReferences(archiveInput(meetingHiding, paperHiding, decisionHiding), TODAY, 'content/', textOf).map(formatProblem).filter((warning) => warning.includes(' cites '));
    expect(warnings).toEqual([
      expect.stringMatching(/^content\/meetings\/bcb\/2019-06-11\/05-estates\.mdx:3 cites "[^"]*4th March 2027" \(bcb\/2027-03-04\), which is not public \((a draft|embargoed until 2027-01-01)\); the site shows these words and links them nowhere/),
      expect.stringMatching(/^content\/meetings\/bcb\/2019-06-11\/05-estates\.mdx:5 cites "CPCC 2019-077" \(CPCC 2019-077\), which is not public/),
    ]);
    expect(unpublishedReferences(archiveInput(meetingHiding, paperHiding, decisionHiding), '2028-01-01', 'content/', textOf).filter((warning) => warning.message.includes(' cites '))).toEqual([]);
  });

  it('is named, and warned of by no one, once it is public', async () => {
    const input = archiveInput('embargoed', 'embargoed', 'embargoed');
    const later = buildArchive(input, '2027-06-01');
    expect(decisionRecords(later, (path) => path)[1]).toMatchObject({ id: 'CPCC 2019-001', meeting: 'bcb/2027-03-04', notified: 'pcp/2019-07-01', papers: ['bcb/2019-06-11/5', 'bcb/2019-06-11/9'] });
    expect(unpublishedReferences(input, '2027-06-01')).toEqual([]);
  });
});
