import type { z } from 'zod';
import type { ResponseOf } from '../../../shared/ipc/channel';
import type { ChannelName, Contract } from '../../../shared/ipc/contract';
import { buildBatonApi, type BatonApi } from '../../../shared/ipc/build-api';
import { IPC_ERROR_CODES, type IpcIssue } from '../../../shared/ipc/errors';
import type { EventName, EventPayload } from '../../../shared/ipc/events';
import type { IpcResult } from '../../../shared/ipc/result';

declare global {
  interface Window {
    /** Set by the Electron preload (or the end-to-end test host); absent in a plain browser. */
    baton?: BatonApi;
  }
}

/** A host call that answered with an error: the code says what kind, the message says what to do. */
export class BatonApiError extends Error {
  override readonly name = 'BatonApiError';
  readonly code: string;
  readonly issues: readonly IpcIssue[];

  constructor(code: string, message: string, issues: readonly IpcIssue[] = []) {
    super(message);
    this.code = code;
    this.issues = issues;
  }
}

/**
 * Without a desktop host (a plain browser, component tests) Baton runs
 * offline-only: every host call answers NO_HOST, built through the same
 * `buildBatonApi` so callers see one shape either way.
 */
const noHostApi: BatonApi = buildBatonApi(
  async (channel) => ({
    ok: false,
    error: {
      code: IPC_ERROR_CODES.NO_HOST,
      message: `${channel} needs the Baton desktop app; in a browser Baton works offline only.`,
    },
  }),
  () => () => undefined,
);

/** The bridge when running in the desktop app (or test host), else the offline-only stand-in. */
export function batonApi(): BatonApi {
  return typeof window !== 'undefined' && window.baton !== undefined ? window.baton : noHostApi;
}

export function hasHost(): boolean {
  return typeof window !== 'undefined' && window.baton !== undefined;
}

export type HostRequest<K extends ChannelName> = z.input<Contract[K]['request']>;
export type HostResponse<K extends ChannelName> = ResponseOf<Contract[K]>;

/** Calls the host and answers with the envelope, for callers that branch on errors. */
export function callHostResult<K extends ChannelName>(channel: K, request: HostRequest<K>): Promise<IpcResult<HostResponse<K>>> {
  // Indexing the api by a generic key loses the per-channel signature; the
  // mapped type guarantees this function takes HostRequest<K>.
  const call = batonApi()[channel] as (request: HostRequest<K>) => Promise<IpcResult<HostResponse<K>>>;
  return call(request);
}

/** Calls the host; resolves with the typed response or rejects with a `BatonApiError`. */
export async function callHost<K extends ChannelName>(channel: K, request: HostRequest<K>): Promise<HostResponse<K>> {
  const result = await callHostResult(channel, request);
  if (result.ok) return result.value;
  throw new BatonApiError(result.error.code, result.error.message, result.error.issues ?? []);
}

/** Listens to a host event; returns the function that stops listening. */
export function onHostEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return batonApi().on(event, listener);
}

export function isBatonApiError(error: unknown, code?: string): error is BatonApiError {
  return error instanceof BatonApiError && (code === undefined || error.code === code);
}
