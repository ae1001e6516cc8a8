import { applyCommand } from '../../../shared/domain/commands';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { Handoff } from '../../../shared/domain/handoff';
import { LEFT_PIPELINE } from '../../../shared/sync/apply-pipeline';
import type { OutboxEntry } from '../../../shared/sync/outbox';
import { withoutLatestFlag, type BatonDb } from '../data/db';
import { changeTables, writeChange } from '../data/change-writer';
import { isDemoHandoffId } from '../demo/demo-id';
import { outboxFor, outboxForCreate } from '../../../shared/sync/outbox-rules';
import { appendOutbox, newId, validHandoff, type OutboxRequest } from '../data/write-support';
import { readString, SYNC_META } from './sync-meta';

/**
 * "Link this workspace to HubSpot account X instead of Y". Everything the
 * workspace knows about Y's records is forgotten in ONE transaction, so a page
 * that dies half-way leaves the old link whole and the switch can be confirmed
 * again:
 *
 * - deal links (`client.hubspotDealId`) and sync state (deal ids, merge bases)
 *   are cleared: bookkeeping, like linking a deal id, so no event and no
 *   version bump (history length stays equal to version);
 * - the pull cursor and the "provisioned for" fingerprint go: X is pulled in
 *   full and set up before the first push;
 * - the outbox forgets Y's answers (attempts, errors, "failed"): every entry is
 *   pending again, and a SYNC_FAILED card resolves when X accepts the change;
 * - every live handoff is queued to be created in X (upserted by `baton_id`),
 *   its next-action task too;
 * - an open DEAL_LEFT_PIPELINE exception is about a deal in Y: it is resolved
 *   by the person who confirmed, one `exception_resolved` event (and one
 *   version) each, like any resolution.
 *
 * Local data — records, history, client updates, notes — stays as it is, and
 * nothing is changed in either HubSpot account here.
 */

export interface PortalSwitchPreview {
  from: string;
  to: string;
  /** Handoffs linked to a deal in `from` (they lose the link). */
  linkedHandoffs: number;
  /** Live handoffs that will be created as deals in `to`. */
  handoffsToCreate: number;
}

export interface RelinkSummary {
  unlinked: number;
  /** Outbox entries queued to create the handoffs in the new portal. */
  queued: number;
  /** Entries the old portal had refused for good, pending again. */
  requeued: number;
  /** DEAL_LEFT_PIPELINE exceptions resolved. */
  resolved: number;
}

export type RelinkOutcome = { ok: true; summary: RelinkSummary } | { ok: false; error: { code: 'PORTAL_LINK_CHANGED'; message: string } };

function toCreate(handoff: Handoff): boolean {
  return handoff.archivedAt === null && !isDemoHandoffId(handoff.id);
}

/** What the switch would change, for the confirmation. */
export async function previewPortalSwitch(db: BatonDb, from: string, to: string): Promise<PortalSwitchPreview> {
  return db.transaction('r', [db.handoffs, db.syncState], async () => {
    const linked = new Set((await db.syncState.toArray()).filter((row) => row.dealId !== null).map((row) => row.handoffId));
    let handoffsToCreate = 0;
    await db.handoffs.each((handoff) => {
      if (handoff.client.hubspotDealId !== null) linked.add(handoff.id);
      if (toCreate(handoff)) handoffsToCreate += 1;
    });
    return { from, to, linkedHandoffs: linked.size, handoffsToCreate };
  });
}

