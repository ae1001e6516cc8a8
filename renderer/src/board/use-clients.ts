import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../data/db-context';

/** Distinct client names (from the client.name index), for the client filter. */
export function useClientNames(): string[] {
  const db = useDb();
  return useLiveQuery(async () => (await db.handoffs.orderBy('client.name').uniqueKeys()).map(String), [db]) ?? [];
}

/** Whether the workspace has any handoff at all (archived included), for the empty state. */
export function useHasAnyHandoff(): boolean | undefined {
  const db = useDb();
  // One key read: a count would walk every key of a big workspace.
  return useLiveQuery(async () => (await db.handoffs.limit(1).primaryKeys()).length > 0, [db]);
}
