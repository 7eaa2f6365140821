/** The README's field reference is written from the schemas: it must not drift from them. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fieldReference } from '#lib/authoring/field-reference.ts';
import { generatedPart } from '#lib/authoring/readme.ts';

describe('the authoring guide', () => {
  const readme = readFileSync('README.md', 'utf8');
  it('lists every field of every content type as the schemas state them (npm run docs)', () => {
    expect(generatedPart(readme)).toBe(fieldReference().trim());
  });
  it('gives the two set-up commands and the preview command', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
    expect(readme).toContain('npm run dev');
    expect(readme).toContain('npm run check');
  });
});
