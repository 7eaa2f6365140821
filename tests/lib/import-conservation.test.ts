/**
 * Conservation of text: on any pack, every line with text is accounted for exactly once (placed in a draft,
 * removed as page furniture, or kept as unplaced text), and no word of the pack's text is lost, counted word
 * by word. Packs are generated: front sheet, agenda, papers under every kind of header block, an action log in
 * each place packs print one, minutes, hostile text, pages breaking mid-paragraph with running headers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountForPack } from '#lib/import/account-pack.ts';
import { accountLines, accountProblems, accountSentence, linesWithText } from '#lib/import/line-account.ts';
import { parsePack } from '#lib/import/parse-pack.ts';
import { readText } from '#lib/import/read-text.ts';
import { packFiles } from '#lib/import/write-pack.ts';
import { BODIES, importPrinted, linesWithTextOf, TARGET as target, wordsLost } from '../support/import-printed.ts';
import { printPack, type ActionLogSpec, type Block, type LogColumn, type PackSpec, type PaperSpec } from '../support/print-pack.ts';


/** Words of a pack's text: none is the label of a field, so each must be found in a draft as it is. */
const VOCABULARY = 'budget policing estates victims strategy review partnership funding county constabulary custody training vehicles burglary reoffending volunteers prevention safeguarding investment savings capital revenue community response analysis inspection recruitment wellbeing cyber fraud roads'.split(' ');
const HOSTILE = ['{budget}', '<b>estates</b>', '<script>alert(1)</script>', 'import', 'export', '&amp;', '*policing*', '[victims](javascript:alert(1))', '£3.6m', '“quoted”', 'decision-making', '|', '#', '>', '---'];

const word = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...VOCABULARY) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) });
const capitalised = (words: string[]) => words.map((each, index) => (index === 0 ? each[0]!.toUpperCase() + each.slice(1) : each)).join(' ');
const sentence = fc.array(word, { minLength: 4, maxLength: 30 }).map((words) => `${capitalised(words)}.`);
const title = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 2, maxLength: 6 }).map(capitalised);

const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 5, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences): Block => ({ kind: 'paragraph', text: sentences.join(' ') })) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 2, maxLength: 5 }).map((items): Block => ({ kind: 'list', items })) },
  { weight: 1, arbitrary: title.map((text): Block => ({ kind: 'paragraph', text })) },
);

