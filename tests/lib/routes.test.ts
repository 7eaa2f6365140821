import { describe, expect, it } from 'vitest';
import { SITE_PAGES, SITE_ROUTES, decisionFile, decisionSlug, paperSegment, paramsOf, routes, withBase } from '#lib/model/routes.ts';
import { locateContentFile } from '#lib/model/document-kinds.ts';
import { decisionNumbering } from '#lib/model/decision-numbering.ts';
import { filesGlob, whereFilesGo } from '#lib/model/document-kinds.ts';

describe('ids and addresses', () => {
  it('makes a decision address and file from its id, in any office’s numbering', () => {
    expect(decisionSlug('CPCC 2017-020')).toBe('cpcc-2017-020');
    expect(decisionSlug('PFCC/045/21')).toBe('pfcc-045-21');
    expect(decisionFile('CPCC 2017-020', '2017-09-21', decisionNumbering('CPCC {year}-{number:3}'))).toBe('decisions/2017/cpcc-2017-020.mdx');
    expect(decisionFile('PFCC/045/21', '2021-03-04', decisionNumbering('PFCC/{number:3}/{yy}'))).toBe('decisions/2021/pfcc-045-21.mdx');
    // an office whose ids name no year files them under the year of the decision
    expect(decisionFile('Decision 45', '2021-03-04', decisionNumbering('Decision {number}'))).toBe('decisions/2021/decision-45.mdx');
  });
  it('derives body, date and kind from where a file sits', () => {
    expect(locateContentFile('meetings/bcb/2019-06-11/index.mdx')).toEqual({ kind: 'meeting', collection: 'meetings', body: 'bcb', date: '2019-06-11' });
    expect(locateContentFile('meetings/bcb/2019-06-11/05-fms.mdx')).toEqual({ kind: 'paper', collection: 'papers', body: 'bcb', date: '2019-06-11', stem: '05-fms' });
    expect(locateContentFile('meetings/pcp/2017-09-06/minutes.mdx').kind).toBe('minutes');
    expect(locateContentFile('meetings/bcb/2019-06-11/action-log.yaml').kind).toBe('action-log');
    expect(locateContentFile('meetings/pcp/2017-11-15/forward-plan.yaml').kind).toBe('forward-plan');
    expect(locateContentFile('decisions/2017/cpcc-2017-020.mdx')).toEqual({ kind: 'decision', collection: 'decisions', year: '2017', stem: 'cpcc-2017-020' });
    expect(locateContentFile('meetings/bcb/2019-06-11/notes.yaml').kind).toBe('unknown');
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
  it('reads each kind from the registry: a paper is any .mdx of a meeting folder that no other kind names', () => {
    expect(filesGlob('papers')).toEqual(['meetings/*/*/*.mdx', '!meetings/*/*/index.mdx', '!meetings/*/*/minutes.mdx']);
    expect(filesGlob('forwardPlans')).toEqual(['meetings/*/*/forward-plan.yaml']);
    expect(whereFilesGo()).toContain('meetings/<body>/<yyyy-mm-dd>/forward-plan.yaml');
  });
  it('gives every address from the record it is of', () => {
    expect(routes.meeting('board/2019-06-11')).toBe('board/2019-06-11/');
    expect(routes.minutes('board/2019-06-11')).toBe('board/2019-06-11/minutes/');
    expect(routes.forwardPlan('panel/2017-11-15')).toBe('panel/2017-11-15/forward-plan/');
    expect(routes.decision('PFCC/045/21')).toBe('decisions/pfcc-045-21/');
    expect(routes.action('board/2019-04-19/4.0')).toBe('board/actions/2019-04-19-4.0/');
    expect(routes.agendaItem('board/2019-06-11', '8.1')).toBe('board/2019-06-11/#item-8.1');
    // a body may not take the first segment of a page of the site's own
    for (const path of Object.values(SITE_PAGES).filter(Boolean)) expect(SITE_ROUTES).toContain(path.split(/[/.]/)[0]);
  });
  it('reads a route file’s params from an address, and refuses an address that does not fit it', () => {
    expect(paramsOf('board/2019-06-11/8.1/', '[body]/[date]/[paper]')).toEqual({ body: 'board', date: '2019-06-11', paper: '8.1' });
    expect(paramsOf(routes.action('board/2019-04-19/4.0'), '[body]/actions/[action]')).toEqual({ body: 'board', action: '2019-04-19-4.0' });
    expect(() => paramsOf('board/2019-06-11/minutes/', '[body]/[date]/forward-plan')).toThrow('does not fit the route');
    expect(() => paramsOf('board/2019-06-11/', '[body]/[date]/[paper]')).toThrow('does not fit the route');
  });
});
