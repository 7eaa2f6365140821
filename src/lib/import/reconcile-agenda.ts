/** The agenda an imported pack is written with, made to agree with its papers as the check requires. */
import { AGENDA_NUMBER_PATTERN, findAgendaItem, normaliseAgendaNumber } from '#lib/model/agenda.ts';
import type { ImportedAgendaItem, ImportedPack, ImportNote } from './model.ts';

/** A paper's title when the pack prints none. */
export const TITLE_NOT_FOUND = 'Title not found in the pack';

/** An agenda item with its sub-items always listed, as the agenda functions read it. */
type AgendaTree = Omit<ImportedAgendaItem, 'items'> & { items: AgendaTree[]; paperNotInArchive?: boolean };

/**
 * Makes the agenda and the papers agree, as the check requires, saying each change in the report:
 * - a pack with no agenda gets one rebuilt from the item numbers its papers print, with a note that says so;
 * - a paper printing an item the agenda does not have keeps its text but not the item;
 * - a paper item no paper in the pack was matched to is marked as a paper not in the archive.
 */

export function reconcileAgenda(imported: ImportedPack, meetingDate?: string): { pack: ImportedPack; agendaNote?: string; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const numbers = new Set<string>();
  // items the site can number, each number once, a minutes item approving an earlier meeting's minutes
  // as the check counts them: a sub-item may share its parent's number ("8" with "8.0")
  const withSubItems = (items: readonly ImportedAgendaItem[], parentNumber?: string): AgendaTree[] =>
    items.flatMap((item) => {
      if (!AGENDA_NUMBER_PATTERN.test(item.number.trim())) {
        notes.push({ document: 'meeting', kind: 'uncertain', message: `The agenda item read as “${item.number} ${item.title}” has no number the site can use; it is left out of the agenda: add it by hand.` });
        return [];
      }
      const number = normaliseAgendaNumber(item.number);
      if (number !== parentNumber && numbers.has(number)) {
        notes.push({ document: 'meeting', kind: 'uncertain', message: `Agenda item ${item.number} is read twice; the second, “${item.title}”, is left out: check the agenda.` });
        return [];
      }
      numbers.add(number);
      const minutesOf = item.minutesOf !== undefined && meetingDate !== undefined && item.minutesOf >= meetingDate ? undefined : item.minutesOf;
      if (minutesOf !== item.minutesOf) notes.push({ document: 'meeting', kind: 'uncertain', message: `Agenda item ${item.number} approves minutes dated ${item.minutesOf}, not before this meeting; the date is left out: check it.` });
      return [{ ...item, minutesOf, items: withSubItems(item.items ?? [], number) }];
    });
  const pack = {
    ...imported,
    agenda: withSubItems(imported.agenda),
    documents: imported.documents.map((document) => {
      if (document.item === undefined || AGENDA_NUMBER_PATTERN.test(document.item.trim())) return document;
      notes.push({ document: document.title, sourceLine: document.sourceLines[0], kind: 'uncertain', message: `The item number read, “${document.item}”, is not one the site can use; the paper is written without an item.` });
      return { ...document, item: undefined };
    }),
  };
  const numbered = pack.documents.filter((document) => document.kind === 'paper' && document.item !== undefined);
  if (pack.agenda.length === 0 && numbered.length > 0) {
    const agenda: AgendaTree[] = [];
    for (const document of numbered) {
      if (findAgendaItem(agenda, document.item!)) continue;
      agenda.push({ number: document.item!, title: document.title.trim() || TITLE_NOT_FOUND, kind: 'paper', items: [] });
    }
    notes.push({ document: 'meeting', kind: 'uncertain', message: `The pack has no agenda; ${agenda.length} items were rebuilt from the item numbers the papers print. Check them against the published agenda.` });
    return { pack: { ...pack, agenda }, agendaNote: 'The agenda is not in the pack; its items are those the papers print.', notes };
  }
  for (const document of pack.documents) {
    const item = document.kind === 'paper' && document.item !== undefined ? findAgendaItem(pack.agenda, document.item) : undefined;
    if (item && item.kind !== 'paper') {
      notes.push({ document: document.title, sourceLine: document.sourceLines[0], kind: 'uncertain', message: `A paper prints item ${item.number}, which the agenda was read as ${item.kind}; the item is written as a paper item: check it.` });
      item.kind = 'paper';
    }
  }
  const documents = pack.documents.map((document) => {
    if (document.kind !== 'paper' || document.item === undefined || findAgendaItem(pack.agenda, document.item)) return document;
    notes.push({ document: document.title, sourceLine: document.sourceLines[0], kind: 'uncertain', message: `prints agenda item ${document.item}, which the agenda does not have; it is written without an item. Give it the right item, or leave it as a paper of the meeting.` });
    return { ...document, item: undefined };
  });
  const matched = new Set(documents.flatMap((document) => (document.item === undefined ? [] : [findAgendaItem(pack.agenda, document.item)])));
  const markUnmatched = (items: readonly AgendaTree[]): AgendaTree[] =>
    items.map((item) => {
      const children = markUnmatched(item.items);
      if (item.kind !== 'paper' || matched.has(item) || children.length > 0) return { ...item, items: children };
      notes.push({ document: 'meeting', kind: 'missing', message: `agenda item ${item.number}, “${item.title}”: no paper in the pack was matched to it, so it is marked paperNotInArchive. Add its paper, or mark it verbal.` });
      return { ...item, items: children, paperNotInArchive: true };
    });
  return { pack: { ...pack, documents, agenda: markUnmatched(pack.agenda) }, notes };
}
