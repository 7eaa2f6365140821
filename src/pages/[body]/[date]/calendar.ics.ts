import { meetingCalendarPages } from '../../../data/page-routes.ts';
import type { APIContext } from 'astro';
import { meetingCalendarFile } from '../../../data/downloads.ts';

export function getStaticPaths() {
  return meetingCalendarPages();
}

export async function GET({ props, site }: APIContext) {
  return meetingCalendarFile(props.meeting, site);
}
