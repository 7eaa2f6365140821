/**
 * Setup of the lanes that read the shared archives ("build", "site" and "browser"): a test file starts once the
 * shared archives it names (FIXTURE, REAL, OFFICE_TWO of tests/support/site.ts) are built; the unit and
 * command-line tests run meanwhile.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { SHARED_ARCHIVES } from './site.ts';
import { sharedArchivesBuilt } from './test-run.ts';

const CONSTANTS: Record<string, string> = { fixture: 'FIXTURE', real: 'REAL', 'office-two': 'OFFICE_TWO' };
const source = readFileSync(expect.getState().testPath!, 'utf8');
await sharedArchivesBuilt(SHARED_ARCHIVES.map((archive) => archive.name).filter((name) => new RegExp(`\\b${CONSTANTS[name]}\\b`).test(source)));
