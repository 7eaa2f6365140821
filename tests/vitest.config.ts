import { configDefaults, defineConfig } from 'vitest/config';
import LaneOrder from './support/lane-order.ts';

/**
 * The lanes of the test suite, each a Vitest project chosen by path, all run at once in one `vitest run`
 * (docs/developing/testing.md):
 * - "unit": tests/lib/, the functions of src/lib and the importer; nothing built.
 * - "cli": the commands staff run (check, import, new), the docs' examples and the type check (astro check); nothing built.
 * - "build": the files that build archives of their own, each in a folder and with a build cache of its own.
 * - "site": the other files in tests/, which read the shared archives built once by the global setup.
 * - "browser": tests/browser/, a real browser on the shared archives.
 * The unit and command-line lanes run while the shared archives build; a file of the other lanes starts once the
 * archives it names are built. A new file lands in the lane its path names; a new top-level file that builds its
 * own archive belongs in BUILD (or is named tests/build-*.test.ts).
 * `npx vitest run --config tests/vitest.config.ts --project unit` (or cli, build, site, browser) runs one lane.
 */
const BUILD = [
  'tests/build-*.test.ts',
  'tests/first-build.test.ts',
  'tests/incremental.test.ts',
  'tests/hostile.test.ts',
  'tests/dev-preview.test.ts',
  'tests/follow.test.ts',
];
const CLI = ['tests/check*.test.ts', 'tests/import*.test.ts', 'tests/scaffold.test.ts', 'tests/typecheck.test.ts', 'tests/docs.test.ts', 'tests/deploy-workflows.test.ts'];
const SETUP = 'tests/support/global-setup.ts';
/**
 * Every lane's setup files: a temporary folder for each test file, removed after it with the build caches made in
 * it; for the lanes that read the shared archives, the wait for those the file names; last, MEASURE_TESTS=<file>
 * records each test's assertions and each file's processor time.
 */
const ALONE = ['tests/support/scratch-per-file.ts', 'tests/support/measure-tests.ts'];
const READING_ARCHIVES = ['tests/support/scratch-per-file.ts', 'tests/support/lane-reads-sites.ts', 'tests/support/measure-tests.ts'];

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    environment: 'node',
    // two cores: a third worker keeps them busy while one waits for an archive to be built
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 600_000,
    teardownTimeout: 600_000,
    sequence: { sequencer: LaneOrder },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/lib/**/*.test.ts'], globalSetup: [SETUP], setupFiles: ALONE } },
      { extends: true, test: { name: 'cli', include: CLI, globalSetup: [SETUP], setupFiles: ALONE } },
      { extends: true, test: { name: 'build', include: BUILD, globalSetup: [SETUP], setupFiles: READING_ARCHIVES } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/*.test.ts'],
          exclude: [...configDefaults.exclude, ...BUILD, ...CLI],
          globalSetup: [SETUP],
          setupFiles: READING_ARCHIVES,
        },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: [SETUP], setupFiles: READING_ARCHIVES },
      },
    ],
  },
});
