import { describe, expect, it } from 'vitest';
import { decisionSlug, locateContentFile, normaliseDecisionId, paperSegment, withBase } from '../../src/lib/paths.ts';

describe('ids and addresses', () => {
  it('normalises decision ids to three digits', () => {
    expect(normaliseDecisionId('CPCC 2017-19')).toBe('CPCC 2017-019');
    expect(normaliseDecisionId('CPCC 2017-020')).toBe('CPCC 2017-020');
    expect(normaliseDecisionId('cpcc 2017 – 8')).toBe('CPCC 2017-008');
    expect(() => normaliseDecisionId('2017-020')).toThrow();
  });
  it('makes a decision address from its id', () => {
    expect(decisionSlug('CPCC 2017-020')).toBe('cpcc-2017-020');
  });
  it('derives body, date and kind from where a file sits', () => {
    expect(locateContentFile('meetings/bcb/2019-06-11/index.mdx')).toEqual({ kind: 'meeting', body: 'bcb', date: '2019-06-11' });
    expect(locateContentFile('meetings/bcb/2019-06-11/05-fms.mdx')).toEqual({ kind: 'paper', body: 'bcb', date: '2019-06-11', stem: '05-fms' });
    expect(locateContentFile('meetings/pcp/2017-09-06/minutes.mdx').kind).toBe('minutes');
    expect(locateContentFile('meetings/bcb/2019-06-11/action-log.yaml').kind).toBe('action-log');
    expect(locateContentFile('decisions/2017/cpcc-2017-020.mdx')).toEqual({ kind: 'decision', date: '2017', stem: 'cpcc-2017-020' });
    expect(locateContentFile('papers/stray.mdx').kind).toBe('unknown');
  });
  it('addresses a paper from its own file alone: its own address, else its agenda item, else its file name', () => {
    expect(paperSegment('09-serious-violence', '9.0')).toBe('9');
    expect(paperSegment('08-1-actions', '8.1')).toBe('8.1');
    expect(paperSegment('11-b', '11', '11-annex')).toBe('11-annex');
    expect(paperSegment('dvi-s22a-agreement', undefined)).toBe('dvi-s22a-agreement');
  });
  it('puts every link under the base the site is served from', () => {
    expect(withBase('/', 'bcb/')).toBe('/bcb/');
    expect(withBase('/papers', 'bcb/2019-06-11/')).toBe('/papers/bcb/2019-06-11/');
    expect(withBase('/papers/', '/search/')).toBe('/papers/search/');
    expect(withBase('/papers/', '')).toBe('/papers/');
  });
});
