/**
 * What an office's papers are read with, from content/site.yaml and content/bodies.yaml: how its
 * decisions are numbered, and the words its papers use for the body they go to ("this Board").
 */
import { decisionNumbering, type DecisionNumbering } from './decision-numbering.ts';
import type { Body, Site } from './schema.ts';

export interface Office {
  /** the publisher, whose decisions the register holds: "the Northmoor Police, Fire and Crime Commissioner" */
  publisher: string;
  /** undefined while content/site.yaml gives no readable numbering: then no decision id is read */
  numbering: DecisionNumbering | undefined;
  /** "Board", "Panel", "Committee": the words of "brought to this Board" */
  thisBodyWords: string[];
}

/** The last word of each body's name, once each: "Business Coordination Board" → "Board". */
/** The settings of content/site.yaml that reading an office's papers needs. */
export type OfficeSettings = Pick<Site, 'decisionNumbering' | 'citationWords'> & { name?: string };

export function lastWordsOf(bodies: readonly Pick<Body, 'name'>[]): string[] {
  return [...new Set(bodies.map((body) => body.name.trim().split(/\s+/).at(-1)!))];
}

export function officeOf(site: OfficeSettings | undefined, bodies: readonly Pick<Body, 'name'>[]): Office {
  return {
    publisher: site?.name ?? 'Commissioner',
    numbering: site ? decisionNumbering(site.decisionNumbering) : undefined,
    thisBodyWords: site?.citationWords ?? lastWordsOf(bodies),
  };
}
