import type { ConnectionInfo } from '../../../shared/sync/protocol';
import type { BatonDb } from '../data/db';
import { toDataError } from '../data/data-errors';
import { loadLocalTemplates } from './local-templates';
import { mergeHubSpotOwners } from './owner-directory';
import { checkConnectedPortal, portalSwitchError } from './portal-check';
import { relinkWorkspace, type PortalSwitchPreview } from './relink-portal';
import { NOT_CONNECTED_CODES, OFFLINE_CODES, SyncRunAbort, type SyncApi } from './sync-api';
import { readString, SYNC_META } from './sync-meta';
import { requeueFailed, retryOutcome } from './retry-failed';
import { hubSpotSetupOptions, provisionHubSpot, runSync } from './sync-runner';
import { useSyncStore } from './sync-store';
import type { PortalSwitchOutcome, ProvisionOutcome, SetupOptionsOutcome, SyncScheduler } from './sync-scheduler-api';

/** Every five minutes while online and connected. */
export const DEFAULT_SYNC_INTERVAL_MS = 5 * 60_000;

export interface SyncSchedulerOptions {
  db: BatonDb;
  api: SyncApi;
  intervalMs?: number;
  now?: () => Date;
}

export type { ConnectOutcome, PortalSwitchOutcome, ProvisionOutcome, SetupOptionsOutcome, SyncScheduler } from './sync-scheduler-api';

/**
 * Decides when sync runs: on reconnect, every `intervalMs` while online and
 * connected, and on demand; one run at a time (a request during a run queues
 * exactly one follow-up). Being offline is a state, not an error: the queue
 * simply waits. Status goes to `useSyncStore`; last sync time and pending
 * count are kept in syncMeta so a restart shows them at once.
 */
