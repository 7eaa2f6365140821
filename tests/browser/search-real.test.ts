/** Search on the published archive, in a real browser: what the public types. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL } from '../support/site.ts';
import { axeViolations, openSearchSession, type SearchSession } from '../support/browser.ts';

let session: SearchSession;
const search = (query: string) => session.search(query);

beforeAll(async () => {
  session = await openSearchSession(REAL);
});
afterAll(async () => {
  await session?.close();
});

describe('searching the archive', () => {
  it('finds the Serious Violence Strategy paper of 11 June 2019 on the first page', async () => {
    const { hrefs } = await search('q=serious+violence');
    expect(hrefs).toContain('/bcb/2019-06-11/9/');
  });
  it('finds a decision by its identifier', async () => {
    const { hrefs } = await search('q=CPCC+2017-020');
    expect(hrefs[0]).toBe('/decisions/cpcc-2017-020/');
  });
  it('leaves only decisions under the Decision filter', async () => {
    const { hrefs, types } = await search('q=funding&type=decision');
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => href.startsWith('/decisions/'))).toBe(true);
    expect(new Set(types)).toEqual(new Set(['Decision']));
  });
  it('narrows by year', async () => {
    const all = await search('q=fire+governance');
    const of2018 = await search('q=fire+governance&year=2018');
    expect(all.hrefs.some((href) => href.includes('2017-'))).toBe(true);
    expect(of2018.hrefs.length).toBeGreaterThan(0);
    expect(of2018.hrefs.every((href) => href.includes('2018-'))).toBe(true);
  });
  it('says clearly when nothing matched', async () => {
    expect((await search('q=zzqxjvbw')).hrefs).toEqual([]);
    expect(await session.page.textContent('#search-status')).toContain('No results matched “zzqxjvbw”');
  });
  it('has no accessibility violations with results shown', async () => {
    await search('q=serious+violence');
    expect(await axeViolations(session.page)).toEqual([]);
  });
  it('finds nothing for nonsense words, not the list labels such as “(f)” that start like them', async () => {
    expect((await search('q=zzqxv+flurbington')).hrefs).toEqual([]);
    expect(await session.page.textContent('#search-status')).toContain('No results matched “zzqxv flurbington”');
  });
});

describe('more than one page of results', () => {
  const status = () => session.page.textContent('#search-status');

  it('shows the results beyond the first ten from the keyboard, says so, and keeps the page in the address', async () => {
    const first = await search('q=police');
    expect(first.hrefs).toHaveLength(10);
    const total = Number(/^(\d+) results for “police”, showing the first 10\.$/.exec((await status()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(20);

    const second = await session.showMore();
    expect(second.hrefs).toHaveLength(20);
    expect(second.hrefs.slice(0, 10)).toEqual(first.hrefs);
    expect(new Set(second.hrefs).size).toBe(20);
    expect(await status()).toBe(`${total} results for “police”, showing the first 20.`);
    expect(await session.page.getAttribute('#search-status', 'role')).toBe('status');
    expect(new URL(session.page.url()).searchParams.get('page')).toBe('2');
    expect(await axeViolations(session.page)).toEqual([]);
    // the reader carries on from the first result added
    expect(await session.page.evaluate(() => document.activeElement?.getAttribute('href')?.replace(/#.*$/, ''))).toBe(second.hrefs[10]);

    let all = second;
    while (await session.page.isVisible('#search-more')) all = await session.showMore();
    expect(all.hrefs).toHaveLength(total);
    expect(new Set(all.hrefs).size).toBe(total);
    expect(await status()).toBe(`${total} results for “police”.`);
  });
  it('shows the same results from a shared address', async () => {
    await search('q=police');
    const shown = await session.showMore();
    const shared = await search(new URL(session.page.url()).search.slice(1));
    expect(shared.hrefs).toEqual(shown.hrefs);
  });
  it('starts again at the first page for a new search', async () => {
    await search('q=police&page=2');
    await session.page.fill('#search-q', 'crime');
    await session.page.press('#search-q', 'Enter');
    await session.page.waitForURL(/q=crime/);
    await session.page.waitForFunction(() => !document.getElementById('search-results')?.hasAttribute('aria-busy') && /crime/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(new URL(session.page.url()).searchParams.has('page')).toBe(false);
    expect(await session.page.locator('#search-results > li').count()).toBe(10);
  });
});

describe('the actions filter', () => {
  it('is offered, and leaves only action pages', async () => {
    let all = await search('q=funding');
    while (await session.page.isVisible('#search-more')) all = await session.showMore();
    expect(all.types).toContain('Action');
    expect(new Set(all.types).size).toBeGreaterThan(1);
    const { hrefs, types } = await search('q=funding&type=action');
    expect(await session.page.textContent('label:has(input[name=type][value=action])')).toContain('Actions');
    expect(await session.page.isChecked('input[name=type][value=action]')).toBe(true);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => /^\/[a-z0-9-]+\/actions\/[^/]+\/$/.test(href))).toBe(true);
    expect(new Set(types)).toEqual(new Set(['Action']));
  });
});

describe('the best match in each result', () => {
  it('is a link to a section of the page that exists and holds the words its excerpt shows', async () => {
    await search('q=serious+violence');
    const matches = await session.page.$$eval('#search-results > li', (items) =>
      items
        .filter((item) => item.querySelector(':scope > .meta a'))
        .map((item) => ({
          link: item.querySelector(':scope > .meta a')!.getAttribute('href') ?? '',
          words: [...item.querySelectorAll('.excerpt mark')].map((mark) => (mark.textContent ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')),
        })),
    );
    expect(matches.length).toBeGreaterThan(0);
    for (const { link, words } of matches) {
      const target = new URL(link, session.root);
      expect(target.hash, link).not.toBe('');
      // the section's id, before the text fragment (#id:~:text=…) that the browser scrolls to within the page
      const [id, directive] = target.hash.slice(1).split(':~:');
      expect(directive, link).toMatch(/^text=[^,&-]+$/);
      const fragmentText = decodeURIComponent(directive!.slice('text='.length)).toLowerCase();
      await session.page.goto(target.href);
      const section = await session.page.evaluate((id) => {
        const start = document.getElementById(id);
        if (!start) return null;
        // the section runs to the next heading that search splits a page at
        const next = [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)[id]')].find(
          (heading) => !heading.closest('[data-pagefind-ignore]') && start.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        const range = document.createRange();
        range.setStartBefore(start);
        if (next) range.setEndBefore(next);
        else range.setEndAfter(document.querySelector('main')!.lastChild!);
        return range.toString().toLowerCase();
      }, decodeURIComponent(id!));
      expect(section, `${link} leads to no element`).not.toBeNull();
      expect(section, link).toMatch(/serious|violence/);
      // the text fragment's words are there, as words (whitespace as the browser collapses it)
      expect(section!.replace(/\s+/g, ' '), link).toContain(fragmentText);
      expect(fragmentText, link).toMatch(/serious|violence/);
      expect(words.length, link).toBeGreaterThan(0);
      for (const word of words) expect(section, `${link}: “${word}”`).toContain(word.toLowerCase());
    }
  });
  it('is a secondary line, smaller than the result’s title', async () => {
    await search('q=serious+violence');
    const size = (selector: string) => session.page.$eval(selector, (node) => parseFloat(getComputedStyle(node).fontSize));
    expect(await size('#search-results > li > .meta a')).toBeLessThan(await size('#search-results > li > a:first-child'));
  });
  it('scrolls the paper to the matched words and highlights them, with no script on the paper’s page', async () => {
    await search('q=Band+D');
    const link = session.page.locator('#search-results > li > a:first-child').first();
    expect(await link.getAttribute('href')).toMatch(/#[^:]*:~:text=/);
    // followed from the search page as a reader would: a text fragment works on a navigation the reader started
    const searchPage = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const reader = await searchPage.newPage();
    await reader.goto(`${session.root}search/?q=Band+D`);
    await reader.waitForSelector('#search-results > li > a');
    await reader.click('#search-results > li > a:first-child');
    await reader.waitForURL(/\/bcb\//);
    await reader.waitForFunction(() => window.scrollY > 0);
    const shown = await reader.evaluate(() => {
      const range = document.createRange();
      const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf('Band D');
        if (at >= 0) {
          range.setStart(node, at);
          const box = range.getBoundingClientRect();
          if (box.top >= 0 && box.bottom <= innerHeight) return true;
        }
      }
      return false;
    });
    expect(shown).toBe(true);
    // the paper's page runs no script: its only <script> is data (JSON-LD)
    expect(await reader.evaluate(() => [...document.scripts].filter((script) => script.type !== 'application/ld+json').length)).toBe(0);
    await searchPage.close();
  });
});

describe('words that no page holds all of', () => {
  it('finds the pages with most of them, and says plainly that no page has them all', async () => {
    const { hrefs } = await search('q=serious+violence+zzqxjvbw');
    expect(hrefs).toContain('/bcb/2019-06-11/9/');
    expect(await session.page.textContent('#search-status')).toContain('No page has all of “serious”, “violence” and “zzqxjvbw”');
  });
  it('leaves out the words that carry no meaning, and says which', async () => {
    const { hrefs } = await search('q=what+is+the+serious+violence+strategy');
    expect(hrefs.slice(0, 3)).toContain('/bcb/2019-06-11/9/');
    expect(await session.page.textContent('#search-status')).toContain('Left out as too common: “what”, “is” and “the”.');
  });
  it('keeps a phrase in quotes exact', async () => {
    const loose = await search('q=violence+serious');
    const exact = await search(`q=${encodeURIComponent('"violence serious"')}`);
    expect(loose.hrefs.length).toBeGreaterThan(0);
    expect(exact.hrefs).toEqual([]);
  });
});

describe('newest first', () => {
  it('orders the results by date, newest first, as the filter’s choice says', async () => {
    await search('q=police&sort=newest');
    const dates = await session.page.$$eval('#search-results > li > .meta:nth-of-type(1)', (metas) => metas.map((meta) => meta.textContent?.split(' · ').at(-1) ?? ''));
    const times = dates.map((date) => Date.parse(date)).filter((time) => !Number.isNaN(time));
    expect(times.length).toBeGreaterThan(5);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await session.page.inputValue('#search-sort')).toBe('newest');
  });
});

describe('on a phone', () => {
  it('shows the first result without scrolling, the filters folded away until asked for', async () => {
    const phone = await session.browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${session.root}search/?q=serious+violence`);
    await page.waitForSelector('#search-results > li');
    const box = await page.locator('#search-results > li').first().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + Math.min(box!.height, 60)).toBeLessThanOrEqual(667);
    expect(await page.isVisible('input[name=type]')).toBe(false);
    await page.click('#search-filters > summary');
    expect(await page.isVisible('input[name=type]')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await phone.close();
  });
  it('opens the filters when the address sets one', async () => {
    await search('q=funding&type=decision');
    expect(await session.page.getAttribute('#search-filters', 'open')).not.toBeNull();
  });
});

describe('the search page’s one search box', () => {
  it('is the only box that searches in its tab order, while every other page keeps the header’s', async () => {
    await search('q=police');
    expect(await session.page.locator('input[type=search]').count()).toBe(1);
    expect(await session.page.locator('form[role=search]').count()).toBe(1);
    await session.page.goto(`${session.root}decisions/`);
    expect(await session.page.locator('#site-search-q').count()).toBe(1);
  });
});
