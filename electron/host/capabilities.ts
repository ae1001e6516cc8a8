/**
 * The host capabilities both the IPC handler table (`deps.ts`) and the HubSpot
 * sync service (`../sync/sync-handlers.ts`) run on, in a file of their own so
 * neither imports the other for them. Nothing here imports `electron`.
 */

/** Encrypted-at-rest key/value store for secrets (the HubSpot token). */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Structured log. Implementations must never receive tokens or personal data. */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** Online state: the OS's view plus the outcome of real requests. */
export interface OnlineSource {
  isOnline(): boolean;
  /** Called by code that made a real network request, so failures flip us offline. */
  reportRequestOutcome(ok: boolean): void;
  subscribe(listener: (online: boolean) => void): () => void;
}

export type Clock = () => Date;

