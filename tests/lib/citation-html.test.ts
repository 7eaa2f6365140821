import { describe, expect, it } from 'vitest';
import { buildArchive } from '#lib/model/archive.ts';
import { linkCitations } from '#lib/text/citation-html.ts';
import { bodySchema, decisionSchema, meetingSchema, paperSchema } from '#lib/model/schema.ts';

const archive = buildArchive(
  {
    bodies: [bodySchema.parse({ id: 'bcb', name: 'Business Coordination Board', aliases: ['BCB'] })],
    meetings: [{ file: 'meetings/bcb/2017-09-21/index.mdx', data: meetingSchema.parse({ agenda: [{ number: '11.0', title: 'IMHT' }] }) }],
    papers: [{ file: 'meetings/bcb/2017-09-21/11-imht.mdx', data: paperSchema.parse({ title: 'Integrated Mental Health Team', item: '11.0' }) }],
    minutes: [],
    actionLogs: [],
    forwardPlans: [],
    decisions: [{ file: 'decisions/2017/cpcc-2017-020.mdx', data: decisionSchema.parse({ id: 'CPCC 2017-020', title: 'IMHT', date: '2017-09-21' }) }],
    site: { decisionNumbering: 'CPCC {year}-{number:3}' },
  },
  '2026-01-01',
);
const link = (html: string) => linkCitations(html, { path: 'decisions/cpcc-2017-020/', title: 'CPCC 2017-020', body: 'bcb' }, archive, (path) => `/board/${path}`);

describe('linking the citations in rendered HTML', () => {
  it('links a citation of a paper in the archive to its page', () => {
    expect(link('<p>Considered at Agenda Item 11.0, Business Coordination Board, 21st September 2017.</p>')).toBe(
      '<p>Considered at <a class="citation" href="/board/bcb/2017-09-21/11/">Agenda Item 11.0, Business Coordination Board, 21st September 2017</a>.</p>',
    );
  });

  it('marks a citation of what the archive lacks, with no link', () => {
    expect(link('<li>See decision CPCC 2017-008.</li>')).toBe(
      '<li>See decision <cite class="citation citation-missing" title="Decision CPCC 2017-008: not in this archive">CPCC 2017-008</cite>.</li>',
    );
  });

  it('reads a citation written with entities, and writes the text back escaped', () => {
    expect(link('<p>R&amp;D: Agenda Item&nbsp;11.0, BCB, 21st September 2017 &lt;draft&gt;</p>')).toBe(
      '<p>R&amp;D: <a class="citation" href="/board/bcb/2017-09-21/11/">Agenda Item\u00a011.0, BCB, 21st September 2017</a> &lt;draft&gt;</p>',
    );
  });

  it('leaves links, code, attributes and comments as they are', () => {
    const html =
      '<p><a href="/x/">CPCC 2017-020</a> <code>CPCC 2017-020</code></p><pre>CPCC 2017-020</pre>' +
      '<p title="CPCC 2017-020"><!-- CPCC 2017-020 --><img alt="CPCC 2017-020"></p>';
    expect(link(html)).toBe(html);
  });

  it('copies every byte outside the linked text as it came', () => {
    const before = "<table class='t'><tr><td data-x=a>Minutes of the meeting</td></tr></table>\n<p>Decision CPCC 2017-020 <em>was</em> taken.</p><br/>";
    expect(link(before)).toBe(
      "<table class='t'><tr><td data-x=a>Minutes of the meeting</td></tr></table>\n<p>Decision <a class=\"citation\" href=\"/board/decisions/cpcc-2017-020/\">CPCC 2017-020</a> <em>was</em> taken.</p><br/>",
    );
  });
});
