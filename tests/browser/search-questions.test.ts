/**
 * Real questions on the real archive (tests/fixtures/search-questions.yaml), asked through the search page
 * in a real browser: the page that answers each must be among the first three results for at least 90 % of
 * them. The ranks are printed, so that a change of ranking can be compared with the figures in
 * docs/developing/search.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL, projectRoot } from '../support/site.ts';
import { builtPages, openSearchSession, type SearchSession } from '../support/browser.ts';

const questionSet = z.object({
  questions: z
    .array(z.object({ ask: z.string().min(1), words: z.enum(['public', 'papers']), answers: z.array(z.string().regex(/^\/.*\/$/)).min(1) }).strict())
    .min(25),
});
const { questions } = questionSet.parse(parse(readFileSync(join(projectRoot, 'tests/fixtures/search-questions.yaml'), 'utf8')));

let session: SearchSession;
beforeAll(async () => {
  session = await openSearchSession(REAL);
});
afterAll(async () => {
  await session?.close();
});

describe('the question set', () => {
  it('holds at least 25 questions, at least half of them in the public’s words, each answered by a page of the archive', () => {
    expect(questions.length).toBeGreaterThanOrEqual(25);
    expect(questions.filter((question) => question.words === 'public').length * 2).toBeGreaterThanOrEqual(questions.length);
    const pages = new Set(builtPages(REAL.outDir).map((path) => `/${path}`));
    for (const question of questions) for (const answer of question.answers) expect(pages, `${question.ask}: ${answer}`).toContain(answer);
  });
});

describe('asking the real questions', () => {
  it('puts the answering page in the first three results for at least 90 % of them', async () => {
    const ranks: { ask: string; rank: number }[] = [];
    for (const question of questions) {
      const { hrefs } = await session.search(`q=${encodeURIComponent(question.ask)}`);
      const index = hrefs.findIndex((href) => question.answers.includes(href));
      ranks.push({ ask: question.ask, rank: index + 1 });
    }
    const inFirstThree = ranks.filter(({ rank }) => rank >= 1 && rank <= 3).length;
    console.log(
      `${inFirstThree} of ${ranks.length} in the first three (first: ${ranks.filter(({ rank }) => rank === 1).length})\n` +
        ranks.map(({ ask, rank }) => `${rank === 0 ? '–' : rank}\t${ask}`).join('\n'),
    );
    expect(inFirstThree / ranks.length, ranks.filter(({ rank }) => rank < 1 || rank > 3).map(({ ask }) => ask).join('; ')).toBeGreaterThanOrEqual(0.9);
  });
});
