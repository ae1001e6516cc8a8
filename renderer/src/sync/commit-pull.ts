import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import { indexTemplates, type Template } from '../../../shared/domain/template';
import { handoffToDealProperties } from '../../../shared/hubspot/mapping';
import type { PullResult, SyncBase } from '../../../shared/sync/protocol';
import { localEditTimesFromEvents } from '../../../shared/sync/edit-times';
import { reconcile, type LocalRecord, type ReconcileOutput, type ReconcileProblem } from '../../../shared/sync/reconcile';
import type { BatonDb, SyncStateRow } from '../data/db';
import { changeTables } from '../data/change-writer';
import { isDemoHandoffId } from '../demo/demo-id';
import { appendOutbox, validEvent, validHandoff, type OutboxRequest } from '../data/write-support';
import { SYNC_META } from './sync-meta';
import { localLogOf } from '../../../shared/sync/reconcile-carrier';
import { replayRow } from '../data/replay-row';
import { storeReceivedTemplates } from './received-templates';
import { applyTeamRecord, splitTeamRecord } from './commit-team';
import { loadWaitingDeals, saveWaitingDeals, withWaiting } from './waiting-deals';
import { heldNotices, loadHeld, saveHeld } from './held-store';
import { loadSettings } from '../data/settings';
import type { CarriedEvent } from '../../../shared/sync/carrier';

export interface PullCommitSummary {
  /** Deals HubSpot returned. */
  pulled: number;
  imported: number;
  updated: number;
  mergeDecisions: number;
  exceptions: number;
  problems: ReconcileProblem[];
  /** Template versions that arrived with handoffs from other desktops. */
  templatesReceived: number;
  /** What arrived for each changed handoff: the new history events (for notifications). */
  arrived: { handoff: Handoff; events: HandoffEvent[] }[];
}

/** Local handoffs a pull must merge into: matched by deal id (sync state or the record) or by `baton_id`. */
async function matchingLocals(db: BatonDb, pull: PullResult, syncRows: readonly SyncStateRow[]): Promise<Handoff[]> {
  const dealIds = new Set(pull.deals.map((d) => d.dealId));
  const ids = new Set<string>();
  for (const deal of pull.deals) if (deal.batonId !== null) ids.add(deal.batonId);
  for (const row of syncRows) if (row.dealId !== null && dealIds.has(row.dealId)) ids.add(row.handoffId);
  const byId = new Map<string, Handoff>();
  for (const handoff of await db.handoffs.bulkGet([...ids])) if (handoff) byId.set(handoff.id, handoff);
  // Records that carry a deal id without sync state (restored backups, older versions).
  const withDeal = await db.handoffs.filter((h) => h.client.hubspotDealId !== null && dealIds.has(h.client.hubspotDealId)).toArray();
  for (const handoff of withDeal) byId.set(handoff.id, handoff);
  return [...byId.values()];
}

/** The notices for acts still held (every pull while they wait), naming people and times as this workspace does. */
async function heldProblems(db: BatonDb, held: ReadonlyMap<string, readonly CarriedEvent[]>, written: readonly SyncStateRow[]): Promise<ReconcileProblem[]> {
  const waiting = [...held].filter(([, acts]) => acts.length > 0).map(([id]) => id);
  if (waiting.length === 0) return [];
  const settings = await loadSettings(db);
  const dealOf = new Map(written.map((row) => [row.handoffId, row.dealId]));
  const found = new Map<string, { handoff: Handoff; archive: HandoffEvent | null; dealId: string | null }>();
  for (const handoff of await db.handoffs.bulkGet(waiting)) {
    if (!handoff) continue;
    const archives = (await db.events.where('handoffId').equals(handoff.id).toArray()).filter((e) => e.kind === 'archived').sort((a, b) => (a.at < b.at ? -1 : 1));
    const dealId = dealOf.get(handoff.id) ?? (await db.syncState.get(handoff.id))?.dealId ?? null;
    found.set(handoff.id, { handoff, archive: archives.at(-1) ?? null, dealId });
  }
  return heldNotices(held, found, settings.owners, settings.workingHours.timeZone);
}

/** True when the merged record holds values HubSpot does not have yet (a local win), so it must be pushed. */
function differsFromBase(handoff: Handoff, template: Template | undefined, base: SyncBase, pull: PullResult): boolean {
  if (!template) return false;
  const local = handoffToDealProperties(handoff, template, pull);
  return Object.entries(base).some(([name, value]) => Object.hasOwn(local, name) && local[name] !== value);
}

/**
 * Reconciles a pull with the local data and writes the whole result — records,
 * history (merge decisions and exceptions included), new bases, outbox entries
 * for what HubSpot still lacks, and the new cursor — in ONE rw transaction.
 * Reading the local side inside the same transaction means no local edit can
 * slip in between the merge and its write.
 */
