/**
 * The order in which Vitest hands test files to its workers: the command-line and unit lanes first, which need
 * nothing built and run while the shared archives build, then the lanes that read the archives; within each of
 * the two, the file that took longest last time first (in the base sequencer's order, the largest first, when there is no last time).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** the lanes that need nothing built come first */
const FIRST = new Set(['cli', 'unit']);

export default class LaneOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byDuration = await super.sort(files);
    const rank = (file: TestSpecification) => (FIRST.has(file.project.name) ? 0 : 1);
    // the base sequencer sorts by lane, then failed first, then longest first: keep that order within each half,
    // but across the lanes of a half, longest first
    return byDuration.sort((a, b) => rank(a) - rank(b) || this.duration(b) - this.duration(a));
  }

  /** how long the file took last time, in ms; 0 when it has not run here before */
  private duration(file: TestSpecification): number {
    return this.ctx.cache.getTestSpecificationResult(file)?.duration ?? 0;
  }
}
