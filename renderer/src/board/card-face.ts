import type { Handoff } from '../../../shared/domain/handoff';
import type { Template } from '../../../shared/domain/template';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { GATE_STEPS } from '../../../shared/domain/states';
import { readiness } from '../../../shared/domain/readiness';
import { slaStatus } from '../../../shared/domain/sla';


export interface CardFace {
  /** Proof for the next gate: met of total. Null in the last column or without a template. */
  readiness: { met: number; total: number; ready: boolean; gateLabel: string } | null;
  openExceptions: number;
  openQuestions: number;
  sla: { label: string; breached: boolean } | null;
  overdue: boolean;
}

/** What the card face shows, derived from the record; pure so it is cheap to test. */
export function cardFace(handoff: Handoff, template: Template | undefined, settings: WorkspaceSettings, now: Date): CardFace {
  const ready = template ? readiness(handoff, template, now) : null;
  const sla = template && !handoff.archivedAt ? slaStatus(handoff, template, settings, now) : null;
  return {
    readiness:
      ready && ready.nextGate
        ? { met: ready.met, total: ready.total, ready: ready.ready, gateLabel: GATE_STEPS[ready.nextGate].label }
        : null,
    openExceptions: handoff.exceptions.filter((e) => e.resolvedAt === null).length,
    openQuestions: handoff.openQuestions.filter((q) => q.resolvedAt === null).length,
    sla: slaBadge(sla),
    overdue: sla
      ? sla.overdueNextAction
      : handoff.nextAction !== null && handoff.state !== 'HANDOFF_DONE' && new Date(handoff.nextAction.dueAt).getTime() <= now.getTime(),
  };
}

function slaBadge(sla: ReturnType<typeof slaStatus> | null): CardFace['sla'] {
  if (!sla || sla.limitHours === null) return null;
  if (sla.status === 'breached') return { label: `Stalled ${Math.max(1, Math.round(sla.lateByHours))} h past SLA`, breached: true };
  if (sla.status === 'warning') {
    const left = sla.limitHours - sla.elapsedHours;
    return { label: left < 1 ? 'SLA: under 1 h left' : `SLA: ${Math.floor(left)} h left`, breached: false };
  }
  return null;
}
