import type { APIContext } from 'astro';
import { loadArchive } from '../../../data/archive.ts';
import { meetingCalendarFile } from '../../../data/downloads.ts';

export async function getStaticPaths() {
  const { archive, pageKey } = await loadArchive();
  return archive.meetings.map((meeting) => ({ params: { body: meeting.body.id, date: meeting.date }, props: { key: meeting.key }, cacheKey: pageKey({ meeting: meeting.key }) }));
}

export async function GET({ props, site }: APIContext) {
  const { archive } = await loadArchive();
  return meetingCalendarFile(archive.meetingByKey.get(props.key)!, site);
}
