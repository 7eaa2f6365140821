import { describe, expect, it } from 'vitest';
import {
  buildActionHistories,
  changesBetween,
  countTargetMoves,
  daysBetween,
  describeChange,
  describeDuration,
  describeTargetMoves,
  isOpenAction,
  openDuration,
  recordRow,
  wholeMonthsBetween,
  type ActionLogSnapshot,
} from '#lib/model/actions.ts';
import type { ActionRow } from '#lib/model/schema.ts';

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

describe('an action followed across a log with statuses and a later log without them', () => {
  // the log of 11 June 2019 prints a status for every row
  const june: ActionLogSnapshot = {
    body: 'bcb',
    meetingKey: 'bcb/2019-06-11',
    meetingDate: '2019-06-11',
    rows: [
      { number: '1.0', raised: '2019-02-28', item: '5.3', action: 'Reports to highlight outcomes', owner: 'Constabulary', target: '2019-05-16', update: 'Request noted.', status: 'Closed', note: 'Agenda item printed as "05/01/1900".' },
      { number: '4.0', raised: '2019-04-19', item: '8.1', action: 'Paper on estates', owner: 'OPCC', target: '2019-07-31', update: 'Paper due in July.', status: 'Open' },
    ],
  };
  // the log of 14 November 2019 has no status column; it moves 4.0's target, changes its owner and its update
  const november: ActionLogSnapshot = {
    body: 'bcb',
    meetingKey: 'bcb/2019-11-14',
    meetingDate: '2019-11-14',
    rows: [
      { number: '1.0', raised: '2019-02-28', item: '5.3', action: 'Reports to highlight outcomes', owner: 'Constabulary', target: '2019-05-16', update: 'Request noted.' },
      { number: '4.0', raised: '2019-04-19', item: '8.1', action: 'Paper on estates', owner: 'Constabulary', target: '2019-11-14', update: 'Paper deferred to November.' },
      { number: '6.0', raised: '2019-10-03', item: '4', action: 'Review the risk register', owner: 'OPCC', target: 'End of the financial year' },
    ],
  };
  const histories = buildActionHistories([november, june]);
  const byNumber = new Map(histories.map((history) => [history.number, history]));
  const closed = byNumber.get('1.0')!;
  const moved = byNumber.get('4.0')!;

  it('keeps an action closed when a later log gives no status, and does not list it as open', () => {
    expect(closed.status).toBe('Closed');
    expect(isOpenAction(closed)).toBe(false);
    expect(closed.droppedWithoutClosing).toBe(false);
    expect(histories.filter(isOpenAction).map((history) => history.number)).toEqual(['4.0', '6.0']);
  });
  it('names the log the status comes from', () => {
    expect(closed.statusRecordedIn).toEqual({ meetingKey: 'bcb/2019-06-11', meetingDate: '2019-06-11' });
    expect(moved.status).toBe('Open');
    expect(moved.statusRecordedIn?.meetingDate).toBe('2019-06-11');
    expect(byNumber.get('6.0')!.status).toBeUndefined();
    expect(byNumber.get('6.0')!.statusRecordedIn).toBeUndefined();
  });
  it('says in words what changed between the two logs', () => {
    const sentences = moved.snapshots.map((snapshot) => snapshot.changes.map(describeChange));
    expect(sentences).toEqual([[], ['Target moved from 31 July 2019 to 14 November 2019', 'Owner changed from OPCC to Constabulary', 'Update text changed']]);
  });
  it('reports no change for a row that a later log repeats without its status', () => {
    expect(closed.snapshots.map((snapshot) => snapshot.changes)).toEqual([[], []]);
  });
  it('keeps each row note with the snapshot it belongs to', () => {
    expect(closed.snapshots.map((snapshot) => [snapshot.meetingDate, snapshot.row.note])).toEqual([
      ['2019-06-11', 'Agenda item printed as "05/01/1900".'],
      ['2019-11-14', undefined],
    ]);
  });
  it('counts how many times the target moved', () => {
    expect(countTargetMoves(moved)).toBe(1);
    expect(countTargetMoves(closed)).toBe(0);
    expect(countTargetMoves(byNumber.get('6.0')!)).toBe(0);
    expect([0, 1, 3].map(describeTargetMoves)).toEqual(['Target never moved', 'Target moved once', 'Target moved 3 times']);
  });
  it('gives how long an action has been open, from the date raised to the latest log that lists it, naming the unit', () => {
    // 19 April 2019 to 14 November 2019: 209 days, six whole months
    expect(openDuration(moved)).toBe('6 months');
    // 3 October 2019 to 14 November 2019
    expect(openDuration(byNumber.get('6.0')!)).toBe('42 days');
  });
  it('does not call an action dropped when its last recorded status was Closed, even if the log after it printed none', () => {
    const january: ActionLogSnapshot = { body: 'bcb', meetingKey: 'bcb/2020-01-16', meetingDate: '2020-01-16', rows: [] };
    const later = new Map(buildActionHistories([june, november, january]).map((history) => [history.number, history]));
    expect(later.get('1.0')!.droppedWithoutClosing).toBe(false);
    expect(later.get('4.0')!).toMatchObject({ droppedWithoutClosing: true, droppedAfter: '2020-01-16', status: 'Open' });
  });
});