export async function commitPull(db: BatonDb, pulled: PullResult, localTemplates: readonly Template[], defaultTemplate: Template | null, now: Date): Promise<PullCommitSummary> {
  const at = now.toISOString();
  // The team record (templates and roles) is no handoff: it is folded on its own, first, so handoffs of the same pull find its templates.
  const { team: teamRecord, deals } = splitTeamRecord(pulled.deals);
  return db.transaction('rw', [...changeTables(db), db.syncState], async () => {
    const team = await applyTeamRecord(db, teamRecord, now);
    // Records that waited for their template are merged again: the template may have come with this pull.
    const pull: PullResult = { ...pulled, deals: withWaiting(await loadWaitingDeals(db), deals) };
    let index = indexTemplates([...localTemplates, ...team.templates]);
    const templates = [...index.byKey.values()];
    const syncRows = await db.syncState.toArray();
    const syncById = new Map(syncRows.map((row) => [row.handoffId, row]));
    const locals: LocalRecord[] = [];
    const held = await loadHeld(db);
    const heldBefore = JSON.stringify([...held]);
    const knownEvents = new Map<string, Set<string>>();
    for (const handoff of await matchingLocals(db, pull, syncRows)) {
      const template = index.forHandoff(handoff);
      const events = await db.events.where('handoffId').equals(handoff.id).toArray();
      const recipes = new Map((await db.replays.where('handoffId').equals(handoff.id).toArray()).map((row) => [row.eventId, row]));
      knownEvents.set(handoff.id, new Set(events.map((e) => e.id)));
      locals.push({
        handoff,
        base: syncById.get(handoff.id)?.base ?? null,
        log: localLogOf(handoff, events, recipes),
        ...(held.has(handoff.id) ? { held: held.get(handoff.id) } : {}),
        ...(template ? { localEditTimes: localEditTimesFromEvents(events, template) } : {}),
      });
    }
    const output: ReconcileOutput = reconcile({ ...pull, locals, templates, defaultTemplate, now: at });
    await saveWaitingDeals(db, pull.deals, output.problems);
    const templatesReceived = team.templatesReceived + (await storeReceivedTemplates(db, output.writes.flatMap((w) => w.templates ?? [])));
    index = indexTemplates([...templates, ...output.writes.flatMap((w) => w.templates ?? [])]);
    const arrived: PullCommitSummary['arrived'] = [];

    const pendingUpserts = new Set((await db.outbox.where('status').equals('pending').toArray()).filter((e) => e.kind === 'upsert_handoff').map((e) => e.handoffId));
    const requests: OutboxRequest[] = [];
    // Collected and written with one bulkPut per table: a first pull imports thousands of
    // deals, and a put per record (three per deal) took 2.4x a bare bulkPut of the same rows.
    const handoffRows: Handoff[] = [];
    const eventRows: HandoffEvent[] = [];
    const syncRowsOut: SyncStateRow[] = [];
    for (const write of output.writes) {
      const handoff = validHandoff(write.handoff);
      handoffRows.push(handoff);
      for (const event of write.events) eventRows.push(validEvent(event));
      const template = index.forHandoff(handoff);
      if (write.replaceHistory) {
        const keep = new Set(write.events.map((e) => e.id));
        const stale = [...(knownEvents.get(handoff.id) ?? [])].filter((id) => !keep.has(id));
        await db.events.bulkDelete(stale);
        await db.replays.bulkDelete(stale);
      }
      if (write.log) await db.replays.bulkPut(write.log.map((entry) => replayRow(handoff.id, entry)));
      if (write.held) held.set(handoff.id, write.held);
      const known = knownEvents.get(handoff.id) ?? new Set<string>();
      const fresh = write.events.filter((e) => !known.has(e.id));
      if (fresh.length > 0) arrived.push({ handoff, events: fresh });
      // A write from a Baton record says itself whether HubSpot lacks something; today's property merge decides from the base.
      const mustPush = write.needsPush ?? (write.created || (handoff.archivedAt === null && differsFromBase(handoff, template, write.newBase, pull)));
      const needsPush = !isDemoHandoffId(handoff.id) && !pendingUpserts.has(handoff.id) && mustPush;
      if (needsPush) {
        requests.push({ handoffId: handoff.id, kind: 'upsert_handoff' });
        pendingUpserts.add(handoff.id);
      }
      const previous = syncById.get(handoff.id);
      const hasPending = pendingUpserts.has(handoff.id);
      syncRowsOut.push({
        handoffId: handoff.id,
        dealId: write.dealId,
        base: write.newBase,
        // The version HubSpot reflects: unchanged while local edits still wait to be pushed.
        syncedVersion: hasPending ? (previous?.syncedVersion ?? 0) : handoff.version,
        syncedAt: at,
      });
    }
    await db.handoffs.bulkPut(handoffRows);
    await db.events.bulkPut(eventRows);
    await db.syncState.bulkPut(syncRowsOut);
    await appendOutbox(db, requests, at);
    if (JSON.stringify([...held]) !== heldBefore) await saveHeld(db, held);
    await db.syncMeta.put({ key: SYNC_META.cursor, value: pull.cursor });
    const notices = await heldProblems(db, held, syncRowsOut);
    return {
      pulled: deals.length,
      imported: output.writes.filter((w) => w.created).length,
      updated: output.writes.filter((w) => !w.created).length,
      mergeDecisions: output.conflicts.length,
      exceptions: output.exceptions.length,
      problems: [...team.problems, ...output.problems, ...notices],
      templatesReceived,
      arrived,
    };
  });
}
