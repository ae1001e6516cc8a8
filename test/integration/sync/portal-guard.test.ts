import { startSyncHarness } from './harness';
import type { SyncHarness } from './harness';
import { makeHandoff, TEMPLATE } from './fixtures';
import { LocalStore } from './local-store';

/**
 * The host refuses a pull, push or setup that names another portal than the
 * stored token's, before any HubSpot call of its own: a workspace's deal ids
 * are never used in a portal they do not belong to.
 */
describe('the portal a request names', () => {
  let h: SyncHarness;
  afterEach(async () => {
    await h.close();
  });

  it('is checked against the token\'s portal before pull, push and setup; the right one goes through', async () => {
    h = await startSyncHarness();
    await h.connect();
    const mine = h.fake.state.portalId;
    const other = mine + 1;
    await h.handlers['hubspot.provision']({ templates: [TEMPLATE], portalId: mine });
    const store = new LocalStore();
    store.put(makeHandoff({ id: 'h-1', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: '30000000001' } }));
    store.enqueue('h-1', 'upsert_handoff');
    h.fake.stats.reset();

    const refused = { code: 'PORTAL_MISMATCH', message: expect.stringContaining(`linked to account ${other}`) };
    await expect(h.handlers['sync.pull']({ cursor: null, knownDealIds: ['30000000001'], templates: [TEMPLATE], portalId: other })).rejects.toMatchObject(refused);
    await expect(h.handlers['sync.push']({ items: store.pushItems(), portalId: other })).rejects.toMatchObject(refused);
    await expect(h.handlers['hubspot.provision']({ templates: [TEMPLATE], portalId: other })).rejects.toMatchObject(refused);
    // The token's portal was learned when connecting: refusing costs no request at all.
    expect(h.fake.stats.count()).toBe(0);

    await expect(h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE], portalId: mine })).resolves.toMatchObject({ deals: [] });
  });

  it('is learned from HubSpot once when the token was stored before this process started', async () => {
    h = await startSyncHarness();
    h.secrets.set('hubspot.token', 'test-token');
    const other = h.fake.state.portalId + 1;
    await expect(h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [], portalId: other })).rejects.toMatchObject({ code: 'PORTAL_MISMATCH' });
    await expect(h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [], portalId: other })).rejects.toMatchObject({ code: 'PORTAL_MISMATCH' });
    expect(h.fake.stats.count('/account-info/v3/details')).toBe(1);
    expect(h.fake.stats.count('/crm')).toBe(0);
  });
});
