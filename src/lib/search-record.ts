/** What Pagefind records for each page: filters to narrow by, and details to show in a result. */

export interface SearchRecord {
  /** meeting, paper, minutes, decision or action */
  type: string;
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
