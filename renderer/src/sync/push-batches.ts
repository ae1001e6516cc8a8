import type { OutboxEntry } from '../../../shared/sync/outbox';
import type { PushItemInput } from '../../../shared/sync/protocol';
import { withoutLatestFlag, type BatonDb } from '../data/db';
import { localLogOf } from '../../../shared/sync/reconcile-carrier';

/** At most this many handoffs go to the host in one `sync.push` call. */
export const HANDOFFS_PER_PUSH = 100;
/** The protocol's limit of outbox entries per pushed handoff; the rest wait for the next call. */
export const ENTRIES_PER_ITEM = 1000;

/** One handoff's pending entries, in the order they were written. */
export interface PendingGroup {
  handoffId: string;
  entries: OutboxEntry[];
}

/** A pushed handoff as it was read: the version tells the ack commit whether it changed since. */
export interface PreparedItem {
  item: PushItemInput;
  version: number;
}

/** An entry that cannot be pushed at all (its handoff or template is gone): it fails with this message. */
export interface Unpushable {
  entries: OutboxEntry[];
  message: string;
}

export interface PreparedBatch {
  items: PreparedItem[];
  unpushable: Unpushable[];
}

/** Pending outbox entries grouped per handoff, oldest first. */
export async function pendingGroups(db: BatonDb): Promise<PendingGroup[]> {
  const pending = await db.outbox.where('status').equals('pending').toArray();
  pending.sort((a, b) => a.seq - b.seq);
  const groups = new Map<string, OutboxEntry[]>();
  for (const entry of pending) {
    const list = groups.get(entry.handoffId);
    if (list) list.push(entry);
    else groups.set(entry.handoffId, [entry]);
  }
  return [...groups.entries()].map(([handoffId, entries]) => ({ handoffId, entries: entries.slice(0, ENTRIES_PER_ITEM) }));
}

export function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Reads each handoff's current record, template version, base, deal id and history (its Baton record) in one read transaction. */
export async function prepareBatch(db: BatonDb, groups: readonly PendingGroup[]): Promise<PreparedBatch> {
  return db.transaction('r', [db.handoffs, db.templates, db.syncState, db.events, db.replays], async () => {
    const items: PreparedItem[] = [];
    const unpushable: Unpushable[] = [];
    for (const group of groups) {
      const handoff = await db.handoffs.get(group.handoffId);
      if (!handoff) {
        unpushable.push({ entries: group.entries, message: `Handoff ${group.handoffId} is no longer in this workspace, so its change cannot be sent to HubSpot.` });
        continue;
      }
      const stored = await db.templates.get([handoff.templateId, handoff.templateVersion]);
      if (!stored) {
        unpushable.push({
          entries: group.entries,
          message: `Template "${handoff.templateId}" version ${handoff.templateVersion} of "${handoff.title}" is missing, so its deal cannot be written to HubSpot.`,
        });
        continue;
      }
      const state = await db.syncState.get(handoff.id);
      const events = await db.events.where('handoffId').equals(handoff.id).toArray();
      const recipes = new Map((await db.replays.where('handoffId').equals(handoff.id).toArray()).map((row) => [row.eventId, row]));
      items.push({
        version: handoff.version,
        item: {
          handoff,
          template: withoutLatestFlag(stored),
          base: state?.base ?? null,
          dealId: state?.dealId ?? handoff.client.hubspotDealId,
          entries: group.entries,
          log: localLogOf(handoff, events, recipes),
        },
      });
    }
    return { items, unpushable };
  });
}
