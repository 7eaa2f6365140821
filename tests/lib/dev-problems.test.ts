import { describe, expect, it } from 'vitest';
import { overlayError, reportProblems } from '#lib/check/dev-problems.ts';

const date = { file: 'content/meetings/bcb/2019-06-11/05-fms.mdx', line: 6, field: 'date', message: 'found "2019-02-31"; expected a real date' };
const brace = { file: 'content/meetings/bcb/2019-06-11/05-fms.mdx', line: 30, message: 'has {…}, which MDX runs as code' };
const yaml = { file: 'content/bodies.yaml', message: 'is not UTF-8 text' };

describe('the problems the live preview shows', () => {
  it('names the one file in the title and lists every problem as the check prints it', () => {
    expect(reportProblems([date, brace])).toEqual({
      title: 'The content has 2 problems, in content/meetings/bcb/2019-06-11/05-fms.mdx',
      message:
        'content/meetings/bcb/2019-06-11/05-fms.mdx:6 date: found "2019-02-31"; expected a real date\n' +
        'content/meetings/bcb/2019-06-11/05-fms.mdx:30 has {…}, which MDX runs as code',
    });
  });

  it('lists the files first when there are several', () => {
    expect(reportProblems([date, yaml])).toEqual({
      title: 'The content has 2 problems, in 2 files',
      message:
        'In content/meetings/bcb/2019-06-11/05-fms.mdx, content/bodies.yaml:\n' +
        'content/meetings/bcb/2019-06-11/05-fms.mdx:6 date: found "2019-02-31"; expected a real date\n' +
        'content/bodies.yaml is not UTF-8 text',
    });
  });

  it('gives the overlay the report, a hint, and the plugin it comes from', () => {
    const err = overlayError([yaml]);
    expect(err).toMatchObject({ title: 'The content has 1 problem, in content/bodies.yaml', message: 'content/bodies.yaml is not UTF-8 text', stack: '', plugin: 'board-papers' });
    expect(err.hint).toContain('npm run check');
  });
});
