/** The open data files: JSON, its JSON Schema, and CSV. */
import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { CSV_NAMES, openDataFile } from '../../data/downloads.ts';
import { OPEN_DATA_FILES, type OpenDataName } from '#lib/outputs/open-data.ts';

export async function getStaticPaths() {
  const names = Object.keys(OPEN_DATA_FILES) as OpenDataName[];
  const { pageKey } = await loadArchive();
  const cacheKey = pageKey({ archive: true });
  return [
    ...names.map((name) => ({ params: { file: `${name}.json` }, cacheKey })),
    ...names.map((name) => ({ params: { file: `${name}.schema.json` }, cacheKey })),
    ...CSV_NAMES.map((name) => ({ params: { file: `${name}.csv` }, cacheKey })),
  ];
}

export async function GET({ params, site }: APIContext) {
  const { archive } = await loadArchive();
  return openDataFile(params.file!, archive, site);
}
