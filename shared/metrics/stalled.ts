import type { Handoff } from '../domain/handoff';
import type { UnmetCriterion } from '../domain/errors';
import type { OwnerId } from '../domain/ids';
import type { WorkspaceSettings } from '../domain/settings';
import type { HandoffState } from '../domain/states';
import type { Template } from '../domain/template';
import { templateKey } from '../domain/template';
import { slaStatus } from '../domain/sla';
import { readiness } from '../domain/readiness';
import { compareText, holderOf, ownerNamer } from './people';

export interface StalledRow {
  handoffId: string;
  title: string;
  client: string;
  state: HandoffState;
  /** Who must act: the sender while IN_PROGRESS / READY_FOR_HANDOFF, the receiver while IN_HANDOFF. */
  holder: OwnerId | null;
  holderName: string;
  /** Working hours in the current column. */
  elapsedHours: number;
  limitHours: number;
  /** Working hours past the limit; 0 for a warning. */
  lateByHours: number;
  status: 'warning' | 'breached';
  /** The next gate's unmet proof, in template order (empty when the template version is missing). */
  missing: UnmetCriterion[];
  missingSummary: string;
  /** False when the handoff's template version is not loaded: the limit is then the workspace default. */
  templateFound: boolean;
}

/**
 * Stand-in for a template version that is not loaded: no criteria and no SLA
 * override, so the card is judged by the workspace limits rather than dropped
 * from the list (a late card must not vanish because of missing data).
 */
function placeholderTemplate(handoff: Handoff): Template {
  return {
    id: handoff.templateId,
    version: handoff.templateVersion,
    name: handoff.templateId,
    description: '',
    fromTeam: '',
    toTeam: '',
    criteria: [],
    sla: {},
    clientUpdateTemplate: '',
    createdAt: handoff.createdAt,
    archivedAt: null,
  };
}

function summarise(missing: readonly UnmetCriterion[], templateFound: boolean, state: HandoffState, holderName: string): string {
  if (!templateFound) return "Unknown: this handoff's template version is not loaded";
  if (missing.length > 0) return missing.map((item) => item.label).join(', ');
  return state === 'IN_HANDOFF' ? `Nothing missing; waiting for ${holderName} to accept` : 'Nothing missing; ready to move on';
}

/** Breached first, most working hours over the limit first; warnings by share of the limit used. */
function compareLateness(a: StalledRow, b: StalledRow): number {
  if (a.status !== b.status) return a.status === 'breached' ? -1 : 1;
  return (
    b.lateByHours - a.lateByHours ||
    b.elapsedHours / b.limitHours - a.elapsedHours / a.limitHours ||
    b.elapsedHours - a.elapsedHours ||
    compareText(a.title, b.title) ||
    compareText(a.handoffId, b.handoffId)
  );
}

/**
 * Open handoffs at or past their SLA warning in their current column, most
 * late first — "which three are most late, who holds them, what is missing"
 * without opening a card. Accepted and archived handoffs have no SLA and are
 * left out. Hours are working hours, as the SLA is.
 */
export function stalledHandoffs(
  handoffs: readonly Handoff[],
  templatesByKey: ReadonlyMap<string, Template>,
  settings: WorkspaceSettings,
  now: Date | string,
): StalledRow[] {
  const ownerName = ownerNamer(settings.owners);
  const rows: StalledRow[] = [];
  for (const handoff of handoffs) {
    if (handoff.archivedAt !== null || handoff.state === 'HANDOFF_DONE') continue;
    const found = templatesByKey.get(templateKey(handoff.templateId, handoff.templateVersion));
    const template = found ?? placeholderTemplate(handoff);
    const sla = slaStatus(handoff, template, settings, now);
    if ((sla.status !== 'warning' && sla.status !== 'breached') || sla.limitHours === null) continue;
    const holder = holderOf(handoff);
    const holderName = ownerName(holder);
    const missing = found === undefined ? [] : readiness(handoff, found, now).missing;
    rows.push({
      handoffId: handoff.id,
      title: handoff.title,
      client: handoff.client.name,
      state: handoff.state,
      holder,
      holderName,
      elapsedHours: sla.elapsedHours,
      limitHours: sla.limitHours,
      lateByHours: sla.lateByHours,
      status: sla.status,
      missing,
      missingSummary: summarise(missing, found !== undefined, handoff.state, holderName),
      templateFound: found !== undefined,
    });
  }
  return rows.sort(compareLateness);
}
