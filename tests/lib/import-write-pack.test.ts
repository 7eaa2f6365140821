/** Imported text written as MDX: words stay words, whatever the pack held. */
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { findUnsafeContent } from '#lib/text/safe-content.ts';
import { checkContent } from '#lib/check/check.ts';
import { packFiles } from '#lib/import/write-pack.ts';
import { markdownOf } from '#lib/import/serialise.ts';
import type { ImportedPack } from '#lib/import/model.ts';
import { readFileSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

/** The words a reader sees in the written Markdown. */
const wordsOf = (markdown: string) => toString(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));

const paragraph = (value: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] });
const HOSTILE = [
  '{process.exit(1)}',
  '<script>alert(1)</script>',
  'import fs from "node:fs"',
  'export const x = 1',
  '<EditorialNote>forged</EditorialNote>',
  '<https://example.org/>',
  '<img src=x onerror=alert(1)>',
  'Cost {£1m} <b>bold</b> a < b > c',
];

describe('imported text written as MDX', () => {
  it('escapes every brace and angle bracket, so the check finds no code or markup, and keeps the words', () => {
    const body: Root = { type: 'root', children: HOSTILE.map(paragraph) };
    const markdown = markdownOf(body);
    expect(findUnsafeContent(markdown)).toEqual([]);
    const words = wordsOf(markdown);
    for (const line of HOSTILE) expect(words).toContain(line);
  });
  it('writes raw HTML and images that a reader might produce as their text, and links in full', () => {
    const body = {
      type: 'root',
      children: [
        { type: 'html', value: '<iframe src="https://evil.example/"></iframe>' },
        { type: 'paragraph', children: [{ type: 'image', url: 'https://evil.example/x.png', alt: 'A chart' }, { type: 'text', value: ' and ' }, { type: 'link', url: 'https://example.org/', children: [{ type: 'text', value: 'https://example.org/' }] }] },
        { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'Click me' }] }] },
      ],
    } as Root;
    const markdown = markdownOf(body);
    expect(findUnsafeContent(markdown)).toEqual([]);
    expect(markdown).toContain('&#x3C;iframe src="https://evil.example/">&#x3C;/iframe>');
    expect(markdown).toContain('A chart and [https://example.org/](https://example.org/)');
    expect(markdown).toContain('\n\nClick me\n');
    expect(markdown).not.toContain('javascript');
  });
  it('writes a publisher’s note as one EditorialNote, its text escaped', () => {
    const note = { type: 'mdxJsxFlowElement', name: 'EditorialNote', attributes: [], children: [paragraph('The table {3 columns} could not be read.')] };
    const markdown = markdownOf({ type: 'root', children: [note] } as unknown as Root);
    expect(markdown.trim()).toBe('<EditorialNote>The table &#x7B;3 columns&#x7D; could not be read.</EditorialNote>');
    expect(findUnsafeContent(markdown)).toEqual([]);
  });
});

describe('the files of an imported pack', () => {
  const pack: ImportedPack = {
    bodyName: 'Business Coordination Board',
    date: '2030-01-10',
    time: '10:00',
    venue: 'Room 1',
    agenda: [
      { number: '1', title: 'Welcome', kind: 'procedural' },
      { number: '2', title: 'To approve the minutes of the meeting held on 10 December 2029', kind: 'minutes', minutesOf: '2029-12-10' },
      { number: '3', title: 'Estates {update}', kind: 'paper', presenter: 'Report from Chief Executive' },
    ],
    actionLog: { title: 'Action log', rows: [{ number: '1.0', raised: '2029-12-10', action: 'Report back', status: 'Open' }] },
    documents: [
      { kind: 'paper', item: '3', title: 'Estates {update} <b>', recommendations: ['Note the report.'], contacts: [], sources: [], appendices: [{ title: 'Appendix 1 – Plans', included: false }], body: { type: 'root', children: [{ type: 'heading', depth: 2, children: [{ type: 'text', value: '1. Purpose' }] }, paragraph('1.1 To update {the Board}.')] }, sourceLines: [10, 20] },
      { kind: 'minutes', minutesOf: '2029-12-10', title: 'Minutes of the meeting of 10 December 2029', recommendations: [], contacts: [], sources: [], appendices: [], body: { type: 'root', children: [paragraph('Present: the Board.')] }, sourceLines: [21, 30] },
    ],
    notes: [],
  };
  const { files } = packFiles(pack, { body: 'bcb', date: '2030-01-10', sourceName: 'pack.pdf' });

  it('writes the meeting, its paper, the action log, and the minutes with their meeting, every one a draft', () => {
    expect(files.map((file) => file.path)).toEqual([
      'meetings/bcb/2030-01-10/index.mdx',
      'meetings/bcb/2030-01-10/03-estates-update-b.mdx',
      'meetings/bcb/2029-12-10/index.mdx',
      'meetings/bcb/2029-12-10/minutes.mdx',
      'meetings/bcb/2030-01-10/action-log.yaml',
    ]);
    for (const file of files.filter((each) => each.path.endsWith('.mdx'))) expect(file.text, file.path).toMatch(/^draft: true$/m);
  });
  it('passes the content check exactly as written', () => {
    const bodies = '- id: bcb\n  name: Business Coordination Board\n';
    const encoder = new TextEncoder();
    const site = readFileSync('tests/fixtures/archive/content/site.yaml');
    const { problems } = checkContent([{ path: 'bodies.yaml', bytes: encoder.encode(bodies) }, { path: 'site.yaml', bytes: site }, ...files.map((file) => ({ path: file.path, bytes: encoder.encode(file.text) }))]);
    expect(problems).toEqual([]);
  });
  it('leaves out of the meeting files it already has', () => {
    const paths = packFiles(pack, { body: 'bcb', date: '2030-01-10', sourceName: 'pack.pdf' }, (path) => path === 'meetings/bcb/2029-12-10/index.mdx').files.map((file) => file.path);
    expect(paths).not.toContain('meetings/bcb/2029-12-10/index.mdx');
    expect(paths).toContain('meetings/bcb/2029-12-10/minutes.mdx');
  });
  it('makes a folder only from a real date: minutes naming no earlier meeting stay in the pack’s own meeting', () => {
    const strange = { ...pack, documents: pack.documents.map((document) => (document.kind === 'minutes' ? { ...document, minutesOf: '../../site' } : document)) };
    const written = packFiles(strange, { body: 'bcb', date: '2030-01-10', sourceName: 'pack.pdf' });
    expect(written.files.map((file) => file.path).every((path) => path.startsWith('meetings/bcb/2030-01-10/'))).toBe(true);
    expect(written.notes.map((note) => note.message)).toContain(
      'These minutes name no date of an earlier meeting that could be read, so they are written as a paper of this meeting: move them to minutes.mdx in the folder of the meeting they record.',
    );
  });
});

