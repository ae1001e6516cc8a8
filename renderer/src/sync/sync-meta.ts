import type { Table } from 'dexie';
import { SyncCursorSchema, type SyncCursor } from '../../../shared/sync/protocol';
import type { SyncMetaRow } from '../data/db';

/** syncMeta keys owned by HubSpot sync. */
export const SYNC_META = {
  /** Where the next incremental pull resumes (`SyncCursor`). */
  cursor: 'hubspot.cursor',
  /** Fingerprint of the templates HubSpot was last provisioned for. */
  provisionedFor: 'hubspot.provisionedFor',
  /** The HubSpot portal (hub id, decimal string) the workspace is linked to: its deal ids, bases and cursor belong there. */
  portalId: 'hubspot.portalId',
  /** ISO time the last run finished without error. */
  lastSyncAt: 'sync.lastSyncAt',
  /** The team record as HubSpot last held it (`TeamRemote`, commit-team.ts): a push sends only what it lacks. */
  teamRemote: 'hubspot.teamRemote',
  /** Records waiting for their template version (`RemoteDeal[]`, waiting-deals.ts), merged again on every pull. */
  waitingDeals: 'hubspot.waitingDeals',
  /** Acts held because their handoff's deal was archived before they reached it (`Record<handoffId, CarriedEvent[]>`, held-store.ts). */
  heldActs: 'hubspot.heldActs',
} as const;

type MetaTable = Table<SyncMetaRow, string>;

export async function readCursor(meta: MetaTable): Promise<SyncCursor | null> {
  const row = await meta.get(SYNC_META.cursor);
  const parsed = SyncCursorSchema.safeParse(row?.value);
  // A damaged cursor only costs a full pull, never lost data.
  return parsed.success ? parsed.data : null;
}

export async function readString(meta: MetaTable, key: string): Promise<string | null> {
  const row = await meta.get(key);
  return typeof row?.value === 'string' ? row.value : null;
}
