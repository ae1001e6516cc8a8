import type { z } from 'zod';
import type { ResponseOf } from './channel';
import { channelNames, type ChannelName, type Contract } from './contract';
import { IPC_ERROR_CODES } from './errors';
import { events, type EventName, type EventPayload } from './events';
import { IpcResultSchema, type IpcResult } from './result';

/** Sends one call to the host and resolves with its raw answer (the envelope). */
export type BatonInvoke = (channel: ChannelName, request: unknown) => Promise<unknown>;
/** Listens to one host event; returns the function that stops listening. */
export type BatonSubscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

export type BatonChannels = {
  readonly [K in ChannelName]: (request: z.input<Contract[K]['request']>) => Promise<IpcResult<ResponseOf<Contract[K]>>>;
};

/**
 * What `window.baton` is: one async function per contract channel, answering
 * with the envelope, plus `on` for host events. Nothing else — in particular
 * no raw `ipcRenderer`.
 */
export type BatonApi = BatonChannels & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

function transportFailure(channel: string, cause: unknown): IpcResult<never> {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return {
    ok: false,
    error: { code: IPC_ERROR_CODES.INTERNAL, message: `The call to ${channel} did not reach the desktop host: ${detail}` },
  };
}

function callChannel(invoke: BatonInvoke, channel: ChannelName) {
  return async (request: unknown): Promise<IpcResult> => {
    let answer: unknown;
    try {
      answer = await invoke(channel, request);
    } catch (cause) {
      return transportFailure(channel, cause);
    }
    const envelope = IpcResultSchema.safeParse(answer);
    if (!envelope.success) return transportFailure(channel, new Error('the answer was not an IPC envelope'));
    return envelope.data.ok ? { ok: true, value: envelope.data.value } : { ok: false, error: envelope.data.error };
  };
}

/**
 * Builds `window.baton` from the contract. The preload calls it with
 * `ipcRenderer.invoke`/`ipcRenderer.on`; the end-to-end test host calls the
 * very same function with a Playwright binding, so both run one code path.
 */
export function buildBatonApi(invoke: BatonInvoke, subscribe: BatonSubscribe): BatonApi {
  const api: Record<string, unknown> = {};
  for (const name of channelNames) api[name] = callChannel(invoke, name);
  api.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!Object.hasOwn(events, event)) throw new TypeError(`Unknown host event "${String(event)}"`);
    const schema = events[event];
    // Main validates before sending; a payload that still does not match is
    // dropped rather than handed to UI code typed as something it is not.
    return subscribe(event, (payload) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  };
  return Object.freeze(api) as BatonApi;
}
