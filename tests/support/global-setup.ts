/**
 * Vitest's global setup, listed by every lane: starts the run (its temporary folder) once, and,
 * for a lane that reads built sites, starts building the shared archives in the background, so that the unit and
 * command-line tests run while they build. The last lane's teardown finishes the run.
 */
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.ts';
import { SHARED_ARCHIVES } from './site.ts';
import { TestRun } from './test-run.ts';

/** The lanes whose tests read the shared archives (see tests/vitest.config.ts). */
const READS_SHARED_ARCHIVES = new Set(['site', 'browser', 'build']);

const RUN = Symbol.for('board-papers.test-run');
const global = globalThis as { [RUN]?: TestRun };

export default function setup(project: TestProject): () => Promise<void> {
  const run = (global[RUN] ??= new TestRun());
  run.users++;
  // unpacks the browser that npm installed, once, before any worker asks for it
  if (run.users === 1) findChromium();
  // REUSE_BUILD=1 reads the sites the last run built, when only the tests changed.
  if (READS_SHARED_ARCHIVES.has(project.name)) run.buildSharedArchives(SHARED_ARCHIVES, process.env.REUSE_BUILD === '1');
  return async () => {
    if (--run.users > 0) return;
    delete global[RUN];
    await run.finish();
  };
}
