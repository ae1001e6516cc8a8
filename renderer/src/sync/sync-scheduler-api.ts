import type { ConnectionInfo, ProvisionResult } from '../../../shared/sync/protocol';
import type { HubSpotSetup, SetupChoice, SetupOptions } from '../../../shared/hubspot/setup';
import type { PortalSwitchPreview, RelinkSummary } from './relink-portal';
import type { RetryOutcome } from './retry-failed';
import type { SyncRunError } from './sync-api';

// What the sync scheduler offers the screens (through sync-context.tsx), apart from how it runs (sync-scheduler.ts).

/** `portalSwitch` set: the token is for another portal than the workspace's; nothing syncs until `confirmPortalSwitch` (or disconnect). */
export type ConnectOutcome = { ok: true; connection: ConnectionInfo; portalSwitch: PortalSwitchPreview | null } | { ok: false; error: { code: string; message: string } };
export type PortalSwitchOutcome = { ok: true; summary: RelinkSummary } | { ok: false; error: { code: string; message: string } };
export type ProvisionOutcome = { ok: true; result: ProvisionResult & { setup: HubSpotSetup } } | { ok: false; error: SyncRunError };
export type SetupOptionsOutcome = { ok: true; options: SetupOptions } | { ok: false; error: SyncRunError };

export interface SyncScheduler {
  start(): void;
  stop(): void;
  /** Runs now, or once more right after the run in progress; resolves when that is done. Offline or not connected: no run. */
  requestRun(): Promise<void>;
  connect(token: string): Promise<ConnectOutcome>;
  disconnect(): Promise<void>;
  /** "Set up HubSpot": provisions now (with the setup screen's choice, if any), never at the same time as a run. */
  provision(choice?: SetupChoice): Promise<ProvisionOutcome>;
  /** What the setup screen can offer in the connected portal (record types, pipelines, stages). */
  setupOptions(): Promise<SetupOptionsOutcome>;
  /** "Link this workspace to account X instead of Y": forgets Y's links in one transaction, then syncs with X. */
  confirmPortalSwitch(actor: string): Promise<PortalSwitchOutcome>;
  /**
   * "Retry failed": puts the changes HubSpot refused back in the queue (between
   * runs) — all of them, or one handoff's — runs, and says what became of them.
   */
  retryFailed(handoffId?: string): Promise<RetryOutcome>;
}

