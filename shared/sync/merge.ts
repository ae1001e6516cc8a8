import type { DealProperties } from '../hubspot/mapping';

/**
 * Per-field three-way merge of mapped deal properties: local (Baton now),
 * remote (HubSpot now) and base (both as last synced). Pure.
 */

export type FieldOutcomeKind =
  /** Neither side changed it. */
  | 'unchanged'
  /** Only Baton changed it: keep, push later. */
  | 'local'
  /** Only HubSpot changed it: apply locally. */
  | 'remote'
  /** Both changed it to the same value. */
  | 'same'
  /** Both changed it differently; Baton's change is later. */
  | 'conflict_local_wins'
  /** Both changed it differently; HubSpot's change is later (or the same instant). */
  | 'conflict_remote_wins';

export interface FieldOutcome {
  name: string;
  kind: FieldOutcomeKind;
  base: string | null;
  local: string | null;
  remote: string | null;
  /** The value both sides should end with. */
  winner: string | null;
  localAt: string;
  remoteAt: string;
}

export interface MergeInput {
  local: DealProperties;
  remote: DealProperties;
  /** null when never synced: every difference is then a conflict decided by time. */
  base: DealProperties | null;
  /** When Baton last changed this property (ISO 8601). */
  localTimeOf: (name: string) => string;
  /** When HubSpot last changed this property (ISO 8601, from property history). */
  remoteTimeOf: (name: string) => string;
}

function epoch(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Merges one field. Ties go to HubSpot, the team's shared record. */
export function mergeField(name: string, input: MergeInput): FieldOutcome {
  const local = input.local[name] ?? null;
  const remote = input.remote[name] ?? null;
  const hasBase = input.base !== null && Object.hasOwn(input.base, name);
  const base = input.base?.[name] ?? null;
  const localAt = input.localTimeOf(name);
  const remoteAt = input.remoteTimeOf(name);
  const common = { name, base, local, remote, localAt, remoteAt };

  if (local === remote) {
    return { ...common, kind: hasBase && base === local ? 'unchanged' : 'same', winner: local };
  }
  const localChanged = !hasBase || local !== base;
  const remoteChanged = !hasBase || remote !== base;
  if (localChanged && !remoteChanged) return { ...common, kind: 'local', winner: local };
  if (remoteChanged && !localChanged) return { ...common, kind: 'remote', winner: remote };
  return epoch(localAt) > epoch(remoteAt)
    ? { ...common, kind: 'conflict_local_wins', winner: local }
    : { ...common, kind: 'conflict_remote_wins', winner: remote };
}

/** Merges every property present on both sides. */
export function mergeProperties(input: MergeInput): FieldOutcome[] {
  return Object.keys(input.local)
    .filter((name) => Object.hasOwn(input.remote, name))
    .map((name) => mergeField(name, input));
}

export function isConflict(outcome: FieldOutcome): boolean {
  return outcome.kind === 'conflict_local_wins' || outcome.kind === 'conflict_remote_wins';
}

/** Whether the merged value must be written into the local handoff. */
export function appliesRemote(outcome: FieldOutcome): boolean {
  return outcome.kind === 'remote' || outcome.kind === 'conflict_remote_wins';
}
