/** What Pagefind records for each page: filters to narrow by, and details to show in a result. */

/**
 * Every kind of page in the search index: its label in the search page's "Type of document" filter, and
 * the word a result shows (public/search.js reads it from the filter's checkbox).
 */
export const SEARCH_TYPES = {
  paper: { label: 'Papers', one: 'Paper' },
  decision: { label: 'Decisions', one: 'Decision' },
  meeting: { label: 'Meetings', one: 'Meeting' },
  minutes: { label: 'Minutes', one: 'Minutes' },
  action: { label: 'Actions', one: 'Action' },
  'forward-plan': { label: 'Forward plans', one: 'Forward plan' },
} as const;

export type SearchType = keyof typeof SEARCH_TYPES;

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
