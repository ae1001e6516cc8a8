import { contextBridge, ipcRenderer } from 'electron';
import { buildBatonApi, type BatonApi } from '../shared/ipc/build-api';
import { eventChannel } from '../shared/ipc/events';

/**
 * The preload exposes exactly one object, `window.baton`, built from the IPC
 * contract: a function per channel and `on` for events. No `ipcRenderer`,
 * no generic send/invoke — the page can call only what the contract lists.
 */
export const batonApi = buildBatonApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (event, listener) => {
    const channel = eventChannel(event);
    const forward = (_event: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
) satisfies BatonApi;

contextBridge.exposeInMainWorld('baton', batonApi);
