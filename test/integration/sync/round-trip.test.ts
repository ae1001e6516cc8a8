import { reconcile } from '../../../shared/sync/reconcile';
import type { ReconcileOutput } from '../../../shared/sync/reconcile';
import type { PullResult, SyncCursor } from '../../../shared/sync/protocol';
import { startSyncHarness } from './harness';
import type { SyncHarness } from './harness';
import { LocalStore } from './local-store';
import { TEMPLATE, makeHandoff } from './fixtures';

/** One renderer-style sync run: pull → reconcile (committed into the store) → push. */
async function syncRun(h: SyncHarness, store: LocalStore, cursor: SyncCursor | null): Promise<{ pulled: PullResult; merged: ReconcileOutput }> {
  const knownDealIds = [...store.rows.values()].map((r) => r.dealId).filter((id): id is string => id !== null);
  const pulled = await h.handlers['sync.pull']({ cursor, knownDealIds, templates: [TEMPLATE] });
  const merged = reconcile({
    deals: pulled.deals,
    locals: [...store.rows.values()].map((r) => ({ handoff: r.handoff, base: r.base })),
    templates: [TEMPLATE],
    defaultTemplate: TEMPLATE,
    pipelineId: pulled.pipelineId,
    stageIds: pulled.stageIds,
    now: new Date(h.now()).toISOString(),
  });
  for (const write of merged.writes) {
    const existing = store.rows.get(write.handoff.id);
    store.rows.set(write.handoff.id, { handoff: write.handoff, base: write.newBase, dealId: write.dealId });
    if (!existing || write.newBase['baton_id'] !== write.handoff.id) store.enqueue(write.handoff.id, 'upsert_handoff');
  }
  store.commit((await h.handlers['sync.push']({ items: store.pushItems() })).acks);
  return { pulled, merged };
}

describe('sync round trip: pull → reconcile → push against the fake', () => {
  let h: SyncHarness;
  afterEach(async () => {
    await h.close();
  });

  it('imports colleague deals, applies their edits, flags a gate bypass, and converges', async () => {
    h = await startSyncHarness();
    await h.connect();
    const { pipelineId, stageIds } = await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
    const owner = h.fake.colleague.addOwner({ email: 'o@example.com', firstName: 'O', lastName: 'Wner' }).id;
    const store = new LocalStore();
    store.put(makeHandoff({ id: 'h-local', title: 'Made in Baton', sender: owner }));
    store.enqueue('h-local', 'upsert_handoff');
    const colleagueDeal = h.fake.colleague.createDeal({ dealname: 'Made in HubSpot', pipeline: pipelineId, dealstage: stageIds.IN_PROGRESS });

    // First run: initial pull imports the colleague's deal; push creates ours and stamps baton_id on theirs.
    h.advance(1000);
    const first = await syncRun(h, store, null);
    expect(first.merged.writes.map((w) => w.handoff.id)).toEqual([`hubspot-${colleagueDeal.id}`]);
    expect(store.outbox).toEqual([]);
    expect(h.fake.state.deals).toHaveLength(2);
    expect(h.fake.state.object('deals', colleagueDeal.id)?.properties['baton_id']).toBe(`hubspot-${colleagueDeal.id}`);

    // A colleague ticks a criterion on ours and drags the imported deal two columns ahead, skipping its gates.
    h.advance(60_000);
    const ours = store.rows.get('h-local');
    h.fake.colleague.setDealProperties(ours?.dealId ?? '', { assets_ready: 'true', dealname: 'Renamed by colleague' });
    h.fake.colleague.moveDealToStage(colleagueDeal.id, stageIds.IN_HANDOFF);
    h.advance(1000);
    const second = await syncRun(h, store, first.pulled.cursor);
    expect(store.rows.get('h-local')?.handoff).toMatchObject({ title: 'Renamed by colleague', criteria: { assets_ready: { met: true } } });
    const imported = store.rows.get(`hubspot-${colleagueDeal.id}`)?.handoff;
    expect(imported?.state).toBe('IN_PROGRESS');
    expect(second.merged.exceptions).toEqual([expect.objectContaining({ handoffId: `hubspot-${colleagueDeal.id}`, exception: expect.objectContaining({ kind: 'GATE_BYPASSED' }) })]);
    // Baton did not silently drag the deal back either.
    expect(h.fake.state.object('deals', colleagueDeal.id)?.properties['dealstage']).toBe(stageIds.IN_HANDOFF);

    // Third run with nothing new: no writes, no new exception, no pushes.
    h.advance(60_000);
    h.fake.stats.reset();
    const third = await syncRun(h, store, second.pulled.cursor);
    expect(third.merged.writes).toEqual([]);
    expect(third.merged.exceptions).toEqual([]);
    expect(h.fake.stats.count('/crm/v3/objects/deals/batch/upsert') + h.fake.stats.count('/crm/v3/objects/deals/batch/update')).toBe(0);

    // The colleague deletes our deal: it is archived locally.
    h.advance(60_000);
    h.fake.colleague.archiveDeal(ours?.dealId ?? '');
    await syncRun(h, store, third.pulled.cursor);
    expect(store.rows.get('h-local')?.handoff.archivedAt).not.toBeNull();
  });
});
