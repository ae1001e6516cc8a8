import { startSyncHarness } from './harness';
import type { HarnessOptions, SyncHarness } from './harness';
import { LocalStore } from './local-store';
import { TEMPLATE, makeHandoff } from './fixtures';
import type { PortalTier } from '../../hubspot-fake';
import type { SetupChoice } from '../../../shared/hubspot/setup';
import type { StageIds } from '../../../shared/sync/protocol';
import { createSyncHandlers } from '../../../electron/sync/sync-handlers';

/**
 * Setup as agencies' portals really are: Free portals cannot add a pipeline
 * (Baton maps an existing one), paid tiers get Baton's own; tickets and deals
 * both carry handoffs end to end; no handoff stage is closed won or lost.
 */

let h: SyncHarness;
afterEach(async () => {
  await h.close();
});

async function connected(options: HarnessOptions = {}): Promise<SyncHarness> {
  h = await startSyncHarness(options);
  await h.connect();
  return h;
}

/** The free portal's seeded ticket pipeline, mapped onto the four states. */
const SUPPORT_MAP: SetupChoice = { mode: 'map', recordType: 'tickets', pipelineId: '0', stageIds: { IN_PROGRESS: '1', READY_FOR_HANDOFF: '2', IN_HANDOFF: '3', HANDOFF_DONE: '4' } };

async function ticketPatch(id: string, properties: Record<string, string>): Promise<void> {
  const response = await fetch(`${h.fake.baseUrl}/crm/v3/objects/tickets/${id}`, {
    method: 'PATCH',
    headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ properties }),
  });
  expect(response.status).toBe(200);
}

