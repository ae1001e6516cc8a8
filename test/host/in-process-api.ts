import { buildBatonApi, type BatonApi } from '../../shared/ipc/build-api';
import { eventChannel } from '../../shared/ipc/events';
import type { ChannelName } from '../../shared/ipc/contract';
import type { TestHost } from './create-test-host';

export interface HostCall {
  channel: ChannelName;
  request: unknown;
}

/**
 * The `window.baton` the preload builds, wired in-process to `host`'s real
 * handler table through the very `dispatch` main uses (for Node and jsdom
 * tests; a Chromium page gets the same through `install-bridge.ts`). Every
 * call is recorded in `calls`, so a test can say what reached the host.
 */
export function inProcessApi(host: TestHost): { api: BatonApi; calls: HostCall[] } {
  const calls: HostCall[] = [];
  const api = buildBatonApi(
    (channel, request) => {
      calls.push({ channel, request });
      return host.dispatch(channel, request);
    },
    (event, listener) =>
      host.addEventSink({
        send(channel, payload) {
          if (channel === eventChannel(event)) listener(payload);
        },
      }),
  );
  return { api, calls };
}
