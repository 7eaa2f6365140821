/** iCalendar feeds of meetings, written by ical-generator. */
import ical, { ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { MeetingRecord } from '#lib/model/archive.ts';
import { textForFiles } from './format-text.ts';

export const TIME_ZONE = 'Europe/London';

export interface CalendarOptions {
  name: string;
  /** absolute address of a site path */
  absoluteUrl: (path: string) => string;
  /** the host part of every UID, so UIDs stay the same from build to build */
  uidDomain: string;
}

/** A meeting's UID depends only on its body and date: a re-published calendar updates, never duplicates. */
export function meetingUid(meeting: MeetingRecord, uidDomain: string): string {
  return `${meeting.key.replace('/', '-')}@${uidDomain}`;
}

/**
 * With a time zone set, ical-generator writes a native Date's UTC fields as the local time in that zone,
 * so the wall-clock time in London is passed as if it were UTC.
 */
function wallClock(date: string, time: string): Date {
  return new Date(`${date}T${time}:00Z`);
}

export function meetingsCalendar(meetings: readonly MeetingRecord[], options: CalendarOptions): string {
  const calendar = ical({
    name: textForFiles(options.name),
    timezone: { name: TIME_ZONE, generator: getVtimezoneComponent },
    prodId: { company: 'board-papers', product: 'meetings', language: 'EN' },
  });
  for (const meeting of meetings) {
    const url = options.absoluteUrl(meeting.path);
    const common = {
      id: meetingUid(meeting, options.uidDomain),
      summary: textForFiles(`${meeting.body.name} meeting`),
      description: textForFiles(`Agenda and papers: ${url}`),
      url,
      location: meeting.data.venue === undefined ? null : textForFiles(meeting.data.venue),
      status: meeting.data.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: new Date(`${meeting.date}T00:00:00Z`),
    };
    if (meeting.data.time) {
      const start = wallClock(meeting.date, meeting.data.time);
      // the papers give a start time and no end, so the event has none
      calendar.createEvent({ ...common, start, timezone: TIME_ZONE });
    } else {
      calendar.createEvent({ ...common, start: new Date(`${meeting.date}T00:00:00Z`), allDay: true });
    }
  }
  return calendar.toString();
}
