import type { HostDeps, OnlineSource, OsNotification, SecretStore } from '../host/deps';

/** In-memory HostDeps for unit tests of the handler table (the e2e test host has its own richer set). */
export function memoryHostDeps(overrides: Partial<HostDeps> = {}): HostDeps & { shown: OsNotification[]; opened: string[] } {
  const secrets = new Map<string, string>();
  const secretStore: SecretStore = {
    get: async (key) => secrets.get(key) ?? null,
    set: async (key, value) => {
      secrets.set(key, value);
    },
    delete: async (key) => {
      secrets.delete(key);
    },
  };
  const online: OnlineSource = { isOnline: () => true, reportRequestOutcome: () => undefined, subscribe: () => () => undefined };
  const shown: OsNotification[] = [];
  const opened: string[] = [];
  const silent = () => undefined;
  return {
    shown,
    opened,
    appInfo: {
      name: 'Baton',
      version: '0.1.0',
      platform: 'linux',
      arch: 'x64',
      versions: { electron: '45.0.0', chrome: '140.0.0', node: '22.0.0' },
      packaged: false,
    },
    secretStore,
    logger: { info: silent, warn: silent, error: silent },
    notifier: { show: (notification) => shown.push(notification) },
    online,
    clock: () => new Date('2026-11-24T09:00:00Z'),
    emit: silent,
    confirmOpenExternal: async () => true,
    openExternal: async (url) => {
      opened.push(url);
    },
    setBadgeCount: () => true,
    // Never the real HubSpot from a unit test: port 9 on loopback refuses at once.
    hubspotBasePath: 'http://127.0.0.1:9',
    syncTuning: { sleep: async () => undefined, maxAttempts: 1, timeoutMs: 2000 },
    ...overrides,
  };
}
