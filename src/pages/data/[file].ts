/** The open data files: JSON, its JSON Schema, and CSV. */
import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { actionRecords, csvTables, decisionRecords, jsonSchemaOf, meetingRecords, paperRecords, OPEN_DATA_FILES, type OpenDataName } from '../../lib/open-data.ts';
import { absoluteHref } from '../../lib/site.ts';

const CSV_NAMES = ['meetings', 'agenda-items', 'papers', 'decisions', 'actions'] as const;
/** The CSV files are written together, once for the archive rather than once for each file. */
const csvTablesByArchive = new WeakMap<object, ReturnType<typeof csvTables>>();

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
  const href = (path: string) => absoluteHref(path, site);
  const file = params.file!;
  const json = (value: unknown) => new Response(`${JSON.stringify(value, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
  if (file.endsWith('.schema.json')) return json(jsonSchemaOf(file.replace('.schema.json', '') as OpenDataName));
  if (file.endsWith('.csv')) {
    const tables = csvTablesByArchive.get(archive) ?? csvTables(archive, href);
    csvTablesByArchive.set(archive, tables);
    return new Response(tables[file.replace('.csv', '') as keyof typeof tables], { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  const records = { meetings: meetingRecords, papers: paperRecords, decisions: decisionRecords, actions: (a: typeof archive) => actionRecords(a) };
  return json(records[file.replace('.json', '') as OpenDataName](archive, href));
}
