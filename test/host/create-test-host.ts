import type { HandlersFor } from '../../shared/ipc/channel';
import { contract, type Contract } from '../../shared/ipc/contract';
import type { EmitEvent } from '../../shared/ipc/events';
import type { IpcResult } from '../../shared/ipc/result';
import type { AppInfo } from '../../shared/ipc/app-channels';
import type { HostDeps, OsNotification } from '../../electron/host/deps';
import { createHandlers } from '../../electron/ipc/create-handlers';
import { dispatch as dispatchCall } from '../../electron/ipc/dispatch';
import { createEmitter, type EventSink } from '../../electron/ipc/emit';
import {
  createMemoryHostParts,
  memoryHostDeps,
  TEST_APP_INFO,
  type ControllableClock,
  type ControllableOnlineSource,
  type LogEntry,
  type MemorySecretStore,
} from './memory-deps';

export interface TestHostOptions {
  /**
   * Base URL of the HubSpot fake (http://127.0.0.1:port). Defaults to a
   * loopback port that refuses connections: a test host never reaches the
   * real HubSpot.
   */
  hubspotBasePath?: string;
  online?: boolean;
  now?: Date | string;
  secrets?: Record<string, string>;
  /** The user's answer to "Open this link outside Baton?" (default yes). */
  confirmOpenExternal?: boolean;
  appInfo?: Partial<AppInfo>;
  /** Passed to the sync service (e.g. an instant `sleep`), see `SyncTuning`. */
  syncTuning?: HostDeps['syncTuning'];
  hubspotRateLimit?: HostDeps['hubspotRateLimit'];
}

export interface TestHost {
  handlers: HandlersFor<Contract>;
  /** The same `dispatch` main uses, bound to this host's handler table. */
  dispatch(channel: unknown, payload: unknown): Promise<IpcResult>;
  emit: EmitEvent;
  /** Adds a receiver of events (the bridge adds one per page); returns its removal. */
  addEventSink(sink: EventSink): () => void;
  /** Simulates the user clicking a shown notification. */
  clickNotification(notification: OsNotification): void;
  notifications: OsNotification[];
  online: ControllableOnlineSource;
  logs: LogEntry[];
  secretStore: MemorySecretStore;
  clock: ControllableClock;
  openedUrls: string[];
  badgeCounts: number[];
}

/**
 * The desktop host without Electron: the real handler table and dispatcher
 * with in-process dependencies, for end-to-end tests in Chromium and for
 * cross-module tests in Node.
 */
export function createTestHost(options: TestHostOptions = {}): TestHost {
  const parts = createMemoryHostParts(options);
  const { logger, secretStore, online, clock, notifier, openedUrls, badgeCounts } = { ...parts, openedUrls: parts.opened };
  const sinks = new Set<EventSink>();
  const fanOut: EventSink = {
    send(channel, payload) {
      for (const sink of [...sinks]) sink.send(channel, payload);
    },
  };
  const emit = createEmitter(() => fanOut, logger);
  online.subscribe((isOnline) => emit('online.changed', { online: isOnline }));

  const deps: HostDeps = memoryHostDeps(
    {
      appInfo: { ...TEST_APP_INFO, ...options.appInfo },
      emit,
      confirmOpenExternal: async () => options.confirmOpenExternal ?? true,
      hubspotBasePath: options.hubspotBasePath ?? 'http://127.0.0.1:9',
      syncTuning: options.syncTuning,
      hubspotRateLimit: options.hubspotRateLimit,
    },
    parts,
  );
  const handlers = createHandlers(deps);

  return {
    handlers,
    dispatch: (channel, payload) => dispatchCall(handlers, contract, channel, payload, { logger }),
    emit,
    addEventSink(sink) {
      sinks.add(sink);
      return () => {
        sinks.delete(sink);
      };
    },
    clickNotification(notification) {
      if (notification.handoffId !== undefined) emit('notification.clicked', { handoffId: notification.handoffId });
    },
    notifications: notifier.shown,
    online,
    logs: logger.entries,
    secretStore,
    clock,
    openedUrls,
    badgeCounts,
  };
}
