import { describe, expect, it } from 'vitest';
import { findMdxErrors, mayHoldMdxSyntax } from '../../src/lib/mdx-safety.ts';

describe('which texts are parsed as MDX by the check', () => {
  it('skips plain Markdown: tables, links, lists, emphasis and numbered paragraphs', () => {
    const markdown = '## 1. Purpose\n\n1.1 The *board* is asked to note [the plan](/bcb/).\n\n| Grant | £ |\n| --- | ---: |\n| Crimestoppers | 20,000 |\n\n- one\n- two\n';
    expect(mayHoldMdxSyntax(markdown)).toBe(false);
    expect(findMdxErrors(markdown)).toEqual([]);
  });

  it('parses any text with a tag, a brace or an import or export line', () => {
    for (const text of ['Crime fell by <3%.', '<EditorialNote>x</EditorialNote>', 'The { budget', 'The } budget', "import X from './x.js'", 'export const y = 1']) {
      expect(mayHoldMdxSyntax(text), text).toBe(true);
    }
    expect(findMdxErrors('Crime fell by <3%.')[0]?.message).toMatch(/^is not valid MDX: Unexpected character after `<`/);
  });
});
