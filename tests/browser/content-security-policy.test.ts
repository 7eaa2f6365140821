/**
 * The third layer: every page carries a Content-Security-Policy, search works under it in Chromium,
 * and script put into a page some other way is blocked by the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { Page } from 'playwright-core';
import { FIXTURE } from '../support/site.ts';
import { openSearchSession, type SearchSession } from '../support/browser.ts';

let session: SearchSession;
/** every policy violation Chromium reports on the page */
let violations: string[];

async function recordViolations(page: Page): Promise<void> {
  violations = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

beforeAll(async () => {
  session = await openSearchSession(FIXTURE);
  await recordViolations(session.page);
});
afterAll(async () => {
  await session?.close();
});

describe('the Content-Security-Policy', () => {
  it('is on every page, refusing plug-ins, <base>, foreign forms and scripts from elsewhere', () => {
    const pages = readdirSync(FIXTURE.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const policy = load(readFileSync(join(FIXTURE.outDir, file), 'utf8'))('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
      for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "script-src 'self' 'wasm-unsafe-eval'"]) {
        expect(policy, file).toContain(directive);
      }
      expect(policy, file).not.toContain('unsafe-inline');
    }
  });

  it('lets search work: results arrive and nothing is blocked', async () => {
    const { hrefs } = await session.search('q=purpose+statement');
    expect(hrefs).toContain('/board/bcb/2019-06-11/5/');
    expect(violations).toEqual([]);
  });

  it('keeps the site’s own styles and table alignment', async () => {
    await session.page.goto(`${session.root}bcb/2019-06-11/`);
    expect(await session.page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(violations).toEqual([]);
  });

  it('leads from a moved paper’s former address to the paper', async () => {
    await session.page.goto(`${session.root}bcb/2019-06-11/05-fms/`);
    await session.page.waitForURL(`${session.root}bcb/2019-06-11/5/`);
    expect(await session.page.textContent('h1')).toContain('Publication of Force Management Statement');
  });

  it('blocks script put into a page: inline, in an event handler, or from another host', async () => {
    await session.page.goto(`${session.root}bcb/2019-06-11/`);
    await session.page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.planted = "inline";';
      document.body.append(inline);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.planted = "handler";');
      image.src = 'does-not-exist.png';
      document.body.append(image);
      const foreign = document.createElement('script');
      foreign.src = 'https://evil.example/x.js';
      document.body.append(foreign);
    });
    await session.page.waitForFunction(() => document.readyState === 'complete');
    await session.page.waitForTimeout(200);
    expect(await session.page.evaluate(() => (window as unknown as { planted?: string }).planted)).toBeUndefined();
    expect(violations.some((violation) => violation.startsWith('script-src-elem inline'))).toBe(true);
    expect(violations.some((violation) => violation.startsWith('script-src-attr inline'))).toBe(true);
    expect(violations.some((violation) => violation.includes('https://evil.example/x.js'))).toBe(true);
  });
});
