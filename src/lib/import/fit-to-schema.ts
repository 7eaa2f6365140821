/**
 * What the importer read, fitted to the content model before it is written: a value the site would refuse
 * (a time that is not a time, a web address that is not one, an action row without a date) is left out,
 * and the report says what and why, instead of the whole import stopping. Judged by the very zod schemas
 * the check and the site use.
 */
import type { z } from 'zod';
import type { ImportNote } from './model.ts';

type Container = Record<string | number, unknown>;

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** "agenda[3].presenter" */
const pathText = (path: readonly PropertyKey[]) => path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`)).join('');

function parentOf(data: Container, path: readonly PropertyKey[]): Container | undefined {
  let node: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (!isContainer(node)) return undefined;
    node = node[key as string | number];
  }
  return isContainer(node) ? node : undefined;
}

const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/**
 * The data with every value the schema refuses left out: a field that is wrong is removed; an entry of a
 * list that lacks a field it must have is removed whole. Returns the data as it will be written.
 */
export function fitToSchema(schema: z.ZodType, data: Container, document: string, notes: ImportNote[], sourceLine?: number): Container {
  const fitted = structuredClone(data);
  for (let round = 0; round < 50; round++) {
    const result = schema.safeParse(fitted);
    if (result.success) return fitted;
    let changed = false;
    for (const issue of result.error.issues) {
      const path = issue.path;
      if (issue.code === 'unrecognized_keys') {
        const holder = path.length ? parentOf(fitted, [...path, '']) : fitted;
        for (const key of issue.keys) if (holder && key in holder) delete holder[key];
        changed = true;
        continue;
      }
      const parent = parentOf(fitted, path);
      const key = path.at(-1) as string | number | undefined;
      if (!parent || key === undefined) continue;
      const value = parent[key];
      if (value === undefined) {
        // a field the entry must have is missing: the entry of the list that holds it goes
        const index = [...path.keys()].reverse().find((at) => typeof path[at] === 'number' && at < path.length - 1);
        if (index === undefined) continue;
        const list = parentOf(fitted, path.slice(0, index + 1));
        if (!Array.isArray(list)) continue;
        const [entry] = list.splice(path[index] as number, 1);
        notes.push({ document, sourceLine, kind: 'missing', message: `An entry of ${pathText(path.slice(0, index))} has no ${String(key)} the site accepts, so it is left out: ${shown(entry)}.` });
      } else {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        notes.push({ document, sourceLine, kind: 'missing', message: `The value read for ${pathText(path)}, “${shown(value)}”, is not one the site accepts (${issue.message}), so it is left out.` });
      }
      changed = true;
      // paths after a removal may have moved: judge again
      break;
    }
    if (!changed) return fitted;
  }
  return fitted;
}
