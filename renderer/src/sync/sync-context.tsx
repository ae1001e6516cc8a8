import { useEffect, type ReactNode } from 'react';
import { batonApi } from '../api/baton';
import { useDb } from '../data/db-context';
import type { SyncApi } from './sync-api';
import { createSyncScheduler, type SyncScheduler } from './sync-scheduler';
import { useSyncStore } from './sync-store';

/**
 * Starts the one sync scheduler for the open database and stops it on unmount
 * (it publishes itself in `useSyncStore`). Tests pass their own `api`; the app
 * uses the host bridge (`window.baton`).
 */
export function SyncProvider({ children, api, intervalMs }: { children?: ReactNode; api?: SyncApi; intervalMs?: number }) {
  const db = useDb();
  useEffect(() => {
    const scheduler = createSyncScheduler({ db, api: api ?? batonApi(), ...(intervalMs === undefined ? {} : { intervalMs }) });
    scheduler.start();
    return () => scheduler.stop();
  }, [db, api, intervalMs]);
  return children;
}

/** The running scheduler (null outside a `SyncProvider` or before it started). */
export function useSyncScheduler(): SyncScheduler | null {
  return useSyncStore((s) => s.scheduler);
}
