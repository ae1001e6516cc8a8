import { useLiveQuery } from 'dexie-react-hooks';
import type { BatonDb } from '../data/db';
import { useDb } from '../data/db-context';

/**
 * Distinct client names in order, one index seek per name: each read asks for
 * the first key above the last name found. A 'nextunique' cursor gives the same
 * list but IndexedDB walks every duplicate to find the next name (1 s for
 * 100,000 handoffs of 8 clients here), holding up the board's own reads.
 */
export async function loadClientNames(db: BatonDb): Promise<string[]> {
  const names: string[] = [];
  for (;;) {
    const last = names.at(-1);
    const range = last === undefined ? db.handoffs.orderBy('client.name') : db.handoffs.where('client.name').above(last);
    const [next] = await range.limit(1).keys();
    if (next === undefined) return names;
    names.push(String(next));
  }
}

/** Distinct client names (from the client.name index), for the client filter and the new-handoff form. */
export function useClientNames(): string[] {
  const db = useDb();
  return useLiveQuery(() => loadClientNames(db), [db]) ?? [];
}

/** Whether the workspace has any handoff at all (archived included), for the empty state. */
export function useHasAnyHandoff(): boolean | undefined {
  const db = useDb();
  // One key read: a count would walk every key of a big workspace.
  return useLiveQuery(async () => (await db.handoffs.limit(1).primaryKeys()).length > 0, [db]);
}
