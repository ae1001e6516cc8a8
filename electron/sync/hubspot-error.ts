import type { SyncError, SyncErrorCode } from '../../shared/sync/protocol';
import { syncError } from '../../shared/sync/protocol';

export interface HubSpotErrorInit {
  code: SyncErrorCode;
  message: string;
  status?: number | null;
  correlationId?: string | null;
  category?: string | null;
  scope?: string | null;
  detail?: string | null;
  /** Whether trying the same call again may succeed. */
  retryable?: boolean;
  /** The least time to wait before retrying (Retry-After, or 2 s for 423). */
  retryAfterMs?: number | null;
  /**
   * A write HubSpot does not deduplicate (creating a note or task) whose answer never came (the connection
   * dropped, it timed out, a 5xx): HubSpot may have applied it, so it is not simply sent again.
   */
  maybeApplied?: boolean;
}

/**
 * What every failed HubSpot call becomes inside the main process. It crosses
 * IPC only as a plain `SyncError` value (`toSyncError`).
 */
export class HubSpotError extends Error {
  readonly code: SyncErrorCode;
  readonly status: number | null;
  readonly correlationId: string | null;
  readonly category: string | null;
  readonly scope: string | null;
  readonly detail: string | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly maybeApplied: boolean;

  constructor(init: HubSpotErrorInit) {
    super(init.message);
    this.name = 'HubSpotError';
    this.code = init.code;
    this.status = init.status ?? null;
    this.correlationId = init.correlationId ?? null;
    this.category = init.category ?? null;
    this.scope = init.scope ?? null;
    this.detail = init.detail ?? null;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.maybeApplied = init.maybeApplied ?? false;
  }

  toSyncError(): SyncError {
    return syncError(this.code, this.message, {
      status: this.status,
      correlationId: this.correlationId,
      scope: this.scope,
      detail: this.detail,
    });
  }
}

/** Any thrown value as a `SyncError`, so nothing unknown crosses IPC as a bare string. */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof HubSpotError) return error.toSyncError();
  const message = error instanceof Error ? error.message : String(error);
  return syncError('INTERNAL', `Sync failed unexpectedly: ${message}`);
}
