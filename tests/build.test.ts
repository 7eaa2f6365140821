/** The fixture archive, built by the real build under the sub-path /board/: what a reader sees. */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import { FIXTURE, loadPage } from './support/site.ts';
import { fileSizeText } from '#lib/check/file-size.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).map((file) => join(dir, file));
}

describe('meeting page', () => {
  const $ = loadPage(FIXTURE, 'bcb/2019-06-11/');
  const agendaItem = (number: string) => $(`li[id="item-${number}"]`).first();

  it('gives the date, time and venue', () => {
    const summary = $('dl.summary-list').text();
    expect(summary).toContain('11 June 2019');
    expect(summary).toContain('15:00');
    expect(summary).toContain('HQ, Conference Room 3');
  });
  it('links each paper item to its paper, under the base path', () => {
    expect(agendaItem('5').find('a').attr('href')).toBe('/board/bcb/2019-06-11/5/');
    expect(agendaItem('8.0').find('a').attr('href')).toBe('/board/bcb/2019-06-11/8/');
    expect(agendaItem('8.1').find('a').attr('href')).toBe('/board/bcb/2019-06-11/8.1/');
  });
  it('says that a verbal item has no paper', () => {
    expect(agendaItem('11').text()).toContain('Verbal update: there is no paper for this item.');
    expect(agendaItem('11').find('a')).toHaveLength(0);
  });
  it('says that minutes to approve are not in the archive rather than linking nowhere', () => {
    expect(agendaItem('3').text()).toContain('The minutes of the meeting of 16 May 2019 are not in this archive.');
  });
  it('shows the action log with owner, target and status', () => {
    const row = $('table.action-log tbody tr').first();
    expect(row.text()).toContain('Constabulary');
    expect(row.text()).toContain('16 May 2019');
    expect(row.text()).toContain('Closed');
    expect($('table.action-log th[scope=col]').length).toBeGreaterThan(5);
  });
});