describe('what the importer read, fitted to what the site accepts', () => {
  const oddPack = {
    bodyName: 'Business Coordination Board',
    time: 'about two',
    venue: 'Room 1',
    agenda: [
      { number: '1', title: 'Welcome', kind: 'procedural' },
      { number: '1', title: 'Welcome again', kind: 'procedural' },
      { number: '2a', title: 'An item with a letter', kind: 'paper' },
      { number: '3', title: 'Minutes', kind: 'minutes', minutesOf: '2031-01-01' },
      { number: '4', title: 'Apologies', kind: 'procedural' },
    ],
    actionLog: {
      title: 'Action log',
      rows: [
        { number: '1.0', raised: '2029-12-10', action: 'Report back', status: 'Done-ish' },
        { number: '1.0', raised: '2029-12-10', action: 'Report back' },
        { number: '2.0', raised: 'not a date', action: 'Something' },
      ],
    },
    documents: [
      {
        kind: 'paper',
        item: '4',
        title: 'Estates',
        date: '2030-02-01',
        recommendations: [],
        contacts: [{ name: ' ' }],
        sources: [{ title: 'A link', url: 'javascript:alert(1)' }],
        appendices: [],
        body: { type: 'root', children: [paragraph('1.1 Text.')] },
        sourceLines: [10, 20],
      },
      { kind: 'paper', item: '7b', title: 'Odd item', recommendations: [], contacts: [], sources: [], appendices: [], body: { type: 'root', children: [paragraph('Text.')] }, sourceLines: [21, 30] },
    ],
    notes: [],
  } as unknown as ImportedPack;

  it('leaves out what the site would refuse, says so, and the drafts pass the check', () => {
    const { files, notes } = packFiles(oddPack, { body: 'bcb', date: '2030-01-10', sourceName: 'odd.pdf' });
    const encoder = new TextEncoder();
    const site = readFileSync('tests/fixtures/archive/content/site.yaml');
    const { problems } = checkContent([
      { path: 'bodies.yaml', bytes: encoder.encode('- id: bcb\n  name: Business Coordination Board\n') },
      { path: 'site.yaml', bytes: site },
      ...files.map((file) => ({ path: file.path, bytes: encoder.encode(file.text) })),
    ]);
    expect(problems).toEqual([]);
    const messages = notes.map((note) => note.message).join('\n');
    for (const expected of ['“about two”', 'Agenda item 1 is read twice', '“2a An item with a letter”', 'approves minutes dated 2031-01-01', 'read as procedural', 'dated 2030-02-01, after its meeting', 'Action 1.0 raised 2029-12-10 is read twice', '“Done-ish”', '“javascript:alert(1)”', '“7b”']) {
      expect(messages).toContain(expected);
    }
    const paper = files.find((file) => file.path.endsWith('04-estates.mdx'))!.text;
    expect(paper).toContain('dateNote: The paper is dated after its meeting, as printed.');
    expect(paper.slice(0, paper.indexOf('\n---\n', 4))).not.toContain('javascript:');
  });
});

