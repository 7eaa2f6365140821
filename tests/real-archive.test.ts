/** The published archive, built from content/: what a member of the public or of the Panel checks. */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import { REAL, loadPage } from './support/site.ts';

const page = (path: string) => loadPage(REAL, path);
const text = (path: string) => page(path)('main').text().replace(/\s+/g, ' ');

describe('BCB, 11 June 2019 (seed 000)', () => {
  const $ = page('bcb/2019-06-11/');
  const item = (number: string) => $(`li[id="item-${number}"]`).first();

  it('gives the venue and the time', () => {
    expect($('dl.summary-list').text()).toContain('HQ, Conference Room 3');
    expect($('dl.summary-list').text()).toContain('15:00');
  });
  it('lists all twelve agenda items, with 8.0 and 8.1', () => {
    for (const number of ['1', '2', '3', '4', '5', '6', '7', '8', '8.0', '8.1', '9', '10', '11', '12']) expect(item(number), number).toHaveLength(1);
  });
  it('links items 5 to 10 to their papers, 8.0 and 8.1 separately, and item 4 to the action log', () => {
    expect(item('4').find('a').attr('href')).toBe('#action-log');
    for (const [number, path] of [['5', '5'], ['6', '6'], ['7', '7'], ['8.0', '8'], ['8.1', '8.1'], ['9', '9'], ['10', '10']]) {
      expect(item(number!).find('> .item-status a, > ul a').first().attr('href'), number).toBe(`/bcb/2019-06-11/${path}/`);
    }
  });
  it('shows item 11 as a verbal update with no paper', () => {
    expect(item('11').text()).toContain('Verbal update: there is no paper for this item.');
    expect(item('11').find('a')).toHaveLength(0);
  });
  it('shows the action log with owners, targets and statuses', () => {
    const rows = $('#action-log ~ table.action-log tbody tr, table.action-log tbody tr');
    expect(rows.length).toBeGreaterThanOrEqual(7);
    const log = $('table.action-log').text();
    for (const word of ['Constabulary', 'OPCC', 'Closed', 'Ongoing', 'Not Started', '16 May 2019']) expect(log).toContain(word);
  });
  it('publishes every paper whole', () => {
    expect(text('bcb/2019-06-11/6/')).toMatch(/£198\.72/);
    expect(text('bcb/2019-06-11/6/')).toMatch(/£222\.66/);
    expect(page('bcb/2019-06-11/5/')('.paper-text table').length).toBeGreaterThanOrEqual(1);
    const grants = page('bcb/2019-06-11/8/')('.paper-text table tr').filter((_, row) => /Crimestoppers/.test(load(row).text()));
    expect(grants.text()).toContain('20,000');
    expect(text('bcb/2019-06-11/7/')).toContain('Annual Governance Statement');
  });
  it('links "see Agenda item 8.1" in paper 8.0 to paper 8.1', () => {
    const link = page('bcb/2019-06-11/8/')('a.citation').filter((_, a) => /Agenda item 8\.1/i.test(load(a).text()));
    expect(link.attr('href')).toBe('/bcb/2019-06-11/8.1/');
  });
});

describe('Panel, 6 September 2017 (seed 001)', () => {
  it('shows the Chairperson, the apologies and the substitutes', () => {
    const attendance = page('pcp/2017-09-06/')('section[aria-labelledby=attendance]').text().replace(/\s+/g, ' ');
    expect(attendance).toMatch(/Edward Leigh[^,]*, Chairperson/);
    for (const name of ['Shelton', 'Bull', 'Oliver', 'Bond']) expect(attendance).toContain(name);
    expect(page('pcp/2017-09-06/')('h3:contains("Substitutes") + ul li')).toHaveLength(2);
  });
  it('has minutes with minute 22’s recommendation and its reasons', () => {
    const minutes = text('pcp/2017-09-06/minutes/');
    expect(minutes).toContain('RECOMMENDATION');
    expect(minutes).toMatch(/reason/i);
    expect(minutes).toMatch(/22\./);
  });
  it('shows the reference to CPCC 2017-008 as a citation, not a link, and lists it as a gap', () => {
    const $ = page('pcp/2017-09-06/minutes/');
    expect($('cite.citation-missing').filter((_, element) => /CPCC 2017-008/.test(load(element).text())).length).toBeGreaterThan(0);
    expect(text('gaps/')).toContain('Decision CPCC 2017-008');
  });
});

