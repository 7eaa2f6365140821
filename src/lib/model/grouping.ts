/** Groups items by the year of a date, newest year first, keeping the items' order within a year. */
export function groupByYear<T>(items: readonly T[], dateOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const year = dateOf(item).slice(0, 4);
    const group = groups.get(year) ?? [];
    group.push(item);
    groups.set(year, group);
  }
  return [...groups.entries()].sort(([a], [b]) => b.localeCompare(a));
}
