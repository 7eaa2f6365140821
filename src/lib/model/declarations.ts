/** Declarations of interest, as each meeting's papers record them, gathered per person. */
import type { Archive, MeetingRecord } from './archive.ts';
import type { Declaration } from './schema.ts';

export interface DeclarationRecord {
  meeting: MeetingRecord;
  declaration: Declaration;
}

export interface PersonDeclarations {
  /** the name as first printed */
  name: string;
  /** the id of the person's section on the declarations page */
  anchor: string;
  declarations: DeclarationRecord[];
}

/** A name as one person: "Councillor  A. Example" and "councillor A Example" are the same. */
export function personKey(name: string): string {
  return name.toLowerCase().replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
}

/** Every declaration the published meetings record, oldest meeting first. */
export function declarationsOf(archive: Archive): DeclarationRecord[] {
  return archive.meetings.flatMap((meeting) => (Array.isArray(meeting.data.declarations) ? meeting.data.declarations.map((declaration) => ({ meeting, declaration })) : []));
}

/** Each person who declared an interest, by name, with their declarations oldest first. */
export function declarationsByPerson(archive: Archive): PersonDeclarations[] {
  const people = new Map<string, PersonDeclarations>();
  for (const record of declarationsOf(archive)) {
    const key = personKey(record.declaration.name);
    const person = people.get(key) ?? { name: record.declaration.name.trim(), anchor: `person-${key.replace(/[^a-z0-9]+/g, '-')}`, declarations: [] };
    person.declarations.push(record);
    people.set(key, person);
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** What a meeting's papers say of declarations: some made, none made, or nothing recorded. */
export function declarationsRecorded(meeting: MeetingRecord): 'some' | 'none' | 'not recorded' {
  const declarations = meeting.data.declarations;
  if (declarations === undefined) return 'not recorded';
  return declarations === 'none' ? 'none' : 'some';
}
