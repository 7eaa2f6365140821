/**
 * The registry of document kinds: for each, its schema, where its files sit under content/, and the
 * name of its section in the field reference. Astro's collections (src/content.config.ts), the content
 * check, the field reference, and what a file is from where it sits all read it. A new kind of document
 * is one entry here, its schema in schema.ts, and the pages that show it; what else it needs by hand is
 * the checklist in docs/developing/adding-a-kind.md.
 */
import type { z } from 'zod';
import {
  actionLogSchema,
  actionRowSchema,
  agendaItemSchema,
  attendanceSchema,
  declarationSchema,
  decisionSchema,
  forwardPlanSchema,
  glossarySchema,
  glossaryTermSchema,
  meetingSchema,
  minutesSchema,
  paperSchema,
  personSchema,
  plannedDecisionSchema,
} from './schema.ts';

export interface DocumentKindSpec {
  /** the kind, as the check and the archive name it */
  kind: string;
  /** its heading in the field reference */
  title: string;
  /**
   * Where its files sit under content/: {body} and {date} are a meeting's folders, {year} a year's,
   * and {stem} any file name that no other kind of the same folder and extension takes.
   */
  files: string;
  schema: z.ZodType;
  /** true for MDX documents, whose text is rendered */
  rendered: boolean;
  /** the field tables of its parts, after its own: [title, where, schema] */
  parts: readonly (readonly [string, string, z.ZodType])[];
  /**
   * Its pages in the search index: the value of the search page's "Type of document" filter, the filter's
   * label and the word a result shows. Left out for a kind whose pages are not indexed (the glossary).
   */
  search?: { type: string; label: string; one: string };
}

/** Each kind by the name of its collection (and of its list in the archive's input). */
export const DOCUMENT_KINDS = {
  meetings: {
    kind: 'meeting',
    title: 'Meeting',
    files: 'meetings/{body}/{date}/index.mdx',
    schema: meetingSchema,
    rendered: true,
    search: { type: 'meeting', label: 'Meetings', one: 'Meeting' },
    parts: [
      ['Agenda item', 'each entry of a meeting’s agenda', agendaItemSchema],
      ['Attendance', 'a meeting’s attendance', attendanceSchema],
      ['Person', 'each entry of an attendance list', personSchema],
      ['Declaration', 'each entry of a meeting’s declarations', declarationSchema],
    ],
  },
  papers: { kind: 'paper', title: 'Paper', files: 'meetings/{body}/{date}/{stem}.mdx', schema: paperSchema, rendered: true, search: { type: 'paper', label: 'Papers', one: 'Paper' }, parts: [] },
  minutes: { kind: 'minutes', title: 'Minutes', files: 'meetings/{body}/{date}/minutes.mdx', schema: minutesSchema, rendered: true, search: { type: 'minutes', label: 'Minutes', one: 'Minutes' }, parts: [] },
  actionLogs: {
    kind: 'action-log',
    title: 'Action log',
    files: 'meetings/{body}/{date}/action-log.yaml',
    schema: actionLogSchema,
    rendered: false,
    // a log's rows each have a page of their own, the action's history
    search: { type: 'action', label: 'Actions', one: 'Action' },
    parts: [['Action', 'each entry of an action log’s actions', actionRowSchema]],
  },
  forwardPlans: {
    kind: 'forward-plan',
    title: 'Forward plan',
    files: 'meetings/{body}/{date}/forward-plan.yaml',
    schema: forwardPlanSchema,
    rendered: false,
    search: { type: 'forward-plan', label: 'Forward plans', one: 'Forward plan' },
    parts: [['Planned decision', 'each entry of a forward plan’s planned decisions', plannedDecisionSchema]],
  },
  decisions: { kind: 'decision', title: 'Decision', files: 'decisions/{year}/{stem}.mdx', schema: decisionSchema, rendered: true, search: { type: 'decision', label: 'Decisions', one: 'Decision' }, parts: [] },
  glossary: {
    kind: 'glossary',
    title: 'Glossary',
    files: 'glossary.yaml',
    schema: glossarySchema,
    rendered: false,
    parts: [['Glossary term', 'each entry of the glossary’s terms', glossaryTermSchema]],
  },
} as const satisfies Record<string, DocumentKindSpec>;