describe('setup on each tier', () => {
  it('free: creating a pipeline is refused in plain words, nothing half-made; mapping the existing ticket pipeline works', async () => {
    await connected({ fake: { tier: 'free' } });
    for (const recordType of ['tickets', 'deals'] as const) {
      const attempt = h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: { mode: 'create', recordType } });
      await expect(attempt).rejects.toMatchObject({ code: 'PIPELINE_REFUSED' });
      await expect(attempt).rejects.toThrow(/Free HubSpot accounts have one .* pipeline.*Use an existing pipeline/);
    }
    expect(h.fake.state.pipelines('tickets')).toHaveLength(1);
    expect(h.fake.state.pipelines('deals')).toHaveLength(1);
    expect(h.fake.state.groups('tickets').map((g) => g.name)).not.toContain('baton');

    const options = await h.handlers['hubspot.setupOptions']({});
    expect(options.current).toBeNull();
    const tickets = options.recordTypes.find((r) => r.recordType === 'tickets');
    expect(tickets?.missingScopes).toEqual([]);
    expect(tickets?.pipelines.map((p) => [p.label, p.stages.map((s) => `${s.label}:${s.closure}`)])).toEqual([
      ['Support Pipeline', ['New:open', 'Waiting on contact:open', 'Waiting on us:open', 'Closed:closed']],
    ]);
    const deals = options.recordTypes.find((r) => r.recordType === 'deals');
    expect(deals?.pipelines[0]?.stages.filter((s) => s.closure !== 'open').map((s) => `${s.label}:${s.closure}`)).toEqual(['Closed Won:won', 'Closed Lost:lost']);

    const mapped = await h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: SUPPORT_MAP });
    expect(mapped.setup).toEqual({ recordType: 'tickets', pipelineId: '0', stageIds: SUPPORT_MAP.stageIds, ownPipeline: false });
    expect(h.fake.state.pipelines('tickets')).toHaveLength(1);
    expect(h.fake.state.properties('tickets').find((p) => p.name === 'baton_id')).toMatchObject({ hasUniqueValue: true, groupName: 'baton' });
    // The setup is remembered: a run without a choice (the sync runner's) keeps it and creates nothing.
    h.fake.stats.reset();
    const again = await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
    expect(again.setup).toEqual(mapped.setup);
    expect(h.fake.stats.requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/oauth/'))).toEqual([]);
    expect((await h.handlers['hubspot.setupOptions']({})).current).toEqual(mapped.setup);
  });

  it.each<PortalTier>(['starter', 'professional', 'enterprise'])('%s: creates Baton’s own ticket pipeline, open until done, and no deal pipeline', async (tier) => {
    await connected({ fake: { tier } });
    const result = await h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: { mode: 'create', recordType: 'tickets' } });
    expect(result.created).toContain('pipeline Handoffs');
    const own = h.fake.state.pipelines('tickets').find((p) => p.label === 'Handoffs');
    expect(own?.stages.map((s) => [s.label, s.metadata['ticketState']])).toEqual([
      ['In progress', 'OPEN'],
      ['Ready for handoff', 'OPEN'],
      ['In handoff', 'OPEN'],
      ['Handoff done', 'CLOSED'],
    ]);
    expect(result.setup).toMatchObject({ recordType: 'tickets', pipelineId: own?.id, ownPipeline: true });
    // Enumeration options carry `hidden`, as HubSpot's OptionInput requires.
    const boolCreate = h.fake.stats.requests.find((r) => r.method === 'POST' && r.path.startsWith('/crm/v3/properties/tickets') && (r.body as { name?: string } | undefined)?.name === 'assets_ready');
    expect((boolCreate?.body as { options?: unknown[] }).options).toEqual([
      { label: 'Yes', value: 'true', displayOrder: 0, hidden: false },
      { label: 'No', value: 'false', displayOrder: 1, hidden: false },
    ]);
    expect(h.fake.state.pipelines('deals').map((p) => p.label)).toEqual(['Sales Pipeline']);
  });

  it('deals: Baton’s own stages are never closed won or lost, and an older pipeline’s closed-won done stage is reopened', async () => {
    await connected({ fake: { tier: 'professional' } });
    const response = await fetch(`${h.fake.baseUrl}/crm/v3/pipelines/deals`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        label: 'Handoffs',
        displayOrder: 1,
        stages: ['In progress', 'Ready for handoff', 'In handoff', 'Handoff done'].map((label, i) => ({ label, displayOrder: i, metadata: { probability: ['0.1', '0.4', '0.7', '1.0'][i] } })),
      }),
    });
    expect(response.status).toBe(201);
    expect(h.fake.state.pipelines('deals').find((p) => p.label === 'Handoffs')?.stages[3]?.metadata['isClosed']).toBe('true');
    // An older workspace: no stored setup, no choice. It keeps "deals, Baton's own pipeline".
    const result = await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
    expect(result.setup).toMatchObject({ recordType: 'deals', ownPipeline: true });
    expect(result.created).toEqual(expect.arrayContaining(['open stage Handoff done (was closed)']));
    const stages = h.fake.state.pipelines('deals').find((p) => p.label === 'Handoffs')?.stages ?? [];
    expect(stages.map((s) => s.metadata['isClosed'])).toEqual(['false', 'false', 'false', 'false']);
    for (const stage of stages) {
      const probability = Number(stage.metadata['probability']);
      expect(probability > 0 && probability < 1).toBe(true);
    }
  });

  it('refuses a mapping whose stages are not in the pipeline, and one that uses a stage twice', async () => {
    await connected({ fake: { tier: 'free' } });
    await expect(
      h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: { ...SUPPORT_MAP, stageIds: { ...SUPPORT_MAP.stageIds, HANDOFF_DONE: 'closedwon' } } }),
    ).rejects.toThrow('The stages of the "Support Pipeline" pipeline mapped to "Handoff done" no longer exist in HubSpot');
    await expect(
      h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: { ...SUPPORT_MAP, stageIds: { ...SUPPORT_MAP.stageIds, HANDOFF_DONE: '3' } } }),
    ).rejects.toThrow('Map each handoff state to a different stage');
  });
});

