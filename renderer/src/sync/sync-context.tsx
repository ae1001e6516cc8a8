import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { batonApi } from '../api/baton';
import { useDb } from '../data/db-context';
import type { SyncApi } from './sync-api';
import { createSyncScheduler } from './sync-scheduler';
import type { SyncScheduler } from './sync-scheduler-api';

// The scheduler is a service, not data: screens get it from this context; its status is data and goes
// to `useSyncStore`.
const SyncSchedulerContext = createContext<SyncScheduler | null>(null);

/**
 * The one sync scheduler for the open database: made once per database and
 * API, started while mounted and stopped on unmount. Tests pass their own
 * `api`; the app uses the host bridge (`window.baton`).
 */
export function SyncProvider({ children, api, intervalMs }: { children?: ReactNode; api?: SyncApi; intervalMs?: number }) {
  const db = useDb();
  const scheduler = useMemo(() => createSyncScheduler({ db, api: api ?? batonApi(), ...(intervalMs === undefined ? {} : { intervalMs }) }), [db, api, intervalMs]);
  useEffect(() => {
    scheduler.start();
    return () => scheduler.stop();
  }, [scheduler]);
  return <SyncSchedulerContext.Provider value={scheduler}>{children}</SyncSchedulerContext.Provider>;
}

/** The scheduler (connect, disconnect, provision, …); null outside a `SyncProvider`. */
export function useSyncScheduler(): SyncScheduler | null {
  return useContext(SyncSchedulerContext);
}
