/**
 * With MEASURE_TESTS=<file>, appends one line of JSON for each test that ran (its file, its name and how many
 * assertions it made) and one for each file (the processor time its worker and the worker's builds and browsers
 * used, and the time from its first line to its last hook). Shows that a change to the suite kept every
 * assertion, and where the suite's time goes.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';

const output = process.env.MEASURE_TESTS;
/** processor seconds of this process and of its children that have ended: utime, stime, cutime, cstime of /proc/self/stat */
function processorSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0) / 100;
}

if (output) {
  // the last setup file: what the file's own import and tests cost, not the wait for the archives
  const started = processorSeconds();
  const startedAt = performance.now();
  afterEach((context) => {
    const record = { file: context.task.file.name, test: context.task.fullName, assertions: expect.getState().assertionCalls };
    appendFileSync(output, `${JSON.stringify(record)}\n`);
  });
  afterAll(() => {
    const record = { file: relative(process.cwd(), expect.getState().testPath ?? ''), cpu: processorSeconds() - started, wall: (performance.now() - startedAt) / 1000 };
    appendFileSync(output, `${JSON.stringify(record)}\n`);
  });
}