describe('scopes, by their real names, checked against the token’s grants', () => {
  const COMMON = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.owners.read'];

  it('connects with only the ticket scope; deals are then offered as missing their scopes, and choosing them is refused by name', async () => {
    await connected({ fake: { scopes: [...COMMON, 'tickets'] } });
    const options = await h.handlers['hubspot.setupOptions']({});
    expect(options.recordTypes.find((r) => r.recordType === 'tickets')?.missingScopes).toEqual([]);
    expect(options.recordTypes.find((r) => r.recordType === 'deals')).toMatchObject({
      missingScopes: ['crm.objects.deals.read', 'crm.objects.deals.write', 'crm.schemas.deals.read', 'crm.schemas.deals.write'],
      pipelines: [],
    });
    const attempt = h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: { mode: 'create', recordType: 'deals' } });
    await expect(attempt).rejects.toMatchObject({ code: 'HUBSPOT_SCOPE' });
    await expect(attempt).rejects.toThrow('crm.objects.deals.read, crm.objects.deals.write, crm.schemas.deals.read and crm.schemas.deals.write');
    // Tickets work with exactly these scopes, notes and tasks included.
    await h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: { mode: 'create', recordType: 'tickets' } });
    const store = new LocalStore();
    store.put(makeHandoff({ id: 'h-s', sender: '100001', receiver: '100002', nextAction: { text: 'Call', dueAt: '2026-12-01T10:00:00.000Z' }, clientUpdates: [{ id: 'cu-1', body: 'Hi', by: '100001', at: '2026-11-19T10:00:00.000Z' }] }));
    store.enqueue('h-s', 'upsert_handoff');
    store.enqueue('h-s', 'log_client_update', 'cu-1');
    store.enqueue('h-s', 'sync_next_action_task');
    const { acks } = await h.handlers['sync.push']({ items: store.pushItems() });
    expect(acks.map((a) => a.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('when HubSpot does not describe the token, a record type out of reach is offered as missing the scope HubSpot names', async () => {
    await connected({ fake: { scopes: [...COMMON, 'tickets'] } });
    h.fake.faults.failNext({ path: '/oauth/v2/private-apps/get/access-token-info' }, { kind: 'json', status: 404, body: { status: 'error', message: 'Not found', category: 'OBJECT_NOT_FOUND' } });
    const options = await h.handlers['hubspot.setupOptions']({});
    expect(options.recordTypes.find((r) => r.recordType === 'tickets')).toMatchObject({ missingScopes: [] });
    const deals = options.recordTypes.find((r) => r.recordType === 'deals');
    expect(deals?.pipelines).toEqual([]);
    expect(deals?.missingScopes.length).toBeGreaterThan(0);
    expect(deals?.missingScopes.every((scope) => scope.startsWith('crm.') && scope.includes('deals'))).toBe(true);
    expect(options.current).toBeNull();
  });

  it('refuses to connect a token without the notes and tasks scopes, naming them and the record type choice', async () => {
    h = await startSyncHarness({ fake: { scopes: ['crm.objects.owners.read', 'tickets'] } });
    const attempt = h.handlers['hubspot.connect']({ token: 'test-token' });
    await expect(attempt).rejects.toMatchObject({ code: 'HUBSPOT_SCOPE' });
    // Tickets are covered, so only the missing common scopes are named, exactly.
    await expect(attempt).rejects.toThrow('This token is missing HubSpot scopes Baton needs: crm.objects.contacts.read and crm.objects.contacts.write. Add them');
    expect(h.secrets.has('hubspot.token')).toBe(false);
  });

  it('names both record types’ scopes when the token covers neither', async () => {
    h = await startSyncHarness({ fake: { scopes: ['crm.objects.owners.read', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.deals.read'] } });
    await expect(h.handlers['hubspot.connect']({ token: 'test-token' })).rejects.toThrow(
      'missing HubSpot scopes Baton needs: either tickets (to keep handoffs on tickets), or crm.objects.deals.write, crm.schemas.deals.read and crm.schemas.deals.write (to keep handoffs on deals).',
    );
  });

  it('the fake refuses a note write without crm.objects.contacts.write, naming that scope', async () => {
    h = await startSyncHarness({ fake: { scopes: ['crm.objects.contacts.read'] } });
    const response = await fetch(`${h.fake.baseUrl}/crm/v3/objects/notes/batch/create`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ inputs: [{ properties: { hs_note_body: 'x', hs_timestamp: '2026-11-20T08:00:00.000Z' } }] }),
    });
    expect(response.status).toBe(403);
    expect(JSON.stringify(await response.json())).toContain('crm.objects.contacts.write');
  });
});

describe('tickets end to end', () => {
  it('pushes a handoff as a ticket with its note and task, and pulls a colleague’s change back under Baton’s names', async () => {
    await connected({ fake: { tier: 'free' } });
    const { setup } = await h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: SUPPORT_MAP });
    const store = new LocalStore();
    store.put(makeHandoff({ id: 'h-t', title: 'Landing page', sender: '100001', receiver: '100002', nextAction: { text: 'Review', dueAt: '2026-12-01T10:00:00.000Z' }, clientUpdates: [{ id: 'cu-1', body: 'Sent', by: '100001', at: '2026-11-19T10:00:00.000Z' }] }));
    store.enqueue('h-t', 'upsert_handoff');
    store.enqueue('h-t', 'log_client_update', 'cu-1');
    store.enqueue('h-t', 'sync_next_action_task');
    const first = await h.handlers['sync.push']({ items: store.pushItems() });
    expect(first.acks.map((a) => a.status)).toEqual(['ok', 'ok', 'ok']);
    store.commit(first.acks);
    expect(h.fake.state.deals).toEqual([]);
    const [ticket] = h.fake.state.tickets;
    expect(ticket?.properties).toMatchObject({ subject: 'Landing page', hs_pipeline: '0', hs_pipeline_stage: '1', baton_id: 'h-t', hubspot_owner_id: '100001' });
    expect(ticket?.properties).not.toHaveProperty('dealname');
    const links = h.fake.state.associations.filter((a) => a.toType === 'tickets' && a.toId === ticket?.id);
    expect(links.map((a) => [a.fromType, a.typeIds])).toEqual(expect.arrayContaining([['notes', [228]], ['tasks', [230]]]));
    // The base keeps Baton's canonical names, so merging works as for deals.
    expect(first.acks[0]).toMatchObject({ status: 'ok', dealId: ticket?.id, newBase: { dealname: 'Landing page', dealstage: '1', pipeline: '0' } });

    h.advance(60_000);
    await ticketPatch(ticket?.id ?? '', { subject: 'Landing page (final)', hs_pipeline_stage: '3' });
    h.advance(1);
    const pulled = await h.handlers['sync.pull']({ cursor: { lastModifiedMs: 1 }, knownDealIds: [ticket?.id ?? ''], templates: [TEMPLATE] });
    expect(pulled.stageIds).toEqual(setup.stageIds);
    const remote = pulled.deals.find((d) => d.dealId === ticket?.id);
    expect(remote?.properties).toMatchObject({ dealname: 'Landing page (final)', dealstage: '3', pipeline: '0', baton_id: 'h-t' });
    expect(remote?.history['dealname']?.[0]).toMatchObject({ value: 'Landing page (final)' });
  });
});

