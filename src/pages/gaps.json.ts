/** The archive gaps as data: the build prints a summary of it, and staff can use it as a work list. */
import { loadArchive } from '../data/archive.ts';

export async function GET() {
  const { linkGraph } = await loadArchive();
  return new Response(`${JSON.stringify({ counts: linkGraph.counts, gaps: linkGraph.gaps }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
}
