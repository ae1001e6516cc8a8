import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { CarriedEvent } from '../../../shared/sync/carrier';
import { lastSetter, scalarKeyOf } from '../../../shared/sync/concurrent-sets';
import { compareCarried } from '../../../shared/sync/fold';
import type { BatonDb } from './db';

/**
 * For a command that sets a scalar: the last command that set the same scalar
 * on this desktop (null: none), stored with its recipe so the fold can tell a
 * concurrent set from another desktop (shared/sync/concurrent-sets.ts). Only
 * scalar sets read anything here: moves, the board's hot path, do not.
 */
export async function scalarPrev(db: BatonDb, handoffId: string, command: HandoffCommand | null): Promise<{ prev?: string | null }> {
  const key = command === null ? null : scalarKeyOf(command);
  if (key === null) return {};
  const rows = (await db.replays.where('handoffId').equals(handoffId).toArray()).filter((row) => row.recipe.kind === 'command' && scalarKeyOf(row.recipe.command) === key);
  if (rows.length === 0) return { prev: null };
  const events = await db.events.bulkGet(rows.map((row) => row.eventId));
  const entries: CarriedEvent[] = [];
  rows.forEach((row, i) => {
    const event = events[i];
    if (event) entries.push({ seq: row.seq, event, recipe: row.recipe });
  });
  return { prev: lastSetter(entries.sort(compareCarried), key) };
}
