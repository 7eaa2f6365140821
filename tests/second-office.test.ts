/**
 * A second office's archive, built by the same code: its own publisher, bodies, decision numbering and
 * words for its bodies come from its content/ alone, and nothing of the first office reaches its site.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { OFFICE_TWO, loadPage } from './support/site.ts';

const page = (path: string) => loadPage(OFFICE_TWO, path);
const builtFiles = readdirSync(OFFICE_TWO.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(html|xml|ics|json|csv|txt)$/.test(file));

describe('a second office, by configuration alone', () => {
  it('names its own publisher and site on every page', () => {
    const $ = page('');
    expect($('title').text()).toBe('Northmoor meeting papers');
    expect($('header').text()).toContain('Northmoor Police, Fire and Crime Commissioner');
  });
  it('publishes its decisions at addresses made from its own numbering', () => {
    expect(page('decisions/pfcc-045-21/')('h1').text()).toContain('PFCC/045/21');
    expect(page('decisions/')('main a[href="/papers/decisions/pfcc-046-21/"]').length).toBeGreaterThan(0);
  });
  it('links a decision id however it is printed, and “this Forum” to the meeting it names', () => {
    const $ = page('af/2021-06-10/5/');
    const link = (words: string) => $('a.citation').filter((_, element) => $(element).text().replace(/\s+/g, ' ') === words).attr('href');
    expect(link('PFCC / 45 / 21')).toBe('/papers/decisions/pfcc-045-21/');
    expect(link('brought to this Forum on 4 March 2021')).toBe('/papers/af/2021-03-04/');
    expect(link('Agenda Item 5, Accountability Forum, 4th March 2021')).toBe('/papers/af/2021-03-04/5/');
    expect(page('af/2021-06-10/6/')('a.citation[href="/papers/decisions/pfcc-046-21/"]').text()).toBe('PFCC/046/21');
  });
  it('links a planned decision to the decision taken on it, and lists the rest as awaiting one', () => {
    const plan = page('pfcp/2021-07-14/forward-plan/');
    expect(plan('article.planned-decision a[href="/papers/decisions/pfcc-046-21/"]').text()).toContain('PFCC/046/21');
    expect(page('forward-plans/')('#decided').text()).toBe('Decided (1)');
  });
  it('gathers its declarations of interest by person', () => {
    const $ = page('declarations/');
    expect($('main h2').first().text()).toBe('Councillor R Example');
    expect($('main h2').first().next('ul').find('a').attr('href')).toBe('/papers/pfcp/2021-07-14/');
  });
  it('publishes its declarations and planned decisions as open data, valid against their JSON Schemas', () => {
    const built = (file: string) => JSON.parse(readFileSync(join(OFFICE_TWO.outDir, 'data', file), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true });
    for (const name of ['declarations', 'planned-decisions']) {
      const validate = ajv.compile(built(`${name}.schema.json`));
      expect(validate(built(`${name}.json`)), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(built('declarations.json')).toEqual([expect.objectContaining({ meeting: 'pfcp/2021-07-14', name: 'Councillor R Example', item: '4' })]);
    expect(built('planned-decisions.json').map((planned: { decisions: string[] }) => planned.decisions)).toContainEqual(['PFCC/046/21']);
    expect(readFileSync(join(OFFICE_TWO.outDir, 'data/declarations.csv'), 'utf8')).toContain('Councillor R Example');
  });
  it('holds no word of the first office, and nothing that is not public', () => {
    for (const file of builtFiles) {
      const text = readFileSync(join(OFFICE_TWO.outDir, file), 'utf8');
      expect(text, file).not.toMatch(/Cambridgeshire|Peterborough|CPCC|\bbcb\b|\bpcp\b|Business Co-?ordination Board/i);
      expect(text, file).not.toMatch(/DRAFTSECRET|EMBARGOSECRET/);
    }
    expect(builtFiles.length).toBeGreaterThan(20);
  });
});