describe('paper page', () => {
  const $ = loadPage(FIXTURE, 'bcb/2019-06-11/5/');
  it('summarises the header', () => {
    const summary = $('dl.summary-list').text();
    for (const text of ['Business Coordination Board', 'Chief Constable', 'Official', '5.0', 'Force Management Statement Update']) expect(summary).toContain(text);
  });
  it('shows the recommendation', () => {
    expect($('.recommendations').text()).toContain('The Board is recommended to note the report.');
  });
  it('anchors numbered paragraphs', () => {
    expect($('p[id="para-1.1"]').text()).toContain('The purpose of this report');
  });
  it('renders GFM tables as tables with headers', () => {
    expect($('.paper-text table th').first().text()).toBe('Function');
    expect($('.paper-text table td').first().text()).toBe('Authorities and Standards');
  });
  it('links the appendix list to the appendix', () => {
    expect($('a[href="#appendix-1"]').text()).toContain('Appendix 1');
    expect($('h2#appendix-1')).toHaveLength(1);
  });
  it('renders the editorial note component without an import', () => {
    expect($('.editorial-note').text()).toContain('The pack prints no contact officer.');
  });
  it('links to the decision made on it', () => {
    expect($('a[href="/board/decisions/cpcc-2019-001/"]').text()).toContain('CPCC 2019-001');
  });
  it('is reached from its former address, which leads to it and is never indexed', () => {
    const moved = loadPage(FIXTURE, 'bcb/2019-06-11/05-fms/');
    expect(moved('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/board/bcb/2019-06-11/5/');
    expect(moved('main a').attr('href')).toBe('/board/bcb/2019-06-11/5/');
    expect(moved('meta[name="robots"]').attr('content')).toBe('noindex');
    expect(readFileSync(join(FIXTURE.outDir, 'sitemap-0.xml'), 'utf8')).not.toContain('05-fms');
  });
});

describe('GitHub-flavoured Markdown', () => {
  const $ = loadPage(FIXTURE, 'bcb/2019-06-11/8.1/');
  it('links bare addresses', () => {
    expect($('.paper-text a[href="https://www.example.gov.uk/strategy"]')).toHaveLength(1);
  });
  it('renders footnotes, strikethrough and task lists', () => {
    expect($('.paper-text section.footnotes li, .paper-text [data-footnotes] li').text()).toContain('Strategic Update, 17 May 2019.');
    expect($('.paper-text del').text()).toBe('withdrawn');
    // a task's box is shown as a mark a screen reader names, not as a checkbox without a label
    expect($('.paper-text input')).toHaveLength(0);
    expect($('.paper-text .task-list-item .task-mark[role=img][aria-label=Done]').text()).toBe('☑');
  });
});

describe('originals kept beside a meeting and a paper', () => {
  it('links the pack as published, with its type and size, to a copy of the file itself', () => {
    const $ = loadPage(FIXTURE, 'bcb/2019-06-11/');
    const link = $('#originals + ul a');
    expect(link.attr('href')).toBe('/board/bcb/2019-06-11/pack.pdf');
    const bytes = readFileSync(join(FIXTURE.contentDir, 'meetings/bcb/2019-06-11/pack.pdf'));
    expect(link.text()).toBe(`The pack as published (PDF, ${fileSizeText(bytes.byteLength)})`);
    expect(readFileSync(join(FIXTURE.outDir, 'bcb/2019-06-11/pack.pdf')).equals(bytes)).toBe(true);
  });
  it('links a paper’s Word original, named by its type when it has no title', () => {
    const link = loadPage(FIXTURE, 'bcb/2019-06-11/5/')('#originals + ul a');
    expect(link.attr('href')).toBe('/board/bcb/2019-06-11/05-fms-original.docx');
    expect(link.text()).toMatch(/^Original Word document \(Word document, \d+\u00a0KB\)$/);
  });
});

describe('decision page and register', () => {
  it('links a decision to its paper', () => {
    const $ = loadPage(FIXTURE, 'decisions/cpcc-2019-001/');
    expect($('a[href="/board/bcb/2019-06-11/5/"]').text()).toContain('Publication of Force Management Statement');
    expect($('.recommendations').text()).toContain('To publish the statement.');
  });
  it('lists decisions, and narrows them by year without JavaScript', () => {
    expect(loadPage(FIXTURE, 'decisions/').text()).toContain('CPCC 2019-001');
    expect(loadPage(FIXTURE, 'decisions/2019/').text()).toContain('CPCC 2019-001');
  });
});

describe('every page', () => {
  const files = htmlFiles(FIXTURE.outDir);
  it('has exactly one h1, a main landmark and a skip link', () => {
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const $ = load(readFileSync(file, 'utf8'));
      expect($('h1'), file).toHaveLength(1);
      expect($('main#main'), file).toHaveLength(1);
      expect($('a.skip-link[href="#main"]'), file).toHaveLength(1);
    }
  });
  it('links only to pages that exist, all under the base path', () => {
    const broken: string[] = [];
    for (const file of files) {
      const $ = load(readFileSync(file, 'utf8'));
      $('a[href]').each((_, element) => {
        const href = $(element).attr('href')!;
        if (/^(https?:|mailto:|#)/.test(href)) return;
        const path = href.split('#')[0]!;
        if (!path.startsWith('/board/')) return void broken.push(`${relative(FIXTURE.outDir, file)} → ${href} (outside the base)`);
        const target = join(FIXTURE.outDir, path.slice('/board/'.length));
        if (!existsSync(path.endsWith('/') ? join(target, 'index.html') : target)) broken.push(`${relative(FIXTURE.outDir, file)} → ${href}`);
      });
    }
    expect(broken).toEqual([]);
  });
  it('is indexed for search', () => {
    expect(existsSync(join(FIXTURE.outDir, 'pagefind/pagefind.js'))).toBe(true);
  });
});

describe('whose site it is, and the pages the law requires', () => {
  /** every page a reader stays on: not the refresh that leads from a moved paper's old address */
  const pages = htmlFiles(FIXTURE.outDir).map((file) => ({ file, $: load(readFileSync(file, 'utf8')) })).filter(({ $ }) => $('meta[http-equiv="refresh"]').length === 0);

  it('links every page’s footer to the accessibility statement, contact and privacy pages, under the base', () => {
    expect(pages.length).toBeGreaterThan(8);
    for (const { file, $ } of pages) {
      const hrefs = $('footer a').map((_, link) => $(link).attr('href')).get();
      expect(hrefs, file).toEqual(expect.arrayContaining(['/board/accessibility/', '/board/contact/', '/board/privacy/']));
    }
  });
  it('names the publisher of content/site.yaml in every page’s header and footer', () => {
    for (const { file, $ } of pages) {
      expect($('header .publisher').text(), file).toBe('Example Police and Crime Commissioner');
      expect($('footer').text(), file).toContain('Published by the Example Police and Crime Commissioner, for Exampleshire.');
    }
  });
  it('gives the accessibility statement the sections of the GOV.UK model statement, with the date of the last test', () => {
    const $ = loadPage(FIXTURE, 'accessibility/');
    expect($('h1').text()).toBe('Accessibility statement for Board papers');
    expect($('main h2, main h3').map((_, heading) => $(heading).text()).get()).toEqual([
      'How accessible this website is',
      'Feedback and contact information',
      'Reporting accessibility problems with this website',
      'Enforcement procedure',
      'Technical information about this website’s accessibility',
      'Compliance status',
      'Non-accessible content',
      'Non-compliance with the accessibility regulations',
      'Preparation of this accessibility statement',
    ]);
    const text = $('main').text().replace(/\s+/g, ' ');
    expect(text).toContain('This website is run by the Example Police and Crime Commissioner.');
    expect(text).toContain('This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.');
    expect($('#non-compliance + ul li').text()).toBe('Some wide tables scroll sideways on a narrow screen.');
    expect($('#reporting + p + ul a').attr('href')).toBe('mailto:accessibility@example.org');
    expect($('a[href="https://www.equalityadvisoryservice.com/"]').text()).toBe('Equality Advisory and Support Service (EASS)');
    expect(text).toContain('Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018');
    expect(text).toContain('This statement was prepared on 2 July 2019.');
    expect(text).toContain('This website was last tested on 1 July 2019.');
  });
  it('gives the publisher’s contacts as content/site.yaml has them', () => {
    const text = loadPage(FIXTURE, 'contact/')('main').text();
    for (const value of ['opcc@example.org', '01234 567890', 'Example House, 1 Example Street, Exampletown EX1 1EX']) expect(text).toContain(value);
  });
  it('says the site collects nothing, and links to the publisher’s privacy notice', () => {
    const $ = loadPage(FIXTURE, 'privacy/');
    const text = $('main').text();
    for (const phrase of ['collects nothing about you', 'no cookies', 'no analytics', 'no requests to other sites', 'Search runs in your browser']) expect(text).toContain(phrase);
    expect($('main a[href="https://www.example.org/privacy-notice/"]').text()).toBe('privacy notice');
  });
  it('names the body and the date of the meeting in a paper’s title; its heading stays the paper’s own title', () => {
    const $ = loadPage(FIXTURE, 'bcb/2019-06-11/5/');
    expect($('title').text()).toBe('Publication of Force Management Statement – Business Coordination Board, 11 June 2019 – Board papers');
    expect($('h1').text()).toBe('Publication of Force Management Statement');
  });
});

describe('the glossary', () => {
  const $ = loadPage(FIXTURE, 'glossary/');
  const entry = (anchor: string) => $(`dt[id="${anchor}"]`).closest('.glossary-entry');
  it('lists every term alphabetically, whatever its case, each with an anchor', () => {
    expect($('dl.glossary dt dfn').map((_, term) => $(term).text()).get()).toEqual(['Band D', 'Constabulary', 'PCC', 'precept']);
    expect($('dl.glossary dt').map((_, term) => $(term).attr('id')).get()).toEqual(['band-d', 'constabulary', 'pcc', 'precept']);
  });
  it('gives each term its expansion, explanation and the words people use for it', () => {
    expect(entry('pcc').find('dt').text()).toContain('Police and Crime Commissioner');
    expect(entry('pcc').find('dd').text()).toContain('The person elected to hold the police to account');
    expect(entry('precept').find('dd').text()).toContain('Also called: council tax, police tax');
  });
  it('links each term to the papers and decisions that use it, under the base path', () => {
    expect(entry('constabulary').find('details a').map((_, link) => $(link).attr('href')).get()).toEqual(['/board/bcb/2019-06-11/8/', '/board/bcb/2019-06-11/8.1/']);
    expect(entry('pcc').find('details a').map((_, link) => $(link).attr('href')).get()).toEqual(['/board/decisions/cpcc-2019-001/']);
    expect(entry('precept').find('details')).toHaveLength(0);
  });
  it('is linked from every page', () => {
    for (const file of htmlFiles(FIXTURE.outDir)) {
      const page = load(readFileSync(file, 'utf8'));
      if (page('meta[http-equiv="refresh"]').length > 0) continue;
      expect(page('footer a[href="/board/glossary/"]').text(), relative(FIXTURE.outDir, file)).toBe('Glossary');
    }
  });
});

describe('the first use of a glossary term on a page', () => {
  it('links to its entry where it stands, once a page, and not in a heading', () => {
    const $ = loadPage(FIXTURE, 'bcb/2019-06-11/8.1/');
    const explained = $('.paper-text a.glossary-term');
    expect(explained.map((_, link) => [[$(link).text(), $(link).attr('href')]]).get()).toEqual([['Constabulary', '/board/glossary/#constabulary']]);
    expect(explained.closest('p').text()).toBe('1.1 The Constabulary’s work.');
    expect($('h1, h2, h3').find('a.glossary-term')).toHaveLength(0);
  });
  it('gives an abbreviation its expansion, and a term written out its link alone', () => {
    const decision = loadPage(FIXTURE, 'decisions/cpcc-2019-001/');
    const link = decision('a.glossary-term');
    expect(link.attr('href')).toBe('/board/glossary/#pcc');
    expect(link.text()).toBe('Commissioner');
    expect(link.find('abbr')).toHaveLength(0);
  });
});

describe('a meeting’s action log', () => {
  const $ = loadPage(FIXTURE, 'bcb/2019-06-11/');
  it('tells apart, by the date each was raised, the notes of two actions with one number', () => {
    const notes = $('dl.row-notes dt').map((_, term) => [[$(term).attr('id'), $(term).text()]]).get();
    expect(notes).toEqual([
      ['action-note-2019-02-28-1.0', 'Action 1.0, raised 28 February 2019'],
      ['action-note-2019-04-19-1.0', 'Action 1.0, raised 19 April 2019'],
    ]);
    const targets = $('table.action-log a[href^="#action-note"]').map((_, link) => $(link).attr('href')).get();
    expect(targets).toEqual(['#action-note-2019-02-28-1.0', '#action-note-2019-04-19-1.0']);
  });
});
