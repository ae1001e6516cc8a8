import { startSyncHarness, type SyncHarness } from '../../test/integration/sync/harness';
import { LocalStore } from '../../test/integration/sync/local-store';
import { TEMPLATE, makeHandoff } from '../../test/integration/sync/fixtures';
import { OWNERS_TTL_MS } from './sync-handlers';

const OWNERS_PATH = '/crm/v3/owners';

describe('sync handlers: the owner list pushes reuse', () => {
  let h: SyncHarness;
  afterEach(async () => {
    await h.close();
  });

  async function setUp(): Promise<{ store: LocalStore; sender: string }> {
    h = await startSyncHarness();
    await h.connect();
    await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
    const sender = h.fake.colleague.addOwner({ email: 'sam@example.com', firstName: 'Sam', lastName: 'Sender' }).id;
    // Settings lists the owners after adding one: that refreshes what pushes use.
    await h.handlers['hubspot.owners']({});
    h.fake.stats.reset();
    return { store: new LocalStore(), sender };
  }

  function queue(store: LocalStore, from: number, count: number, sender: string): void {
    for (let i = from; i < from + count; i += 1) {
      store.put(makeHandoff({ id: `h-${i}`, title: `Handoff ${i}`, sender }));
      store.enqueue(`h-${i}`, 'upsert_handoff');
    }
  }

  it('lists owners once for a run of pushes, and sends the sender it knows', async () => {
    const { store, sender } = await setUp();
    for (let call = 0; call < 3; call += 1) {
      queue(store, call * 10, 10, sender);
      const { acks } = await h.handlers['sync.push']({ items: store.pushItems() });
      expect(acks.every((ack) => ack.status === 'ok')).toBe(true);
      store.commit(acks);
    }
    expect(h.fake.stats.count(OWNERS_PATH)).toBe(0);
    expect(h.fake.stats.count('/crm/v3/objects/deals/batch/upsert')).toBe(3);
    expect(h.fake.state.deals.find((deal) => deal.properties['baton_id'] === 'h-25')?.properties['hubspot_owner_id']).toBe(sender);
  });

  it('lists owners again once the list is older than its time to live', async () => {
    const { store, sender } = await setUp();
    queue(store, 0, 2, sender);
    store.commit((await h.handlers['sync.push']({ items: store.pushItems() })).acks);
    expect(h.fake.stats.count(OWNERS_PATH)).toBe(0);
    h.advance(OWNERS_TTL_MS);
    queue(store, 2, 2, sender);
    store.commit((await h.handlers['sync.push']({ items: store.pushItems() })).acks);
    expect(h.fake.stats.count(OWNERS_PATH)).toBe(1);
  });

  it('does not send a sender added in HubSpot after the list was read, until the list is refreshed', async () => {
    const { store } = await setUp();
    const late = h.fake.colleague.addOwner({ email: 'lea@example.com', firstName: 'Lea', lastName: 'Late' }).id;
    queue(store, 0, 1, late);
    store.commit((await h.handlers['sync.push']({ items: store.pushItems() })).acks);
    expect(h.fake.state.deals[0]?.properties['hubspot_owner_id'] ?? '').toBe('');
    await h.handlers['hubspot.owners']({});
    const row = store.rows.get('h-0');
    if (!row) throw new Error('missing row');
    store.put({ ...row.handoff, version: row.handoff.version + 1 });
    store.enqueue('h-0', 'upsert_handoff');
    store.commit((await h.handlers['sync.push']({ items: store.pushItems() })).acks);
    expect(h.fake.state.deals[0]?.properties['hubspot_owner_id']).toBe(late);
  });
});
