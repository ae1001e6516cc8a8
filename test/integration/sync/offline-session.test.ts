import { applyCommand } from '../../../shared/domain/commands';
import type { Handoff } from '../../../shared/domain/handoff';
import { HANDOFF_STATES, stateIndex } from '../../../shared/domain/states';
import { handoffToDealProperties, normalizeDealProperties } from '../../../shared/hubspot/mapping';
import type { Transport } from '../../../electron/sync/hubspot-gateway';
import { noteMarker, taskMarker } from '../../../electron/sync/push-activities';
import { startSyncHarness } from './harness';
import type { SyncHarness } from './harness';
import { LocalStore } from './local-store';
import { TEMPLATE, makeHandoff } from './fixtures';

/** Small deterministic PRNG (mulberry32) so the session is the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a long offline session pushed through a flaky connection', () => {
  let h: SyncHarness;
  afterEach(async () => {
    await h.close();
  });

  it('ends with HubSpot equal to local state: no duplicates, no lost edits, no self-inflicted 429s', async () => {
    let droppedAfterApply = 0;
    const wrapTransport = (inner: Transport): Transport => async (request) => {
      const outcome = await inner(request);
      // The server applied the first two batch writes, but their answers never arrive.
      const applied = outcome.status >= 200 && outcome.status < 300;
      if (applied && request.path.includes('/batch/') && !request.path.endsWith('/read') && droppedAfterApply < 2) {
        droppedAfterApply += 1;
        throw new TypeError('fetch failed: other side closed');
      }
      return outcome;
    };
    h = await startSyncHarness({ fake: { rateLimit: { burstPer10s: 10, searchPerSecond: 5 } }, rateLimit: { burstPer10s: 10, searchPerSecond: 4 }, tuning: { wrapTransport } });
    await h.connect();
    const { pipelineId, stageIds } = await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
    const sender = h.fake.colleague.addOwner({ email: 's@example.com', firstName: 'S', lastName: 'Sender' }).id;
    const receivers = [1, 2, 3].map((n) => h.fake.colleague.addOwner({ email: `r${n}@example.com`, firstName: 'R', lastName: `${n}` }).id);

    // --- offline: hundreds of edits to many handoffs ---
    const store = new LocalStore();
    const random = prng(42);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const count = 40;
    for (let i = 0; i < count; i += 1) {
      store.put(makeHandoff({ id: `h-${i}`, title: `Handoff ${i}`, sender, client: { name: `Client ${i % 7}`, hubspotCompanyId: null, hubspotDealId: null } }));
      store.enqueue(`h-${i}`, 'upsert_handoff');
    }
    let seq = 0;
    let applied = 0;
    let clientUpdates = 0;
    let receipts = 0;
    for (let step = 0; step < 600; step += 1) {
      h.advance(1000);
      const id = `h-${Math.floor(random() * count)}`;
      const row = store.rows.get(id);
      if (!row) throw new Error(id);
      const handoff: Handoff = row.handoff;
      seq += 1;
      const next = HANDOFF_STATES[stateIndex(handoff.state) + 1];
      const command = pick<Record<string, unknown>>([
        { type: 'set_title', title: `Handoff ${id} v${seq}` },
        { type: 'set_criterion', criterionId: 'assets_ready', met: random() < 0.8 },
        { type: 'add_link', link: { id: `l-${seq}`, label: 'Brief', url: `https://example.com/brief/${seq}` } },
        { type: 'set_receiver', receiver: pick(receivers) },
        { type: 'set_next_action', nextAction: { text: `Call #${seq}`, dueAt: '2027-06-01T10:00:00.000Z' } },
        { type: 'log_client_update', id: `cu-${seq}`, body: `Update ${seq} for the client` },
        { type: 'approve', criterionId: 'lead_approval' },
        { type: 'set_hubspot_property', property: 'design_approved_by_client', value: 'true' },
        ...(next && handoff.state !== 'IN_HANDOFF' ? [{ type: 'move', to: next }, { type: 'move', to: next }] : []),
        ...(handoff.state === 'IN_HANDOFF' ? [{ type: 'accept' }, { type: 'bounce', reason: `Missing info ${seq}` }] : []),
      ]);
      const result = applyCommand(handoff, command, { template: TEMPLATE, actor: sender, now: new Date(h.now()).toISOString(), newId: () => `id-${seq}-${Math.floor(random() * 1e9)}` });
      if (!result.ok) continue;
      applied += 1;
      store.put(result.handoff);
      store.enqueue(id, 'upsert_handoff');
      if (command['type'] === 'log_client_update') {
        store.enqueue(id, 'log_client_update', String(command['id']));
        clientUpdates += 1;
      }
      if (command['type'] === 'set_next_action' || command['type'] === 'set_receiver') store.enqueue(id, 'sync_next_action_task');
      if (command['type'] === 'accept') {
        store.enqueue(id, 'log_handoff_receipt');
        store.enqueue(id, 'sync_next_action_task');
        receipts += 1;
      }
    }
    expect(applied).toBeGreaterThan(300);

    // --- back online: push through injected faults until the outbox is empty ---
    const upsert = { method: 'POST', path: '/crm/v3/objects/deals/batch' };
    h.fake.faults.failNext(upsert, { status: 429, retryAfterSeconds: 2 });
    h.fake.faults.failNext(upsert, { status: 503 }, 2);
    h.fake.faults.failNext({ path: '/crm/v3/objects/notes' }, { kind: 'drop' });
    h.fake.faults.failNext({ path: '/crm/v4/associations' }, { status: 502 });
    h.fake.faults.failNext({ path: '/crm/v3/objects/tasks' }, { status: 524 });
    let rounds = 0;
    while (store.outbox.some((e) => e.status === 'pending') && rounds < 6) {
      rounds += 1;
      store.commit((await h.handlers['sync.push']({ items: store.pushItems() })).acks);
    }
    expect(store.outbox).toEqual([]);

    // --- HubSpot now equals local state ---
    const deals = h.fake.state.deals.filter((d) => !d.archived);
    expect(deals).toHaveLength(count);
    const names = Object.keys(handoffToDealProperties(makeHandoff(), TEMPLATE, { pipelineId, stageIds }));
    for (const row of store.rows.values()) {
      const deal = deals.find((d) => d.properties['baton_id'] === row.handoff.id);
      expect(deal?.id).toBe(row.dealId);
      const expected = handoffToDealProperties(row.handoff, TEMPLATE, { pipelineId, stageIds });
      expect(normalizeDealProperties(deal?.properties ?? {}, names, TEMPLATE)).toEqual(expected);
      expect(row.base).toEqual(expected);
    }
    const allUpdates = [...store.rows.values()].flatMap((r) => r.handoff.clientUpdates);
    expect(allUpdates).toHaveLength(clientUpdates);
    expect(h.fake.state.notes).toHaveLength(clientUpdates + receipts);
    for (const update of allUpdates) expect(h.fake.state.notes.filter((n) => (n.properties['hs_note_body'] ?? '').includes(noteMarker(update.id)))).toHaveLength(1);
    for (const row of store.rows.values()) {
      const tasks = h.fake.state.tasks.filter((t) => (t.properties['hs_task_body'] ?? '').includes(taskMarker(row.handoff.id)));
      expect(tasks.length).toBeLessThanOrEqual(1);
      if (row.handoff.nextAction && tasks[0]) {
        expect(tasks[0].properties['hs_task_subject']).toBe(row.handoff.nextAction.text);
        expect(tasks[0].properties['hs_task_status']).toBe(row.handoff.state === 'HANDOFF_DONE' ? 'COMPLETED' : 'NOT_STARTED');
      }
    }
    expect(droppedAfterApply).toBe(2);
    expect(h.fake.stats.rateLimited).toBe(0);
    expect(h.sleeps).toContain(2000);
  });
});
