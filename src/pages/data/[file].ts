/** The open data files: JSON, its JSON Schema, and CSV. */
import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { CSV_NAMES, openDataFile } from '../../data/downloads.ts';
import { OPEN_DATA_FILES, type OpenDataName } from '../../lib/open-data.ts';

export function getStaticPaths() {
  const names = Object.keys(OPEN_DATA_FILES) as OpenDataName[];
  return [
    ...names.map((name) => ({ params: { file: `${name}.json` } })),
    ...names.map((name) => ({ params: { file: `${name}.schema.json` } })),
    ...CSV_NAMES.map((name) => ({ params: { file: `${name}.csv` } })),
  ];
}

export async function GET({ params, site }: APIContext) {
  const { archive } = await loadArchive();
  return openDataFile(params.file!, archive, site);
}
