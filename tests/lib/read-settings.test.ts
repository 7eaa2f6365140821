/**
 * The settings under content/ as the tools read them: through the check's schemas with their defaults,
 * refused with the check's own words when the check would refuse them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBodies, readSite, SettingsError } from '#lib/check/read-settings.ts';
import { pathProblem } from '#lib/build/safe-write.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const withBodies = (yaml: string) => {
  writeFileSync(join(dir, 'bodies.yaml'), yaml);
  return () => readBodies(dir);
};

describe('readBodies', () => {
  it('gives a body without aliases its default, an empty list', () => {
    expect(withBodies('- id: bcb\n  name: Business Coordination Board\n')()).toEqual([{ id: 'bcb', name: 'Business Coordination Board', aliases: [] }]);
  });

  it('refuses an id that is a path, naming the file, the line, the field and what was expected', () => {
    const read = withBodies('- id: bcb\n  name: Board\n- id: ../../../../site/src/pages/pwn\n  name: Pwn\n');
    expect(read).toThrow(SettingsError);
    expect(read).toThrow('content/bodies.yaml:3 [1].id: found "../../../../site/src/pages/pwn"; expected a short lower-case id such as "board"');
  });

  it('accepts only ids that are safe parts of a path, whatever the text', () => {
    const pieces = ['a', 'b', '-', '.', '..', '/', '\\', ' ', 'Z', '9', '\n', '%', '\u2028', '_', 'é'];
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let accepted = 0;
    for (let round = 0; round < 300; round++) {
      const id = Array.from({ length: 1 + next(8) }, () => pieces[next(pieces.length)]!).join('');
      let ids: string[] | undefined;
      try {
        ids = withBodies(`- id: ${JSON.stringify(id)}\n  name: Board\n`)().map((body) => body.id);
      } catch (error) {
        expect(error, id).toBeInstanceOf(SettingsError);
      }
      for (const each of ids ?? []) {
        accepted++;
        expect(pathProblem(`meetings/${each}/2019-06-11/index.mdx`), each).toBeUndefined();
      }
    }
    expect(accepted).toBeGreaterThan(10);
  });

  it('refuses YAML the site would read in another way, a list that is not one, and a missing file', () => {
    expect(withBodies('- <<: { id: bcb }\n  name: Board\n')).toThrow(/content\/bodies\.yaml:?\d* this YAML can be read in two ways/);
    expect(withBodies('id: bcb\nname: Board\n')).toThrow('content/bodies.yaml expected a list of bodies');
    rmSync(join(dir, 'bodies.yaml'));
    expect(() => readBodies(dir)).toThrow('content/bodies.yaml is missing');
  });
});

describe('readSite', () => {
  it('refuses a site.yaml the check refuses, with the check’s words', () => {
    writeFileSync(join(dir, 'site.yaml'), 'name: Office\n');
    expect(() => readSite(dir)).toThrow(/content\/site\.yaml:?\d* area: is missing; this field is required/);
  });
});
