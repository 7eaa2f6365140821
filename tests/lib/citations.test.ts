import { describe, expect, it } from 'vitest';
import { citationContext, findCitations, type CitationContext } from '#lib/text/citations.ts';
import { officeOf } from '#lib/model/office.ts';

const context: CitationContext = {
  bodyByAlias: new Map([
    ['business coordination board', 'bcb'],
    ['business co-ordination board', 'bcb'],
    ['bcb', 'bcb'],
    ['police and crime panel', 'pcp'],
    ['cambridgeshire police and crime panel', 'pcp'],
    ['the panel', 'pcp'],
  ]),
  currentBody: 'bcb',
  office: officeOf({ decisionNumbering: 'CPCC {year}-{number:3}' }, [{ name: 'Business Coordination Board' }, { name: 'Police and Crime Panel' }, { name: 'Joint Audit Committee' }]),
};
const targets = (text: string, ctx = context) => findCitations(text, ctx).map((citation) => citation.target);

describe('citations the packs use', () => {
  it('reads an agenda item of a named body and date', () => {
    expect(targets('‘Hate Crime Review Paper’, Agenda Item 8.0, Business Coordination Board, 7th August 2017')).toEqual([
      { kind: 'agenda-item', body: 'bcb', date: '2017-08-07', items: ['8'] },
    ]);
  });
  it('reads the citation across a line break, with the Panel and an ordinal date', () => {
    expect(targets('‘Police and Crime Commissioner’s Community Engagement’, Agenda Item 10.0, Police and\nCrime Panel, 6th September 2017')).toEqual([
      { kind: 'agenda-item', body: 'pcp', date: '2017-09-06', items: ['10'] },
    ]);
  });
  it('reads several items of one meeting', () => {
    expect(targets('New Approach’, Agenda Item 11.0, 11.1 and 11.2, Business Coordination Board, 21st September 2017')).toEqual([
      { kind: 'agenda-item', body: 'bcb', date: '2017-09-21', items: ['11', '11.1', '11.2'] },
    ]);
  });
  it('reads an item written without a point, and the hyphenated body name', () => {
    expect(targets('‘Launch of Custody Project’, Agenda Item 12, Business Co-ordination Board, 22nd June 2017')).toEqual([
      { kind: 'agenda-item', body: 'bcb', date: '2017-06-22', items: ['12'] },
    ]);
  });
  it('reads minutes of a named meeting', () => {
    expect(targets('To approve minutes of the Business Coordination Board meeting held on the\n16th May 2019')).toEqual([{ kind: 'minutes', body: 'bcb', date: '2019-05-16' }]);
  });
  it('reads minutes of "the meeting", as this body’s', () => {
    expect(targets('the minutes of the meeting held on 16th May 2019 were agreed')).toEqual([{ kind: 'minutes', body: 'bcb', date: '2019-05-16' }]);
    expect(targets('Minutes of the meetings held on 14 June 2017.', { ...context, currentBody: 'pcp' })).toEqual([{ kind: 'minutes', body: 'pcp', date: '2017-06-14' }]);
  });
  it('reads "brought to this Board" as a meeting of this body', () => {
    expect(targets('A paper was brought to this Board on 24 January 2019 setting out')).toEqual([{ kind: 'meeting', body: 'bcb', date: '2019-01-24' }]);
  });
  it('reads decision ids, normalising to three digits', () => {
    expect(targets('Item 11 – Decision by the Commissioner – Decision Record – CPCC 2017-008 – Capital Programme')).toEqual([{ kind: 'decision', id: 'CPCC 2017-008' }]);
    expect(targets('Decision Record – CPCC 2017-19 – Section 22A Agreement')).toEqual([{ kind: 'decision', id: 'CPCC 2017-019' }]);
    expect(targets('CPCC 2017-020 and CPCC 2017–021')).toEqual([
      { kind: 'decision', id: 'CPCC 2017-020' },
      { kind: 'decision', id: 'CPCC 2017-021' },
    ]);
  });
  it('reads a reference to another item of the same pack', () => {
    const [citation] = findCitations('as set out in this paper (see Agenda item 8.1).', context);
    expect(citation!.target).toEqual({ kind: 'same-meeting-item', item: '8.1' });
    expect(citation!.text).toBe('Agenda item 8.1');
  });
});

