import { startSyncHarness } from './harness';
import type { SyncHarness } from './harness';
import { LocalStore } from './local-store';
import { TEMPLATE, makeHandoff } from './fixtures';
import type { Transport } from '../../../electron/sync/hubspot-gateway';

async function setUp(options: Parameters<typeof startSyncHarness>[0] = {}): Promise<{ h: SyncHarness; store: LocalStore; sender: string; receiver: string }> {
  const h = await startSyncHarness(options);
  await h.connect();
  await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
  const sender = h.fake.colleague.addOwner({ email: 'sam@example.com', firstName: 'Sam', lastName: 'Sender' }).id;
  const receiver = h.fake.colleague.addOwner({ email: 'rita@example.com', firstName: 'Rita', lastName: 'Receiver' }).id;
  h.fake.stats.reset();
  return { h, store: new LocalStore(), sender, receiver };
}

function addHandoffs(store: LocalStore, count: number, sender: string): void {
  for (let i = 0; i < count; i += 1) {
    store.put(makeHandoff({ id: `h-${i}`, title: `Handoff ${i}`, sender }));
    store.enqueue(`h-${i}`, 'upsert_handoff');
  }
}

describe('push', () => {
  let h: SyncHarness;
  afterEach(async () => {
    await h.close();
  });

  it('creates deals keyed by baton_id, 100 per batch, and acks every entry with deal id and base', async () => {
    const setup = await setUp();
    h = setup.h;
    addHandoffs(setup.store, 250, setup.sender);
    const { acks } = await h.handlers['sync.push']({ items: setup.store.pushItems() });
    expect(acks).toHaveLength(250);
    expect(acks.every((a) => a.status === 'ok')).toBe(true);
    expect(h.fake.stats.count('/crm/v3/objects/deals/batch/upsert')).toBe(3);
    const deals = h.fake.state.deals;
    expect(deals).toHaveLength(250);
    const deal = deals.find((d) => d.properties['baton_id'] === 'h-7');
    expect(deal?.properties).toMatchObject({ dealname: 'Handoff 7', baton_client: 'Acme', hubspot_owner_id: setup.sender, assets_ready: 'false' });
    const ack = acks.find((a) => a.handoffId === 'h-7');
    expect(ack).toMatchObject({ status: 'ok', dealId: deal?.id, newBase: { dealname: 'Handoff 7', baton_id: 'h-7' } });
    expect(h.fake.stats.rateLimited).toBe(0);
  });

  it('sends only fields changed since the base, as a batch update of the known deal', async () => {
    const setup = await setUp();
    h = setup.h;
    addHandoffs(setup.store, 2, setup.sender);
    setup.store.commit((await h.handlers['sync.push']({ items: setup.store.pushItems() })).acks);
    const row = setup.store.rows.get('h-1');
    if (!row) throw new Error('missing');
    setup.store.put({ ...row.handoff, title: 'Renamed', criteria: { assets_ready: { met: true, by: setup.sender, at: '2026-11-20T08:00:00.000Z' } } });
    setup.store.enqueue('h-1', 'upsert_handoff');
    h.fake.stats.reset();
    const { acks } = await h.handlers['sync.push']({ items: setup.store.pushItems() });
    expect(acks).toEqual([expect.objectContaining({ status: 'ok', dealId: row.dealId })]);
    const update = h.fake.stats.requests.find((r) => r.path.startsWith('/crm/v3/objects/deals/batch/update'));
    expect(update?.body).toEqual({ inputs: [{ id: row.dealId, properties: { dealname: 'Renamed', assets_ready: 'true' }, objectWriteTraceId: expect.any(String) }] });
    expect(h.fake.state.object('deals', row.dealId ?? '')?.properties).toMatchObject({ dealname: 'Renamed', assets_ready: 'true' });
  });

  it('never duplicates a deal when the connection drops after HubSpot applied the batch', async () => {
    let dropped = 0;
    const wrapTransport = (inner: Transport): Transport => async (request) => {
      const outcome = await inner(request);
      if (request.path.endsWith('/batch/upsert') && dropped < 2) {
        dropped += 1;
        throw new TypeError('fetch failed: socket hang up');
      }
      return outcome;
    };
    const setup = await setUp({ tuning: { wrapTransport, maxAttempts: 2 } });
    h = setup.h;
    addHandoffs(setup.store, 5, setup.sender);
    // First run: both attempts lose their answer; the entries stay pending.
    const first = await h.handlers['sync.push']({ items: setup.store.pushItems() });
    expect(first.acks.every((a) => a.status === 'retry')).toBe(true);
    expect(first.acks[0]).toMatchObject({ error: { code: 'HUBSPOT_UNAVAILABLE' } });
    setup.store.commit(first.acks);
    // Re-run: the upsert finds the deals by baton_id.
    const second = await h.handlers['sync.push']({ items: setup.store.pushItems() });
    expect(second.acks.every((a) => a.status === 'ok')).toBe(true);
    expect(h.fake.state.deals).toHaveLength(5);
    expect(new Set(h.fake.state.deals.map((d) => d.properties['baton_id'])).size).toBe(5);
  });

  it('retries 429 (honouring Retry-After), 503, 423 and a dropped socket', async () => {
    const setup = await setUp();
    h = setup.h;
    addHandoffs(setup.store, 3, setup.sender);
    const upsert = { method: 'POST', path: '/crm/v3/objects/deals/batch/upsert' };
    h.fake.faults.failNext(upsert, { status: 429, retryAfterSeconds: 3 });
    h.fake.faults.failNext(upsert, { status: 503 });
    h.fake.faults.failNext(upsert, { kind: 'drop' });
    h.fake.faults.failNext(upsert, { status: 423 });
    const { acks } = await h.handlers['sync.push']({ items: setup.store.pushItems() });
    expect(acks.every((a) => a.status === 'ok')).toBe(true);
    expect(h.sleeps).toContain(3000);
    expect(h.sleeps.some((ms) => ms >= 2000)).toBe(true);
    expect(h.fake.state.deals).toHaveLength(3);
  });

  it('stops at a DAILY limit: entries stay pending with a typed error, no retry storm', async () => {
    const setup = await setUp();
    h = setup.h;
    addHandoffs(setup.store, 3, setup.sender);
    h.fake.faults.failNext({ path: '/crm/v3/objects/deals/batch/upsert' }, { status: 429, policyName: 'DAILY' });
    const { acks } = await h.handlers['sync.push']({ items: setup.store.pushItems() });
    expect(acks.every((a) => a.status === 'retry' && a.error.code === 'HUBSPOT_RATE_LIMIT')).toBe(true);
    expect(h.fake.stats.count('/crm/v3/objects/deals/batch/upsert')).toBe(1);
  });

  it('matches per-record 207 errors back to their entries; the others succeed', async () => {
    const setup = await setUp();
    h = setup.h;
    addHandoffs(setup.store, 3, setup.sender);
    setup.store.commit((await h.handlers['sync.push']({ items: setup.store.pushItems() })).acks);
    // Someone deleted h-1's deal in HubSpot: its update cannot succeed.
    const gone = setup.store.rows.get('h-1')?.dealId ?? '';
    h.fake.colleague.archiveDeal(gone);
    for (const id of ['h-0', 'h-1', 'h-2']) {
      const row = setup.store.rows.get(id);
      if (row) setup.store.put({ ...row.handoff, title: `${row.handoff.title} (edited)` });
      setup.store.enqueue(id, 'upsert_handoff');
    }
    const { acks } = await h.handlers['sync.push']({ items: setup.store.pushItems() });
    const byHandoff = new Map(acks.map((a) => [a.handoffId, a]));
    expect(byHandoff.get('h-0')?.status).toBe('ok');
    expect(byHandoff.get('h-2')?.status).toBe('ok');
    expect(byHandoff.get('h-1')).toMatchObject({ status: 'failed', error: { code: expect.stringMatching(/HUBSPOT_(NOT_FOUND|VALIDATION)/) } });
    expect(h.fake.state.object('deals', setup.store.rows.get('h-2')?.dealId ?? '')?.properties['dealname']).toBe('Handoff 2 (edited)');
  });

  it('logs client updates and receipts as notes and keeps one next-action task, without duplicates on re-push', async () => {
    const setup = await setUp();
    h = setup.h;
    const handoff = makeHandoff({
      id: 'h-n',
      sender: setup.sender,
      receiver: setup.receiver,
      nextAction: { text: 'Kick-off call', dueAt: '2026-12-01T10:00:00.000Z' },
      clientUpdates: [{ id: 'cu-1', body: 'Design <approved>', by: setup.sender, at: '2026-11-19T10:00:00.000Z' }],
    });
    setup.store.put(handoff);
    setup.store.enqueue('h-n', 'upsert_handoff');
    setup.store.enqueue('h-n', 'log_client_update', 'cu-1');
    setup.store.enqueue('h-n', 'sync_next_action_task');
    const items = setup.store.pushItems();
    const first = await h.handlers['sync.push']({ items });
    expect(first.acks.map((a) => a.status)).toEqual(['ok', 'ok', 'ok']);
    // Pushing the very same entries again (an ack lost on the way back) changes nothing.
    const again = await h.handlers['sync.push']({ items });
    expect(again.acks.map((a) => a.status)).toEqual(['ok', 'ok', 'ok']);
    expect(h.fake.state.notes).toHaveLength(1);
    expect(h.fake.state.tasks).toHaveLength(1);
    const dealId = first.acks[0]?.status === 'ok' ? first.acks[0].dealId : '';
    expect(h.fake.state.notes[0]?.properties['hs_note_body']).toContain('Design &lt;approved&gt;');
    expect(h.fake.state.tasks[0]?.properties).toMatchObject({ hs_task_subject: 'Kick-off call', hs_task_status: 'NOT_STARTED', hubspot_owner_id: setup.receiver });
    const links = h.fake.state.associations.filter((a) => a.toType === 'deals' && a.toId === dealId);
    expect(links.map((a) => [a.fromType, a.typeIds])).toEqual(expect.arrayContaining([['notes', [214]], ['tasks', [216]]]));

    // Accepting the handoff completes the task and logs a receipt note.
    setup.store.commit(first.acks);
    const row = setup.store.rows.get('h-n');
    if (!row) throw new Error('missing');
    setup.store.put({ ...row.handoff, state: 'HANDOFF_DONE' });
    setup.store.enqueue('h-n', 'upsert_handoff');
    setup.store.enqueue('h-n', 'sync_next_action_task');
    setup.store.enqueue('h-n', 'log_handoff_receipt');
    const done = await h.handlers['sync.push']({ items: setup.store.pushItems() });
    expect(done.acks.map((a) => a.status)).toEqual(['ok', 'ok', 'ok']);
    expect(h.fake.state.tasks).toHaveLength(1);
    expect(h.fake.state.tasks[0]?.properties['hs_task_status']).toBe('COMPLETED');
    expect(h.fake.state.notes).toHaveLength(2);
  });

  it('fails an entry whose client update no longer exists, without blocking the others', async () => {
    const setup = await setUp();
    h = setup.h;
    setup.store.put(makeHandoff({ id: 'h-x', sender: setup.sender }));
    setup.store.enqueue('h-x', 'upsert_handoff');
    setup.store.enqueue('h-x', 'log_client_update', 'missing-update');
    const { acks } = await h.handlers['sync.push']({ items: setup.store.pushItems() });
    expect(acks.map((a) => a.status)).toEqual(['ok', 'failed']);
    expect(acks[1]).toMatchObject({ error: { code: 'HUBSPOT_VALIDATION', message: expect.stringContaining('is no longer on it') } });
  });

  it('archives the deal of an archived handoff', async () => {
    const setup = await setUp();
    h = setup.h;
    addHandoffs(setup.store, 1, setup.sender);
    setup.store.commit((await h.handlers['sync.push']({ items: setup.store.pushItems() })).acks);
    const row = setup.store.rows.get('h-0');
    if (!row) throw new Error('missing');
    setup.store.put({ ...row.handoff, archivedAt: '2026-11-20T09:00:00.000Z' });
    setup.store.enqueue('h-0', 'archive_handoff');
    const { acks } = await h.handlers['sync.push']({ items: setup.store.pushItems() });
    expect(acks[0]?.status).toBe('ok');
    expect(h.fake.state.deals.filter((d) => !d.archived)).toHaveLength(0);
  });
});
