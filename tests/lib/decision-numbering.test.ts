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

/**
 * Patterns an office might write: letters, then any mix of spaces and separators around the placeholders,
 * several separators side by side included ("CPCC.-{number:3}"). Seeded, so a failure can be replayed.
 */
function generatedPatterns(count: number, seed = 7): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const glue = () => Array.from({ length: 1 + next(4) }, () => [' ', '  ', '.', '-', '–', '/', ' - ', '. '][next(8)]).join('');
  return Array.from({ length: count }, () => {
    const letters = ['CPCC', 'OPCC', 'PFCC', 'Decision', 'D'][next(5)];
    const year = next(3) === 0 ? [] : [['{year}', '{yy}'][next(2)]!];
    const fields = next(2) === 0 ? [...year, `{number:${1 + next(3)}}`] : [`{number:${1 + next(3)}}`, ...year];
    return `${letters}${glue()}${fields.join(glue())}${next(2) === 0 ? glue() : ''}`;
  });
}

/** A text that nearly holds an id of the pattern many times: every run of spaces and separators padded with `width` spaces, and the number left out. */
function hostileText(pattern: string, width: number): string {
  const padded = pattern.replace(/\{[^}]*\}/g, '2019').replace(/[\s.\-–/]+/g, (glue) => glue.split('').join(' '.repeat(width)));
  return `${padded} x `.repeat(4);
}

/** The fastest of three runs, in milliseconds. */
function fastest(work: () => void): number {
  return Math.min(...[0, 1, 2].map(() => {
    const started = performance.now();
    work();
    return performance.now() - started;
  }));
}

describe('a decision numbering reads any text in time proportional to its length', () => {
  const patterns = generatedPatterns(60);

  it('compiles every pattern without two allowances for spaces side by side', () => {
    const space = String.raw`[\s\u00a0]`;
    for (const pattern of [...patterns, 'CPCC.-{number:3}', 'CPCC . - / {year} -. {number}']) {
      const source = decisionNumbering(pattern).inText.source;
      expect(source, pattern).not.toMatch(new RegExp(`${space.replace(/[[\]\\]/g, '\\$&')}[*+]${space.replace(/[[\]\\]/g, '\\$&')}[*+]`));
    }
  });

  it('still reads the ids of every generated pattern, however spaced', () => {
    for (const pattern of patterns) {
      const numbering = decisionNumbering(pattern);
      const id = numbering.example('2019', 7);
      expect(numbering.normalise(id), pattern).toBe(id);
      expect(numbering.normalise(` ${id.replace(/([.\-–/])/g, ' $1 ')} `), pattern).toBe(id);
      expect([...`Decided as ${id}, in full.`.matchAll(numbering.inText)].map((match) => match[0]), pattern).toEqual([id]);
    }
  });

  it('takes no more than about eight times as long on a text eight times as long (a backtracking one takes 64 times)', () => {
    for (const pattern of ['CPCC.-{number:3}', ...patterns.slice(0, 12)]) {
      const numbering = decisionNumbering(pattern);
      const read = (text: string) => () => {
        [...text.matchAll(numbering.inText)];
        numbering.normalise(text);
      };
      const short = fastest(read(hostileText(pattern, 2_000)));
      const long = fastest(read(hostileText(pattern, 16_000)));
      // generous: a linear reading takes about 8 times as long; the floor absorbs a timer's granularity
      expect(long, pattern).toBeLessThan(20 * short + 20);
    }
  });
});
