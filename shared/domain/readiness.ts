import type { Handoff } from './handoff';
import type { Template } from './template';
import type { GateId } from './states';
import type { UnmetCriterion } from './errors';
import { nextGateFrom, unmetCriteria } from '../gate/gate';

export interface Readiness {
  /** The gate guarding the next column, or null once accepted. */
  nextGate: GateId | null;
  /** Every criterion of that gate holds: the card can move on now. */
  ready: boolean;
  met: number;
  total: number;
  /** What is still missing, with the same reasons the gate would give. */
  missing: UnmetCriterion[];
}

/**
 * "Can the next person act without re-asking?" — measured against the gate the
 * card faces next, using the gate's own checks so the badge and a refused move
 * can never disagree.
 */
export function readiness(handoff: Handoff, template: Template, now: Date | string): Readiness {
  const nextGate = nextGateFrom(handoff.state);
  if (nextGate === null) return { nextGate, ready: true, met: 0, total: 0, missing: [] };
  const total = template.criteria.filter((criterion) => criterion.gate === nextGate).length;
  const missing = unmetCriteria(handoff, template, nextGate, now);
  return { nextGate, ready: missing.length === 0, met: total - missing.length, total, missing };
}
