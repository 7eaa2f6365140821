/** Search on the published archive, in a real browser: what the public types. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { REAL } from '../support/site.ts';
import { axeViolations, launchBrowser, serveSite } from '../support/browser.ts';

let browser: Browser;
let server: Server;
let root: string;
let page: Page;

beforeAll(async () => {
  ({ url: root, server } = await serveSite(REAL.outDir, REAL.base));
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function search(query: string): Promise<{ hrefs: string[]; types: string[] }> {
  await page.goto(`${root}search/?${query}`);
  await page.waitForFunction(
    () => !/Searching/.test(document.getElementById('search-status')?.textContent ?? 'Searching') && !document.getElementById('search-results')?.hasAttribute('aria-busy'),
  );
  const hrefs = await page.$$eval('#search-results > li > a:first-child', (links) => links.map((link) => link.getAttribute('href') ?? ''));
  const types = await page.$$eval('#search-results > li > .meta:nth-of-type(1)', (metas) => metas.map((meta) => meta.textContent?.split(' · ')[0] ?? ''));
  return { hrefs, types };
}

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
    expect(await page.textContent('#search-status')).toContain('No results matched “zzqxjvbw”');
  });
  it('has no accessibility violations with results shown', async () => {
    await search('q=serious+violence');
    expect(await axeViolations(page)).toEqual([]);
  });
});
