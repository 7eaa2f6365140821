/** The accessibility audit's findings on the published archive: focus in the header, printing a paper, the width of running text, the header on a phone. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REAL } from '../support/site.ts';
import { browserOnSite } from '../support/browser.ts';
import { contrastRatio } from '../support/contrast.ts';

/** the longest papers: the Medium Term Financial Strategy, with an appendix, and the performance dashboard, 46 tables */
const MTFS = 'bcb/2019-06-11/6/';
const DASHBOARD = 'bcb/2018-05-10/5/';
/** a paper whose text links to other sites */
const LINKING = 'pcp/2017-11-15/6/';
/** an A4 page less the print stylesheet's side margins of 1.5 cm, at 96 px to the inch */
const A4_CONTENT_WIDTH = 680;

const site = browserOnSite(REAL);

async function openPage(path: string, width: number, height = 900): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height } });
  await page.goto(`${site.root}${path}`);
  return page;
}

describe('focus in the header', () => {
  it('shows every focused link and button in the header as dark text on the yellow focus colour, at least 4.5:1', async () => {
    const page = await openPage(MTFS, 1280);
    const targets = ':is(.skip-link, .site-header a, .site-header button)';
    const count = await page.locator(targets).count();
    expect(count).toBeGreaterThanOrEqual(7); // the skip link, the site’s name, four navigation links, the search button
    const measured: string[] = [];
    for (let index = 0; index < count; index++) {
      const selector = `${targets} >> nth=${index}`;
      await page.focus(selector);
      const style = await page.$eval(selector, (element) => {
        // the colour behind the text: the first ancestor, from the element up, with a background colour
        let background = 'rgb(255, 255, 255)';
        for (let node: Element | null = element; node; node = node.parentElement) {
          const colour = getComputedStyle(node).backgroundColor;
          if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') {
            background = colour;
            break;
          }
        }
        return { text: (element.textContent ?? '').trim().slice(0, 20), color: getComputedStyle(element).color, background, focusVisible: element.matches(':focus-visible') };
      });
      expect(style.focusVisible, style.text).toBe(true);
      expect(style.background, style.text).toBe('rgb(255, 221, 0)');
      const ratio = contrastRatio(style.color, style.background);
      measured.push(`${style.text}: ${ratio.toFixed(2)}`);
      expect(ratio, measured.join('; ')).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });
});

describe('printing a paper', () => {
  it('prints the paper without the site around it', async () => {
    const page = await openPage(DASHBOARD, A4_CONTENT_WIDTH);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        ['.skip-link', '.site-header', '.site-nav', '.header-search', '.breadcrumbs', '.site-footer', 'h1', '.summary-list', '.paper-text'].map((selector) => {
          const element = document.querySelector(selector);
          return [selector, element ? element.checkVisibility() : 'missing'];
        }),
      ),
    );
    expect(shown).toEqual({
      '.skip-link': false,
      '.site-header': false,
      '.site-nav': false,
      '.header-search': false,
      '.breadcrumbs': false,
      '.site-footer': false,
      h1: true,
      '.summary-list': true,
      '.paper-text': true,
    });
    await page.close();
  });

  it('fits every table within the width of the page, without scrolling', async () => {
    const page = await openPage(DASHBOARD, A4_CONTENT_WIDTH);
    await page.emulateMedia({ media: 'print' });
    const { width, tables } = await page.evaluate(() => ({
      width: document.documentElement.clientWidth,
      tables: [...document.querySelectorAll('main table')].map((table) => ({
        left: table.getBoundingClientRect().left,
        right: table.getBoundingClientRect().right,
        overflow: getComputedStyle(table).overflowX,
      })),
    }));
    expect(width).toBe(A4_CONTENT_WIDTH);
    expect(tables.length).toBe(46);
    expect(tables.filter((table) => table.left < 0 || table.right > width + 0.5 || table.overflow !== 'visible')).toEqual([]);
    await page.close();
  });

  it('writes out the address of every link to another site, once: not after a link whose text is already its address', async () => {
    const unwritten: string[] = [];
    const twice: string[] = [];
    let suffixed = 0;
    let showingAddress = 0;
    for (const path of [DASHBOARD, LINKING, 'accessibility/']) {
      const page = await openPage(path, A4_CONTENT_WIDTH);
      await page.emulateMedia({ media: 'print' });
      const links = await page.$$eval('main a[href^="http"]', (anchors) =>
        anchors.map((anchor) => ({ href: anchor.getAttribute('href') ?? '', text: (anchor.textContent ?? '').trim(), after: getComputedStyle(anchor, '::after').content })),
      );
      expect(links.length, path).toBeGreaterThan(0);
      for (const link of links) {
        const showsAddress = link.text.replace(/\/$/, '') === link.href.replace(/\/$/, '');
        const written = link.after.includes(`(${link.href})`);
        if (showsAddress) showingAddress++;
        if (written) suffixed++;
        if (showsAddress && written) twice.push(`${path}: ${link.text}`);
        if (!showsAddress && !written) unwritten.push(`${path}: ${link.text}`);
      }
      await page.close();
    }
    expect(unwritten).toEqual([]);
    expect(twice).toEqual([]);
    expect(suffixed).toBeGreaterThan(0);
    expect(showingAddress).toBeGreaterThan(0);
  });

  it('starts each appendix on a new page', async () => {
    const page = await openPage(MTFS, A4_CONTENT_WIDTH);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('main h2[id^="appendix-"]', (headings) => headings.map((heading) => getComputedStyle(heading).breakBefore));
    expect(breaks).toEqual(['page']);
    await page.close();
  });
});

describe('reading on a wide screen', () => {
  it('keeps running text to about 70 characters a line, and lets tables use the full width', async () => {
    const page = await openPage(DASHBOARD, 1280);
    const { characters, tableWidth, textWidth } = await page.evaluate(() => {
      const paragraph = document.querySelector('.paper-text p')!;
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(paragraph).font;
      const textWidth = paragraph.getBoundingClientRect().width;
      return {
        characters: textWidth / context.measureText('0').width,
        textWidth,
        tableWidth: Math.max(...[...document.querySelectorAll('.paper-text table')].map((table) => table.getBoundingClientRect().width)),
      };
    });
    expect(characters).toBeLessThanOrEqual(75);
    expect(characters).toBeGreaterThan(50);
    expect(tableWidth).toBeGreaterThan(textWidth * 1.3);
    await page.close();
  });
});

describe('the header on a 375 px phone', () => {
  it('is compact and still shows the navigation and the search box', async () => {
    const page = await openPage(MTFS, 375);
    const header = await page.evaluate(() => ({
      height: document.querySelector('.site-header')!.getBoundingClientRect().height,
      shown: [...document.querySelectorAll('.site-nav a, .header-search input, .header-search button')].map((element) => element.checkVisibility()),
    }));
    expect(header.height).toBeLessThan(180);
    expect(header.shown).toEqual([true, true, true, true, true, true]);
    await page.close();
  });
});
