/**
 * Runs in the page (bundled by `bridge-script.ts` and injected with
 * `page.addInitScript`): builds `window.baton` with the same `buildBatonApi`
 * the Electron preload uses, calling the Playwright binding instead of
 * `ipcRenderer.invoke`. Events arrive through `__batonDeliver`.
 */
import { buildBatonApi } from '../../shared/ipc/build-api';
import { eventChannel } from '../../shared/ipc/events';

type Listener = (payload: unknown) => void;

interface BridgeWindow {
  __batonInvoke?: (channel: string, request: unknown) => Promise<unknown>;
  __batonDeliver?: (channel: string, payload: unknown) => void;
}

const bridgeWindow = window as unknown as BridgeWindow;
const listeners = new Map<string, Set<Listener>>();

bridgeWindow.__batonDeliver = (channel, payload) => {
  for (const listener of [...(listeners.get(channel) ?? [])]) listener(payload);
};

const api = buildBatonApi(
  (channel, request) => {
    const invoke = bridgeWindow.__batonInvoke;
    if (invoke === undefined) return Promise.reject(new Error('the test host binding is not installed'));
    return invoke(channel, request);
  },
  (event, listener) => {
    const channel = eventChannel(event);
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return () => {
      set.delete(listener);
    };
  },
);

// Read-only like contextBridge's exposed object.
Object.defineProperty(window, 'baton', { value: api, writable: false, configurable: false, enumerable: true });
