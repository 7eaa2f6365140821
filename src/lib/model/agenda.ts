/** Agenda numbering: "5" and "5.0" are the same item; "8.1" is a sub-item of 8. */

export const AGENDA_NUMBER_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;

/** The canonical form of an agenda number: "5.0" → "5", "08.1" → "8.1". */
export function normaliseAgendaNumber(printed: string): string {
  const text = printed.trim();
  if (!AGENDA_NUMBER_PATTERN.test(text)) throw new Error(`not an agenda number: "${printed}"`);
  const [whole, part] = text.split('.');
  const major = String(Number(whole));
  if (part === undefined || Number(part) === 0) return major;
  return `${major}.${Number(part)}`;
}

/** True when two printed agenda numbers name the same item ("5" and "5.0"). */
export function sameAgendaNumber(a: string, b: string): boolean {
  return normaliseAgendaNumber(a) === normaliseAgendaNumber(b);
}

/** Orders agenda numbers as an agenda does: 2 < 8 < 8.1 < 10. */
export function compareAgendaNumbers(a: string, b: string): number {
  const [aMajor, aMinor = '0'] = normaliseAgendaNumber(a).split('.');
  const [bMajor, bMinor = '0'] = normaliseAgendaNumber(b).split('.');
  return Number(aMajor) - Number(bMajor) || Number(aMinor) - Number(bMinor);
}

interface NumberedItem {
  number: string;
  items: NumberedItem[];
}

/** Every item of an agenda, sub-items after their parent, in agenda order. */
export function flattenAgenda<T extends NumberedItem>(items: readonly T[]): T[] {
  return items.flatMap((item) => [item, ...flattenAgenda(item.items as T[])]);
}

/**
 * The agenda item a paper's printed number belongs to. Where a parent and its sub-item
 * share a number ("8" with sub-item "8.0"), the sub-item is the more specific and wins.
 */
export function findAgendaItem<T extends NumberedItem>(items: readonly T[], printed: string): T | undefined {
  const wanted = normaliseAgendaNumber(printed);
  const matches = flattenAgenda(items).filter((item) => normaliseAgendaNumber(item.number) === wanted);
  return matches.at(-1);
}