/** A paper's blocks, under numbered section headings ("2.0 Budget Review"), paragraphs numbered "2.1". */
const sections = fc.array(fc.tuple(title, fc.array(block, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 4 }).map((list) =>
  list.flatMap(([heading, blocks], index): Block[] => [
    { kind: 'heading', text: `${index + 1}.0 ${heading}` },
    ...blocks.map((each, at): Block => (each.kind === 'paragraph' ? { kind: 'paragraph', text: `${index + 1}.${at + 1} ${each.text}` } : each)),
  ]),
);

const paper = fc.record({
  title,
  from: fc.constantFrom('Chief Constable', 'Chief Executive', 'Chief Finance Officer', 'Police and Crime Commissioner'),
  marking: fc.option(fc.constantFrom('Official', 'NOT PROTECTIVELY MARKED', 'Public Report'), { nil: undefined }),
  header: fc.constantFrom('agenda-item' as const, 'to-from-date' as const, 'report-of' as const, 'front-sheet' as const),
  agendaItemLine: fc.boolean(),
  blocks: sections,
});

const COLUMNS: LogColumn[] = ['number', 'raised', 'item', 'action', 'owner', 'target', 'status', 'update'];
const actionLog = fc.record({
  place: fc.constantFrom('after-agenda' as const, 'own-paper' as const, 'in-minutes' as const),
  columns: fc.shuffledSubarray(COLUMNS.filter((column) => column !== 'number' && column !== 'action'), { minLength: 2 }).chain((rest) => fc.shuffledSubarray([...rest, 'action' as const], { minLength: rest.length + 1 }).map((shuffled) => ['number' as const, ...shuffled])),
  rows: fc.array(fc.record({ action: sentence, owner: fc.constantFrom('OPCC', 'Constabulary', 'Chief Executive'), status: fc.constantFrom('Open', 'Closed', 'Ongoing'), update: sentence }), { minLength: 1, maxLength: 6 }),
});

/** A whole pack: papers numbered after the procedural items, the action log where it falls, minutes maybe. */
const pack: fc.Arbitrary<PackSpec> = fc
  .record({
    papers: fc.array(paper, { minLength: 1, maxLength: 4 }),
    log: fc.option(actionLog, { nil: undefined }),
    minutes: fc.option(fc.array(block, { minLength: 1, maxLength: 4 }), { nil: undefined }),
    pageLength: fc.constantFrom(0, 20, 45),
    runningHeader: fc.boolean(),
  })
  .map(({ papers, log, minutes, pageLength, runningHeader }) => {
    const date = '2030-01-10';
    const agenda: PackSpec['agenda'] = [
      { number: '1', title: 'Apologies for absence' },
      { number: '2', title: 'Declarations of interest' },
    ];
    const documents: PackSpec['documents'] = [];
    const logSpec: ActionLogSpec | undefined =
      log &&
      ({
        kind: 'action-log',
        place: minutes || log.place !== 'in-minutes' ? log.place : 'after-agenda',
        title: 'Governance Action Log',
        columns: log.columns,
        rows: log.rows.map((row, index) => ({ ...row, number: `${index + 1}.0`, raised: '10/12/2029', item: `${index + 3}.0`, target: '31/03/2030' })),
      } satisfies ActionLogSpec);
    if (minutes) {
      agenda.push({ number: String(agenda.length + 1), title: 'Minutes of the meeting held on 10 December 2029' });
      documents.push({ kind: 'minutes', of: '2029-12-10', blocks: minutes });
    }
    if (logSpec) {
      agenda.push({ number: String(agenda.length + 1), title: 'Action Log' });
      logSpec.item = `${agenda.length}.0`;
      // a log inside the minutes is printed by them, wherever it is listed
      documents.splice(logSpec.place === 'after-agenda' ? 0 : documents.length, 0, logSpec);
    }
    for (const each of papers) {
      agenda.push({ number: String(agenda.length + 1), title: each.title, presenter: `Report from ${each.from}` });
      documents.push({ kind: 'paper', item: `${agenda.length}.0`, date, ...each } satisfies PaperSpec);
    }
    return { bodyName: 'Business Coordination Board', date, time: '10:00', venue: 'Conference Room 1, Headquarters', agenda, documents, pageLength, runningHeader };
  });

describe('every line of a pack is accounted for', () => {
  it('on generated packs: the account balances, only printed furniture is removed, and no word of the text is lost', () => {
    fc.assert(
      fc.property(pack, (spec) => {
        const printed = printPack(spec);
        const { accounted, notes } = importPrinted(printed);
        expect(accounted.problems).toEqual([]);
        // the account covers exactly the lines with text
        const withText = linesWithTextOf(printed);
        expect(accounted.account.total).toBe(withText.length);
        const counted = [...accounted.account.placed, ...accounted.account.furniture].flatMap((entry) => entry.lines).concat(accounted.account.unplaced);
        expect(counted.sort((a, b) => a - b)).toEqual(withText.map((line) => line.number));
        // what is removed is furniture the pack printed, never its text (a line printed exactly as the running
        // header, a paper's marking "Official" under the header "Official", cannot be told from it)
        const furnitureText = new Set(printed.lines.filter((line) => line.role === 'furniture').map((line) => line.text.replace(/\f/g, '')));
        const removed = accounted.account.furniture.flatMap((entry) => entry.lines).map((line) => printed.lines[line - 1]!);
        expect(removed.filter((line) => line.role !== 'furniture' && !furnitureText.has(line.text.replace(/\f/g, '')))).toEqual([]);
        // every word of the text, each time it is printed, is in a draft
        expect(wordsLost(printed, accounted.files)).toEqual([]);
        // an action log is written row by row, or, when it cannot be read so, kept as text with a word in the
        // report: never dropped
        const log = spec.documents.find((each): each is ActionLogSpec => each.kind === 'action-log');
        if (log) {
          const written = accounted.files.find((file) => file.path.endsWith('/action-log.yaml'))?.text.match(/^ {2}- number:/gm)?.length ?? 0;
          if (written !== log.rows.length) {
            expect(notes.some((note) => note.document === 'action log' && /kept|could not be placed|left out/.test(note.message)), `the log printed ${log.place}`).toBe(true);
            expect(accounted.account.unplaced.length).toBeGreaterThan(0);
          }
        }
      }),
      // a fixed seed: the same 40 packs on every machine, so a run fails for the code, never for the draw; change
      // the seed to explore others (what other draws found is in docs/publishing/importing.md)
      { numRuns: 40, seed: 20261207 },
    );
  });

  it('keeps what it cannot place in a draft of its own, marked for a look, with where it is in the pack', () => {
    // a line no part of the parser takes: text between the agenda and the first paper
    const text = ['Business Coordination Board', '', 'Thursday 10th January 2030', 'Time: 10:00', '', 'AGENDA', '', '1. Estates review', 'Report from Chief Constable', '', 'DEPARTMENT OF SOMETHING UNRELATED AND UNNUMBERED', '', 'To: Business Coordination Board', 'From: Chief Constable', 'Date: 10 January 2030', '', 'ESTATES REVIEW', '', '1.0 Purpose', '', '1.1 The estates budget is reviewed.'].join('\n');
    const blocks = readText(text);
    const parsed = parsePack(blocks);
    // the parser is made to lose a line of the paper: the account must find it missing and keep it
    const paperOf = parsed.documents[0]!;
    paperOf.body.children = paperOf.body.children.filter((node) => !JSON.stringify(node).includes('estates budget'));
    const accounted = accountForPack(blocks, parsed, target, packFiles(parsed, target, () => false, BODIES), { bodies: BODIES });
    expect(accounted.problems).toEqual([]);
    const kept = accounted.files.find((file) => file.path === 'meetings/bcb/2030-01-10/unplaced-text.mdx');
    expect(kept?.text).toContain('draft: true');
    expect(kept?.text).toContain('<EditorialNote>Import check:');
    expect(kept?.text).toContain('1.1 The estates budget is reviewed.');
    expect(kept?.text).toContain('DEPARTMENT OF SOMETHING UNRELATED AND UNNUMBERED');
    expect(kept?.text).toContain('(line 11; line 21 of the pack)');
    expect(accounted.section.at(-1)).toBe('13 lines: 11 placed in 2 files; 0 removed as page furniture, 0 patterns; 2 unplaced, lines 11, 21.');
  });

  it('says the account does not balance when a line is counted twice, missed, or not kept where it is said to be', () => {
    const lines = linesWithText(readText('One estates line\nTwo budget line\nThree custody line\n'));
    const files = new Map([['a.mdx', 'One estates line\nTwo budget line']]);
    const account = accountLines(lines, [], [{ path: 'a.mdx', lines: [1, 2, 3] }], files);
    expect(account.unplaced).toEqual([3]);
    expect(accountProblems(account, lines, 'Three custody line')).toEqual([]);
    expect(accountProblems(account, lines, 'Three line')).toEqual([expect.stringContaining('1 unplaced lines are not in the draft that keeps them')]);
    expect(accountProblems({ ...account, unplaced: [] }, lines, undefined)).toEqual([expect.stringContaining('3 lines hold text, but 2 are accounted for'), expect.stringContaining('1 lines are in no draft')]);
    expect(accountProblems({ ...account, unplaced: [3, 1] }, lines, 'Three custody line One estates line')[0]).toContain('but 4 are accounted for');
  });

  it('gives pages for a PDF and the file’s own lines for text', () => {
    const lines = [
      { line: 1, page: 12, text: 'a' },
      { line: 2, page: 13, text: 'b' },
    ];
    const account = { total: 2, placed: [], furniture: [], unplaced: [1, 2] };
    expect(accountSentence(account, lines, true)).toBe('2 lines: 0 placed in 0 files; 0 removed as page furniture, 0 patterns; 2 unplaced, pages 12–13.');
    expect(accountSentence(account, lines, false)).toBe('2 lines: 0 placed in 0 files; 0 removed as page furniture, 0 patterns; 2 unplaced, lines 1–2.');
  });
});
