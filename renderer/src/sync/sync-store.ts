import { create } from 'zustand';
import type { ConnectionInfo } from '../../../shared/sync/protocol';
import type { PortalSwitchPreview } from './relink-portal';
import type { SyncRunError, SyncRunPhase } from './sync-api';
import type { SyncRunSummary } from './sync-runner';

/** What the UI knows about HubSpot sync; the pending / failed counts come live from the outbox. */
export interface SyncStoreState {
  /** null until the host has answered `hubspot.status`. */
  connected: boolean | null;
  connection: ConnectionInfo | null;
  online: boolean;
  running: boolean;
  phase: SyncRunPhase | null;
  /** 0..1 when the current phase knows its total, else null. */
  progress: number | null;
  /** What the host says it is doing ("Sent 3 of 12 changes…"). */
  message: string | null;
  lastSyncAt: string | null;
  lastError: SyncRunError | null;
  lastSummary: SyncRunSummary | null;
  /** The token belongs to another HubSpot portal than the workspace's: nothing syncs until the person confirms or disconnects. */
  portalSwitch: PortalSwitchPreview | null;
  /** Connected, but no setup was chosen for the portal yet: nothing syncs until the setup screen provisions. */
  setupNeeded: boolean;
  /** Asks for a run now (set by the running scheduler; a no-op without one). */
  requestRun: () => void;
}

export const INITIAL_SYNC_STATE: Omit<SyncStoreState, 'requestRun'> = {
  connected: null,
  connection: null,
  online: true,
  running: false,
  phase: null,
  progress: null,
  message: null,
  lastSyncAt: null,
  lastError: null,
  lastSummary: null,
  portalSwitch: null,
  setupNeeded: false,
};

export const useSyncStore = create<SyncStoreState>()(() => ({
  ...INITIAL_SYNC_STATE,
  requestRun: () => undefined,
}));

/** Back to the start-up state (tests). */
export function resetSyncStore(): void {
  useSyncStore.setState({ ...INITIAL_SYNC_STATE, requestRun: () => undefined });
}