describe('association paging and retried pushes', () => {
  it('reads every page of a record’s notes and tasks, so a retried push duplicates nothing', async () => {
    await connected({ fake: { associationPageSize: 2 } });
    const { stageIds } = await h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: { mode: 'create', recordType: 'deals' } });
    expect(Object.keys(stageIds)).toHaveLength(4);
    const updates = Array.from({ length: 7 }, (_, i) => ({ id: `cu-${i}`, body: `Update ${i}`, by: '100001', at: `2026-11-1${i}T10:00:00.000Z` }));
    const store = new LocalStore();
    store.put(makeHandoff({ id: 'h-p', sender: '100001', receiver: '100002', nextAction: { text: 'Go', dueAt: '2026-12-01T10:00:00.000Z' }, clientUpdates: updates }));
    store.enqueue('h-p', 'upsert_handoff');
    for (const u of updates) store.enqueue('h-p', 'log_client_update', u.id);
    store.enqueue('h-p', 'sync_next_action_task');
    const items = store.pushItems();
    const first = await h.handlers['sync.push']({ items });
    expect(first.acks.every((a) => a.status === 'ok')).toBe(true);
    expect(h.fake.state.notes).toHaveLength(7);
    h.fake.stats.reset();
    // The acks were lost: the same entries come again, twice.
    for (let i = 0; i < 2; i += 1) {
      const again = await h.handlers['sync.push']({ items });
      expect(again.acks.every((a) => a.status === 'ok')).toBe(true);
    }
    expect(h.fake.state.notes).toHaveLength(7);
    expect(h.fake.state.tasks).toHaveLength(1);
    const pagedReads = h.fake.stats.requests.filter((r) => r.path.startsWith('/crm/v4/associations/deals/notes/batch/read'));
    // 7 notes at 2 per page: 4 pages per push.
    expect(pagedReads).toHaveLength(8);
    expect(pagedReads[1]?.body).toEqual({ inputs: [{ id: expect.any(String), after: '2' }] });
  });

  it('asks for property history at most 50 records at a time, with propertiesWithHistory always sent', async () => {
    await connected();
    const { pipelineId, stageIds } = await h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: { mode: 'create', recordType: 'deals' } });
    const ids: StageIds = stageIds;
    for (let i = 0; i < 120; i += 1) h.fake.colleague.createDeal({ dealname: `Deal ${i}`, pipeline: pipelineId, dealstage: ids.IN_PROGRESS });
    h.fake.stats.reset();
    // An incremental pull reads property history (the initial one does not).
    const pulled = await h.handlers['sync.pull']({ cursor: { lastModifiedMs: 1 }, knownDealIds: [], templates: [TEMPLATE] });
    expect(pulled.deals).toHaveLength(120);
    const reads = h.fake.stats.requests.filter((r) => r.path.startsWith('/crm/v3/objects/deals/batch/read'));
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const read of reads) {
      const body = read.body as { inputs: unknown[]; propertiesWithHistory?: unknown[] };
      expect(Array.isArray(body.propertiesWithHistory)).toBe(true);
      if ((body.propertiesWithHistory ?? []).length > 0) expect(body.inputs.length).toBeLessThanOrEqual(50);
    }
  });
});

