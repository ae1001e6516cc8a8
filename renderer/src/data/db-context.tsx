import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { BatonDb } from './db';
import type { DataError } from './data-errors';

const DbContext = createContext<BatonDb | null>(null);

export function DbProvider(props: { db: BatonDb; children?: ReactNode }) {
  return <DbContext.Provider value={props.db}>{props.children}</DbContext.Provider>;
}

export function useDb(): BatonDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb() needs a <DbProvider db={...}> above it in the tree.');
  return db;
}

/**
 * The database's current connection problem (an upgrade blocked by another
 * window, or a newer version opened elsewhere), or null. For a banner.
 */
export function useConnectionIssue(): DataError | null {
  const db = useDb();
  const subscribe = useCallback((onChange: () => void) => db.onConnectionIssue(onChange), [db]);
  return useSyncExternalStore(subscribe, () => db.connectionIssue);
}