/** The open DEAL_LEFT_PIPELINE exceptions resolved as the person who confirmed; a refusal (archived card) leaves one as it is. */
async function resolveLeftPipeline(db: BatonDb, handoff: Handoff, to: string, actor: string, at: string): Promise<{ handoff: Handoff; resolved: number }> {
  const open = handoff.exceptions.filter((e) => e.kind === LEFT_PIPELINE && e.resolvedAt === null);
  if (open.length === 0) return { handoff, resolved: 0 };
  const stored = await db.templates.get([handoff.templateId, handoff.templateVersion]);
  if (!stored) return { handoff, resolved: 0 };
  const template = withoutLatestFlag(stored);
  let current = handoff;
  let resolved = 0;
  for (const exception of open) {
    const command: HandoffCommand = {
      type: 'resolve_exception',
      exceptionId: exception.id,
      resolution: `This workspace is now linked to HubSpot account ${to}; the deal in the previous account is no longer followed.`,
    };
    const applied = applyCommand(current, command, { template, actor, now: at, newId });
    if (!applied.ok) continue;
    // The creation requests below queue the card's upsert once; the resolution adds none of its own.
    const outbox = outboxFor(current, applied.handoff, command).filter((request) => request.kind !== 'upsert_handoff');
    current = await writeChange(db, { after: applied.handoff, event: applied.event, outbox, undo: null, command });
    resolved += 1;
  }
  return { handoff: current, resolved };
}

/** Entries that create the handoff's deal (and task) in the new portal, minus kinds already queued for it. */
function creationRequests(handoff: Handoff, queued: readonly OutboxEntry[]): OutboxRequest[] {
  const kinds = new Set(queued.map((entry) => entry.kind));
  return outboxForCreate(handoff).filter((request) => !kinds.has(request.kind));
}

export async function relinkWorkspace(db: BatonDb, change: { from: string; to: string; actor: string; now: Date }): Promise<RelinkOutcome> {
  const at = change.now.toISOString();
  return db.transaction('rw', [...changeTables(db), db.syncState], async (): Promise<RelinkOutcome> => {
    const linked = await readString(db.syncMeta, SYNC_META.portalId);
    const summary: RelinkSummary = { unlinked: 0, queued: 0, requeued: 0, resolved: 0 };
    // Confirmed twice (two clicks, two windows): the first one did it all.
    if (linked === change.to) return { ok: true, summary };
    if (linked !== change.from) {
      return {
        ok: false,
        error: { code: 'PORTAL_LINK_CHANGED', message: `The workspace's HubSpot link changed meanwhile (it is now ${linked ?? 'none'}, not ${change.from}); nothing was changed. Connect again to see what it is linked to.` },
      };
    }

    const entries = await db.outbox.toArray();
    summary.requeued = entries.filter((entry) => entry.status === 'failed').length;
    await db.outbox.bulkPut(entries.map((entry) => ({ ...entry, status: 'pending' as const, attempts: 0, lastError: null })));
    const queuedByHandoff = new Map<string, OutboxEntry[]>();
    for (const entry of entries) queuedByHandoff.set(entry.handoffId, [...(queuedByHandoff.get(entry.handoffId) ?? []), entry]);
    await db.syncState.clear();

    const requests: OutboxRequest[] = [];
    const unlinkedRows: Handoff[] = [];
    for (const handoff of await db.handoffs.toArray()) {
      const unlinked = handoff.client.hubspotDealId === null ? handoff : { ...handoff, client: { ...handoff.client, hubspotDealId: null } };
      if (unlinked !== handoff) summary.unlinked += 1;
      // A resolution writes the (unlinked) record itself; the others go in one bulkPut below.
      const left = await resolveLeftPipeline(db, unlinked, change.to, change.actor, at);
      summary.resolved += left.resolved;
      if (left.resolved === 0 && unlinked !== handoff) unlinkedRows.push(validHandoff(unlinked));
      if (toCreate(left.handoff)) requests.push(...creationRequests(left.handoff, queuedByHandoff.get(handoff.id) ?? []));
    }
    await db.handoffs.bulkPut(unlinkedRows);
    summary.queued = (await appendOutbox(db, requests, at)).length;

    await db.syncMeta.bulkDelete([SYNC_META.cursor, SYNC_META.provisionedFor, SYNC_META.teamRemote, SYNC_META.waitingDeals]);
    await db.syncMeta.put({ key: SYNC_META.portalId, value: change.to });
    return { ok: true, summary };
  });
}
