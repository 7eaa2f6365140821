/**
 * A site served under a sub-path, as a GitHub Pages project site is (/<repository>/): the fixture archive is
 * built under /board/, and every link of every page, the ones staff wrote in the texts included, must lead
 * to a file the build wrote, under that base.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { FIXTURE, readPage } from './support/site.ts';
import { internalLinksInText } from '#lib/check/link-check.ts';

const files = (dir: string, ending: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith(ending)).sort();

/** The site's own address, as its home page states it in its canonical link. */
const siteOrigin = new URL(load(readPage(FIXTURE, ''))('link[rel="canonical"]').attr('href')!).origin;

/** Every address a page gives a reader's browser: links, scripts, stylesheets, images, forms and refreshes. */
function addressesOf(html: string): string[] {
  const $ = load(html);
  const attribute = (selector: string, name: string) => $(selector).map((_, element) => $(element).attr(name)).get();
  const refreshes = attribute('meta[http-equiv="refresh"]', 'content').map((content) => /url=(.*)$/i.exec(content)?.[1] ?? '');
  return [...attribute('[href]', 'href'), ...attribute('[src]', 'src'), ...attribute('form[action]', 'action'), ...refreshes];
}

/** The built file an address of this site leads to, or why it leads to none; undefined for another site's. */
function targetOf(page: string, address: string): { file?: string; fragment?: string; problem?: string } | undefined {
  const url = new URL(address, `${siteOrigin}${FIXTURE.base}${page}`);
  if (url.origin !== siteOrigin) return undefined;
  if (!url.pathname.startsWith(FIXTURE.base)) return { problem: `is outside the base path ${FIXTURE.base}` };
  const path = decodeURIComponent(url.pathname.slice(FIXTURE.base.length));
  return { file: path === '' || path.endsWith('/') ? `${path}index.html` : path, fragment: decodeURIComponent(url.hash.slice(1)) };
}

const idsOfPage = new Map<string, Set<string>>();
/** The ids of a built page, each of which a link's fragment may name. */
function idsOf(file: string): Set<string> {
  let ids = idsOfPage.get(file);
  if (!ids) {
    const $ = load(readFileSync(join(FIXTURE.outDir, file), 'utf8'));
    ids = new Set($('[id]').map((_, element) => $(element).attr('id')).get());
    idsOfPage.set(file, ids);
  }
  return ids;
}

describe('the fixture archive built under a sub-path', () => {
  const pages = files(FIXTURE.outDir, '.html');

  it('is built under a sub-path, not at the root of its host', () => {
    expect(FIXTURE.base).toMatch(/^\/[a-z0-9-]+\/$/);
    expect(pages.length).toBeGreaterThan(20);
  });

  it('has no link, script, stylesheet, form or refresh that leads outside the base path, to a file not built, or to a part of a page that is not there', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const address of addressesOf(readFileSync(join(FIXTURE.outDir, page), 'utf8'))) {
        if (/^(mailto|tel|data):/i.test(address)) continue;
        const target = targetOf(page, address);
        if (!target) continue;
        checked++;
        if (target.problem) broken.push(`${page}: ${address} ${target.problem}`);
        else if (!existsSync(join(FIXTURE.outDir, target.file!))) broken.push(`${page}: ${address} leads to no file (${target.file})`);
        else if (target.fragment && target.file!.endsWith('.html') && !idsOf(target.file!).has(target.fragment)) broken.push(`${page}: ${address} names no element of ${target.file}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
  });

  it('moves every link staff wrote in a text as a site address ("/contact/") under the base path', () => {
    const contentDir = FIXTURE.contentDir;
    const published = files(contentDir, '.mdx').map((file) => readFileSync(join(contentDir, file), 'utf8')).filter((text) => !/^draft: true$/m.test(text));
    const written = published.flatMap((text) => internalLinksInText(text).map((link) => link.href));
    expect(written.length).toBeGreaterThanOrEqual(4);
    const linked = new Set(pages.flatMap((page) => addressesOf(readFileSync(join(FIXTURE.outDir, page), 'utf8'))));
    for (const href of written) {
      expect(linked, `${href} under ${FIXTURE.base}`).toContain(`${FIXTURE.base}${href.slice(1)}`);
      expect(linked, `${href} as written, outside the base`).not.toContain(href);
    }
  });
});
