import { useFailedSyncCount, usePendingSyncCount } from '../data/queries';
import type { SyncRunError, SyncRunPhase } from './sync-api';
import { useSyncStore } from './sync-store';

export interface SyncStatus {
  /** null until the host has answered. */
  connected: boolean | null;
  online: boolean;
  running: boolean;
  phase: SyncRunPhase | null;
  /** 0..1, null when unknown. */
  progress: number | null;
  lastSyncAt: string | null;
  /** Outbox entries waiting to be sent (live). */
  pending: number;
  /** Outbox entries HubSpot refused for good (live). */
  failed: number;
  lastError: SyncRunError | null;
  /** Connected, but waiting for the person to choose the HubSpot setup. */
  setupNeeded: boolean;
}

/** Everything the UI shows about sync: scheduler state plus live outbox counts. */
export function useSyncStatus(): SyncStatus {
  const connected = useSyncStore((s) => s.connected);
  const online = useSyncStore((s) => s.online);
  const running = useSyncStore((s) => s.running);
  const phase = useSyncStore((s) => s.phase);
  const progress = useSyncStore((s) => s.progress);
  const lastSyncAt = useSyncStore((s) => s.lastSyncAt);
  const lastError = useSyncStore((s) => s.lastError);
  const setupNeeded = useSyncStore((s) => s.setupNeeded);
  const pending = usePendingSyncCount() ?? 0;
  const failed = useFailedSyncCount() ?? 0;
  return { connected, online, running, phase, progress, lastSyncAt, pending, failed, lastError, setupNeeded };
}
