/** Both archives on a phone: every page fits a 375 px and a 320 px screen, long web addresses included. */
import { describe, expect, it } from 'vitest';
import { FIXTURE, REAL } from '../support/site.ts';
import { builtPages, launchBrowser, serveSite } from '../support/browser.ts';

describe.each([
  ['real', REAL],
  ['fixture', FIXTURE],
])('reading the %s archive on a 375 px and a 320 px wide phone', (name, site) => {
  it('needs no sideways scrolling on any page, at 375 px and at 320 px (WCAG 1.4.10, reflow)', async () => {
    const pages = builtPages(site.outDir);
    if (name === 'real') expect(pages).toContain('pcp/2017-11-15/8/'); // a paper whose background documents are long addresses
    expect(pages.length).toBeGreaterThan(10);
    const { url: root, server } = await serveSite(site.outDir, site.base);
    const browser = await launchBrowser();
    const tooWide: string[] = [];
    try {
      for (const screen of [375, 320]) {
        const page = await browser.newPage({ viewport: { width: screen, height: 800 } });
        for (const path of pages) {
          await page.goto(`${root}${path}`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > screen) tooWide.push(`${path} at ${screen} px (${width} px)`);
        }
        await page.close();
      }
    } finally {
      await browser.close();
      server.close();
    }
    expect(tooWide).toEqual([]);
  }, 300_000);
});
