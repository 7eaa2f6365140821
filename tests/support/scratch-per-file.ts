/**
 * The first setup file of every lane: the test file gets a temporary folder of its own (TMPDIR), removed after its
 * last hook with the build caches of the content folders made in it (tests/support/test-run.ts).
 */
import { afterAll } from 'vitest';
import { scratchFolderPerFile } from './test-run.ts';

scratchFolderPerFile(afterAll);
