import { describe, expect, it } from 'vitest';
import { compareAgendaNumbers, findAgendaItem, flattenAgenda, normaliseAgendaNumber, sameAgendaNumber } from '#lib/model/agenda.ts';

interface Item {
  number: string;
  items: Item[];
}
const item = (number: string, items: Item[] = []): Item => ({ number, items });

describe('agenda numbers', () => {
  it('treats "5" and "5.0" as the same item', () => {
    expect(normaliseAgendaNumber('5.0')).toBe('5');
    expect(normaliseAgendaNumber('5')).toBe('5');
    expect(sameAgendaNumber('5', '5.0')).toBe(true);
  });
  it('keeps sub-items distinct', () => {
    expect(normaliseAgendaNumber('8.1')).toBe('8.1');
    expect(normaliseAgendaNumber('08.10')).toBe('8.10');
    expect(sameAgendaNumber('8', '8.1')).toBe(false);
  });
  it('refuses what is not an agenda number', () => {
    expect(() => normaliseAgendaNumber('5a')).toThrow(/not an agenda number/);
    expect(() => normaliseAgendaNumber('')).toThrow();
  });
  it('orders numbers as an agenda does', () => {
    expect(['10', '8.1', '2', '8'].sort(compareAgendaNumbers)).toEqual(['2', '8', '8.1', '10']);
  });
  it('flattens sub-items after their parent', () => {
    const agenda = [item('7'), item('8', [item('8.0'), item('8.1')]), item('9')];
    expect(flattenAgenda(agenda).map((entry) => entry.number)).toEqual(['7', '8', '8.0', '8.1', '9']);
  });
  it('gives a paper numbered 8.0 to the sub-item 8.0, not its parent 8', () => {
    const agenda = [item('8', [item('8.0'), item('8.1')])];
    expect(findAgendaItem(agenda, '8.0')?.number).toBe('8.0');
    expect(findAgendaItem(agenda, '8')?.number).toBe('8.0');
    expect(findAgendaItem(agenda, '8.1')?.number).toBe('8.1');
    expect(findAgendaItem(agenda, '9')).toBeUndefined();
  });
  it('finds "5.0" on an agenda that prints "5"', () => {
    expect(findAgendaItem([item('5')], '5.0')?.number).toBe('5');
  });
});
