/** The forward plans of decisions: each planned decision with the decisions taken on it, if any yet. */
import type { Archive, DecisionRecord, ForwardPlanRecord, MeetingRecord } from './archive.ts';
import type { PlannedDecision } from './schema.ts';

export interface PlannedDecisionRow {
  plan: ForwardPlanRecord;
  meeting: MeetingRecord;
  planned: PlannedDecision;
  /** the published decisions it names, in the order it names them */
  decisions: DecisionRecord[];
}

/** The planned decisions of one plan, in its printed order. */
export function plannedDecisionsOf(plan: ForwardPlanRecord, archive: Archive): PlannedDecisionRow[] {
  const meeting = archive.meetingByKey.get(plan.meetingKey)!;
  return plan.data.planned.map((planned) => ({ plan, meeting, planned, decisions: planned.decisions.flatMap((id) => archive.decisionById.get(id) ?? []) }));
}

/** Every planned decision of every published plan, newest plan first, each in its printed order. */
export function plannedDecisions(archive: Archive): PlannedDecisionRow[] {
  return archive.forwardPlans.flatMap((plan) => plannedDecisionsOf(plan, archive));
}

/** What a planned decision is called in a list: its subject, with the heading it is listed under. */
export function plannedDecisionLabel(planned: PlannedDecision): string {
  return planned.area && planned.area !== planned.subject ? `${planned.area}: ${planned.subject}` : planned.subject;
}
