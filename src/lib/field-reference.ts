/** The authoring guide's field tables, written from the schemas so that they cannot drift. */
import type { z } from 'zod';
import { actionLogSchema, actionRowSchema, agendaItemSchema, attendanceSchema, bodySchema, decisionSchema, meetingSchema, minutesSchema, paperSchema, personSchema, siteContactSchema, siteSchema } from './schema.ts';

type Shape = Record<string, z.ZodType>;

const SECTIONS: [string, string, z.ZodType][] = [
  ['Site', 'content/site.yaml, the publisher and the facts of the accessibility statement', siteSchema],
  ['Site contact', 'the contact and accessibilityContact of content/site.yaml', siteContactSchema],
  ['Body', 'content/bodies.yaml, one entry each', bodySchema],
  ['Meeting', 'meetings/<body>/<yyyy-mm-dd>/index.mdx', meetingSchema],
  ['Agenda item', 'each entry of a meeting’s agenda', agendaItemSchema],
  ['Attendance', 'a meeting’s attendance', attendanceSchema],
  ['Person', 'each entry of an attendance list', personSchema],
  ['Paper', 'meetings/<body>/<yyyy-mm-dd>/<item>-<title>.mdx', paperSchema],
  ['Minutes', 'meetings/<body>/<yyyy-mm-dd>/minutes.mdx', minutesSchema],
  ['Decision', 'decisions/<yyyy>/cpcc-<yyyy>-<nnn>.mdx', decisionSchema],
  ['Action log', 'meetings/<body>/<yyyy-mm-dd>/action-log.yaml', actionLogSchema],
  ['Action', 'each entry of an action log’s actions', actionRowSchema],
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
    return [`#### ${title}`, '', `In ${where}.`, '', '| field | | what it holds |', '| --- | --- | --- |', ...rows].join('\n');
  }).join('\n\n');
}