export type CollectionName = keyof typeof DOCUMENT_KINDS;
export type DocumentKind = (typeof DOCUMENT_KINDS)[CollectionName]['kind'];
export type ContentKind = DocumentKind | 'bodies' | 'site' | 'attachment' | 'unknown';

export interface ContentLocation {
  kind: ContentKind;
  /** the collection of a document */
  collection?: CollectionName;
  body?: string;
  date?: string;
  year?: string;
  /** file name without extension, for papers and decisions */
  stem?: string;
}

/** The site's configuration under content/: the publisher, its contacts and the accessibility statement. */
export const SITE_FILE = 'site.yaml';
export const BODIES_FILE = 'bodies.yaml';

const PLACEHOLDER = /\{(body|date|year|stem)\}/g;
const PLACEHOLDER_PATTERN: Record<string, string> = { body: '([^/]+)', date: '([^/]+)', year: String.raw`(\d{4})`, stem: '([^/]+)' };

/** What a kind's files look like, most specific first: fixed names before {stem}. */
const MATCHERS = (Object.entries(DOCUMENT_KINDS) as [CollectionName, DocumentKindSpec][])
  .map(([collection, spec]) => {
    const names = [...spec.files.matchAll(PLACEHOLDER)].map((match) => match[1]!);
    const source = spec.files
      .split(PLACEHOLDER)
      .map((part, index) => (index % 2 === 1 ? PLACEHOLDER_PATTERN[part]! : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return { collection, kind: spec.kind as DocumentKind, names, pattern: new RegExp(`^${source}$`) };
  })
  .sort((a, b) => Number(a.names.includes('stem')) - Number(b.names.includes('stem')));

/** What a file under content/ is, from where it sits. `file` is relative to content/, with / separators. */
export function locateContentFile(file: string): ContentLocation {
  if (file === BODIES_FILE) return { kind: 'bodies' };
  if (file === SITE_FILE) return { kind: 'site' };
  for (const { collection, kind, names, pattern } of MATCHERS) {
    const match = pattern.exec(file);
    if (match) return { kind, collection, ...Object.fromEntries(names.map((name, index) => [name, match[index + 1]!])) };
  }
  const original = /^meetings\/([^/]+)\/([^/]+)\/([^/]+)\.(pdf|docx)$/.exec(file);
  if (original) return { kind: 'attachment', body: original[1], date: original[2], stem: original[3] };
  return { kind: 'unknown' };
}

/**
 * The glob of a kind's files for Astro's loader: its pattern with each placeholder a "*", and for a
 * {stem} kind the fixed names of the other kinds of its folder left out, so that an action log or
 * minutes file is never also read as a paper.
 */
export function filesGlob(collection: CollectionName): string[] {
  const files: string = DOCUMENT_KINDS[collection].files;
  const glob = files.replace(PLACEHOLDER, '*');
  if (!files.includes('{stem}')) return [glob];
  const others = Object.values(DOCUMENT_KINDS)
    .map((spec): string => spec.files.replace(PLACEHOLDER, '*'))
    .filter((other) => other !== glob && !other.includes('*.') && other.slice(0, other.lastIndexOf('/')) === glob.slice(0, glob.lastIndexOf('/')) && other.endsWith(glob.slice(glob.lastIndexOf('.'))));
  return [glob, ...others.map((other) => `!${other}`)];
}

/** Where a kind's files go, in words for staff: "meetings/<body>/<yyyy-mm-dd>/<item>-<title>.mdx". */
export function filesInWords(spec: DocumentKindSpec): string {
  return spec.files
    .replace('{date}', '<yyyy-mm-dd>')
    .replace('{year}', '<yyyy>')
    .replace('{stem}', spec.kind === 'paper' ? '<item>-<title>' : '<id>')
    .replace(/\{(\w+)\}/g, '<$1>');
}

/** Where each kind goes, in words for a message: "meetings/<body>/<yyyy-mm-dd>/index.mdx, …". */
export function whereFilesGo(): string {
  return Object.values(DOCUMENT_KINDS).map(filesInWords).join(', ');
}
