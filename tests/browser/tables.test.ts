/** Wide tables on a phone: a scroll region the keyboard can reach and a screen reader names, and action logs as cards. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REAL } from '../support/site.ts';
import { browserOnSite } from '../support/browser.ts';

/** the performance dashboard: 46 tables, most of them wider than a phone */
const DASHBOARD = 'bcb/2018-05-10/5/';
/** a meeting with its action log */
const MEETING = 'bcb/2019-06-11/';

const site = browserOnSite(REAL);

async function openPage(path: string, width: number): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(`${site.root}${path}`);
  return page;
}

/** axe-core's one rule for scrolling regions, loaded as tests/support/browser.ts loads it: the page's policy refuses an inline script */
async function scrollableRegionViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] } });
    return result.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')));
  });
}

describe('the wide tables of a paper on a 375 px phone', () => {
  it('leaves no scrolling region that the keyboard cannot reach (axe: scrollable-region-focusable)', async () => {
    const page = await openPage(DASHBOARD, 375);
    expect(await page.locator('.paper-text table').count()).toBe(46);
    expect(await scrollableRegionViolations(page)).toEqual([]);
    await page.close();
  });

  it('puts every table in a named region that takes the focus from the keyboard and scrolls with the arrow keys', async () => {
    const page = await openPage(DASHBOARD, 375);
    const regions = await page.$$eval('.table-scroll', (elements) =>
      elements.map((element) => ({
        role: element.getAttribute('role'),
        tabIndex: (element as HTMLElement).tabIndex,
        name: element.getAttribute('aria-label') ?? '',
        holdsTable: element.firstElementChild?.tagName === 'TABLE',
        scrolls: element.scrollWidth > element.clientWidth,
        overflow: getComputedStyle(element).overflowX,
      })),
    );
    expect(regions).toHaveLength(46);
    expect(regions.filter((region) => region.role !== 'region' || region.tabIndex !== 0 || !region.holdsTable || region.overflow !== 'auto')).toEqual([]);
    expect(regions.filter((region) => !/^(Table[: ]|\S)/.test(region.name) || region.name.trim().length < 3)).toEqual([]);
    expect(regions.filter((region) => region.scrolls).length).toBeGreaterThan(30);

    // the accessibility tree names each region
    const snapshot = await page.locator('.table-scroll').first().ariaSnapshot();
    expect(snapshot.split('\n')[0]).toMatch(/^- '?region "Table: VICTIMS, Current Month, /);

    // Tab reaches every region, in the order of the page, with the site's yellow focus showing
    const reached: string[] = [];
    for (let presses = 0; presses < 400 && reached.length < regions.length; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement!;
        if (!element.classList.contains('table-scroll')) return undefined;
        const style = getComputedStyle(element);
        return { name: element.getAttribute('aria-label') ?? '', outline: style.outlineStyle, shadow: style.boxShadow };
      });
      if (!focused) continue;
      expect(focused.outline).toBe('solid');
      expect(focused.shadow).toContain('rgb(255, 221, 0)');
      reached.push(focused.name);
    }
    expect(reached).toEqual(regions.map((region) => region.name));

    // a focused region scrolls sideways with the arrow keys
    await page.locator('.table-scroll').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement!.scrollLeft)).toBeGreaterThan(0);
    await page.close();
  });
});

describe('an action log on a 375 px phone', () => {
  it('shows each action as a card, every cell named by its column, with no sideways scrolling', async () => {
    const page = await openPage(MEETING, 375);
    const logs = await page.$$eval('table.action-log', (tables) =>
      tables.map((table) => ({
        scrollWidth: table.parentElement!.scrollWidth,
        clientWidth: table.parentElement!.clientWidth,
        tableWidth: table.getBoundingClientRect().width,
        unlabelled: [...table.querySelectorAll('tbody :is(th, td)')].filter((cell) => !cell.getAttribute('data-label')).length,
        label: getComputedStyle(table.querySelector('tbody td')!, '::before').content,
      })),
    );
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) {
      expect(log.scrollWidth).toBeLessThanOrEqual(log.clientWidth);
      expect(log.tableWidth).toBeLessThanOrEqual(375);
      expect(log.unlabelled).toBe(0);
      expect(log.label).toBe('"Raised"');
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await scrollableRegionViolations(page)).toEqual([]);
    await page.close();
  });

  it('is a table again on a wide screen', async () => {
    const page = await openPage(MEETING, 1280);
    expect(await page.$eval('table.action-log', (table) => getComputedStyle(table).display)).toBe('table');
    expect(await page.$eval('table.action-log thead', (head) => head.getBoundingClientRect().height)).toBeGreaterThan(10);
    await page.close();
  });
});

describe('a wide table on a 1,280 px screen', () => {
  it('uses the width of the window: the nine-column action log is not cut off while the window has room, and the page does not scroll sideways', async () => {
    const page = await openPage(MEETING, 1280);
    const sizes = await page.evaluate(() => {
      const region = document.querySelector('#action-log + .table-scroll, section[aria-labelledby="action-log"] .table-scroll')!;
      const box = region.getBoundingClientRect();
      return { tableWidth: region.scrollWidth, regionWidth: region.clientWidth, left: box.left, right: box.right, page: document.documentElement.scrollWidth, window: window.innerWidth };
    });
    expect(sizes.left).toBeGreaterThanOrEqual(0);
    expect(sizes.right).toBeLessThanOrEqual(sizes.window);
    // the whole table shows when it fits the window less its margins; else the region is as wide as the window allows
    if (sizes.tableWidth <= sizes.window - 48) expect(sizes.tableWidth).toBeLessThanOrEqual(sizes.regionWidth);
    else expect(sizes.right - sizes.left).toBeGreaterThan(sizes.window - 64);
    expect(sizes.page).toBeLessThanOrEqual(sizes.window);
    await page.close();
  });
});

describe('a meeting’s agenda', () => {
  it('shows its links in one style: an item’s papers without bullets, as its minutes and action log links', async () => {
    const page = await openPage(MEETING, 1280);
    const markers = await page.$$eval('.agenda .item-status', (statuses) =>
      statuses.flatMap((status) => (status.tagName === 'UL' ? [...status.querySelectorAll(':scope > li')] : [status])).map((item) => getComputedStyle(item).listStyleType === 'none' || getComputedStyle(item).display !== 'list-item'),
    );
    expect(markers.length).toBeGreaterThan(5);
    expect(markers.every(Boolean)).toBe(true);
    await page.close();
  });
});
