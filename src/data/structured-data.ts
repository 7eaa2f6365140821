/** schema.org JSON-LD for meetings (Event) and papers (Report). */
import type { MeetingRecord, PaperRecord } from '#lib/model/archive.ts';
import { PUBLISHER } from './site.ts';

/** "+01:00" in British Summer Time, "+00:00" otherwise, for a date and time in London. */
export function londonOffset(date: string, time: string): string {
  const instant = new Date(`${date}T${time}:00Z`);
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d+)?/.exec(name ?? 'GMT');
  const hours = Number(match?.[1] ?? 0);
  return `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

export function meetingJsonLd(meeting: MeetingRecord, url: string): object {
  const { time, venue, status } = meeting.data;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: `${meeting.body.name} meeting`,
    startDate: time ? `${meeting.date}T${time}:00${londonOffset(meeting.date, time)}` : meeting.date,
    eventStatus: status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(venue ? { location: { '@type': 'Place', name: venue, address: venue } } : {}),
    organizer: { '@type': 'Organization', name: meeting.body.name },
    url,
  };
}

export function paperJsonLd(paper: PaperRecord, meeting: MeetingRecord, url: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: paper.data.title,
    ...(paper.data.date ? { dateCreated: paper.data.date } : {}),
    ...(paper.data.from ? { author: { '@type': 'Person', jobTitle: paper.data.from } } : {}),
    ...(paper.data.recommendations.length ? { abstract: paper.data.recommendations.join(' ') } : {}),
    publisher: { '@type': 'GovernmentOrganization', name: PUBLISHER },
    about: { '@type': 'Event', name: `${meeting.body.name} meeting`, startDate: meeting.date },
    inLanguage: 'en-GB',
    license: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    url,
  };
}
