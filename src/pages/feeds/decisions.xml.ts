import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { decisionsFeed } from '../../data/downloads.ts';

export async function GET({ site }: APIContext) {
  const { archive } = await loadArchive();
  return decisionsFeed(archive, site);
}
