import type { APIContext } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { meetingsOfBody } from '../../lib/archive.ts';
import { calendarResponse } from '../../lib/calendar-response.ts';

export async function getStaticPaths() {
  const { archive } = await loadArchive();
  return archive.bodies.map((body) => ({ params: { body: body.id }, props: { name: body.name } }));
}

export async function GET({ params, props, site }: APIContext) {
  const { archive } = await loadArchive();
  return calendarResponse(`Meetings of the ${props.name}`, meetingsOfBody(archive, params.body!), site);
}
