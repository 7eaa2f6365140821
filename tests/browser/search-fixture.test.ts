/** Search on the fixture archive, served under its sub-path, in a real browser. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../support/site.ts';
import { axeViolations, openSearchSession, type SearchSession } from '../support/browser.ts';

let session: SearchSession;
const search = async (query: string) => (await session.search(query)).hrefs;

beforeAll(async () => {
  session = await openSearchSession(FIXTURE);
});
afterAll(async () => {
  await session?.close();
});

describe('search under a sub-path', () => {
  it('finds a paper by words in its text, linking under the base', async () => {
    const results = await search('q=purpose+statement');
    expect(results).toContain('/board/bcb/2019-06-11/5/');
  });
  it('finds a decision by its identifier', async () => {
    const results = await search('q=CPCC+2019-001');
    expect(results[0]).toBe('/board/decisions/cpcc-2019-001/');
  });
  it('narrows to decisions', async () => {
    const results = await search('q=statement&type=decision');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((href) => href.startsWith('/board/decisions/'))).toBe(true);
  });
  it('narrows to actions', async () => {
    const results = await search('type=action');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((href) => /^\/board\/bcb\/actions\/[^/]+\/$/.test(href))).toBe(true);
  });
  it('says when nothing matched', async () => {
    expect(await search('q=xyzzyplugh')).toEqual([]);
    expect(await session.page.textContent('#search-status')).toContain('No results matched');
  });
  it('narrows by year', async () => {
    expect(await search('q=statement&year=2019')).toContain('/board/decisions/cpcc-2019-001/');
    expect(await search('q=statement&year=2018')).toEqual([]);
  });
  it('keeps the query and filters in the address, and in the form', async () => {
    await search('q=statement&type=decision&year=2019');
    expect(await session.page.inputValue('#search-q')).toBe('statement');
    expect(await session.page.isChecked('input[name=type][value=decision]')).toBe(true);
    expect(await session.page.inputValue('#search-year')).toBe('2019');
  });
  it('searches from the box on every page', async () => {
    await session.page.goto(`${session.root}bcb/2019-06-11/`);
    await session.page.fill('#site-search-q', 'statement');
    await session.page.press('#site-search-q', 'Enter');
    await session.page.waitForURL(/search\/\?q=statement/);
    expect(session.page.url()).toBe(`${session.root}search/?q=statement`);
  });
  it('has no accessibility violations with results shown', async () => {
    await search('q=statement');
    expect(await axeViolations(session.page)).toEqual([]);
  });
  it('says without JavaScript that search needs it, and where to browse instead', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${session.root}search/?q=statement`);
    const text = await noScript.textContent('main');
    expect(text).toContain('Search needs JavaScript');
    expect(await noScript.getAttribute('noscript a[href$="/decisions/"], main a:has-text("decision register")', 'href')).toBe('/board/decisions/');
    await context.close();
  });
});
