/** A real browser against a built site served locally: Chromium (tests/support/chromium.ts) driven by playwright-core. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import sirv from 'sirv';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findChromium } from './chromium.ts';

/** Serves a built site under its base path; resolves to the site's root address. */
export async function serveSite(outDir: string, base: string): Promise<{ url: string; server: Server }> {
  const serve = sirv(outDir, { dev: true, etag: false });
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.statusCode = 404;
      response.end('outside the base path');
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    serve(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, server };
}

/** Launches Chromium (the one npm installed, or Debian's where it is installed); fails, never skips, when it cannot. */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath, env } = findChromium();
  return chromium.launch({
    executablePath,
    env,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const WCAG_RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's script, read once for the whole test file. */
let axeSource: string | undefined;

/**
 * Puts axe-core into the page as it is now loaded; evaluated through the debugging protocol, since the page's
 * Content-Security-Policy refuses an inline <script>.
 */
export async function injectAxe(page: Page): Promise<void> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
}

/** axe-core's violations on the page as it is now, axe already injected: WCAG 2.2 A and AA rules, and axe's best practices if asked. */
export async function runAxe(page: Page, options: { bestPractice?: boolean } = {}): Promise<string[]> {
  const tags = options.bestPractice ? [...WCAG_RULES, 'best-practice'] : WCAG_RULES;
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, tags);
}

/** axe-core's violations on the page as it is now: WCAG 2.2 A and AA rules, and axe's best practices if asked. */
export async function axeViolations(page: Page, options: { bestPractice?: boolean } = {}): Promise<string[]> {
  await injectAxe(page);
  return runAxe(page, options);
}

export interface SearchSession {
  browser: Browser;
  page: Page;
  /** the address of the site's root, with its base */
  root: string;
  /** opens /search/?<query> and waits for its results: their links and types */
  search: (query: string) => Promise<{ hrefs: string[]; types: string[] }>;
  /** presses "Show more results" from the keyboard and waits for the results it adds: all the results shown */
  showMore: () => Promise<{ hrefs: string[]; types: string[] }>;
  close: () => Promise<void>;
}

/** A browser on a built site's search page. */
export async function openSearchSession(site: { outDir: string; base: string }): Promise<SearchSession> {
  const { url: root, server } = await serveSite(site.outDir, site.base);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const results = async () => {
    // the page each result opens, without the place in it (#section:~:text=…) that it scrolls to
    const hrefs = await page.$$eval('#search-results > li > a:first-child', (links) => links.map((link) => (link.getAttribute('href') ?? '').replace(/#.*$/, '')));
    const types = await page.$$eval('#search-results > li > .meta:nth-of-type(1)', (metas) => metas.map((meta) => meta.textContent?.split(' · ')[0] ?? ''));
    return { hrefs, types };
  };
  const search = async (query: string) => {
    await page.goto(`${root}search/?${query}`);
    await page.waitForFunction(
      () => !/Searching/.test(document.getElementById('search-status')?.textContent ?? 'Searching') && !document.getElementById('search-results')?.hasAttribute('aria-busy'),
    );
    return results();
  };
  const showMore = async () => {
    const shown = await page.locator('#search-results > li').count();
    await page.focus('#search-more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (before) => document.querySelectorAll('#search-results > li').length > before && !document.getElementById('search-results')?.hasAttribute('aria-busy'),
      shown,
    );
    return results();
  };
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { browser, page, root, search, showMore, close };
}

/** Every page of a built site, by its path under the base: "", "bcb/2019-06-11/6/"…; not the pages that only send a moved page's reader on. */
export function builtPages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .filter((file) => !/<meta http-equiv="refresh"/i.test(readFileSync(join(outDir, file), 'utf8')))
    .map((file) => file.replace(/index\.html$/, ''))
    .sort();
}

/** A browser on a built site, for the tests of one file: started before them, closed after them. */
export function browserOnSite(site: { outDir: string; base: string }): { readonly browser: Browser; readonly root: string } {
  const state = {} as { browser: Browser; root: string; server: Server };
  beforeAll(async () => {
    ({ url: state.root, server: state.server } = await serveSite(site.outDir, site.base));
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    state.server?.close();
  });
  return state;
}