describe('decisions', () => {
  it('CPCC 2017-020 shows its date, subject, sum, and its BCB paper, which links back', () => {
    const $ = page('decisions/cpcc-2017-020/');
    const words = $('main').text().replace(/\s+/g, ' ');
    expect(words).toContain('21 September 2017');
    expect(words).toContain('Integrated Mental Health Team');
    expect(words).toMatch(/Clinical Commissioning Group/);
    expect(words).toMatch(/£150k/);
    const paperHref = $('section[aria-labelledby=papers] a').attr('href')!;
    expect(paperHref).toBe('/bcb/2017-09-21/11/');
    expect(page('bcb/2017-09-21/11/')('section[aria-labelledby=decisions] a').attr('href')).toBe('/decisions/cpcc-2017-020/');
  });
  it('the Panel’s decisions report links to all four decision pages', () => {
    const hrefs = page('pcp/2017-11-15/9/')('.paper-text a').map((_, a) => load(a)('a').attr('href')).get();
    for (const id of ['020', '021', '022', '023']) expect(hrefs).toContain(`/decisions/cpcc-2017-${id}/`);
  });
  it('CPCC 2017-020 is cited by the Panel’s decisions report', () => {
    expect(page('decisions/cpcc-2017-020/')('.cited-by a').map((_, a) => load(a)('a').attr('href')).get()).toContain('/pcp/2017-11-15/9/');
  });
  it('the register lists every decision, newest first', () => {
    const files = readdirSync('content/decisions', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));
    const rows = page('decisions/')('tbody tr');
    expect(rows.length).toBe(files.length);
    const dates = rows.map((_, row) => load(row)('td').last().text()).get().map((date) => Date.parse(date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

describe('the rest of the archive (seeds 001, 002, 004)', () => {
  it('marks the 12 April 2018 minutes as draft', () => {
    expect(page('bcb/2018-04-12/minutes/')('h1 .tag.draft').text()).toBe('Draft');
  });
  it('says the same of the 12 April 2018 minutes’ approval on their page and on their meeting’s: listed at 10 May 2018, no record of approval', () => {
    const onMinutes = page('bcb/2018-04-12/minutes/')('dl.summary-list dt:contains("Status") + dd').text().replace(/\s+/g, ' ').trim();
    expect(onMinutes).toBe('Listed for approval at the meeting of 10 May 2018. This archive holds no record that these minutes were approved.');
    expect(page('bcb/2018-04-12/')('dl.summary-list dt:contains("Minutes") + dd').text().replace(/\s+/g, ' ')).toContain(onMinutes);
    expect(text('bcb/2018-04-12/')).not.toContain('Approved at');
  });
  it('shows who attended on the minutes’ page, as on the meeting’s', () => {
    const attendance = (path: string) => page(path)('section[aria-labelledby="attendance"]').text().replace(/\s+/g, ' ').trim();
    expect(attendance('pcp/2017-09-06/minutes/')).toContain('Members present');
    expect(attendance('pcp/2017-09-06/minutes/')).toBe(attendance('pcp/2017-09-06/'));
  });
  it('says the BCB meeting of 21 September 2017 is known only from re-published papers', () => {
    expect(text('bcb/2017-09-21/')).toMatch(/Known only from/);
  });
  it('lists the BCB’s 2017, 2018 and 2019 meetings', () => {
    const years = page('bcb/')('h2').map((_, heading) => load(heading).text()).get();
    expect(years).toEqual(expect.arrayContaining(['2017', '2018', '2019']));
  });
  it('links the Communities theme report’s background documents to the Panel meeting of 6 September 2017', () => {
    const $ = page('pcp/2017-11-15/8/');
    const link = $('section[aria-labelledby=sources] a.citation').filter((_, a) => /Agenda Item 10\.0/.test(load(a).text()));
    expect(link.attr('href')).toMatch(/^\/pcp\/2017-09-06\//);
  });
  it('publishes the Joint Audit Committee report of 29 September 2016', () => {
    expect(page('jac/')('a[href^="/jac/2016-09-29/"]').length).toBeGreaterThan(0);
  });
});

describe('the whole built archive', () => {
  const files = readdirSync(REAL.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  it('has no internal link to a page that does not exist', () => {
    const broken: string[] = [];
    for (const file of files) {
      const $ = load(readFileSync(join(REAL.outDir, file), 'utf8'));
      $('a[href^="/"]').each((_, element) => {
        const path = $(element).attr('href')!.split('#')[0]!;
        const target = join(REAL.outDir, path);
        if (!existsSync(path.endsWith('/') ? join(target, 'index.html') : target)) broken.push(`${relative(REAL.outDir, join(REAL.outDir, file))} → ${path}`);
      });
    }
    expect(broken).toEqual([]);
  });
  it('quotes citing sentences as plain text, with no markup, in "Cited by" and on /gaps/', () => {
    const MARKUP = ['###', '| ---', '<br', '<EditorialNote', '](', '**', '\\{'];
    const offending: string[] = [];
    let quotes = 0;
    for (const file of files) {
      const $ = load(readFileSync(join(REAL.outDir, file), 'utf8'));
      const selector = file === join('gaps', 'index.html') ? 'main li .meta' : '.cited-by li .meta';
      $(selector).each((_, element) => {
        quotes++;
        const quote = $(element).text();
        if (MARKUP.some((markup) => quote.includes(markup))) offending.push(`${file}: ${quote}`);
      });
    }
    expect(quotes).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });
  it('publishes a page for every paper file', () => {
    const papers = readdirSync('content/meetings', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx') && !/(^|\/)(index|minutes)\.mdx$/.test(file));
    const paperPages = files.filter((file) => /^[a-z]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/index\.html$/.test(file) && !/\/(minutes|forward-plan)\//.test(file));
    expect(paperPages.length).toBe(papers.length);
  });
});

describe('every seed paper is published', () => {
  // The papers each real meeting pack holds, as their pages on the site.
  const SEED_PAPERS: Record<string, string[]> = {
    '000 BCB 11 June 2019': ['bcb/2019-06-11/5/', 'bcb/2019-06-11/6/', 'bcb/2019-06-11/7/', 'bcb/2019-06-11/8/', 'bcb/2019-06-11/8.1/', 'bcb/2019-06-11/9/', 'bcb/2019-06-11/10/'],
    '001 Panel pack, 15 November 2017': [
      'pcp/2017-09-06/minutes/',
      'pcp/2017-11-15/5/',
      'pcp/2017-11-15/6/',
      'pcp/2017-11-15/7/',
      'pcp/2017-11-15/8/',
      'pcp/2017-11-15/9/',
      'pcp/2017-11-15/10/',
      'pcp/2017-11-15/work-programme/',
      'bcb/2017-09-21/11/',
      'bcb/2017-09-21/13/',
      'bcb/2017-09-21/dvi-s22a-agreement/',
      'decisions/cpcc-2017-020/',
      'decisions/cpcc-2017-021/',
      'decisions/cpcc-2017-022/',
      'decisions/cpcc-2017-023/',
    ],
    '002 BCB 10 May 2018': ['bcb/2018-04-12/minutes/', ...['4', '5', '6', '7', '8', '9', '10', '11'].map((item) => `bcb/2018-05-10/${item}/`)],
    '004 JAC 29 September 2016': ['jac/2016-09-29/developing-a-police-and-crime-plan/'],
  };
  it.each(Object.entries(SEED_PAPERS))('%s', (_pack, paths) => {
    const missing = paths.filter((path) => !existsSync(join(REAL.outDir, path, 'index.html')));
    expect(missing).toEqual([]);
  });
});

describe('the publisher’s notes, written for a citizen', () => {
  /** words about how the text was made, which a reader cannot act on */
  const PRODUCTION_WORDS = /\b(extract\w*|source text|text layer|pdftotext|OCR|seeds?|spreadsheet|came out of|column by column)\b/i;
  const files = readdirSync('content', { recursive: true, encoding: 'utf8' }).filter((file) => /\.(mdx|ya?ml)$/.test(file));
  const notes = files.flatMap((file) => {
    const source = readFileSync(join('content', file), 'utf8');
    const boxes = [...source.matchAll(/<EditorialNote>([\s\S]*?)<\/EditorialNote>/g)].map((match) => match[1]!);
    const fields = [...source.matchAll(/^\s*(?:- )?note:\s*(.+)$/gm)].map((match) => match[1]!);
    return [...boxes, ...fields].map((note) => ({ file, note }));
  });

  it('speak of the pack as published, never of how its text was made', () => {
    expect(notes.length).toBeGreaterThan(60);
    expect(notes.filter(({ note }) => PRODUCTION_WORDS.test(note)).map(({ file, note }) => `${file}: ${note.slice(0, 100)}`)).toEqual([]);
  });
  it('are notes, not landmarks: a page with many has one landmark of each name', () => {
    const $ = page('bcb/2018-05-10/5/');
    expect($('.editorial-note').length).toBeGreaterThan(1);
    expect($('aside')).toHaveLength(0);
    expect($('.editorial-note[role=note]').length).toBe($('.editorial-note').length);
  });
});

describe('the information the law asks to be published', () => {
  const $ = page('published-information/');
  const rowOf = (meeting: string) => $('main tbody tr').filter((_index, row) => $(row).find('th a').attr('href') === `/${meeting}/`);
  const cell = (meeting: string, label: string) => rowOf(meeting).find(`[data-label="${label}"]`).text().replace(/\s+/g, ' ').trim();

  it('lists every meeting, with what the archive lacks of its time, place, agenda, reports and minutes', () => {
    expect($('[aria-label="Meetings and what is published for each"] tbody tr').length).toBe(7);
    expect(cell('jac/2016-09-29', 'Not in the archive')).toBe('time, place, agenda, minutes');
    expect(cell('bcb/2019-06-11', 'Reports')).toBe('7 of 7');
    expect(cell('bcb/2019-06-11', 'Time and place')).toBe('15:00, HQ, Conference Room 3');
    expect(cell('pcp/2017-09-06', 'Minutes')).toBe('Draft');
  });
  it('links each meeting to the decisions discussed at or notified to it, and says when none records its publication', () => {
    expect(rowOf('pcp/2017-11-15').find('[data-label="Decisions"] a').map((_index, link) => $(link).text()).get().sort()).toEqual(['CPCC 2017-020', 'CPCC 2017-021', 'CPCC 2017-022', 'CPCC 2017-023']);
    expect($('main tbody tr').filter((_index, row) => $(row).find('th a').text() === 'CPCC 2017-020').find('[data-label="Published"]').text()).toBe('Not recorded');
  });
  it('is linked from the footer of every page', () => {
    expect(page('bcb/2019-06-11/5/')('footer a[href="/published-information/"]').text()).toBe('Published information');
  });
});

describe('the forward plan of decisions and declarations of interest (the Specified Information Order)', () => {
  const plan = page('pcp/2017-11-15/forward-plan/');
  it('publishes Appendix 3 of the Panel’s decisions report of 15 November 2017 as a plan, each planned decision word for word', () => {
    const subjects = plan('article.planned-decision').map((_, element) => plan(element).children('p').first().text() || plan(element).children('h2').text()).get();
    expect(subjects).toHaveLength(8);
    // the report's table joins a cell's lines with a line break, and its text is set with curly
    // apostrophes: compare the words, not the spaces or the apostrophes' shape
    const words = (text: string) => text.replace(/\s+/g, '').replace(/’/g, "'");
    const report = words(text('pcp/2017-11-15/9/'));
    for (const subject of subjects) expect(report, subject).toContain(words(subject));
    expect(plan('h2').first().text()).toBe('COLLABORATION');
    expect(plan('main').text()).toContain('No decision on it in this archive yet');
  });
  it('is linked from its meeting, and gathered in the register of planned decisions', () => {
    expect(page('pcp/2017-11-15/')('dl.summary-list a[href="/pcp/2017-11-15/forward-plan/"]').text()).toBe('Areas where decisions are likely to be considered');
    expect(text('forward-plans/')).toContain('8 planned decisions in 1 plan, 0 with a decision published in this archive');
    expect(page('forward-plans/')('#awaiting').text()).toBe('No decision in this archive yet (8)');
  });
  it('says on each meeting what its papers record of declarations of interest', () => {
    expect(page('pcp/2017-09-06/')('#declarations').parent().text()).toContain('The papers record that no interest was declared.');
    expect(page('bcb/2019-06-11/')('#declarations').parent().text()).toContain('Not recorded in the published papers.');
    const declarations = page('declarations/');
    expect(declarations('#none-declared').parent().find('a').map((_, link) => declarations(link).attr('href')).get()).toEqual(['/pcp/2017-09-06/', '/bcb/2018-04-12/']);
  });
});
