import { describe, expect, it } from 'vitest';
import { buildActionHistories, isOpenAction } from '../../src/lib/actions.ts';
import type { ActionRow } from '../../src/lib/schema.ts';

const row = (number: string, raised: string, status: ActionRow['status'], update?: string): ActionRow => ({ number, raised, action: `Action ${number}`, status, update });

describe('action histories', () => {
  const histories = buildActionHistories([
    { body: 'bcb', meetingKey: 'bcb/2019-06-11', meetingDate: '2019-06-11', rows: [row('1.0', '2019-02-28', 'Closed'), row('4.0', '2019-04-19', 'Ongoing', 'Update June')] },
    { body: 'bcb', meetingKey: 'bcb/2019-05-16', meetingDate: '2019-05-16', rows: [row('4.0', '2019-04-19', 'Open', 'Update May'), row('3.0', '2019-02-28', 'Ongoing')] },
    // a new series restarts the numbering: same number, different date raised
    { body: 'bcb', meetingKey: 'bcb/2018-05-10', meetingDate: '2018-05-10', rows: [row('4.0', '2018-04-12', 'Open')] },
  ]);
  const byKey = new Map(histories.map((history) => [history.key, history]));

  it('keys an action by body, date raised and number', () => {
    expect([...byKey.keys()]).toEqual(['bcb/2018-04-12/4.0', 'bcb/2019-02-28/1.0', 'bcb/2019-02-28/3.0', 'bcb/2019-04-19/4.0']);
  });
  it('keeps every snapshot in meeting order', () => {
    const history = byKey.get('bcb/2019-04-19/4.0')!;
    expect(history.snapshots.map((snapshot) => [snapshot.meetingDate, snapshot.row.status, snapshot.row.update])).toEqual([
      ['2019-05-16', 'Open', 'Update May'],
      ['2019-06-11', 'Ongoing', 'Update June'],
    ]);
    expect(history.status).toBe('Ongoing');
    expect(isOpenAction(history)).toBe(true);
  });
  it('shows an action that a later log drops without closing it', () => {
    const dropped = byKey.get('bcb/2019-02-28/3.0')!;
    expect(dropped.droppedWithoutClosing).toBe(true);
    expect(dropped.droppedAfter).toBe('2019-06-11');
    expect(isOpenAction(dropped)).toBe(false);
    expect(byKey.get('bcb/2018-04-12/4.0')!.droppedWithoutClosing).toBe(true);
  });
  it('does not call a closed action dropped', () => {
    expect(byKey.get('bcb/2019-02-28/1.0')!.droppedWithoutClosing).toBe(false);
  });
});
