/**
 * The paper trail: what each document cites, what cites each page ("cited by"), and what is cited
 * but not in the archive (the gaps). Built once per build, in one pass over the texts: linear in the
 * archive, since every lookup is by key.
 */
import type { Archive } from '#lib/model/archive.ts';
import { citationContext, findCitations, type Citation, type CitationContext, type CitationTarget } from './citations.ts';
import { findAgendaItem } from '#lib/model/agenda.ts';
import { decisionSlug, meetingKey, routes } from '#lib/model/routes.ts';
import { formatDate } from '#lib/model/dates.ts';

export interface CitingDocument {
  /** the site path of the page that holds the text */
  path: string;
  title: string;
  /** the body whose document it is ("this Board") */
  body?: string | undefined;
  /** the meeting it belongs to, for "see Agenda item 8.1" */
  meetingKey?: string | undefined;
  text: string;
}

export type Resolution = { path: string; label: string } | { missing: string; label: string };

export interface CitedBy {
  path: string;
  title: string;
  context: string;
}

export interface Gap {
  key: string;
  label: string;
  citedBy: CitedBy[];
}

export interface LinkGraph {
  citedBy: Map<string, CitedBy[]>;
  gaps: Gap[];
  /** how many citations were found, resolved and not */
  counts: { citations: number; resolved: number; missing: number };
}

const aliasesOf = new WeakMap<Archive, Map<string, string>>();

/** What a text of a body's document is read with; the alias map is made once per archive. */
export function citationContextFor(archive: Archive, body?: string): CitationContext {
  let bodyByAlias = aliasesOf.get(archive);
  if (!bodyByAlias) {
    bodyByAlias = new Map<string, string>();
    for (const entry of archive.bodies) {
      for (const alias of [entry.name, ...entry.aliases]) bodyByAlias.set(alias.toLowerCase(), entry.id);
    }
    aliasesOf.set(archive, bodyByAlias);
  }
  return { bodyByAlias, currentBody: body, office: archive.office };
}

/** Where a citation leads: the paper when the item has one, else the meeting; or what is missing. */
export function resolveCitation(target: CitationTarget, archive: Archive, currentMeeting?: string): Resolution {
  const bodyName = (id: string) => archive.bodies.find((body) => body.id === id)?.name ?? id;
  switch (target.kind) {
    case 'decision': {
      const decision = archive.decisionById.get(target.id);
      return decision ? { path: decision.path, label: target.id } : { missing: `decision:${decisionSlug(target.id)}`, label: `Decision ${target.id}` };
    }
    case 'minutes': {
      const meeting = archive.meetingByKey.get(meetingKey(target.body, target.date));
      const label = `Minutes of the ${bodyName(target.body)}, ${formatDate(target.date)}`;
      if (meeting?.minutes) return { path: meeting.minutes.path, label };
      return { missing: `minutes:${meetingKey(target.body, target.date)}`, label };
    }
    case 'meeting': {
      const meeting = archive.meetingByKey.get(meetingKey(target.body, target.date));
      const label = `${bodyName(target.body)}, ${formatDate(target.date)}`;
      return meeting ? { path: meeting.path, label } : { missing: `meeting:${meetingKey(target.body, target.date)}`, label };
    }
    case 'agenda-item':
      return resolveItem(archive, meetingKey(target.body, target.date), target.items[0]!, `${bodyName(target.body)}, ${formatDate(target.date)}, agenda item ${target.items.join(', ')}`);
    case 'same-meeting-item':
      if (!currentMeeting) return { missing: `item:${target.item}`, label: `Agenda item ${target.item}` };
      return resolveItem(archive, currentMeeting, target.item, `Agenda item ${target.item}`);
  }
}

function resolveItem(archive: Archive, key: string, item: string, label: string): Resolution {
  const meeting = archive.meetingByKey.get(key);
  if (!meeting) return { missing: `item:${key}#${item}`, label };
  const agendaItem = findAgendaItem(meeting.data.agenda, item);
  const paper = meeting.papers.find((candidate) => candidate.agendaItem !== undefined && candidate.agendaItem === agendaItem);
  if (paper) return { path: paper.path, label };
  return { path: agendaItem ? routes.agendaItem(meeting.key, agendaItem.number) : meeting.path, label };
}

/** The citations of one document, each resolved. */
export function resolvedCitations(document: CitingDocument, archive: Archive): { citation: Citation; resolution: Resolution }[] {
  return findCitations(document.text, citationContextFor(archive, document.body)).map((citation) => ({
    citation,
    resolution: resolveCitation(citation.target, archive, document.meetingKey),
  }));
}

export function buildLinkGraph(documents: readonly CitingDocument[], archive: Archive): LinkGraph {
  const citedBy = new Map<string, CitedBy[]>();
  const gaps = new Map<string, Gap>();
  const counts = { citations: 0, resolved: 0, missing: 0 };
  for (const document of documents) {
    const seenHere = new Set<string>();
    for (const { citation, resolution } of resolvedCitations(document, archive)) {
      counts.citations++;
      const entry: CitedBy = { path: document.path, title: document.title, context: citationContext(document.text, citation) };
      if ('path' in resolution) {
        counts.resolved++;
        const target = resolution.path.split('#')[0]!;
        if (target === document.path || seenHere.has(target)) continue;
        seenHere.add(target);
        const list = citedBy.get(target);
        if (list) list.push(entry);
        else citedBy.set(target, [entry]);
      } else {
        counts.missing++;
        const gap = gaps.get(resolution.missing) ?? { key: resolution.missing, label: resolution.label, citedBy: [] };
        if (!gap.citedBy.some((existing) => existing.path === document.path)) gap.citedBy.push(entry);
        gaps.set(resolution.missing, gap);
      }
    }
  }
  return { citedBy, gaps: [...gaps.values()].sort((a, b) => a.key.localeCompare(b.key)), counts };
}
