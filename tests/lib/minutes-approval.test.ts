/** Whether minutes were approved: one statement, the same on the meeting's page and the minutes' page. */
import { describe, expect, it } from 'vitest';
import { buildArchive, type ArchiveInput } from '#lib/model/archive.ts';
import { approvalInWords, minutesApproval } from '#lib/model/minutes-approval.ts';
import { bodySchema, meetingSchema, minutesSchema } from '#lib/model/schema.ts';
import { formatDate } from '#lib/model/dates.ts';

/** A body's two meetings: April's minutes as given, and May's agenda listing them for approval or not. */
function archiveWith(minutes: object | undefined, mayApproves: boolean) {
  const input: ArchiveInput = {
    bodies: [bodySchema.parse({ id: 'bcb', name: 'Business Coordination Board' })],
    meetings: [
      { file: 'meetings/bcb/2018-04-12/index.mdx', data: meetingSchema.parse({ agenda: [] }) },
      {
        file: 'meetings/bcb/2018-05-10/index.mdx',
        data: meetingSchema.parse({ agenda: mayApproves ? [{ number: '3', title: 'Minutes of 12 April 2018', kind: 'minutes', minutesOf: '2018-04-12' }] : [] }),
      },
    ],
    papers: [],
    minutes: minutes ? [{ file: 'meetings/bcb/2018-04-12/minutes.mdx', data: minutesSchema.parse(minutes) }] : [],
    actionLogs: [],
    forwardPlans: [],
    decisions: [],
  };
  const archive = buildArchive(input, '2026-01-01');
  return { archive, april: archive.meetingByKey.get('bcb/2018-04-12')! };
}

const sentence = (words: ReturnType<typeof approvalInWords>) => `${words.before}${words.linkText ?? ''}${words.after}`;

describe('whether minutes were approved', () => {
  it('never says draft minutes listed on a later agenda were approved, and names that meeting', () => {
    const { archive, april } = archiveWith({ status: 'draft' }, true);
    const approval = minutesApproval(archive, april);
    expect(approval).toMatchObject({ state: 'on a later agenda', at: { key: 'bcb/2018-05-10' } });
    expect(sentence(approvalInWords(approval, formatDate))).toBe('Listed for approval at the meeting of 10 May 2018. This archive holds no record that these minutes were approved.');
  });
  it('says approved, and where, only when the minutes say so', () => {
    const { archive, april } = archiveWith({ status: 'approved', approvedAt: '2018-05-10' }, false);
    expect(sentence(approvalInWords(minutesApproval(archive, april), formatDate))).toBe('Approved at the meeting of 10 May 2018.');
    const unplaced = archiveWith({ status: 'approved' }, false);
    expect(sentence(approvalInWords(minutesApproval(unplaced.archive, unplaced.april), formatDate))).toBe('Approved.');
  });
  it('on every combination: "Approved" exactly when the minutes are approved, and the meeting named is one in the archive', () => {
    for (const minutes of [undefined, { status: 'draft' }, { status: 'approved' }, { status: 'approved', approvedAt: '2018-05-10' }]) {
      for (const mayApproves of [false, true]) {
        const { archive, april } = archiveWith(minutes, mayApproves);
        const words = approvalInWords(minutesApproval(archive, april), formatDate);
        expect(sentence(words).startsWith('Approved'), JSON.stringify({ minutes, mayApproves })).toBe(minutes?.status === 'approved');
        if (words.at) expect(archive.meetingByKey.get(words.at.key)).toBe(words.at);
        if (!minutes) expect(sentence(words)).toMatch(mayApproves ? /^Listed for approval/ : /^Not in this archive/);
      }
    }
  });
});
