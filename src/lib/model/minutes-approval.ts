/**
 * Whether a meeting's minutes were approved, as the archive can show it: the one statement of it, which
 * the meeting's page and the minutes' own page both give. Minutes are draft until a later meeting approves
 * them; a later agenda that lists them for approval shows they were put forward, not that they were approved.
 */
import { approvingMeeting, type Archive, type MeetingRecord } from './archive.ts';

export type MinutesApproval =
  /** the minutes say they are approved, at the meeting given when the archive holds it */
  | { state: 'approved'; at?: MeetingRecord }
  /** draft, or not in the archive, and a later meeting's agenda lists them for approval */
  | { state: 'on a later agenda'; at: MeetingRecord }
  /** draft, and no later meeting in the archive lists them for approval */
  | { state: 'draft' }
  /** not in the archive, and no later agenda lists them */
  | { state: 'not in the archive' };

export function minutesApproval(archive: Archive, meeting: MeetingRecord): MinutesApproval {
  const at = approvingMeeting(archive, meeting);
  if (meeting.minutes?.data.status === 'approved') return at ? { state: 'approved', at } : { state: 'approved' };
  if (at) return { state: 'on a later agenda', at };
  return meeting.minutes ? { state: 'draft' } : { state: 'not in the archive' };
}

/**
 * The statement in words, around the link to the meeting it names: `before` + a link to `at` reading
 * `linkText` + `after`. The same words on every page that says it.
 */
export function approvalInWords(approval: MinutesApproval, formatDate: (date: string) => string): { before: string; at?: MeetingRecord; linkText?: string; after: string } {
  switch (approval.state) {
    case 'approved':
      return approval.at ? { before: 'Approved at the ', at: approval.at, linkText: `meeting of ${formatDate(approval.at.date)}`, after: '.' } : { before: 'Approved.', after: '' };
    case 'on a later agenda':
      return {
        before: 'Listed for approval at the ',
        at: approval.at,
        linkText: `meeting of ${formatDate(approval.at.date)}`,
        after: '. This archive holds no record that these minutes were approved.',
      };
    case 'draft':
      return { before: 'Draft. This archive holds no record that these minutes were approved.', after: '' };
    case 'not in the archive':
      return { before: 'Not in this archive.', after: '' };
  }
}