export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const { db, api } = options;
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
  const set = useSyncStore.setState;
  const get = useSyncStore.getState;
  let stopped = true;
  let unsubscribe: (() => void)[] = [];
  let timer: ReturnType<typeof setInterval> | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let active: Promise<void> | null = null;
  let again = false;

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  }

  async function syncOwners(): Promise<void> {
    const owners = await api['hubspot.owners']({});
    // The directory is a convenience: a failed owner lookup never fails the sync.
    if (owners.ok) await mergeHubSpotOwners(db, owners.value.owners).catch(() => 0);
  }

  /** Applies what the connected account means for this workspace; a switch pauses sync until the person chooses. */
  async function checkPortal(connection: ConnectionInfo): Promise<PortalSwitchPreview | null> {
    const check = await checkConnectedPortal(db, connection);
    if ('preview' in check) {
      set({ portalSwitch: check.preview, lastError: portalSwitchError(check.preview) });
      return check.preview;
    }
    if (get().portalSwitch !== null) set({ portalSwitch: null, lastError: null });
    return null;
  }

  async function runOnce(): Promise<void> {
    // A pending portal switch: the workspace's deal ids belong to another portal than the token's.
    if (stopped || !get().online || get().connected !== true || get().portalSwitch !== null) return;
    set({ running: true, phase: null, progress: null, message: null });
    try {
      const outcome = await runSync(db, api, {
        now,
        onPhase: (phase, done, total) => set({ phase, progress: total === null || total === 0 ? null : Math.min(1, done / total) }),
      });
      if (outcome.ok) {
        const at = now().toISOString();
        await db.syncMeta.put({ key: SYNC_META.lastSyncAt, value: at });
        set({ lastSyncAt: at, lastError: null, lastSummary: outcome.summary, setupNeeded: false });
        await syncOwners();
      } else if (outcome.error.code === 'SETUP_NEEDED') {
        // Waiting for the person's choice is a state, not a failure: the status says what to do.
        set({ setupNeeded: true, lastError: null, lastSummary: outcome.summary });
      } else if (OFFLINE_CODES.has(outcome.error.code)) {
        set({ online: false, lastError: null, lastSummary: outcome.summary });
      } else if (NOT_CONNECTED_CODES.has(outcome.error.code)) {
        set({ connected: false, connection: null, lastError: null, lastSummary: outcome.summary });
      } else if (outcome.error.code === 'PORTAL_MISMATCH') {
        // The host refused before writing anything (say, a restart before the switch was confirmed): learn the account and ask.
        set({ lastError: outcome.error, lastSummary: outcome.summary });
        await refreshStatus();
      } else {
        set({ lastError: outcome.error, lastSummary: outcome.summary });
      }
    } finally {
      set({ running: false, phase: null, progress: null, message: null });
    }
  }

  function requestRun(): Promise<void> {
    if (active) {
      again = true;
      return active;
    }
    const loop = exclusive(async () => {
      do {
        again = false;
        await runOnce();
      } while (again && !stopped);
    }).finally(() => {
      active = null;
    });
    active = loop;
    return loop;
  }

  async function refreshStatus(): Promise<void> {
    const online = await api['online.status']({});
    if (online.ok) set({ online: online.value.online });
    const status = await api['hubspot.status']({});
    if (status.ok) {
      set({ connected: status.value.connected, connection: status.value.connection, ...(status.value.connected ? {} : { portalSwitch: null }) });
      if (status.value.connection) await checkPortal(status.value.connection);
    } else if (NOT_CONNECTED_CODES.has(status.error.code)) set({ connected: false, connection: null, portalSwitch: null });
    // A stored token HubSpot now refuses: still "connected" (there is a token) but the user must act.
    else set({ connected: true, lastError: { code: status.error.code, message: status.error.message, phase: 'pulling' } });
  }

  // What this scheduler publishes in the store while it runs ("Sync now"); the scheduler itself reaches screens through sync-context.tsx.
  const publishedRun = (): void => void requestRun();
  const scheduler: SyncScheduler = {
    start() {
      if (!stopped) return;
      stopped = false;
      set({ requestRun: publishedRun });
      unsubscribe = [
        api.on('online.changed', ({ online }) => {
          set({ online });
          if (online) void requestRun();
        }),
        api.on('sync.progress', (progress) => {
          if (!get().running) return;
          set({ message: progress.message, ...(progress.total ? { progress: Math.min(1, progress.done / progress.total) } : {}) });
        }),
      ];
      timer = setInterval(() => {
        if (get().online && get().connected === true) void requestRun();
      }, intervalMs);
      void (async () => {
        const lastSyncAt = await readString(db.syncMeta, SYNC_META.lastSyncAt).catch(() => null);
        if (lastSyncAt !== null && get().lastSyncAt === null) set({ lastSyncAt });
        await refreshStatus();
        await requestRun();
      })();
    },

    stop() {
      stopped = true;
      for (const off of unsubscribe) off();
      unsubscribe = [];
      if (timer !== null) clearInterval(timer);
      timer = null;
      if (get().requestRun === publishedRun) set({ requestRun: () => undefined });
    },

    requestRun,

    async connect(token) {
      const result = await api['hubspot.connect']({ token });
      if (!result.ok) return { ok: false, error: { code: result.error.code, message: result.error.message } };
      const connection = result.value;
      // Judged between runs and before "connected" lets a run start: a switch must be known first.
      const portalSwitch = await exclusive(() => checkPortal(connection));
      set({ connected: true, connection, ...(portalSwitch === null ? { lastError: null } : {}) });
      if (portalSwitch === null) void requestRun();
      return { ok: true, connection, portalSwitch };
    },

    async confirmPortalSwitch(actor) {
      const pending = get().portalSwitch;
      if (pending === null) return { ok: false, error: { code: 'NO_PORTAL_SWITCH', message: 'There is no HubSpot account switch waiting to be confirmed.' } };
      const outcome = await exclusive(() => relinkWorkspace(db, { from: pending.from, to: pending.to, actor, now: now() })).catch((error: unknown): PortalSwitchOutcome => {
        const data = toDataError(error);
        return { ok: false, error: { code: data.code, message: `The workspace was not linked to the new account (nothing was changed): ${data.message}` } };
      });
      if (!outcome.ok) return outcome;
      set({ portalSwitch: null, lastError: null });
      void requestRun();
      return outcome;
    },

    async disconnect() {
      await api['hubspot.disconnect']({});
      set({ connected: false, connection: null, lastError: null, portalSwitch: null, setupNeeded: false });
    },

    setupOptions() {
      return exclusive(async (): Promise<SetupOptionsOutcome> => {
        const pending = get().portalSwitch;
        if (pending !== null) return { ok: false, error: { ...portalSwitchError(pending), phase: 'provisioning' } };
        try {
          return { ok: true, options: await hubSpotSetupOptions(db, api) };
        } catch (error) {
          if (error instanceof SyncRunAbort) return { ok: false, error: error.error };
          return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), phase: 'provisioning' } };
        }
      });
    },

    provision(choice) {
      return exclusive(async (): Promise<ProvisionOutcome> => {
        const pending = get().portalSwitch;
        if (pending !== null) return { ok: false, error: { ...portalSwitchError(pending), phase: 'provisioning' } };
        try {
          const result = await provisionHubSpot(db, api, await loadLocalTemplates(db), choice);
          set({ setupNeeded: false });
          // A first setup (or a fixed one) should sync at once rather than at the next interval.
          void requestRun();
          return { ok: true, result };
        } catch (error) {
          if (error instanceof SyncRunAbort) return { ok: false, error: error.error };
          return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), phase: 'provisioning' } };
        }
      });
    },

    async retryFailed(handoffId) {
      const ids = await exclusive(() => requeueFailed(db, handoffId));
      await requestRun();
      return retryOutcome(db, ids);
    },
  };
  return scheduler;
}
