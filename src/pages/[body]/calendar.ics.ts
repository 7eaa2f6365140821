import { bodyPages } from '../../data/page-routes.ts';
import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { meetingsCalendarFile } from '../../data/downloads.ts';

export function getStaticPaths() {
  return bodyPages('/calendar.ics');
}

export async function GET({ props, site }: APIContext) {
  const { archive } = await loadArchive();
  return meetingsCalendarFile(archive, site, props.body);
}
