/** The published archive on a phone: every page fits a 375 px screen, long web addresses included. */
import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL } from '../support/site.ts';
import { launchBrowser, serveSite } from '../support/browser.ts';

let browser: Browser;
let server: Server;
let root: string;

beforeAll(async () => {
  ({ url: root, server } = await serveSite(REAL.outDir, REAL.base));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('reading the archive on a 375 px wide phone', () => {
  it('needs no sideways scrolling on any page', async () => {
    const pages = readdirSync(REAL.outDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html'))
      .map((file) => file.replace(/index\.html$/, ''));
    expect(pages).toContain('pcp/2017-11-15/8/'); // a paper whose background documents are long addresses
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const tooWide: string[] = [];
    for (const path of pages) {
      await page.goto(`${root}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) tooWide.push(`${path} (${width} px)`);
    }
    expect(tooWide).toEqual([]);
  });
});
