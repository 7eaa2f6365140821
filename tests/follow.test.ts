/** Feeds, calendars, open data and metadata of the fixture archive, read back with real parsers. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ical from 'node-ical';
import { parse as parseCsv } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { FIXTURE, REAL, buildSite, loadPage } from './support/site.ts';
import { CSV_LIST_SEPARATOR } from '#lib/outputs/open-data.ts';
import { fileSizeText } from '#lib/check/file-size.ts';

const built = (path: string) => readFileSync(join(FIXTURE.outDir, path), 'utf8');
const SITE = 'https://papers.example.org/board/';

function feedItems(path: string): Record<string, string>[] {
  const feed = new XMLParser().parse(built(path));
  const items = feed.rss.channel.item ?? [];
  return Array.isArray(items) ? items : [items];
}

describe('RSS feeds', () => {
  it('lists new papers with title, date, body, summary and link', () => {
    const items = feedItems('feeds/papers.xml');
    const fms = items.find((item) => item.title === 'Publication of Force Management Statement')!;
    expect(fms.link).toBe(`${SITE}bcb/2019-06-11/5/`);
    expect(fms.category).toBe('Business Coordination Board');
    expect(fms.description).toContain('Recommendation: The Board is recommended to note the report.');
    expect(new Date(fms.pubDate).toISOString().slice(0, 10)).toBe('2019-06-11');
  });
  it('lists decisions, site-wide and for the body that discussed them', () => {
    for (const path of ['feeds/decisions.xml', 'bcb/decisions.xml']) {
      const decision = feedItems(path).find((item) => item.title.startsWith('CPCC 2019-001'))!;
      expect(decision.link).toBe(`${SITE}decisions/cpcc-2019-001/`);
      expect(decision.description).toBe('To publish the statement.');
    }
    expect(feedItems('pcp/decisions.xml')).toEqual([]);
  });
  it('is discoverable from every page', () => {
    const $ = loadPage(FIXTURE, 'bcb/2019-06-11/5/');
    expect($('link[rel=alternate][type="application/rss+xml"]').map((_, link) => $(link).attr('href')).get()).toEqual(
      expect.arrayContaining(['/board/feeds/papers.xml', '/board/feeds/decisions.xml', '/board/bcb/papers.xml']),
    );
    expect(loadPage(FIXTURE, 'follow/')('a[href="/board/bcb/calendar.ics"]')).toHaveLength(1);
  });
});

describe('calendars', () => {
  const events = (path: string) => Object.values(ical.sync.parseICS(built(path))).filter((entry) => entry?.type === "VEVENT") as ical.VEvent[];

  it('starts the meeting at its local time in London, at its venue', () => {
    const [event] = events('bcb/2019-06-11/calendar.ics');
    expect(event!.start.toISOString()).toBe('2019-06-11T14:00:00.000Z'); // 15:00 BST
    expect(event!.start.tz).toBe('Europe/London');
    expect(event!.location).toBe('HQ, Conference Room 3');
    const url = event!.url as unknown as string | { val: string };
    expect(typeof url === 'string' ? url : url.val).toBe(`${SITE}bcb/2019-06-11/`);
  });
  it('makes a meeting without a known time an all-day event on its date', () => {
    // the Joint Audit Committee meeting of 29 September 2016 is known from a report that gives no time
    const [event, ...others] = Object.values(ical.sync.parseICS(readFileSync(join(REAL.outDir, 'jac/2016-09-29/calendar.ics'), 'utf8'))).filter((entry) => entry?.type === 'VEVENT') as ical.VEvent[];
    expect(others).toEqual([]);
    expect(event!.datetype).toBe('date');
    expect(event!.start.dateOnly).toBe(true);
    expect(event!.start.toISOString().slice(0, 10)).toBe('2016-09-29');
  });
  it('keeps UIDs from one build to the next', () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-papers-rebuild-'));
    const again = { ...FIXTURE, outDir: join(dir, 'dist') };
    expect(buildSite(again).status).toBe(0);
    const uids = (text: string) => [...text.matchAll(/^UID:(.*)$/gm)].map((match) => match[1]);
    expect(uids(readFileSync(join(again.outDir, 'calendar.ics'), 'utf8'))).toEqual(uids(built('calendar.ics')));
    expect(readFileSync(join(again.outDir, 'calendar.ics'), 'utf8')).toBe(built('calendar.ics'));
  });
});

describe('open data', () => {
  const names = ['meetings', 'papers', 'decisions', 'actions'];
  const ajv = new Ajv2020({ allErrors: true });

  it.each(names)('%s.json is valid against its JSON Schema', (name) => {
    const validate = ajv.compile(JSON.parse(built(`data/${name}.schema.json`)));
    const data = JSON.parse(built(`data/${name}.json`));
    expect(data.length).toBeGreaterThan(0);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(['papers', 'decisions'])('%s.csv reads back as the JSON', (name) => {
    const json = JSON.parse(built(`data/${name}.json`)) as Record<string, unknown>[];
    const csv = parseCsv(built(`data/${name}.csv`), { columns: true }) as Record<string, string>[];
    const asCsv = (value: unknown) => (Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : value === null ? '' : String(value));
    expect(csv).toEqual(json.map((record) => Object.fromEntries(Object.keys(csv[0]!).map((column) => [column, asCsv(record[column])]))));
  });

  it('gives each agenda item a CSV row', () => {
    const rows = parseCsv(built('data/agenda-items.csv'), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.number === '8.1')).toMatchObject({ meeting: 'bcb/2019-06-11', parent: '8', papers: `${SITE}bcb/2019-06-11/8.1/` });
    expect(rows.find((row) => row.number === '9')).toMatchObject({ exempt: expect.stringContaining('Schedule 12A'), papers: '' });
  });

  it('carries each action with its history', () => {
    const [action] = JSON.parse(built('data/actions.json'));
    expect(action).toMatchObject({ id: 'bcb/2019-02-28/1.0', status: 'Closed', statusLogMeeting: 'bcb/2019-06-11', history: [{ logMeeting: 'bcb/2019-06-11', raisedUnderItem: '5.3', owner: 'Constabulary' }] });
  });
});

describe('metadata', () => {
  it('gives a meeting page schema.org Event data', () => {
    const $ = loadPage(FIXTURE, 'bcb/2019-06-11/');
    const data = JSON.parse($('script[type="application/ld+json"]').text());
    expect(data).toMatchObject({ '@type': 'Event', startDate: '2019-06-11T15:00:00+01:00', location: { name: 'HQ, Conference Room 3' } });
    expect($('link[rel=canonical]').attr('href')).toBe(`${SITE}bcb/2019-06-11/`);
    expect($('meta[property="og:title"]').attr('content')).toBe('Business Coordination Board, 11 June 2019');
  });
  it('lists pages in the sitemap and points robots.txt at it', () => {
    expect(built('robots.txt')).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
    const sitemap = readdirSync(FIXTURE.outDir).filter((file) => file.startsWith('sitemap-') && file !== 'sitemap-index.xml').map(built).join('');
    expect(sitemap).toContain(`${SITE}bcb/2019-06-11/5/`);
  });
});

describe('links to files that are not pages', () => {
  it('say the file type and a size that is the built file’s, on the follow, open data and meeting pages', () => {
    const checked: string[] = [];
    for (const path of ['follow/', 'data/', 'bcb/2019-06-11/']) {
      const $ = loadPage(FIXTURE, path);
      const links = $('main a').filter((_index, link) => /\.(xml|ics|json|csv)$/.test($(link).attr('href') ?? ''));
      expect(links.length, path).toBeGreaterThan(0);
      links.each((_index, link) => {
        const href = $(link).attr('href')!;
        const meta = /^\((RSS feed|iCalendar file|JSON|JSON Schema|CSV), (.+)\)$/.exec($(link).find('.file-meta').text());
        expect(meta, `${path} ${href}`).not.toBeNull();
        const bytes = readFileSync(join(FIXTURE.outDir, href.replace(FIXTURE.base, ''))).byteLength;
        expect(meta![2], `${path} ${href}`).toBe(fileSizeText(bytes));
        checked.push(href);
      });
    }
    expect(checked).toEqual(expect.arrayContaining(['/board/calendar.ics', '/board/feeds/papers.xml', '/board/data/papers.csv', '/board/data/papers.schema.json', '/board/bcb/2019-06-11/calendar.ics']));
  });
});
