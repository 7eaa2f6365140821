import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { findExcessiveNesting, findUnsafeContent, isSafeAddress } from '#lib/text/safe-content.ts';
import { neutraliseCsvCell, toCsv } from '#lib/outputs/open-data.ts';
import { SITE_ROUTES } from '#lib/model/routes.ts';
import { documentText, parseFrontmatterFile } from '#lib/text/frontmatter.ts';

describe('which addresses a link may have', () => {
  it.each([
    'https://www.gov.uk/', 'http://example.org/a?b#c', 'mailto:opcc@example.org', 'tel:+441234567890', '/bcb/2019-06-11/9/', '#para-3.1', '?q=x', '../minutes/', 'HTTPS://WWW.GOV.UK/',
  ])('allows %s', (address) => expect(isSafeAddress(address)).toBe(true));

  it.each([
    'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', 'jav&#x61;script:alert(1)', 'jav&#97;script:alert(1)',
    'java&Tab;script:alert(1)', '\u0000javascript:alert(1)', 'java\u200bscript:alert(1)', 'vbscript:msgbox', 'data:text/html,<script>alert(1)</script>', 'data:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd', '//evil.example/', '/\\evil.example/', '\\\\evil.example', 'x:y',
  ])('refuses %j', (address) => expect(isSafeAddress(address)).toBe(false));
});

describe('nesting that would crash or stall the parser is refused before it runs', () => {
  it('counts list and quote markers on a line, and indentation of nested items', () => {
    expect(findExcessiveNesting('- '.repeat(17) + 'x')).toEqual([{ line: 1, message: 'nests lists or quotes more than 16 levels deep; expected at most 16' }]);
    expect(findExcessiveNesting('text\n\n' + '> '.repeat(40))[0]?.line).toBe(3);
    expect(findExcessiveNesting(`${' '.repeat(40)}- deep`)).toHaveLength(1);
    expect(findExcessiveNesting('- a\n  - b\n    - c\n      1. d')).toEqual([]);
  });
  it('leaves indented text that is not a list alone, such as the blanked frontmatter', () => {
    expect(findExcessiveNesting(`${' '.repeat(200)}\n${' '.repeat(60)}text`)).toEqual([]);
  });
  it('counts tags and braces, but not escaped braces', () => {
    expect(findExcessiveNesting('<sup a={'.repeat(5))[0]?.message).toBe('nests tags or braces more than 8 levels deep; expected at most 8');
    expect(findExcessiveNesting('\\{'.repeat(50))).toEqual([]);
    expect(findExcessiveNesting('<EditorialNote>1<sup>st</sup> and <br /> <br /></EditorialNote>\n'.repeat(50))).toEqual([]);
  });
  it('answers within a second for the inputs that crashed or stalled the parser', () => {
    for (const text of ['- '.repeat(5000), '> '.repeat(50000), '<sup a={'.repeat(25), '<sup>'.repeat(30000)]) {
      expect(findUnsafeContent(text).length, text.slice(0, 20)).toBeGreaterThan(0);
    }
  });
});

describe('CSV cells a spreadsheet would run as formulas', () => {
  it.each(['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (text) => {
    expect(neutraliseCsvCell(text)).toBe(`'${text}`);
  });
  it('leaves ordinary text alone, and neutralises lists joined into a cell', () => {
    expect(neutraliseCsvCell('Force Management Statement')).toBe('Force Management Statement');
    expect(toCsv([{ title: '=cmd|x', list: ['-a', 'b'] }], ['title', 'list'])).toBe("title,list\r\n'=cmd|x,'-a | b\r\n");
  });
});

describe('body ids that would replace a page of the site', () => {
  it('lists every top-level page and file the site writes', () => {
    const topLevel = [...readdirSync('src/pages'), ...readdirSync('public')].map((name) => name.replace(/\.(astro|ts)$/, '').split('.')[0]!);
    for (const name of topLevel.filter((entry) => /^[a-z][a-z0-9-]*$/.test(entry))) expect(SITE_ROUTES).toContain(name);
  });
});

describe('frontmatter is read where and as Astro reads it', () => {
  it('gives the renderer the file with the frontmatter blanked, so lines stay the file’s lines', () => {
    const parsed = parseFrontmatterFile('---\ntitle: A\n---\n\nText.\n');
    expect(parsed.renderedText.split('\n')[4]).toBe('Text.');
    expect(parsed.bodyLine).toBe(4);
    expect(parsed.data).toEqual({ title: 'A' });
  });
  it('gives the page the same text the check judged', () => {
    for (const source of ['---\ntitle: A\n---\n\nText.\n', '---\r\ntitle: "B: c"\r\nlist:\r\n  - x\r\n---\r\nText {x}\r\n', '---\ntitle: C\n---\n---\n\nA rule above.\n']) {
      expect(documentText(source)).toBe(parseFrontmatterFile(source).renderedText);
    }
  });
  it('keeps dates as text, equal to the dates Astro reads', () => {
    expect(parseFrontmatterFile('---\ndate: 2019-06-11\n---\n').data).toEqual({ date: '2019-06-11' });
  });
  it.each([
    ['a line starting --- inside the block', '---\ntitle: A\n---x: 1\n---\n', /this line starts with ---/],
    ['TOML frontmatter', '+++\ntitle = "A"\n+++\n', /does not start with a frontmatter block/],
    ['blank lines before the block', '\n---\ntitle: A\n---\n', /does not start with a frontmatter block/],
    ['a merge key', '---\nbase: &b\n  title: A\n<<: *b\n---\n', /can be read in two ways/],
    ['an unknown tag', '---\ntitle: !evil x\n---\n', /cannot be read as the site reads it/],
  ])('refuses %s', (_name, source, message) => {
    expect(() => parseFrontmatterFile(source)).toThrow(message);
  });
});
