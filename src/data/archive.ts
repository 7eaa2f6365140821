/**
 * The archive as the pages see it: Astro's collections, loaded once per build and indexed once,
 * so no page walks a collection (see src/lib/model/archive.ts for what is derived).
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { contentDirectory } from '#lib/build/content-directory.ts';
import { DOCUMENT_KINDS, locateContentFile, type CollectionName } from '#lib/model/document-kinds.ts';
import { contentHtml } from '#lib/text/content-html.ts';
import { documentText } from '#lib/text/frontmatter.ts';
import { contentDigest, createPageKeys, type PageReads } from '#lib/build/page-keys.ts';
import { buildArchive, type Archive, type ArchiveInput } from '#lib/model/archive.ts';
import { formatDate, todayInLondon } from '#lib/model/dates.ts';
import { buildLinkGraph, type CitingDocument, type LinkGraph } from '#lib/text/link-graph.ts';
import type { Site } from '#lib/model/schema.ts';

type RenderableEntry = CollectionEntry<'meetings' | 'papers' | 'minutes' | 'decisions'>;

export interface LoadedArchive {
  archive: Archive;
  /**
   * The HTML of a content file's text (path under content/), judged and rendered (src/lib/text/content-html.ts);
   * throws, naming the file and lines, on a text that may not be published. A page calls it in its own
   * frontmatter, so that such a text fails the page before any of it is sent.
   */
  textHtml: (file: string) => string;
  /** the texts that cite, by the path of their page */
  citingByPath: Map<string, CitingDocument>;
  linkGraph: LinkGraph;
  /**
   * The cache key of a page, from every record it reads (see src/lib/build/page-keys.ts): each getStaticPaths
   * returns it as `cacheKey`, so an incremental build renders again exactly the pages whose records changed.
   */
  pageKey: (reads: PageReads) => string;
}

let loaded: Promise<LoadedArchive> | undefined;

/**
 * The kinds of document that have a file in the content folder. Astro warns of a collection with no
 * entries as of a mistake in its configuration; an office with no forward plans or decisions yet has
 * made none, so such a collection is not asked for.
 */
function collectionsWithFiles(contentDir: string): Set<CollectionName> {
  const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).map((file) => file.split(sep).join('/'));
  return new Set(files.flatMap((file) => locateContentFile(file).collection ?? []));
}

async function load(): Promise<LoadedArchive> {
  const contentDir = contentDirectory();
  const present = collectionsWithFiles(contentDir);
  const entriesOf = <C extends CollectionName>(collection: C): Promise<CollectionEntry<C>[]> =>
    present.has(collection) ? getCollection(collection) : Promise.resolve([]);
  const kinds = Object.keys(DOCUMENT_KINDS) as CollectionName[];
  const [bodies, site, ...entriesByKind] = await Promise.all([getCollection('bodies'), loadSite(), ...kinds.map((collection) => entriesOf(collection))]);
  /** every entry of every kind, by its collection */
  const entries = Object.fromEntries(kinds.map((collection, index) => [collection, entriesByKind[index]!])) as { [C in CollectionName]: CollectionEntry<C>[] };
  const { meetings, papers, minutes, decisions } = entries;
  const sourced = <T,>(list: { id: string; data: T }[]) => list.map((entry) => ({ file: entry.id, data: entry.data }));
  const archive = buildArchive(
    {
      bodies: bodies.map((entry) => entry.data).sort((a, b) => a.name.localeCompare(b.name)),
      ...(Object.fromEntries(kinds.map((collection) => [collection, sourced<unknown>(entries[collection])])) as Omit<ArchiveInput, 'bodies' | 'site'>),
      site,
    },
    todayInLondon(),
  );
  const entryByFile = new Map<string, RenderableEntry>([...meetings, ...papers, ...minutes, ...decisions].map((entry) => [entry.id, entry]));
  // A document's text is read from its file, not kept in the content store (which would make every
  // build bundle every text): once here for the link graph and the keys, and again by the page that
  // shows it, so that the live preview always shows the file as it is now.
  const readText = (file: string) => documentText(readFileSync(join(contentDir, file), 'utf8'));
  const textByFile = new Map([...entryByFile.keys()].map((file) => [file, readText(file)]));
  const bodyText = (file: string) => textByFile.get(file) ?? '';
  const citing: CitingDocument[] = [
    ...archive.papers.map((paper) => ({
      path: paper.path,
      title: paper.data.title,
      body: paper.meetingKey.split('/')[0],
      meetingKey: paper.meetingKey,
      text: [bodyText(paper.file), ...paper.data.sources.map((source) => source.title)].join('\n\n'),
    })),
    ...archive.minutes.map((minutes) => ({
      path: minutes.path,
      title: `Minutes of the ${archive.meetingByKey.get(minutes.meetingKey)!.body.name}, ${formatDate(minutes.meetingKey.split('/')[1]!)}`,
      body: minutes.meetingKey.split('/')[0],
      meetingKey: minutes.meetingKey,
      text: bodyText(minutes.file),
    })),
    ...archive.decisions.map((decision) => ({ path: decision.path, title: `${decision.data.id}: ${decision.data.title}`, text: bodyText(decision.file) })),
  ];
  const citingByPath = new Map(citing.map((document) => [document.path, document]));
  const linkGraph = buildLinkGraph(citing, archive);
  const digestByFile = new Map(
    kinds.flatMap((collection): CollectionEntry<CollectionName>[] => entries[collection]).map((entry) => [entry.id, contentDigest(entry.data, textByFile.get(entry.id))]),
  );
  const pageKey = createPageKeys({
    archive,
    linkGraph,
    citingByPath,
    fileDigest: (file) => digestByFile.get(file) ?? '',
    bodyText,
    originalBytes: (file) => statSync(join(contentDir, file)).size,
    site,
  });
  const textHtml = (file: string) => {
    const entry = entryByFile.get(file);
    return entry ? contentHtml(readText(file), entry.filePath, import.meta.env.BASE_URL) : '';
  };
  return { archive, textHtml, citingByPath, linkGraph, pageKey };
}

export function loadArchive(): Promise<LoadedArchive> {
  loaded ??= load();
  return loaded;
}

/** The publisher and the facts of the accessibility statement, from content/site.yaml. */
export async function loadSite(): Promise<Site> {
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('content/site.yaml is missing or empty: create it (npm run check says what it needs)');
  return entry.data;
}
