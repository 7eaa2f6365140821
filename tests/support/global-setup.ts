/** Builds the fixture archive, the second office's and the real archive once, before the tests that read them. */
import { FIXTURE, OFFICE_TWO, REAL, buildSite } from './site.ts';

export default function setup(): void {
  // REUSE_BUILD=1 reads the sites the last run built, when only the tests changed.
  if (process.env.REUSE_BUILD === '1') return;
  for (const site of [FIXTURE, OFFICE_TWO, REAL]) {
    const result = buildSite(site);
    if (result.status !== 0) throw new Error(`building ${site.contentDir} failed:\n${result.output}`);
  }
}
