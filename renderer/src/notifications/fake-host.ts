import { buildBatonApi } from '../../../shared/ipc/build-api';
import type { ChannelName } from '../../../shared/ipc/contract';

/** Test-only: a `window.baton` that records calls and can emit host events. */
export interface FakeHost {
  calls: { channel: ChannelName; request: unknown }[];
  emit(event: string, payload: unknown): void;
  uninstall(): void;
}

export function installFakeHost(): FakeHost {
  const calls: FakeHost['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  window.baton = buildBatonApi(
    async (channel, request) => {
      calls.push({ channel, request });
      return { ok: true, value: channel === 'notifications.show' ? { shown: true } : {} };
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
  return {
    calls,
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    uninstall() {
      delete window.baton;
    },
  };
}
