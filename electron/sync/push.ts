import type { PipelineIds } from '../../shared/hubspot/mapping';
import type { RecordType } from '../../shared/hubspot/record-type';
import { syncError } from '../../shared/sync/protocol';
import type { PushAck } from '../../shared/sync/protocol';
import type { HubSpotGateway } from './hubspot-gateway';
import { pushActivities } from './push-activities';
import type { ActivityWork } from './push-activities';
import { pushDeals } from './push-deals';
import type { PushWork } from './push-deals';
import type { Readable } from '../../shared/sync/protocol';

export type { PushWork } from './push-deals';

export interface PushContext {
  gateway: HubSpotGateway;
  /** The HubSpot object handoffs live on; property names stay Baton's canonical ones (the gateway renames). */
  recordType: RecordType;
  pipeline: PipelineIds;
  ownerIds: ReadonlySet<string> | null;
  now: () => Date;
  /** People's names and the workspace's zone for the deal's timeline notes. */
  readable: Readable;
  onProgress?: (done: number, total: number) => void;
}

const DEAL_KINDS = new Set(['upsert_handoff', 'archive_handoff']);

/**
 * Push handoffs: deals first (so every activity has a deal to hang on), then
 * notes and tasks. Answers exactly one ack per outbox entry; nothing throws
 * for a single record, and a connection problem leaves entries pending.
 */
export async function push(works: readonly PushWork[], ctx: PushContext): Promise<PushAck[]> {
  const total = works.reduce((n, w) => n + w.entries.length, 0);
  const deals = await pushDeals(works, ctx);
  ctx.onProgress?.(0, total);

  const activityWorks: ActivityWork[] = [];
  works.forEach((work, index) => {
    const outcome = deals.get(index);
    if (outcome?.status !== 'ok' || outcome.dealId === null || work.handoff.archivedAt !== null) return;
    const entries = work.entries.filter((e) => !DEAL_KINDS.has(e.kind));
    if (entries.length > 0) activityWorks.push({ handoff: work.handoff, dealId: outcome.dealId, entries, events: (work.log ?? []).map((e) => e.event) });
  });
  const activities = await pushActivities(activityWorks, ctx);

  const acks: PushAck[] = [];
  works.forEach((work, index) => {
    const deal = deals.get(index) ?? { status: 'retry' as const, error: syncError('INTERNAL', 'This handoff was not pushed; it stays pending.') };
    for (const entry of work.entries) {
      const ids = { entryId: entry.id, handoffId: work.handoff.id };
      if (deal.status !== 'ok') {
        acks.push({ status: deal.status, ...ids, error: deal.error });
        continue;
      }
      const ok: PushAck = { status: 'ok', ...ids, dealId: deal.dealId ?? '', newBase: deal.newBase };
      if (DEAL_KINDS.has(entry.kind) || work.handoff.archivedAt !== null) {
        acks.push(ok);
        continue;
      }
      const activity = activities.get(entry.id) ?? { status: 'retry' as const, error: syncError('INTERNAL', 'This activity was not pushed; it stays pending.') };
      acks.push(activity.status === 'ok' ? ok : { status: activity.status, ...ids, error: activity.error });
    }
  });
  ctx.onProgress?.(total, total);
  return acks;
}
