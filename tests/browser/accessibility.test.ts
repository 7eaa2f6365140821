/**
 * axe-core on every page of the real archive and of the fixture archive, on a desktop and on a phone,
 * with its best-practice rules as well as WCAG 2.2 A and AA: landmarks named once, no empty header cells,
 * link names that match their text, every region reachable.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE, OFFICE_TWO, REAL } from '../support/site.ts';
import { axeViolations, builtPages, launchBrowser, serveSite } from '../support/browser.ts';

const SCREENS = [1280, 375];

describe.each([
  ['real', REAL],
  ['fixture', FIXTURE],
  ['second office', OFFICE_TWO],
])('axe-core, best practices included, on every page of the %s archive', (_name, site) => {
  it.each(SCREENS)('finds nothing at %i px', async (width) => {
    const pages = builtPages(site.outDir);
    expect(pages.length).toBeGreaterThan(10);
    // the glossary, and the papers whose first use of a term links to it, are among them
    expect(pages).toContain('glossary/');
    const { url: root, server } = await serveSite(site.outDir, site.base);
    const browser = await launchBrowser();
    const found: string[] = [];
    try {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const path of pages) {
        await page.goto(`${root}${path}`);
        for (const violation of await axeViolations(page, { bestPractice: true })) found.push(`/${path} ${violation}`);
      }
    } finally {
      await browser.close();
      server.close();
    }
    expect(found).toEqual([]);
  }, 600_000);
});
