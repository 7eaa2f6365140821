/**
 * The archive as the pages see it: Astro's collections, loaded once per build and indexed once,
 * so no page walks a collection (see src/lib/archive.ts for what is derived).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive } from '../lib/archive.ts';
import { todayInLondon } from '../lib/dates.ts';

type RenderableEntry = CollectionEntry<'meetings' | 'papers' | 'minutes' | 'decisions'>;

export interface LoadedArchive {
  archive: Archive;
  /** the collection entry of a content file (path under content/), for rendering its text */
  entryByFile: Map<string, RenderableEntry>;
}

let loaded: Promise<LoadedArchive> | undefined;

async function load(): Promise<LoadedArchive> {
  const [bodies, meetings, papers, minutes, actionLogs, decisions] = await Promise.all([
    getCollection('bodies'),
    getCollection('meetings'),
    getCollection('papers'),
    getCollection('minutes'),
    getCollection('actionLogs'),
    getCollection('decisions'),
  ]);
  const sourced = <T,>(entries: { id: string; data: T }[]) => entries.map((entry) => ({ file: entry.id, data: entry.data }));
  const archive = buildArchive(
    {
      bodies: bodies.map((entry) => entry.data).sort((a, b) => a.name.localeCompare(b.name)),
      meetings: sourced(meetings),
      papers: sourced(papers),
      minutes: sourced(minutes),
      actionLogs: sourced(actionLogs),
      decisions: sourced(decisions),
    },
    todayInLondon(),
  );
  const entryByFile = new Map<string, RenderableEntry>([...meetings, ...papers, ...minutes, ...decisions].map((entry) => [entry.id, entry]));
  return { archive, entryByFile };
}

export function loadArchive(): Promise<LoadedArchive> {
  loaded ??= load();
  return loaded;
}
