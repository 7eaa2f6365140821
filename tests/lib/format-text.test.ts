/**
 * The files besides the pages hold text, never markup or control characters: every value a feed, a
 * calendar or a CSV file holds is judged here on generated values, through the real writer of each format,
 * and read back by an independent reader (an XML parser then an HTML parser, node-ical, csv-parse).
 */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { textContent, getElementsByTagType } from 'domutils';
import { ElementType } from 'domelementtype';
import { getRssString } from '@astrojs/rss';
import { parse as parseCsv } from 'csv-parse/sync';
import ical from 'node-ical';
import { textForFiles } from '#lib/outputs/format-text.ts';
import { rssOptions, type FeedItem } from '#lib/outputs/feeds.ts';
import { meetingsCalendar } from '#lib/outputs/calendar.ts';
import { toCsv } from '#lib/outputs/open-data.ts';
import { buildArchive } from '#lib/model/archive.ts';
import { bodySchema, meetingSchema } from '#lib/model/schema.ts';

/** Every control character, every line break, surrogate halves, and markup of every kind a reader would run. */
const HOSTILE_PIECES = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(0x7f + code)),
  '\u2028', '\u2029', '\ufffe', '\uffff', '\ud800', '\udfff', '😀', '\r\n',
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '&lt;b&gt;', '&amp;lt;i&amp;gt;', '<![CDATA[', ']]>', '<!--', '-->',
  'DTSTART:20300101T000000Z', 'END:VEVENT', 'BEGIN:VEVENT', ';', ',', '\\', '"', "'", '=', '+', '-', '@',
  'Police & Crime Panel', 'Conference Room 3', ' ', 'é', 'ß',
];

/** Seeded, so a failure can be replayed. */
function generatedValues(count: number, seed = 11): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(12) }, () => HOSTILE_PIECES[next(HOSTILE_PIECES.length)]).join(''));
}

const VALUES = generatedValues(300);
/** What no file may hold: a control character other than tab and line feed (CR only in a format's own line ends), a lone surrogate, U+FFFE, U+FFFF. */
const UNHELD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('textForFiles', () => {
  it('keeps every other character, in order, and makes every line break one line feed', () => {
    for (const value of VALUES) {
      const text = textForFiles(value);
      expect(text).not.toMatch(UNHELD);
      expect(text).not.toContain('\r');
      const printable = (s: string) => [...s.replace(/\r\n|[\r\v\f\u0085\u2028\u2029]/g, '\n')].filter((c) => !UNHELD.test(c)).join('');
      expect(text).toBe(printable(value));
    }
  });
});

describe('a feed', () => {
  const items: FeedItem[] = VALUES.map((value, index) => ({ title: value, date: '2019-06-11', path: `bcb/2019-06-11/${index}/`, body: value, summary: `Recommendation: ${value}` }));

  it('is well-formed XML, and every title and description a reader renders as HTML is text, with no element', async () => {
    const xml = await getRssString(rssOptions({ title: VALUES[0]!, description: VALUES[1]!, items }, (path) => `https://papers.example.org/${path}`));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(UNHELD);
    const feed = new XMLParser({ processEntities: true, htmlEntities: false, parseTagValue: false, trimValues: false }).parse(xml);
    const channel = feed.rss.channel;
    const rendered = [
      [channel.title, VALUES[0]!],
      [channel.description, VALUES[1]!],
      ...channel.item.flatMap((item: { title: string; description: string }, index: number) => [
        [item.title, VALUES[index]!],
        [item.description, `Recommendation: ${VALUES[index]!}`],
      ]),
    ] as [string, string][];
    expect(rendered).toHaveLength(2 + 2 * VALUES.length);
    for (const [decoded, written] of rendered) {
      // as a reader does: the XML decoded, then its text parsed as HTML
      const html = parseDocument(String(decoded ?? ''));
      expect(getElementsByTagType(ElementType.Tag, html.children), written).toEqual([]);
      expect(getElementsByTagType(ElementType.Script, html.children)).toEqual([]);
      expect(textContent(html).trim(), JSON.stringify(written)).toBe(textForFiles(written).trim());
    }
  });
});

describe('a calendar', () => {
  const body = bodySchema.parse({ id: 'bcb', name: 'Business Coordination Board' });
  const meetings = VALUES.slice(0, 100).map((venue, index) => ({
    file: `meetings/bcb/2019-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + Math.floor(index / 12)).padStart(2, '0')}/index.mdx`,
    data: meetingSchema.parse({ venue, time: '10:00' }),
  }));
  const archive = buildArchive({ bodies: [body], meetings, papers: [], minutes: [], actionLogs: [], forwardPlans: [], decisions: [] }, '2026-01-01');

  it('holds each venue as the text it is, in its own property, with no control character', () => {
    const options = { absoluteUrl: (path: string) => `https://papers.example.org/${path}`, uidDomain: 'papers.example.org' };
    const text = meetingsCalendar(archive.meetings, { ...options, name: VALUES[5]! });
    expect(text.replace(/\r\n/g, '')).not.toMatch(UNHELD);
    // every line, unfolded, is a property a calendar of plain venues has too: no value starts a property of its own
    const propertiesOf = (calendar: string) => calendar.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean).map((line) => /^[A-Z-]+(?=[:;])/.exec(line)?.[0]);
    const plain = buildArchive({ bodies: [body], meetings: [{ file: 'meetings/bcb/2019-01-01/index.mdx', data: meetingSchema.parse({ venue: 'Room 3', time: '10:00' }) }], papers: [], minutes: [], actionLogs: [], forwardPlans: [], decisions: [] }, '2026-01-01');
    const expected = new Set(propertiesOf(meetingsCalendar(plain.meetings, { ...options, name: 'Meetings' })));
    for (const property of propertiesOf(text)) expect(expected).toContain(property);
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(archive.meetings.length);
    const events = Object.values(ical.sync.parseICS(text)).filter((component) => component?.type === 'VEVENT');
    expect(events).toHaveLength(archive.meetings.length);
    const venueOf = new Map(archive.meetings.map((meeting) => [`${meeting.key.replace('/', '-')}@papers.example.org`, meeting.data.venue!]));
    for (const event of events) {
      const location = (event as { location?: unknown }).location;
      const expected = textForFiles(venueOf.get((event as { uid: string }).uid)!);
      // node-ical drops a value's spaces at its ends and reads an empty one as none
      expect(String(typeof location === 'object' && location ? (location as { val: string }).val : (location ?? '')).trim()).toBe(expected.trim());
    }
  });
});

describe('a CSV file', () => {
  it('holds each value as the text it is, with no control character, and no formula', () => {
    const rows = VALUES.map((value, index) => ({ id: String(index), title: value, papers: [value, value] }));
    const csv = toCsv(rows, ['id', 'title', 'papers']);
    expect(csv.replace(/\r\n/g, '\n')).not.toMatch(UNHELD);
    // read as a spreadsheet reads it: any line break outside quotes ends a row
    const read = parseCsv(csv, { columns: true, record_delimiter: ['\r\n', '\n', '\r'] }) as { id: string; title: string; papers: string }[];
    expect(read).toHaveLength(VALUES.length);
    read.forEach((row, index) => {
      const title = textForFiles(VALUES[index]!);
      expect(row.title).toBe(/^[=+\-@\t\r]/.test(title) ? `'${title}` : title);
      expect(row.title).not.toMatch(/^[=+\-@]/);
    });
  });
});