describe('changing where handoffs live', () => {
  it('is allowed before anything was synced, and refused once handoffs live in the first choice', async () => {
    await connected();
    // The sync runner's first run (no choice yet) sets up deals, as before the choice existed.
    await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
    const moved = await h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: { mode: 'create', recordType: 'tickets' } });
    expect(moved.setup.recordType).toBe('tickets');
    const store = new LocalStore();
    store.put(makeHandoff({ id: 'h-c', sender: '100001' }));
    store.enqueue('h-c', 'upsert_handoff');
    expect((await h.handlers['sync.push']({ items: store.pushItems() })).acks.map((a) => a.status)).toEqual(['ok']);
    const attempt = h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: { mode: 'create', recordType: 'deals' } });
    await expect(attempt).rejects.toThrow('already keeps Baton\'s handoffs on tickets in the "Handoffs" pipeline');
    expect(h.fake.state.tickets).toHaveLength(1);
  });
});

describe('the setup lives in HubSpot', () => {
  it('a second desktop, and a reconnect after disconnecting, find the mapped pipeline without being told', async () => {
    await connected({ fake: { tier: 'free' } });
    await h.handlers['hubspot.provision']({ templates: [TEMPLATE], choice: SUPPORT_MAP });
    const marker = h.fake.state.properties('tickets').find((p) => p.name === 'baton_setup');
    expect(marker).toMatchObject({ groupName: 'baton', label: 'Baton setup (do not edit)' });

    const secrets = new Map<string, string>();
    const colleague = createSyncHandlers({
      secretStore: { get: async (k) => secrets.get(k) ?? null, set: async (k, v) => void secrets.set(k, v), delete: async (k) => void secrets.delete(k) },
      online: { isOnline: () => true, reportRequestOutcome: () => undefined, subscribe: () => () => undefined },
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      clock: () => new Date(h.now()),
      emitProgress: () => undefined,
      hubspotBasePath: h.fake.baseUrl,
      tuning: { sleep: async () => undefined, now: () => h.now() },
    });
    await colleague['hubspot.connect']({ token: 'test-token' });
    expect((await colleague['hubspot.setupOptions']({})).current).toEqual({ recordType: 'tickets', pipelineId: '0', stageIds: SUPPORT_MAP.stageIds, ownPipeline: false });
    const pulled = await colleague['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] });
    expect(pulled.stageIds).toEqual(SUPPORT_MAP.stageIds);

    await h.handlers['hubspot.disconnect']({});
    expect([...h.secrets.keys()]).toEqual([]);
    await h.connect();
    // A run without a choice (the sync runner's) keeps the mapping: no deal pipeline is attempted.
    const again = await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
    expect(again.setup).toMatchObject({ recordType: 'tickets', pipelineId: '0', ownPipeline: false });
  });
});
