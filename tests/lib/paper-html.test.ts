import { describe, expect, it } from 'vitest';
import { anchorAppendices, anchorNumberedParagraphs, appendixAnchor } from '../../src/lib/paper-html.ts';

describe('anchors in a paper', () => {
  it('anchors numbered paragraphs', () => {
    const html = anchorNumberedParagraphs('<p>3.1 The Board is asked.</p><p>Plain text.</p><p>4.16 More.</p>');
    expect(html).toContain('<p id="para-3.1"><a class="para-number" href="#para-3.1" aria-label="Paragraph 3.1">3.1</a> The Board is asked.</p>');
    expect(html).toContain('<p>Plain text.</p>');
    expect(html).toContain('id="para-4.16"');
  });
  it('keeps ids unique when an appendix restarts the numbering', () => {
    const html = anchorNumberedParagraphs('<p>1.1 First.</p><p>1.1 Again.</p>');
    expect(html).toContain('id="para-1.1"');
    expect(html).toContain('id="para-1.1-2"');
  });
  it('does not take a year or an amount for a paragraph number', () => {
    expect(anchorNumberedParagraphs('<p>2019 was a year.</p><p>£198.72 is Band D.</p>')).not.toContain('id=');
  });
  it('anchors appendix headings', () => {
    const html = anchorAppendices('<h2 id="appendix-1--grants">Appendix 1 – Grants</h2><h3>Appendix B - MTFP</h3>');
    expect(html).toContain('<h2 id="appendix-1">Appendix 1 – Grants</h2>');
    expect(html).toContain('<h3 id="appendix-b">Appendix B - MTFP</h3>');
    expect(appendixAnchor('Appendix 1 – Grants')).toBe('appendix-1');
  });
});
