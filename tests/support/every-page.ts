/**
 * One pass of a real browser over every page of a built archive: each page is loaded once and axe-core put into it
 * once; then, on that load, the window is made 1,280, 375 and 320 px wide in turn: axe-core (WCAG 2.2 A and AA and
 * its best practices) runs at 1,280 and 375 px, and the page's width is measured at 375 and 320 px, where it must
 * fit the screen with no sideways scrolling (WCAG 1.4.10, reflow).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages, injectAxe, launchBrowser, runAxe, serveSite } from './browser.ts';

export const AXE_WIDTHS = [1280, 375];
export const REFLOW_WIDTHS = [375, 320];
const HEIGHT = 900;

export interface EveryPageFindings {
  /** every page, by its path under the base */
  pages: string[];
  /** by window width, axe-core's violations: "/<path> <rule>: <elements>" */
  axe: Map<number, string[]>;
  /** the pages wider than the window: "<path> at <width> px (<page width> px)" */
  tooWide: string[];
}

/** Loads every page of the site once and checks it at every width (widest first, so each check sees the page laid out again narrower). */
export async function visitEveryPage(site: { outDir: string; base: string }): Promise<EveryPageFindings> {
  const pages = builtPages(site.outDir);
  const widths = [...new Set([...AXE_WIDTHS, ...REFLOW_WIDTHS])].sort((a, b) => b - a);
  const findings: EveryPageFindings = { pages, axe: new Map(AXE_WIDTHS.map((width) => [width, []])), tooWide: [] };
  const { url: root, server } = await serveSite(site.outDir, site.base);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: widths[0]!, height: HEIGHT } });
    for (const path of pages) {
      await page.setViewportSize({ width: widths[0]!, height: HEIGHT });
      await page.goto(`${root}${path}`);
      await injectAxe(page);
      for (const width of widths) {
        await page.setViewportSize({ width, height: HEIGHT });
        if (AXE_WIDTHS.includes(width)) {
          for (const violation of await runAxe(page, { bestPractice: true })) findings.axe.get(width)!.push(`/${path} ${violation}`);
        }
        if (REFLOW_WIDTHS.includes(width)) {
          const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (pageWidth > width) findings.tooWide.push(`${path} at ${width} px (${pageWidth} px)`);
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return findings;
}

/**
 * The tests of one archive's pass: axe-core finds nothing at each width, and no page scrolls sideways on a phone.
 * `alsoHas` names pages the archive must have among those checked (a page known to be hard to fit).
 */
export function describeEveryPage(name: string, site: { outDir: string; base: string }, alsoHas: string[] = []): void {
  let findings: EveryPageFindings;
  beforeAll(async () => {
    findings = await visitEveryPage(site);
  });

  describe(`axe-core, best practices included, on every page of the ${name} archive`, () => {
    it.each(AXE_WIDTHS)('finds nothing at %i px', (width) => {
      expect(findings.pages.length).toBeGreaterThan(10);
      expect(findings.axe.get(width)).toEqual([]);
    });
  });

  describe(`reading the ${name} archive on a 375 px and a 320 px wide phone`, () => {
    it('needs no sideways scrolling on any page, at 375 px and at 320 px (WCAG 1.4.10, reflow)', () => {
      for (const path of alsoHas) expect(findings.pages).toContain(path);
      expect(findings.pages.length).toBeGreaterThan(10);
      expect(findings.tooWide).toEqual([]);
    });
  });
}
