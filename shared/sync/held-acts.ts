import type { CarriedEvent } from './carrier';
import { compareCarried } from './fold';
import { isDerivedDecision } from './concurrent-sets';

/**
 * Acts that cannot travel because the handoff's deal was archived in HubSpot (shared/sync/README.md, "An
 * archive that reached HubSpot"). HubSpot's API neither updates nor un-archives a deleted record, so the record written with
 * the archive is the last word every desktop can read: it is the handoff's history on every desktop alike. A
 * desktop's own acts that record lacks (made before it had seen the archive, or on the archived card) are taken
 * out of its history and **held** — kept, shown, never sent — and when the handoff is restored (here, or on
 * another desktop) they are made again after the restore, as the same acts by the same people at the same
 * times, and travel with the restored deal. So every desktop ends with the same history and nothing is lost.
 */

/**
 * Whether this desktop restored the handoff and HubSpot does not know yet. While the card is live here, that
 * restore makes the deal again and the archive is not final; archived again here, the restore and what followed
 * are held like any other act.
 */
export function restoredHere(localLog: readonly CarriedEvent[], remoteIds: ReadonlySet<string>): boolean {
  return localLog.some((e) => !remoteIds.has(e.event.id) && e.recipe.kind === 'command' && e.recipe.command.type === 'restore');
}

/** The local acts the archived record lacks (merge decisions are derived again, never held). */
export function actsToHold(localLog: readonly CarriedEvent[], remoteIds: ReadonlySet<string>): CarriedEvent[] {
  return localLog.filter((e) => !remoteIds.has(e.event.id) && !isDerivedDecision(e));
}

/** Held acts added to, each once, in canonical order. */
export function withHeld(held: readonly CarriedEvent[], more: readonly CarriedEvent[]): CarriedEvent[] {
  const byId = new Map(held.map((e) => [e.event.id, e]));
  for (const e of more) if (!byId.has(e.event.id)) byId.set(e.event.id, e);
  return [...byId.values()].sort(compareCarried);
}

/**
 * Held acts made again after everything in `log` (the restore included): each keeps its event (id, person,
 * time) and gets the next `seq`, so every desktop that folds the record puts them after the restore.
 */
export function resumeHeld(log: readonly CarriedEvent[], held: readonly CarriedEvent[]): CarriedEvent[] {
  const top = log.reduce((max, e) => Math.max(max, e.seq), 0);
  return [...held].sort(compareCarried).map((e, i) => ({ ...e, seq: top + 1 + i }));
}
