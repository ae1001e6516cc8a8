import type { BatonApi } from '../../../shared/ipc/build-api';
import type { IpcResult } from '../../../shared/ipc/result';

/**
 * The part of the host API sync uses. Production passes `batonApi()`; tests
 * pass one built with `buildBatonApi` over a test host's real handler table,
 * so the runner is exercised against the real sync service.
 */
export type SyncApi = Pick<
  BatonApi,
  'hubspot.connect' | 'hubspot.status' | 'hubspot.disconnect' | 'hubspot.setupOptions' | 'hubspot.provision' | 'hubspot.owners' | 'sync.pull' | 'sync.push' | 'online.status' | 'on'
>;

/** Where a sync run was when it stopped. */
export const SYNC_RUN_PHASES = ['provisioning', 'pulling', 'merging', 'pushing', 'saving'] as const;
export type SyncRunPhase = (typeof SYNC_RUN_PHASES)[number];

/** A sync failure as the UI shows it: the host's code, a human message, and the phase it happened in. */
export interface SyncRunError {
  code: string;
  message: string;
  phase: SyncRunPhase;
}

/** What the status says while no setup was chosen for the portal (a state, not a failure). */
export const SETUP_NEEDED_MESSAGE = 'Choose how Baton files handoffs in HubSpot (Settings → HubSpot) to start syncing';

/** Codes that mean "cannot sync right now" rather than "something is broken". */
export const OFFLINE_CODES: ReadonlySet<string> = new Set(['OFFLINE']);
export const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set(['NOT_CONNECTED', 'NO_HOST']);

/** Thrown inside a run to stop it with a typed error; the runner turns it back into a value. */
export class SyncRunAbort extends Error {
  override readonly name = 'SyncRunAbort';
  readonly error: SyncRunError;

  constructor(error: SyncRunError) {
    super(error.message);
    this.error = error;
  }
}

/** The value of a host answer, or a `SyncRunAbort` carrying its typed error. */
export function valueOrAbort<T>(result: IpcResult<T>, phase: SyncRunPhase): T {
  if (result.ok) return result.value;
  throw new SyncRunAbort({ code: result.error.code, message: result.error.message, phase });
}
