/**
 * The glossary as the search page reads it: groups of phrases that mean the same (a term, its expansion,
 * the forms the papers print and the public's words), as data. public/search.js downloads it.
 */
import { loadArchive } from '../data/archive.ts';
import { searchGlossary } from '#lib/outputs/search-query.ts';

export async function GET(): Promise<Response> {
  const { archive } = await loadArchive();
  return new Response(JSON.stringify(searchGlossary(archive.glossary)), { headers: { 'Content-Type': 'application/json' } });
}
