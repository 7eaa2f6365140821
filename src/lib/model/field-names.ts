/** Naming the field staff meant when they misspell one: "recomendations" → "recommendations". */
import type { z } from 'zod';

/** Edit distance between two words, counting a swap of two neighbouring letters as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i]![j] = Math.min(rows[i]![j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/** The name nearest to `word`, when it is near enough to be what was meant. */
export function nearestName(word: string, names: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(lower, name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}

interface SchemaDefinition {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
}

function definition(schema: z.ZodType): SchemaDefinition {
  return (schema as unknown as { _zod: { def: SchemaDefinition } })._zod.def;
}

/** The object schema at a path of the data (through arrays, optionals, defaults, lazies and pipes). */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): SchemaDefinition | undefined {
  let current: z.ZodType | undefined = schema;
  let remaining = [...path];
  for (let guard = 0; current && guard < 100; guard++) {
    const def = definition(current);
    if (def.innerType) current = def.innerType;
    else if (def.getter) current = def.getter();
    else if (def.type === 'pipe') current = definition(def.in!).type === 'transform' ? def.out : def.in;
    else if (remaining.length === 0) return def.type === 'object' ? def : undefined;
    else if (def.type === 'array') [current, remaining] = [def.element, remaining.slice(1)];
    else if (def.type === 'object') [current, remaining] = [def.shape?.[String(remaining[0])], remaining.slice(1)];
    else return undefined;
  }
  return undefined;
}

/** The field names a schema allows at a path of the data: those of a paper, an agenda item, a person… */
export function fieldNamesAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  return Object.keys(objectAt(schema, path)?.shape ?? {});
}
