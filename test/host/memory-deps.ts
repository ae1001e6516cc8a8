import type { HostDeps, Logger, OnlineSource, OsNotification, SecretStore } from '../../electron/host/deps';
import type { AppInfo } from '../../shared/ipc/app-channels';

/** Secrets in a Map; `entries` lets tests assert what was stored (the real store encrypts). */
export interface MemorySecretStore extends SecretStore {
  readonly entries: Map<string, string>;
}

export function createMemorySecretStore(initial: Record<string, string> = {}): MemorySecretStore {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    get: async (key) => entries.get(key) ?? null,
    set: async (key, value) => {
      entries.set(key, value);
    },
    delete: async (key) => {
      entries.delete(key);
    },
  };
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  data?: Record<string, unknown>;
}

export interface MemoryLogger extends Logger {
  readonly entries: LogEntry[];
}

export function createMemoryLogger(): MemoryLogger {
  const entries: LogEntry[] = [];
  const write = (level: LogEntry['level']) => (message: string, data?: Record<string, unknown>) => {
    entries.push(data === undefined ? { level, message } : { level, message, data });
  };
  return { entries, info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * An online source the test flips (the OS's view), combined with real request
 * outcomes exactly like the production one: a failed request means offline
 * until a request succeeds or the network changes.
 */
export interface ControllableOnlineSource extends OnlineSource {
  setOnline(online: boolean): void;
  readonly outcomes: boolean[];
}

export function createControllableOnlineSource(initial = true): ControllableOnlineSource {
  let osOnline = initial;
  let failing = false;
  let last = initial;
  const listeners = new Set<(online: boolean) => void>();
  const outcomes: boolean[] = [];
  const publish = (): void => {
    const online = osOnline && !failing;
    if (online === last) return;
    last = online;
    for (const listener of [...listeners]) listener(online);
  };
  return {
    outcomes,
    isOnline: () => osOnline && !failing,
    setOnline(online) {
      if (online !== osOnline) failing = false;
      osOnline = online;
      publish();
    },
    reportRequestOutcome(ok) {
      outcomes.push(ok);
      failing = !ok;
      publish();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export interface ControllableClock {
  (): Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function createControllableClock(start: Date | string = '2026-11-24T09:00:00Z'): ControllableClock {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as ControllableClock;
  clock.set = (date) => {
    now = new Date(date).getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

export interface RecordingNotifier {
  readonly shown: OsNotification[];
  show(notification: OsNotification): void;
  isSupported(): boolean;
}

export function createRecordingNotifier(): RecordingNotifier {
  const shown: OsNotification[] = [];
  return { shown, show: (notification) => shown.push(notification), isSupported: () => true };
}

export const TEST_APP_INFO: AppInfo = {
  name: 'Baton',
  version: '0.1.0',
  platform: 'linux',
  arch: 'x64',
  versions: { electron: 'test-host', chrome: 'test-host', node: process.versions.node },
  packaged: false,
};

/** The in-memory dependencies a test reads back (what was stored, logged, shown, opened). */
export interface MemoryHostParts {
  secretStore: MemorySecretStore;
  logger: MemoryLogger;
  notifier: RecordingNotifier;
  online: ControllableOnlineSource;
  clock: ControllableClock;
  /** URLs handed to the OS, in order. */
  opened: string[];
  /** Notifications shown, in order (the notifier's list). */
  shown: OsNotification[];
  badgeCounts: number[];
}

export function createMemoryHostParts(options: { online?: boolean; now?: Date | string; secrets?: Record<string, string> } = {}): MemoryHostParts {
  const notifier = createRecordingNotifier();
  return {
    secretStore: createMemorySecretStore(options.secrets),
    logger: createMemoryLogger(),
    notifier,
    online: createControllableOnlineSource(options.online ?? true),
    clock: createControllableClock(options.now),
    opened: [],
    shown: notifier.shown,
    badgeCounts: [],
  };
}

/**
 * The whole HostDeps in memory, on `parts` — the one set the handler-table
 * unit tests (`electron/ipc/*.test.ts`) and the test host
 * (`create-test-host.ts`) build on. HubSpot is a loopback port that refuses at
 * once unless `hubspotBasePath` points at the fake; sync retries wait for nothing.
 */
export function memoryHostDeps(overrides: Partial<HostDeps> = {}, parts: MemoryHostParts = createMemoryHostParts()): HostDeps & Pick<MemoryHostParts, 'shown' | 'opened'> {
  return {
    shown: parts.shown,
    opened: parts.opened,
    appInfo: TEST_APP_INFO,
    secretStore: parts.secretStore,
    logger: parts.logger,
    notifier: parts.notifier,
    online: parts.online,
    clock: parts.clock,
    emit: () => undefined,
    confirmOpenExternal: async () => true,
    openExternal: async (url) => {
      parts.opened.push(url);
    },
    setBadgeCount: (count) => {
      parts.badgeCounts.push(count);
      return true;
    },
    // Never the real HubSpot from a test: port 9 on loopback refuses at once.
    hubspotBasePath: 'http://127.0.0.1:9',
    syncTuning: { sleep: async () => undefined, maxAttempts: 1, timeoutMs: 2000 },
    ...overrides,
  };
}
