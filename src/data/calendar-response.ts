import type { MeetingRecord } from '#lib/model/archive.ts';
import { meetingsCalendar } from '#lib/outputs/calendar.ts';
import { absoluteHref } from './site.ts';

export function calendarResponse(name: string, meetings: readonly MeetingRecord[], site: URL | undefined): Response {
  const body = meetingsCalendar(meetings, { name, absoluteUrl: (path) => absoluteHref(path, site), uidDomain: site?.hostname ?? 'board-papers' });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
