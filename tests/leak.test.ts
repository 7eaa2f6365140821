/**
 * Not public means not published: markers planted in a draft, an embargoed paper and meeting, and the
 * paper of an exempt item must appear in no file of the built site, the search index included.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FIXTURE, loadPage } from './support/site.ts';

const MARKERS = ['LEAKMARKER-DRAFT-91e4', 'LEAKMARKER-EMBARGO-2b9c', 'LEAKMARKER-EXEMPT-7f3a'];

/** The text of a built file; Pagefind's index files are gzipped, so read them unzipped too. */
function readableText(file: string): string {
  const bytes = readFileSync(file);
  let text = bytes.toString('utf8');
  try {
    text += gunzipSync(bytes).toString('utf8');
  } catch {
    // not gzipped
  }
  return text;
}

describe('what is not public', () => {
  const regular = readdirSync(FIXTURE.outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

  it('reaches no built file, the search index included', () => {
    expect(regular.some((file) => file.includes('/pagefind/'))).toBe(true);
    const leaks = regular.flatMap((file) => MARKERS.filter((marker) => readableText(file).includes(marker)).map((marker) => `${file}: ${marker}`));
    expect(leaks).toEqual([]);
  });

  it('is not named by a public record that points at it: the decision notified to an embargoed meeting, citing an exempt paper', () => {
    // content/decisions/2019/cpcc-2019-001.mdx names both; only its public meeting and paper are published
    const NAMES = ['pcp/2099-01-15', '2099-01-15', '15 January 2099', 'bcb/2019-06-11/9'];
    const named = regular.flatMap((file) => NAMES.filter((name) => readableText(file).includes(name)).map((name) => `${file}: ${name}`));
    expect(named).toEqual([]);
    expect(readFileSync(join(FIXTURE.outDir, 'data/decisions.json'), 'utf8')).toContain('"bcb/2019-06-11/5"');
  });

  it('shows an exempt item with its title and reason, never its paper', () => {
    const $ = loadPage(FIXTURE, 'bcb/2019-06-11/');
    const item = $('li[id="item-9"]');
    expect(item.text()).toContain('Estates disposal');
    expect(item.text()).toContain('Exempt item: not open to the public (Schedule 12A paragraph 3');
    expect(item.find('a')).toHaveLength(0);
  });
});

describe('the originals of what is not public', () => {
  it('are never copied to the site, while a published meeting’s original is', () => {
    const files = readdirSync(FIXTURE.outDir, { recursive: true, encoding: 'utf8' });
    expect(files).toContain('bcb/2019-06-11/pack.pdf');
    expect(files.filter((file) => file.endsWith('draft-original.pdf'))).toEqual([]);
  });
});
