/** What Pagefind records for each page: filters to narrow by, and details to show in a result. */

import { DOCUMENT_KINDS } from '#lib/model/document-kinds.ts';

type KindSpec = (typeof DOCUMENT_KINDS)[keyof typeof DOCUMENT_KINDS];
type IndexedKind = Extract<KindSpec, { readonly search: { readonly type: string } }>;
/** The kinds of page in the search index, as the registry of kinds names them: "paper", "action"… */
export type SearchType = IndexedKind['search']['type'];

const isIndexed = (spec: KindSpec): spec is IndexedKind => 'search' in spec;

/**
 * Every kind of page in the search index, from the registry of kinds (src/lib/model/document-kinds.ts), in
 * its order: its label in the search page's "Type of document" filter, and the word a result shows
 * (public/search.js reads it from the filter's checkbox).
 */
export const SEARCH_TYPES = Object.fromEntries(
  Object.values(DOCUMENT_KINDS)
    .filter(isIndexed)
    .map((spec) => [spec.search.type, { label: spec.search.label, one: spec.search.one }]),
) as Record<SearchType, { label: string; one: string }>;

export interface SearchRecord {
  type: SearchType;
  /** the body's full name */
  body?: string;
  year?: string;
  /** YYYY-MM-DD, for sorting newest first */
  date?: string;
}

export function searchFilters(record: SearchRecord): [string, string][] {
  const filters: [string, string][] = [['type', record.type]];
  if (record.body) filters.push(['body', record.body]);
  if (record.year) filters.push(['year', record.year]);
  return filters;
}

export function searchMeta(record: SearchRecord): [string, string][] {
  const meta: [string, string][] = [['type', record.type]];
  if (record.body) meta.push(['body', record.body]);
  if (record.date) meta.push(['date', record.date]);
  return meta;
}
