import type { APIContext } from 'astro';
import { loadArchive } from '../data/archive.ts';
import { calendarResponse } from '../lib/calendar-response.ts';

export async function GET({ site }: APIContext) {
  const { archive } = await loadArchive();
  return calendarResponse('Meetings of all boards and panels', archive.meetings, site);
}
