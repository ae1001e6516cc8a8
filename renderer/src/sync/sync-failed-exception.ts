import { applyCommand } from '../../../shared/domain/commands';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { Handoff, HandoffException } from '../../../shared/domain/handoff';
import type { OutboxEntry } from '../../../shared/sync/outbox';
import type { SyncError } from '../../../shared/sync/protocol';
import { HUBSPOT_ACTOR } from '../../../shared/sync/edit-times';
import type { BatonDb } from '../data/db';
import { loadTemplateVersion, writeChange } from '../data/change-writer';
import { outboxFor } from '../../../shared/sync/outbox-rules';
import { newId } from '../data/write-support';

/**
 * The SYNC_FAILED exception of an outbox entry: raised when HubSpot refuses the
 * entry for good, resolved when a retry gets it through. Its id names the entry
 * (`sync-failed-<entry>`, then `#2`, `#3`… when it fails again after a person
 * resolved the earlier one), so a commit finds it again without a lookup table.
 */

const MAX_TEXT = 2000;
export const RETRIED_RESOLUTION = 'HubSpot accepted the change when it was sent again.';

function baseId(entryId: string): string {
  return `sync-failed-${entryId}`.slice(0, 190);
}

/** The SYNC_FAILED exceptions raised for this entry, oldest first. */
export function syncFailedFor(handoff: Handoff, entryId: string): HandoffException[] {
  const id = baseId(entryId);
  return handoff.exceptions.filter((e) => e.kind === 'SYNC_FAILED' && (e.id === id || e.id.startsWith(`${id}#`)));
}

/** Runs a command as the sync actor and writes it as a recorded change; a refusal leaves the card as it is. */
async function recordAsSync(db: BatonDb, handoff: Handoff, command: HandoffCommand, at: string): Promise<Handoff> {
  const template = await loadTemplateVersion(db, handoff.templateId, handoff.templateVersion);
  const applied = applyCommand(handoff, command, { template, actor: HUBSPOT_ACTOR, now: at, newId });
  if (!applied.ok) return handoff;
  return writeChange(db, { after: applied.handoff, event: applied.event, outbox: outboxFor(handoff, applied.handoff, command), undo: null, command });
}

/**
 * Raises SYNC_FAILED on the card through the domain command, so it is recorded
 * like any other change. One open exception per entry: failing again while it
 * is open adds nothing (the card already says so).
 */
export async function raiseSyncFailed(db: BatonDb, handoff: Handoff, entry: OutboxEntry, error: SyncError, at: string): Promise<void> {
  const raised = syncFailedFor(handoff, entry.id);
  if (raised.some((e) => e.resolvedAt === null)) return;
  await recordAsSync(
    db,
    handoff,
    {
      type: 'raise_exception',
      id: raised.length === 0 ? baseId(entry.id) : `${baseId(entry.id)}#${raised.length + 1}`,
      kind: 'SYNC_FAILED',
      message: `HubSpot did not accept this change (${entry.kind.replaceAll('_', ' ')}): ${error.message}`.slice(0, MAX_TEXT),
    },
    at,
  );
}

/** The entry went through (on a retry): its open SYNC_FAILED exception is resolved, recorded as a change by sync. */
export async function resolveSyncFailed(db: BatonDb, handoff: Handoff, entryId: string, at: string): Promise<void> {
  let current = handoff;
  for (const open of syncFailedFor(handoff, entryId).filter((e) => e.resolvedAt === null)) {
    current = await recordAsSync(db, current, { type: 'resolve_exception', exceptionId: open.id, resolution: RETRIED_RESOLUTION }, at);
  }
}
