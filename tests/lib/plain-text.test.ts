import { describe, expect, it } from 'vitest';
import { plainText } from '#lib/text/plain-text.ts';

describe('the plain text a reader sees', () => {
  it('drops a heading’s markers', () => {
    expect(plainText('### Decision Record – CPCC 2017-12')).toBe('Decision Record – CPCC 2017-12');
  });
  it('reads a table as the words of its cells, without pipes or the --- row', () => {
    expect(plainText('| Date | Decision |\n| --- | --- |\n| 21st September 2017 | CPCC 2017-020 |')).toBe('Date Decision 21st September 2017 CPCC 2017-020');
  });
  it('turns a <br /> into a space', () => {
    expect(plainText('Business Co-ordination Board, 11th August 2016<br />http://example.org/a.pdf')).toBe('Business Co-ordination Board, 11th August 2016 http://example.org/a.pdf');
  });
  it('drops a publisher’s note entirely', () => {
    expect(plainText('The Board agreed.\n\n<EditorialNote>The pack prints no header.</EditorialNote>\n\nIt closed.')).toBe('The Board agreed. It closed.');
    expect(plainText('Agreed <EditorialNote>an inline note</EditorialNote> at once.')).toBe('Agreed at once.');
  });
  it('keeps a link’s text, not its address', () => {
    expect(plainText('see the [Panel’s report](/pcp/2017-11-15/9/) for CPCC 2017-022')).toBe('see the Panel’s report for CPCC 2017-022');
  });
  it('drops emphasis, list markers and code backticks', () => {
    expect(plainText('**ESTATES** and _custody_ and *more*')).toBe('ESTATES and custody and more');
    expect(plainText('- one\n- `two`')).toBe('one two');
  });
  it('removes escapes and decodes character references', () => {
    expect(plainText('a \\{ b \\} c')).toBe('a { b } c');
    expect(plainText('1 &lt; 2 &amp; 3 &gt; 2')).toBe('1 < 2 & 3 > 2');
  });
  it('keeps the text of <sup> and <sub>', () => {
    expect(plainText('the 1<sup>st</sup> of H<sub>2</sub>O')).toBe('the 1st of H2O');
  });
  it('collapses whitespace', () => {
    expect(plainText('one\n  two\n\n\nthree')).toBe('one two three');
  });
  it('reads text that is not valid MDX as Markdown', () => {
    expect(plainText('a < b and {c')).toBe('a < b and {c');
  });
});
