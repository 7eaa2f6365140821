/**
 * The documents for each reader: the README that says what the project is and its two commands, the staff's
 * field reference written from the schemas, a folder map that matches src/, and links between them that lead
 * somewhere.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import Slugger from 'github-slugger';
import { fieldReference } from '#lib/authoring/field-reference.ts';
import { FIELD_REFERENCE_FILE, generatedPart } from '#lib/authoring/field-reference-file.ts';

/** README.md and every Markdown file under docs/. */
const DOCUMENTS = ['README.md', ...readdirSync('docs', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md')).map((file) => join('docs', file))].sort();
const read = (file: string) => readFileSync(file, 'utf8');

/** The text of a Markdown file outside its fenced code blocks, where links are links. */
const outsideCode = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/** The anchors of a Markdown file's headings, as GitHub and GitLab give them. */
function anchorsOf(file: string): Set<string> {
  const slugger = new Slugger();
  return new Set([...outsideCode(read(file)).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((match) => slugger.slug(match[1]!.replace(/[*_`]/g, ''))));
}

/** Every link of a Markdown file to another file of the project or to a part of one: [words](target). */
function relativeLinks(file: string): string[] {
  return [...outsideCode(read(file)).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('/'));
}

describe('the README', () => {
  const readme = read('README.md');
  it('is at most 150 lines: what the project is, its two commands, and where to go next', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(150);
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
    expect(readme).toContain('npm run dev');
    expect(readme).toContain('npm run check');
    for (const guide of ['docs/publishing/README.md', 'docs/developing/README.md', 'docs/deploying.md', 'docs/performance.md']) expect(readme).toContain(`](${guide})`);
  });
  it('gives the test command that CI runs', () => {
    expect(read('.ci/run')).toContain('npm install && npm test');
  });
});

describe('the field reference for staff', () => {
  it('lists every field of every content type as the schemas state them (npm run docs)', () => {
    expect(generatedPart(read(FIELD_REFERENCE_FILE))).toBe(fieldReference().trim());
  });
});

describe('the links between the documents', () => {
  it('each lead to a file of the project, and each fragment to a heading of it', () => {
    const broken: string[] = [];
    let links = 0;
    for (const file of DOCUMENTS) {
      for (const link of relativeLinks(file)) {
        links++;
        const [path, fragment] = link.split('#') as [string, string | undefined];
        const target = path === '' ? file : normalize(join(dirname(file), decodeURIComponent(path)));
        if (!existsSync(target)) broken.push(`${file}: ${link} leads to no file`);
        else if (fragment && target.endsWith('.md') && !anchorsOf(target).has(fragment)) broken.push(`${file}: ${link} names no heading of ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(DOCUMENTS.length);
  });
  it('leave no document unreachable from the README', () => {
    const reached = new Set(['README.md']);
    const queue = ['README.md'];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const link of relativeLinks(file)) {
        const target = normalize(join(dirname(file), decodeURIComponent(link.split('#')[0]!)));
        if (target.endsWith('.md') && existsSync(target) && !reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    expect(DOCUMENTS.filter((file) => !reached.has(file))).toEqual([]);
  });
});

describe('the folder map for developers', () => {
  const map = read('docs/developing/README.md').match(/^## The folders\n\n```\n([\s\S]*?)^```/m)?.[1] ?? '';
  /** The paths the map names, each at the start of a line. */
  const named = [...map.matchAll(/^(\S+)/gm)].map((match) => match[1]!);
  const folders = (dir: string) => readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).map((name) => `${dir}/${name}/`);

  it('names every folder of src/ and of src/lib/', () => {
    expect(named.length).toBeGreaterThan(10);
    for (const folder of [...folders('src'), ...folders('src/lib')]) expect(named, folder).toContain(folder);
  });
  it('names nothing that is not there', () => {
    for (const path of named) expect(existsSync(path), path).toBe(true);
  });
});

describe('what the code tells a reader to read', () => {
  it('names documents that exist', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|astro|mjs)$/.test(file)).map((file) => join('src', file));
    const named = files.flatMap((file) => [...read(file).matchAll(/\b(docs\/[\w/.-]+\.md)(#[\w-]+)?/g)].map((match) => ({ file, doc: match[1]!, fragment: match[2]?.slice(1) })));
    for (const { file, doc, fragment } of named) {
      expect(existsSync(doc), `${file} names ${doc}`).toBe(true);
      if (fragment) expect(anchorsOf(doc), `${file} names ${doc}#${fragment}`).toContain(fragment);
    }
    expect(files.filter((file) => /in README\.md/.test(read(file)))).toEqual([]);
  });
});
