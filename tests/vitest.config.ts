import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that drive Chromium, though they read no built site: the importer's readers print papers to PDF. */
const BROWSER_WITHOUT_SITE = ['tests/lib/import-readers.test.ts'];

/**
 * Two projects. "unit": the pure functions of src/lib and the importer, in parallel, with no site built.
 * "site": the tests that read the built fixture and real archives, or drive a browser; they wait for the
 * two builds of the global setup and run one file at a time, since builds share Astro's caches.
 * `npm run test:unit` runs the first alone.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    environment: 'node',
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/lib/**/*.test.ts'], exclude: [...configDefaults.exclude, ...BROWSER_WITHOUT_SITE] },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/*.test.ts', 'tests/browser/**/*.test.ts', ...BROWSER_WITHOUT_SITE],
          fileParallelism: false,
          globalSetup: ['tests/support/global-setup.ts'],
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
