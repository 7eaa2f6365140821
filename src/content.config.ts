/** Astro's content collections: the schemas come from src/lib/schema.ts, the one statement of the model. */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { load as loadYaml } from 'js-yaml';
import { actionLogSchema, bodySchema, decisionSchema, meetingSchema, minutesSchema, paperSchema, siteSchema } from './lib/schema.ts';
import { SITE_FILE } from './lib/paths.ts';

/** CONTENT_DIR lets the tests build a fixture archive with the real site. */
const base = process.env.CONTENT_DIR ?? './content';
/** An entry's id is its path under content/, so the archive can derive meeting, body and date from it. */
const pathId = ({ entry }: { entry: string }) => entry;

/** site.yaml is one set of settings: the file loader would make each of its fields an entry, so it is read as one entry, "site". */
const asOneEntry = (text: string) => ({ site: loadYaml(text) as Record<string, unknown> });

export const collections = {
  bodies: defineCollection({ loader: file(`${base}/bodies.yaml`), schema: bodySchema }),
  site: defineCollection({ loader: file(`${base}/${SITE_FILE}`, { parser: asOneEntry }), schema: siteSchema }),
  meetings: defineCollection({
    loader: glob({ base, pattern: 'meetings/*/*/index.mdx', generateId: pathId, deferRender: true }),
    schema: meetingSchema,
  }),
  papers: defineCollection({
    loader: glob({
      base,
      pattern: ['meetings/*/*/*.mdx', '!meetings/*/*/index.mdx', '!meetings/*/*/minutes.mdx'],
      generateId: pathId,
      deferRender: true,
    }),
    schema: paperSchema,
  }),
  minutes: defineCollection({
    loader: glob({ base, pattern: 'meetings/*/*/minutes.mdx', generateId: pathId, deferRender: true }),
    schema: minutesSchema,
  }),
  actionLogs: defineCollection({
    loader: glob({ base, pattern: 'meetings/*/*/action-log.yaml', generateId: pathId }),
    schema: actionLogSchema,
  }),
  decisions: defineCollection({
    loader: glob({ base, pattern: 'decisions/*/*.mdx', generateId: pathId, deferRender: true }),
    schema: decisionSchema,
  }),
};
