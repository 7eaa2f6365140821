/**
 * The live preview (astro dev) on a copy of the fixture archive: a problem saved into a paper shows in
 * the browser's error overlay, an MDX expression neither runs nor stops the server, and fixing the file
 * clears the overlay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { FIXTURE, projectRoot } from './support/site.ts';
import { removeWithBuildCaches } from './support/test-run.ts';

const PAPER = 'meetings/bcb/2019-06-11/05-fms.mdx';
/** the meeting page, which lists the paper: it renders while the paper is broken, the paper's own page may not */
const PAGE = 'bcb/2019-06-11/';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The text of Vite's error overlay on the page, or '' when there is none (or the page is reloading). */
async function overlayText(page: Page): Promise<string> {
  try {
    return await page.evaluate(() => {
      const backdrop = document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector<HTMLElement>('#backdrop');
      return backdrop?.innerText ?? '';
    });
  } catch {
    return '';
  }
}

describe('the live preview', () => {
  let folder: string;
  let contentDir: string;
  let original: string;
  let server: ChildProcess;
  let output = '';
  let address: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    folder = join(tmpdir(), 'board-papers-dev-preview');
    contentDir = join(folder, 'content');
    await rm(folder, { recursive: true, force: true });
    await cp(join(projectRoot, FIXTURE.contentDir), contentDir, { recursive: true });
    original = await readFile(join(contentDir, PAPER), 'utf8');
    const port = await freePort();
    address = `http://localhost:${port}/`;
    // Vitest puts Vite's import.meta.env values into the test process's environment; astro dev must not
    // inherit them, nor VITEST (with it Astro serves no pages) or NODE_ENV=test (with it, no live reload).
    const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, NODE_ENV: _nodeEnv, ...inherited } = process.env;
    const environment = Object.fromEntries(Object.entries(inherited).filter(([name]) => !name.startsWith('VITEST')));
    // --ignore-lock: start beside a dev server someone may be running in the project, in the foreground
    server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--ignore-lock'], {
      cwd: projectRoot,
      env: { ...environment, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 30_000;
    while ((await fetch(address + PAGE).then((response) => response.status, () => 0)) !== 200) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`astro dev did not serve ${address + PAGE}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(address + PAGE);
  });

  afterAll(async () => {
    await browser?.close();
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    // the folder, and the cache Astro kept for its content in node_modules/.astro
    if (folder) removeWithBuildCaches(folder);
  });

  it('shows an impossible date in the overlay, naming the file and the line', async () => {
    expect(await overlayText(page)).toBe('');
    await writeFile(join(contentDir, PAPER), original.replace(/^date: .*$/m, 'date: 2019-02-31'));
    const line = original.split('\n').findIndex((text) => text.startsWith('date:')) + 1;
    const where = `${relative(projectRoot, join(contentDir, PAPER))}:${line}`;
    await expect.poll(() => overlayText(page), { timeout: 15_000, interval: 100 }).toContain(`${where} date: found "2019-02-31"; expected a real date`);
  });

  it('neither runs nor stops on an MDX expression', async () => {
    await writeFile(join(contentDir, PAPER), `${original}\n{process.exit(0)}\n`);
    await expect.poll(() => overlayText(page), { timeout: 15_000, interval: 100 }).toContain('which MDX runs as code');
    // the paper's own page has no text to show: the renderer refused the expression, and the page fails
    await expect.poll(async () => (await fetch(`${address}bcb/2019-06-11/5/`)).status, { timeout: 15_000, interval: 200 }).toBe(500);
    expect((await fetch(address + PAGE)).status).toBe(200);
    expect(server.exitCode).toBeNull();
    expect(server.signalCode).toBeNull();
  });

  it('clears the overlay when the file is fixed', async () => {
    const reloaded = page.waitForEvent('load', { timeout: 15_000 });
    await writeFile(join(contentDir, PAPER), original);
    await reloaded;
    await expect.poll(() => output.includes('content checked: no problems'), { timeout: 15_000, interval: 100 }).toBe(true);
    await expect.poll(() => overlayText(page), { timeout: 15_000, interval: 100 }).toBe('');
    // a page opened now is not shown the old problems
    const later = await browser.newPage();
    const connected = later.waitForEvent('console', (message) => message.text().includes('[vite] connected'));
    await later.goto(address + PAGE);
    await connected;
    expect(await overlayText(later)).toBe('');
  });
});
