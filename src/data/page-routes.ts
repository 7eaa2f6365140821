/**
 * Every page made from a record, computed once: its params (from the record's address in
 * src/lib/model/routes.ts), the record itself as props, and its cacheKey (a digest of every record it shows, from
 * src/lib/build/page-keys.ts). Each page's getStaticPaths returns one of these, so a page needs no lookup or
 * cast, and a new kind of page gets its address and its key by being added here.
 */
import { loadArchive } from './archive.ts';
import { meetingsOfBody } from '#lib/model/archive.ts';
import { groupByYear } from '#lib/model/grouping.ts';
import { paramsOf, routes } from '#lib/model/routes.ts';

export async function paperPages() {
  const { archive, pageKey } = await loadArchive();
  return archive.papers.map((paper) => ({
    params: paramsOf(paper.path, '[body]/[date]/[paper]'),
    props: { paper, meeting: archive.meetingByKey.get(paper.meetingKey)! },
    cacheKey: pageKey({ meeting: paper.meetingKey }),
  }));
}

export async function minutesPages() {
  const { archive, pageKey } = await loadArchive();
  return archive.minutes.map((minutes) => ({
    params: paramsOf(minutes.path, '[body]/[date]/minutes'),
    props: { minutes, meeting: archive.meetingByKey.get(minutes.meetingKey)! },
    cacheKey: pageKey({ meeting: minutes.meetingKey }),
  }));
}

/** A forward plan shows the titles of the decisions taken on it: it is made again with any record. */
export async function forwardPlanPages() {
  const { archive, pageKey } = await loadArchive();
  return archive.forwardPlans.map((plan) => ({
    params: paramsOf(plan.path, '[body]/[date]/forward-plan'),
    props: { plan, meeting: archive.meetingByKey.get(plan.meetingKey)! },
    cacheKey: pageKey({ archive: true }),
  }));
}

/** A meeting's page, and a body's meetings of one year, share the route [body]/[date]. */
export async function meetingAndBodyYearPages() {
  const { archive, pageKey } = await loadArchive();
  const meetingPages = archive.meetings.map((meeting) => ({
    params: paramsOf(meeting.path, '[body]/[date]'),
    props: { meeting, body: meeting.body, year: undefined },
    cacheKey: pageKey({ meeting: meeting.key }),
  }));
  const yearPages = archive.bodies.flatMap((body) =>
    groupByYear(meetingsOfBody(archive, body.id), (meeting) => meeting.date).map(([year]) => ({
      params: paramsOf(routes.bodyYear(body.id, year), '[body]/[date]'),
      props: { meeting: undefined, body, year },
      cacheKey: pageKey({ archive: true }),
    })),
  );
  return [...meetingPages, ...yearPages];
}

export async function meetingCalendarPages() {
  const { archive, pageKey } = await loadArchive();
  return archive.meetings.map((meeting) => ({
    params: paramsOf(routes.meetingCalendar(meeting.key), '[body]/[date]/calendar.ics'),
    props: { meeting },
    cacheKey: pageKey({ meeting: meeting.key }),
  }));
}

export async function actionPages() {
  const { archive, pageKey } = await loadArchive();
  return archive.actions.map((action) => ({
    params: paramsOf(routes.action(action.key), '[body]/actions/[action]'),
    props: { action, body: archive.bodies.find((body) => body.id === action.body)! },
    cacheKey: pageKey({ action: action.key }),
  }));
}

/** A decision's page, and the register narrowed to a year, share the route decisions/[slug]. */
export async function decisionAndYearPages() {
  const { archive, pageKey } = await loadArchive();
  const decisionPages = archive.decisions.map((decision) => ({
    params: paramsOf(decision.path, 'decisions/[slug]'),
    props: { decision, year: undefined },
    cacheKey: pageKey({ decision: decision.data.id }),
  }));
  const yearPages = groupByYear(archive.decisions, (decision) => decision.data.date).map(([year]) => ({
    params: paramsOf(routes.decisionsYear(year), 'decisions/[slug]'),
    props: { decision: undefined, year },
    cacheKey: pageKey({ archive: true }),
  }));
  return [...decisionPages, ...yearPages];
}

/** A page or file of each body (its meetings, feeds, calendar), each made again with any record. */
export async function bodyPages(route: keyof typeof BODY_ROUTES, only: 'all' | 'with actions' = 'all') {
  const { archive, pageKey } = await loadArchive();
  const bodies = only === 'all' ? archive.bodies : archive.bodies.filter((body) => archive.actions.some((action) => action.body === body.id));
  return bodies.map((body) => ({ params: paramsOf(BODY_ROUTES[route](body.id), `[body]${route}`), props: { body }, cacheKey: pageKey({ archive: true }) }));
}

/** Each body's own pages and files, by their route after [body]. */
const BODY_ROUTES = {
  '': routes.body,
  '/actions': routes.bodyActions,
  '/papers.xml': routes.bodyPapersFeed,
  '/decisions.xml': routes.bodyDecisionsFeed,
  '/calendar.ics': routes.bodyCalendar,
} as const;
