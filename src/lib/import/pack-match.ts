/** Matching papers to agenda items: by the "Agenda Item" line, then title, then presenter, then order. */
import type { ImportedAgendaItem, ImportedDocument, ImportNote } from './model.ts';
import { titleSimilarity } from './pack-text.ts';

/** The items that can hold a paper, in order, sub-items in place of their heading. */
export function paperItems(agenda: ImportedAgendaItem[]): ImportedAgendaItem[] {
  const out: ImportedAgendaItem[] = [];
  for (const item of agenda) {
    if (item.items && item.items.length > 0) out.push(...paperItems(item.items));
    else if (item.kind === 'paper') out.push(item);
  }
  return out;
}

const sameNumber = (a: string, b: string) => a === b || a.replace(/\.0$/, '') === b.replace(/\.0$/, '');

function presenterRole(text: string | undefined): string {
  return (text ?? '').replace(/^(Reports?\s+(from|of|by)|From|Presented\s+by)\s*:?\s*(the\s+)?/i, '').trim().toLowerCase();
}

export function matchDocuments(documents: ImportedDocument[], agenda: ImportedAgendaItem[], notes: ImportNote[]): void {
  const candidates = paperItems(agenda);
  if (candidates.length === 0) return;
  const taken = new Set<string>();
  for (const document of documents) if (document.item !== undefined) {
    const item = candidates.find((candidate) => sameNumber(candidate.number, document.item!));
    if (item) taken.add(item.number);
  }
  const papers = documents.filter((document) => document.kind === 'paper' && document.item === undefined);
  // by title
  for (const document of papers) {
    let best: { item: ImportedAgendaItem; score: number } | undefined;
    for (const item of candidates) {
      if (taken.has(item.number)) continue;
      const score = titleSimilarity(document.title, item.title);
      if (score >= 0.5 && (!best || score > best.score)) best = { item, score };
    }
    if (best) {
      document.item = best.item.number;
      document.matchedBy = 'title';
      taken.add(best.item.number);
    }
  }
  // by order: a paper between two placed papers takes the one free item between them whose presenter fits
  for (let index = 0; index < documents.length; index += 1) {
    const document = documents[index];
    if (document.kind !== 'paper' || document.item !== undefined) continue;
    const before = documents.slice(0, index).reverse().find((other) => other.item !== undefined && candidates.some((item) => sameNumber(item.number, other.item!)));
    const after = documents.slice(index + 1).find((other) => other.item !== undefined && candidates.some((item) => sameNumber(item.number, other.item!)));
    const low = before ? candidates.findIndex((item) => sameNumber(item.number, before.item!)) : -1;
    const high = after ? candidates.findIndex((item) => sameNumber(item.number, after.item!)) : candidates.length;
    const free = candidates.slice(low + 1, high).filter((item) => !taken.has(item.number));
    const byPresenter = free.filter((item) => document.from && presenterRole(item.presenter).includes(document.from.toLowerCase()));
    const pick = byPresenter.length === 1 ? byPresenter[0] : free.length === 1 ? free[0] : undefined;
    if (!pick) continue;
    document.item = pick.number;
    document.matchedBy = byPresenter.length === 1 ? 'presenter' : 'order';
    taken.add(pick.number);
    // a paper with no title of its own (its first words are a paragraph number) takes the agenda's
    if (!/\p{L}{2}/u.test(document.title)) {
      notes.push({ document: pick.title, sourceLine: document.sourceLines[0], kind: 'uncertain', message: `The paper prints no title; it is given the agenda's title for item ${pick.number}, “${pick.title}”.` });
      document.title = pick.title;
    }
    notes.push({ document: document.title, sourceLine: document.sourceLines[0], kind: 'uncertain', message: `The paper prints no agenda item number; it is placed under item ${pick.number} (“${pick.title}”) by its ${document.matchedBy === 'order' ? 'place in the pack' : 'presenter'}.` });
  }
}
