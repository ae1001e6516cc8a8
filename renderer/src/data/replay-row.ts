import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import type { CarriedEvent, Recipe } from '../../../shared/sync/carrier';
import { mintedIds, patchRecipe } from '../../../shared/sync/fold';

/**
 * How another desktop re-does one history event (shared/sync/carrier.ts),
 * stored beside the event: the event itself stays as the domain defines it.
 */
export interface ReplayRow {
  eventId: string;
  handoffId: string;
  seq: number;
  recipe: Recipe;
  /** A scalar set's predecessor where it was made (see shared/sync/concurrent-sets.ts). */
  prev?: string | null;
}

export function replayRow(handoffId: string, entry: Omit<CarriedEvent, 'event'> & { event: Pick<HandoffEvent, 'id'> }): ReplayRow {
  return { eventId: entry.event.id, handoffId, seq: entry.seq, recipe: entry.recipe, ...(entry.prev === undefined ? {} : { prev: entry.prev }) };
}

/**
 * The recipe of a local change: its command when it was one (replayed with the
 * ids it minted), `created` for a new handoff, else the whole record it left.
 */
export function recipeOf(after: Handoff, event: HandoffEvent, command: HandoffCommand | null): Recipe {
  if (event.kind === 'created') return { kind: 'created' };
  if (command !== null) return { kind: 'command', command, ids: mintedIds(command, after, event.id) };
  return patchRecipe(null, after);
}
