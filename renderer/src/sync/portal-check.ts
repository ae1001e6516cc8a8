import { decidePortalLink, type PortalLinkDecision } from '../../../shared/sync/portal-link';
import type { ConnectionInfo } from '../../../shared/sync/protocol';
import type { BatonDb } from '../data/db';
import { previewPortalSwitch, type PortalSwitchPreview } from './relink-portal';
import type { SyncRunError } from './sync-api';
import { readString, SYNC_META } from './sync-meta';

export type PortalCheck = { decision: Exclude<PortalLinkDecision, { kind: 'switch' }> } | { decision: Extract<PortalLinkDecision, { kind: 'switch' }>; preview: PortalSwitchPreview };

/**
 * What the connected account means for this workspace (see `decidePortalLink`).
 * A first link is recorded here, with the cursor and setup fingerprint cleared
 * in the same transaction (nothing pulled so far is known to belong to it);
 * the same portal changes nothing; another portal changes nothing either —
 * it comes back with a preview for the confirmation, and sync waits.
 */
export async function checkConnectedPortal(db: BatonDb, connection: ConnectionInfo): Promise<PortalCheck> {
  const decision = await db.transaction('rw', db.syncMeta, async () => {
    const linked = await readString(db.syncMeta, SYNC_META.portalId);
    const decided = decidePortalLink(linked, connection.portalId);
    if (decided.kind === 'adopt') {
      await db.syncMeta.bulkDelete([SYNC_META.cursor, SYNC_META.provisionedFor]);
      await db.syncMeta.put({ key: SYNC_META.portalId, value: decided.portalId });
    }
    return decided;
  });
  if (decision.kind !== 'switch') return { decision };
  return { decision, preview: await previewPortalSwitch(db, decision.from, decision.to) };
}

/** The top bar's reason while a switch waits for the person: sync is paused, not broken. */
export function portalSwitchError(preview: PortalSwitchPreview): SyncRunError {
  return {
    code: 'PORTAL_SWITCH_PENDING',
    message: `The HubSpot token belongs to account ${preview.to}, but this workspace is linked to account ${preview.from}. Sync is paused until you choose in Settings → HubSpot.`,
    phase: 'pulling',
  };
}
