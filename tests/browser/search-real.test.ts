/** Search on the published archive, in a real browser: what the public types. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL } from '../support/site.ts';
import { axeViolations, openSearchSession, type SearchSession } from '../support/browser.ts';

let session: SearchSession;
const search = (query: string) => session.search(query);

beforeAll(async () => {
  session = await openSearchSession(REAL);
});
afterAll(async () => {
  await session?.close();
});

describe('searching the archive', () => {
  it('finds the Serious Violence Strategy paper of 11 June 2019 on the first page', async () => {
    const { hrefs } = await search('q=serious+violence');
    expect(hrefs).toContain('/bcb/2019-06-11/9/');
  });
  it('finds a decision by its identifier', async () => {
    const { hrefs } = await search('q=CPCC+2017-020');
    expect(hrefs[0]).toBe('/decisions/cpcc-2017-020/');
  });
  it('leaves only decisions under the Decision filter', async () => {
    const { hrefs, types } = await search('q=funding&type=decision');
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => href.startsWith('/decisions/'))).toBe(true);
    expect(new Set(types)).toEqual(new Set(['Decision']));
  });
  it('narrows by year', async () => {
    const all = await search('q=fire+governance');
    const of2018 = await search('q=fire+governance&year=2018');
    expect(all.hrefs.some((href) => href.includes('2017-'))).toBe(true);
    expect(of2018.hrefs.length).toBeGreaterThan(0);
    expect(of2018.hrefs.every((href) => href.includes('2018-'))).toBe(true);
  });
  it('says clearly when nothing matched', async () => {
    expect((await search('q=zzqxjvbw')).hrefs).toEqual([]);
    expect(await session.page.textContent('#search-status')).toContain('No results matched “zzqxjvbw”');
  });
  it('has no accessibility violations with results shown', async () => {
    await search('q=serious+violence');
    expect(await axeViolations(session.page)).toEqual([]);
  });
});