describe('what is not a citation', () => {
  it('ignores the Panel’s terms of reference items', () => {
    expect(targets('The Panel will consider Item 6 of its terms of reference.')).toEqual([]);
  });
  it('ignores paragraph references', () => {
    expect(targets('as described at 4.2 above, and in paragraph 3.1')).toEqual([]);
  });
  it('ignores an agenda item with no body or date', () => {
    expect(targets('This is Agenda Item 8.0 of the pack.')).toEqual([]);
  });
  it('ignores an impossible date', () => {
    expect(targets('Agenda Item 8.0, Business Coordination Board, 31st September 2017')).toEqual([]);
  });
  it('ignores a body it does not know', () => {
    expect(targets('Agenda Item 5, Fire Authority, 7th August 2017')).toEqual([]);
  });
});

describe('citation context', () => {
  it('gives the citing sentence', () => {
    const text = 'First sentence. The Board noted CPCC 2017-020 with thanks. Last sentence.';
    const [citation] = findCitations(text, context);
    expect(citationContext(text, citation!)).toBe('The Board noted CPCC 2017-020 with thanks.');
  });
  it('quotes the sentence as plain text: no heading marker, table syntax, tags or link syntax', () => {
    const quote = (text: string) => citationContext(text, findCitations(text, context)[0]!);
    expect(quote('### Decision Record – CPCC 2017-12 – Section 22A\n\nThe Panel asked.')).toBe('Decision Record – CPCC 2017-12 – Section 22A');
    expect(quote('## Approval of the minutes of the Business Coordination Board meeting held on the 1st March 2018\n\n3.1 The Board approved them.')).toBe(
      'Approval of the minutes of the Business Coordination Board meeting held on the 1st March 2018',
    );
    expect(quote('| Date | Decision |\n| --- | --- |\n| 21st September 2017 | **CPCC 2017-020** |')).toBe('21st September 2017 CPCC 2017-020');
    expect(quote('‘Estates Plan’, Agenda Item 14.0, Business Coordination Board, 16th December 2016<br />[the paper](http://example.org/a.pdf) \\{sic\\} &amp; more.')).toBe(
      '‘Estates Plan’, Agenda Item 14.0, Business Coordination Board, 16th December 2016 the paper {sic} & more.',
    );
  });
  it('quotes a citation in a publisher’s note from the note, and leaves notes out of other quotes', () => {
    const text = 'The Board noted CPCC 2017-020.\n\n<EditorialNote>The pack holds no paper for CPCC 2017-022.</EditorialNote>';
    const [first, second] = findCitations(text, context);
    expect(citationContext(text, first!)).toBe('The Board noted CPCC 2017-020.');
    expect(citationContext(text, second!)).toBe('The pack holds no paper for CPCC 2017-022.');
  });
  it('cuts a long sentence at a word, never inside a link', () => {
    const text = `${'word '.repeat(60)}[a long link text](http://example.org/x) then CPCC 2017-020 and ${'more '.repeat(60)}`;
    const quote = citationContext(text, findCitations(text, context)[0]!);
    expect(quote).toMatch(/^…word /);
    expect(quote).toMatch(/ more…$/);
    expect(quote).toContain('a long link text then CPCC 2017-020');
    expect(quote).not.toContain('](');
    expect(quote.length).toBeLessThan(340);
  });
  it('reads another office’s decision ids and its own word for the body a paper goes to', () => {
    const other: CitationContext = {
      bodyByAlias: new Map([['accountability forum', 'af']]),
      currentBody: 'af',
      office: officeOf({ decisionNumbering: 'PFCC/{number:3}/{yy}', citationWords: ['Forum'] }, [{ name: 'Accountability Forum' }]),
    };
    expect(targets('The Commissioner approved PFCC / 45 / 21, brought to this Forum on 4 March 2021.', other)).toEqual([
      { kind: 'decision', id: 'PFCC/045/21' },
      { kind: 'meeting', body: 'af', date: '2021-03-04' },
    ]);
    // another office's ids and words are not this office's citations
    expect(targets('CPCC 2017-020 was brought to this Board on 4 March 2021.', other)).toEqual([]);
  });
});