describe('changes in words', () => {
  const row: ActionRow = { number: '4.0', raised: '2019-04-19', action: 'Paper on estates' };
  it('words a status change, and a first status', () => {
    expect(changesBetween({ status: 'Open' }, { ...row, status: 'Closed' }).map(describeChange)).toEqual(['Status changed from Open to Closed']);
    expect(changesBetween({}, { ...row, status: 'Ongoing' }).map(describeChange)).toEqual(['Status set to Ongoing']);
  });
  it('prints a target that is not a date as it was printed', () => {
    expect(changesBetween({ target: 'End of March' }, { ...row, target: '2020-04-30' }).map(describeChange)).toEqual(['Target moved from End of March to 30 April 2020']);
    expect(changesBetween({}, { ...row, target: 'TBC' }).map(describeChange)).toEqual(['Target set to TBC']);
  });
  it('words an owner and an update given for the first time', () => {
    expect(changesBetween({ target: '2019-07-31' }, { ...row, owner: 'OPCC', update: 'Started.', target: '2019-07-31' }).map(describeChange)).toEqual(['Owner set to OPCC', 'Update text added']);
  });
  it('compares a later log with the value last recorded, not with a log that left the field out', () => {
    const recorded = recordRow(recordRow({}, { ...row, status: 'Open', target: '2019-07-31' }), row);
    expect(recorded).toMatchObject({ status: 'Open', target: '2019-07-31' });
    expect(changesBetween(recorded, { ...row, status: 'Closed', target: '2019-07-31' }).map(describeChange)).toEqual(['Status changed from Open to Closed']);
  });
});

describe('durations', () => {
  it('counts days, and whole calendar months', () => {
    expect(daysBetween('2019-02-28', '2019-03-01')).toBe(1);
    expect(daysBetween('2019-03-30', '2019-03-31')).toBe(1); // across the change to summer time
    expect(wholeMonthsBetween('2019-02-28', '2019-11-14')).toBe(8);
    expect(wholeMonthsBetween('2019-02-28', '2019-11-28')).toBe(9);
  });
  it('names the unit: days below two months, whole months from then on', () => {
    expect(describeDuration('2019-06-11', '2019-06-12')).toBe('1 day');
    expect(describeDuration('2019-06-11', '2019-08-11')).toBe('61 days');
    expect(describeDuration('2019-06-11', '2019-08-12')).toBe('2 months');
    expect(describeDuration('2018-05-10', '2019-06-11')).toBe('13 months');
  });
});
