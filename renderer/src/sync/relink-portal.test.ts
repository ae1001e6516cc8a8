import type { HandoffException } from '../../../shared/domain/handoff';
import type { OutboxEntry } from '../../../shared/sync/outbox';
import type { BatonDb } from '../data/db';
import { dbWithTemplates, makeHandoff } from '../../../test/support/db-fixtures';
import { previewPortalSwitch, relinkWorkspace } from './relink-portal';
import { SYNC_META } from './sync-meta';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const OLD = '4242';
const NEW = '5151';

function entry(id: string, handoffId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return { id, seq: 1, handoffId, kind: 'upsert_handoff', refId: null, createdAt: '2026-11-20T09:00:00.000Z', attempts: 3, lastError: 'HUBSPOT_NOT_FOUND: gone', status: 'pending', ...overrides };
}

const LEFT: HandoffException = { id: 'exc-left', kind: 'DEAL_LEFT_PIPELINE', message: 'moved out', raisedAt: '2026-11-21T09:00:00.000Z', resolvedAt: null, resolvedBy: null, resolution: null };

/** A workspace linked to the old portal: a linked live handoff, a linked archived one, a demo card, one never linked. */
async function linkedWorkspace(): Promise<BatonDb> {
  const db = await dbWithTemplates();
  await db.handoffs.bulkPut([
    makeHandoff({ id: 'h-live', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: '30000000001' }, exceptions: [LEFT], version: 2 }),
    makeHandoff({ id: 'h-archived', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: '30000000002' }, archivedAt: '2026-11-22T09:00:00.000Z' }),
    makeHandoff({ id: 'demo-1' }),
    makeHandoff({ id: 'h-task', state: 'IN_HANDOFF', receiver: 'jonas' }),
  ]);
  await db.events.bulkPut(
    [['h-live', 2], ['h-archived', 1], ['demo-1', 1], ['h-task', 1]].flatMap(([handoffId, count]) =>
      Array.from({ length: Number(count) }, (_, i) => ({ id: `${handoffId}-e${i}`, handoffId: String(handoffId), kind: 'created' as const, actor: 'maya', at: '2026-11-20T09:00:00.000Z', field: null, before: null, after: null, summary: 'x' })),
    ),
  );
  await db.syncState.bulkPut([
    { handoffId: 'h-live', dealId: '30000000001', base: { dealname: 'x' }, syncedVersion: 2, syncedAt: '2026-11-21T09:00:00.000Z' },
    { handoffId: 'h-archived', dealId: '30000000002', base: {}, syncedVersion: 1, syncedAt: '2026-11-21T09:00:00.000Z' },
  ]);
  await db.outbox.bulkPut([entry('ob-failed', 'h-live', { status: 'failed' }), entry('ob-note', 'h-task', { kind: 'log_client_update', refId: 'cu-1', seq: 2 })]);
  await db.syncMeta.bulkPut([
    { key: SYNC_META.portalId, value: OLD },
    { key: SYNC_META.cursor, value: { lastModifiedMs: 5 } },
    { key: SYNC_META.provisionedFor, value: 'fingerprint' },
    { key: 'outboxSeq', value: 2 },
  ]);
  return db;
}

describe('linking the workspace to another HubSpot portal', () => {
  it('previews how many handoffs lose a link and how many will be created', async () => {
    const db = await linkedWorkspace();
    expect(await previewPortalSwitch(db, OLD, NEW)).toEqual({ from: OLD, to: NEW, linkedHandoffs: 2, handoffsToCreate: 2 });
  });

  it('forgets the old portal in one go and queues every live handoff for the new one', async () => {
    const db = await linkedWorkspace();
    const outcome = await relinkWorkspace(db, { from: OLD, to: NEW, actor: 'maya', now: NOW });
    // h-live has its (failed, now pending) upsert; h-task gets an upsert and its task; archived and demo cards none.
    expect(outcome).toEqual({ ok: true, summary: { unlinked: 2, queued: 2, requeued: 1, resolved: 1 } });

    expect((await db.handoffs.toArray()).map((h) => [h.id, h.client.hubspotDealId])).toEqual([
      ['demo-1', null],
      ['h-archived', null],
      ['h-live', null],
      ['h-task', null],
    ]);
    expect(await db.syncState.count()).toBe(0);
    expect(await db.syncMeta.get(SYNC_META.cursor)).toBeUndefined();
    expect(await db.syncMeta.get(SYNC_META.provisionedFor)).toBeUndefined();
    expect(await db.syncMeta.get(SYNC_META.portalId)).toMatchObject({ value: NEW });

    const outbox = (await db.outbox.toArray()).sort((a, b) => a.seq - b.seq);
    expect(outbox.map((e) => [e.handoffId, e.kind, e.status, e.attempts, e.lastError])).toEqual([
      ['h-live', 'upsert_handoff', 'pending', 0, null],
      ['h-task', 'log_client_update', 'pending', 0, null],
      ['h-task', 'upsert_handoff', 'pending', 0, null],
      ['h-task', 'sync_next_action_task', 'pending', 0, null],
    ]);
    expect(await db.syncMeta.get('outboxSeq')).toMatchObject({ value: 4 });

    // Unlinking is bookkeeping (no version); the resolution is a change (one event, one version).
    const live = await db.handoffs.get('h-live');
    expect(live?.version).toBe(3);
    expect(live?.exceptions).toEqual([expect.objectContaining({ id: 'exc-left', resolvedBy: 'maya', resolution: expect.stringContaining(NEW) })]);
    expect((await db.handoffs.get('h-task'))?.version).toBe(1);
    for (const handoff of await db.handoffs.toArray()) {
      expect(await db.events.where('handoffId').equals(handoff.id).count(), handoff.id).toBe(handoff.version);
    }
  });

  it('does it once: a second confirmation changes nothing', async () => {
    const db = await linkedWorkspace();
    await relinkWorkspace(db, { from: OLD, to: NEW, actor: 'maya', now: NOW });
    const outbox = await db.outbox.count();
    expect(await relinkWorkspace(db, { from: OLD, to: NEW, actor: 'maya', now: NOW })).toEqual({ ok: true, summary: { unlinked: 0, queued: 0, requeued: 0, resolved: 0 } });
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('refuses, changing nothing, when the workspace is linked to yet another portal by now', async () => {
    const db = await linkedWorkspace();
    await db.syncMeta.put({ key: SYNC_META.portalId, value: '6161' });
    const outcome = await relinkWorkspace(db, { from: OLD, to: NEW, actor: 'maya', now: NOW });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PORTAL_LINK_CHANGED', message: expect.stringContaining('6161') } });
    expect((await db.handoffs.get('h-live'))?.client.hubspotDealId).toBe('30000000001');
    expect(await db.syncState.count()).toBe(2);
    expect(await db.outbox.get('ob-failed')).toMatchObject({ status: 'failed', attempts: 3 });
  });
});
