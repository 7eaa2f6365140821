/**
 * Astro's collections, one for each kind of the registry (src/lib/model/document-kinds.ts): its schema and
 * where its files sit come from there, the one statement of each.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { load as loadYaml } from 'js-yaml';
import { bodySchema, siteSchema } from '#lib/model/schema.ts';
import { BODIES_FILE, DOCUMENT_KINDS, SITE_FILE, filesGlob, type CollectionName } from '#lib/model/document-kinds.ts';
import { documentFrontmatter, quietWhenEmpty } from './data/document-loader.ts';

/** CONTENT_DIR lets the tests build a fixture archive with the real site. */
const base = process.env.CONTENT_DIR ?? './content';
/** An entry's id is its path under content/, so the archive can derive meeting, body and date from it. */
const pathId = ({ entry }: { entry: string }) => entry;

/** site.yaml is one set of settings: the file loader would make each of its fields an entry, so it is read as one entry, "site". */
const asOneEntry = (text: string) => ({ site: loadYaml(text) as Record<string, unknown> });

/**
 * The loader of a kind's files, where the registry says they sit. A document's text is never made a
 * module, nor kept in the store: its page reads and renders it (src/data/document-loader.ts). A kind with
 * no files yet is not warned of (quietWhenEmpty).
 */
function documentLoader(collection: CollectionName) {
  if (!DOCUMENT_KINDS[collection].rendered) return quietWhenEmpty(glob({ base, pattern: filesGlob(collection), generateId: pathId }));
  return quietWhenEmpty(documentFrontmatter(glob({ base, pattern: filesGlob(collection), generateId: pathId, retainBody: false })));
}

/** A kind of the registry as a collection: its files where the registry says, read through its schema. */
function kindCollection<C extends CollectionName>(collection: C) {
  return defineCollection({ loader: documentLoader(collection), schema: DOCUMENT_KINDS[collection].schema as (typeof DOCUMENT_KINDS)[C]['schema'] });
}

/** Each kind of the registry, as a collection of the same name. */
const documentCollections = Object.fromEntries((Object.keys(DOCUMENT_KINDS) as CollectionName[]).map((collection) => [collection, kindCollection(collection)])) as {
  [C in CollectionName]: ReturnType<typeof kindCollection<C>>;
};

export const collections = {
  bodies: defineCollection({ loader: file(`${base}/${BODIES_FILE}`), schema: bodySchema }),
  site: defineCollection({ loader: file(`${base}/${SITE_FILE}`, { parser: asOneEntry }), schema: siteSchema }),
  ...documentCollections,
};
