import { describe, expect, it } from 'vitest';
import { decisionNumbering, readNumberingPattern } from '#lib/model/decision-numbering.ts';

const idsIn = (pattern: string, text: string) => [...text.matchAll(decisionNumbering(pattern).inText)].map((match) => match[0]);

describe('an office’s decision numbering', () => {
  it('reads ids as the papers print them into their normal form', () => {
    const cpcc = decisionNumbering('CPCC {year}-{number:3}');
    expect(cpcc.normalise('CPCC 2017-19')).toBe('CPCC 2017-019');
    expect(cpcc.normalise('cpcc 2017 – 8')).toBe('CPCC 2017-008');
    expect(cpcc.normalise('CPCC 2017-020')).toBe('CPCC 2017-020');
    expect(cpcc.normalise('2017-020')).toBeUndefined();
    const pfcc = decisionNumbering('PFCC/{number:3}/{yy}');
    expect(pfcc.normalise('pfcc / 45 / 21')).toBe('PFCC/045/21');
    expect(pfcc.normalise('PFCC/045/2021')).toBeUndefined();
    const plain = decisionNumbering('Decision {year}/{number}');
    expect(plain.normalise('Decision 2021/045')).toBe('Decision 2021/45');
  });
  it('finds ids in a text, however they are spaced, and not inside longer words or numbers', () => {
    expect(idsIn('CPCC {year}-{number:3}', 'Decision Record – CPCC 2017-008 and CPCC\u00a02017 – 19; XCPCC 2017-001, CPCC 2017-0201x')).toEqual(['CPCC 2017-008', 'CPCC\u00a02017 – 19']);
    expect(idsIn('PFCC/{number:3}/{yy}', 'see PFCC/045/21 and PFCC / 7 / 22, not PFCC/045/2021')).toEqual(['PFCC/045/21', 'PFCC / 7 / 22']);
  });
  it('says the year an id names, and gives examples in normal form', () => {
    expect(decisionNumbering('PFCC/{number:3}/{yy}').yearOf('PFCC/045/21')).toBe('2021');
    expect(decisionNumbering('CPCC {year}-{number:3}').yearOf('CPCC 2017-020')).toBe('2017');
    expect(decisionNumbering('Decision {number}').yearOf('Decision 45')).toBeUndefined();
    expect(decisionNumbering('CPCC {year}-{number:3}').example('2019', 7)).toBe('CPCC 2019-007');
    expect(decisionNumbering('CPCC {year}-{number:3}').marker).toBe('CPCC');
  });
  it('refuses a pattern it could not read, saying why', () => {
    expect(readNumberingPattern('{year}-{number}')).toEqual({ problem: expect.stringContaining('does not start with letters') });
    expect(readNumberingPattern('CPCC {year}{number}')).toEqual({ problem: expect.stringContaining('two placeholders side by side') });
    expect(readNumberingPattern('CPCC {year}')).toEqual({ problem: expect.stringContaining('needs {number} once') });
    expect(readNumberingPattern('CPCC (.*) {number}')).toEqual({ problem: expect.stringContaining('holds characters a decision id cannot') });
    expect(readNumberingPattern('CPCC {year} {yy} {number}')).toEqual({ problem: expect.stringContaining('names the year twice') });
    expect(() => decisionNumbering('CPCC {year}')).toThrow('needs {number} once');
  });
});
