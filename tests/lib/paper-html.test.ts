import { describe, expect, it } from 'vitest';
import {
  anchorAppendices,
  anchorNumberedParagraphs,
  appendixAnchor,
  emptyHeaderCellsAsData,
  markLinksShowingAddress,
  nameFootnoteBacklinks,
  presentDocumentHtml,
  taskMarksAsText,
  wrapTables,
} from '#lib/text/paper-html.ts';

describe('anchors in a paper', () => {
  it('anchors numbered paragraphs', () => {
    const html = anchorNumberedParagraphs('<p>3.1 The Board is asked.</p><p>Plain text.</p><p>4.16 More.</p>');
    expect(html).toContain('<p id="para-3.1"><a class="para-number" href="#para-3.1" tabindex="-1" aria-label="Paragraph 3.1">3.1</a> The Board is asked.</p>');
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

describe('tables in a paper', () => {
  const region = (label: string) => `<div class="table-scroll" role="region" tabindex="0" aria-label="${label}">`;
  it('puts each table in a focusable region named by its caption', () => {
    const table = '<table><caption>Table 2: Grants &amp; awards</caption><thead><tr><th>Grant</th><th>£</th></tr></thead><tbody><tr><td>Victims</td><td>1,000</td></tr></tbody></table>';
    expect(wrapTables(`<p>Before.</p>${table}<p>After.</p>`)).toBe(`<p>Before.</p>${region('Table 2: Grants &amp; awards')}${table}</div><p>After.</p>`);
  });
  it('names a table without a caption by its first header row, shortened to about 80 characters', () => {
    const short = '<table><thead><tr><th>Measure</th><th> Target </th><th></th></tr></thead><tbody><tr><td>Calls</td><td>90%</td><td>n/a</td></tr></tbody></table>';
    expect(wrapTables(short)).toBe(`${region('Table: Measure, Target')}${short}</div>`);
    const headers = ['Force', 'Area', 'Measure', 'Baseline 2016/17', 'Target 2017/18', 'Actual 2017/18', 'Difference', 'Direction of travel', 'Comment'];
    const wide = `<table><thead><tr>${headers.map((header) => `<th>${header}</th>`).join('')}</tr></thead><tbody><tr><td>1</td></tr></tbody></table>`;
    const label = /aria-label="([^"]*)"/.exec(wrapTables(wide))![1]!;
    expect(label).toMatch(/^Table: Force, Area, Measure, Baseline 2016\/17, .*…$/);
    expect(label.length).toBeLessThanOrEqual(88);
    expect(label).not.toMatch(/[ ,]…$/);
  });
  it('numbers a table with neither caption nor header row', () => {
    const plain = '<table><tbody><tr><td>Alpha</td><td>Beta</td></tr></tbody></table>';
    const titled = '<table><caption>Titled</caption><tr><td>1</td></tr></table>';
    expect(wrapTables(`${titled}<p>Text</p>${plain}`)).toBe(`${region('Titled')}${titled}</div><p>Text</p>${region('Table 2')}${plain}</div>`);
  });
  it('wraps a table inside a table once, with the outer one, and leaves text without tables alone', () => {
    const nested = '<table><tr><th>Outer "quoted" <em>head</em></th></tr><tr><td><table><caption>Inner</caption><tr><td>x</td></tr></table></td></tr></table>';
    const wrapped = wrapTables(nested);
    expect(wrapped).toBe(`${region('Table: Outer &quot;quoted&quot; head')}${nested}</div>`);
    expect(wrapped.match(/table-scroll/g)).toHaveLength(1);
    const text = '<p id="para-1.1">1.1 A table of contents follows.</p><ul><li>No &lt;table&gt; here</li></ul>';
    expect(wrapTables(text)).toBe(text);
  });
  it('changes nothing but the wrapper: every byte of the text is kept', () => {
    const html = '<h2 id="a">Figures</h2>\n<table class="x"><thead><tr><th class="align-right">£m</th></tr></thead><tbody><tr><td>&nbsp;1.5</td></tr></tbody></table>\n<p>3.1 End.</p>';
    const wrapped = wrapTables(html);
    expect(wrapped.replace(/<div class="table-scroll"[^>]*>/, '').replace('</table></div>', '</table>')).toBe(html);
  });
});

describe('tables named for a screen reader', () => {
  const labels = (html: string) => [...wrapTables(html).matchAll(/aria-label="([^"]*)"/g)].map((match) => match[1]);
  const table = (head: string) => `<table><thead><tr><th>${head}</th><th>Target</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>`;
  it('names a table by the heading it follows directly, and by its header row when text stands between', () => {
    expect(labels(`<h3 id="v">Victims</h3>\n${table('Measure')}<p>Next.</p>${table('Crime')}`)).toEqual(['Victims', 'Table: Crime, Target']);
    expect(labels(`<h3>Victims</h3><p>The figures:</p>${table('Measure')}`)).toEqual(['Table: Measure, Target']);
  });
  it('gives tables with the same header row names that differ, as landmarks on one page must', () => {
    expect(labels(`${table('Measure')}<p>More.</p>${table('Measure')}${table('Measure')}`)).toEqual(['Table: Measure, Target', 'Table: Measure, Target (2)', 'Table: Measure, Target (3)']);
  });
  it('makes an empty header cell a data cell, and keeps header cells with words', () => {
    expect(emptyHeaderCellsAsData('<tr><th></th><th style="text-align:left"> </th><th>Cost</th></tr>')).toBe('<tr><td></td><td style="text-align:left"> </td><th>Cost</th></tr>');
  });
});

describe('links and marks a screen reader can name', () => {
  it('names a footnote\'s way back by its text, with the arrow hidden', () => {
    const backlink = '<a href="#user-content-fnref-1" data-footnote-backref aria-label="Back to reference 1" class="data-footnote-backref">↩</a>';
    expect(nameFootnoteBacklinks(backlink)).toBe(
      '<a href="#user-content-fnref-1" data-footnote-backref class="data-footnote-backref"><span aria-hidden="true">↩</span><span class="sr-only">Back to reference 1</span></a>',
    );
  });
  it('shows a task box as a mark read as done or not done, not as a control without a name', () => {
    expect(taskMarksAsText('<li class="task-list-item"><input type="checkbox" checked disabled/> Agreed</li><li><input type="checkbox" disabled /> Open</li>')).toBe(
      '<li class="task-list-item"><span class="task-mark" role="img" aria-label="Done">☑</span> Agreed</li><li><span class="task-mark" role="img" aria-label="Not done">☐</span> Open</li>',
    );
  });
  it('marks a link whose text is its own address, so print does not write the address twice', () => {
    const html = markLinksShowingAddress(
      '<a href="http://www.example.gov.uk/a?b=1&amp;c=2">http://www.example.gov.uk/a?b=1&amp;c=2</a> <a href="https://example.org/plan/">example.org/plan</a> <a href="https://example.org/">The plan</a> <a href="/bcb/">/bcb/</a>',
    );
    expect(html.match(/class="shows-address"/g)).toHaveLength(2);
    expect(html).toContain('<a href="https://example.org/">The plan</a>');
    expect(html).toContain('<a href="/bcb/">/bcb/</a>');
  });
});

describe('a document made ready for its page', () => {
  it('applies every step: anchors, named regions, data cells, marks', () => {
    const html = presentDocumentHtml('<h2>Appendix A – Costs</h2><table><thead><tr><th></th><th>£m</th></tr></thead><tbody><tr><td>Pay</td><td>1</td></tr></tbody></table><p>1.1 Text <input type="checkbox" disabled/></p>');
    expect(html).toContain('<h2 id="appendix-a">');
    expect(html).toContain('aria-label="Appendix A – Costs"');
    expect(html).toContain('<td></td><th>£m</th>');
    expect(html).toContain('id="para-1.1"');
    expect(html).toContain('aria-label="Not done"');
  });
});
