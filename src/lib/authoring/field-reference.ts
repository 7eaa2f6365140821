/** The field tables of the staff's field reference (docs/publishing/fields.md), written from the schemas so that they cannot drift. */
import type { z } from 'zod';
import { bodySchema, siteContactSchema, siteSchema } from '#lib/model/schema.ts';
import { BODIES_FILE, DOCUMENT_KINDS, SITE_FILE, filesInWords } from '#lib/model/document-kinds.ts';

type Shape = Record<string, z.ZodType>;

/** The settings files, then each kind of the registry followed by its parts. */
const SECTIONS: (readonly [string, string, z.ZodType])[] = [
  ['Site', `content/${SITE_FILE}, the publisher, how it numbers decisions, and the facts of the accessibility statement`, siteSchema],
  ['Site contact', `the contact and accessibilityContact of content/${SITE_FILE}`, siteContactSchema],
  ['Body', `content/${BODIES_FILE}, one entry each`, bodySchema],
  ...Object.values(DOCUMENT_KINDS).flatMap((spec): (readonly [string, string, z.ZodType])[] => [
    [spec.title, filesInWords(spec), spec.schema],
    ...spec.parts,
  ]),
];

function shapeOf(schema: z.ZodType): Shape {
  const def = (schema as unknown as { def: { type: string; getter?: () => z.ZodType; shape?: Shape } }).def;
  if (def.type === 'lazy' && def.getter) return shapeOf(def.getter());
  return def.shape ?? {};
}

function describe(schema: z.ZodType): { required: boolean; description: string } {
  const optional = schema.safeParse(undefined).success;
  return { required: !optional, description: (schema.description ?? '').replace(/\|/g, '\\|') };
}

/** The field names of a content type, as its schema states them. */
export function fieldNames(schema: z.ZodType): string[] {
  return Object.keys(shapeOf(schema));
}

export function fieldReference(): string {
  return SECTIONS.map(([title, where, schema]) => {
    const rows = Object.entries(shapeOf(schema)).map(([field, fieldSchema]) => {
      const { required, description } = describe(fieldSchema);
      return `| \`${field}\` | ${required ? 'required' : 'optional'} | ${description} |`;
    });
    return [`## ${title}`, '', `In ${where}.`, '', '| field | | what it holds |', '| --- | --- | --- |', ...rows].join('\n');
  }).join('\n\n');
}
