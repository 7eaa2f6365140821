/**
 * npm run bench:search -- --dir <built site> [--base /] [--query "serious violence"]
 * Serves a built site, opens its search page with a query in Chromium, and prints the bytes the
 * browser downloaded and the time until the first results were on the page. A script run by hand.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1]! : fallback;
};
const dir = option('dir', 'dist');
const base = option('base', '/');
const query = option('query', 'serious violence');

const serve = sirv(dir, { dev: false, etag: false, gzip: false, brotli: false });
const server = createServer((request, response) => {
  request.url = `/${(request.url ?? '/').slice(base.length)}`;
  serve(request, response, () => {
    response.statusCode = 404;
    response.end();
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const runs: { ms: number; searchBytes: number; pageBytes: number; results: string }[] = [];
for (let run = 0; run < 5; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await context.route('**/*', (route) => route.continue());
  let searchBytes = 0;
  let pageBytes = 0;
  // requests from the page and from Pagefind's web worker alike
  context.on('requestfinished', async (request) => {
    const sizes = await request.sizes();
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    if (request.url().includes('/pagefind/')) searchBytes += bytes;
    else pageBytes += bytes;
  });
  await page.goto(`${root}search/`);
  await page.waitForLoadState('networkidle');
  // time from submitting the query to the first result on the page
  await page.fill('#search-q', query);
  // measured in the page: from the submit to the first result in the list
  await page.evaluate(() => {
    const list = document.getElementById('search-results')!;
    const state = window as unknown as { submittedAt?: number; firstResultAt?: number };
    document.getElementById('search-form')!.addEventListener('submit', () => (state.submittedAt = performance.now()), { capture: true });
    new MutationObserver(() => {
      if (list.children.length > 0 && state.firstResultAt === undefined) state.firstResultAt = performance.now();
    }).observe(list, { childList: true });
  });
  await page.press('#search-q', 'Enter');
  await page.waitForSelector('#search-results > li');
  const ms = await page.evaluate(() => {
    const state = window as unknown as { submittedAt: number; firstResultAt: number };
    return state.firstResultAt - state.submittedAt;
  });
  await page.waitForLoadState('networkidle');
  runs.push({ ms, searchBytes, pageBytes, results: (await page.textContent('#search-status')) ?? '' });
  await context.close();
}
await browser.close();
server.close();
const sorted = [...runs].sort((a, b) => a.ms - b.ms);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(`"${query}": ${median.results}`);
console.log(`first results: ${median.ms.toFixed(0)} ms (median of ${runs.length}, cold cache; fastest ${sorted[0]!.ms.toFixed(0)} ms)`);
console.log(`downloaded: ${(median.searchBytes / 1024).toFixed(1)} KB of search index and code, ${(median.pageBytes / 1024).toFixed(1)} KB of page`);
