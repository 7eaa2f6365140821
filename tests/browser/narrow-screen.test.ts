/** The published archive on a phone: every page fits a 375 px screen, long web addresses included. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REAL } from '../support/site.ts';
import { browserOnSite } from '../support/browser.ts';

const site = browserOnSite(REAL);

describe('reading the archive on a 375 px and a 320 px wide phone', () => {
  it('needs no sideways scrolling on any page, at 375 px and at 320 px (WCAG 1.4.10, reflow)', async () => {
    const pages = readdirSync(REAL.outDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html'))
      .map((file) => file.replace(/index\.html$/, ''));
    expect(pages).toContain('pcp/2017-11-15/8/'); // a paper whose background documents are long addresses
    const tooWide: string[] = [];
    for (const screen of [375, 320]) {
      const page = await site.browser.newPage({ viewport: { width: screen, height: 800 } });
      for (const path of pages) {
        await page.goto(`${site.root}${path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > screen) tooWide.push(`${path} at ${screen} px (${width} px)`);
      }
      await page.close();
    }
    expect(tooWide).toEqual([]);
  });
});
