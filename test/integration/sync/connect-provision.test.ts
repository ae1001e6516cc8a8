import { startSyncHarness } from './harness';
import type { SyncHarness } from './harness';
import { TEMPLATE } from './fixtures';
import { SEED_TEMPLATES } from '../../../shared/seed/templates';
import type { Template } from '../../../shared/domain/template';

describe('connect', () => {
  let h: SyncHarness;
  afterEach(async () => {
    await h.close();
  });

  it('verifies the token with real calls, stores it, and never returns it', async () => {
    h = await startSyncHarness();
    const info = await h.handlers['hubspot.connect']({ token: 'test-token' });
    expect(info.portalId).toBe(h.fake.state.portalId);
    expect(JSON.stringify(info)).not.toContain('test-token');
    expect(h.secrets.get('hubspot.token')).toBe('test-token');
    expect(h.fake.stats.count('/account-info')).toBe(1);
    expect(await h.handlers['hubspot.status']({})).toMatchObject({ connected: true, connection: { portalId: info.portalId } });
    await h.handlers['hubspot.disconnect']({});
    expect(h.secrets.has('hubspot.token')).toBe(false);
    expect(await h.handlers['hubspot.status']({})).toEqual({ connected: false, connection: null });
  });

  it('refuses a bad token with HUBSPOT_AUTH and stores nothing', async () => {
    h = await startSyncHarness();
    await expect(h.handlers['hubspot.connect']({ token: 'wrong-token' })).rejects.toMatchObject({ code: 'HUBSPOT_AUTH' });
    expect(h.secrets.size).toBe(0);
  });

  it('names the missing scope', async () => {
    h = await startSyncHarness({ fake: { scopes: ['crm.objects.deals.read', 'crm.objects.deals.write', 'crm.schemas.deals.read', 'crm.schemas.deals.write'] } });
    const attempt = h.handlers['hubspot.connect']({ token: 'test-token' });
    await expect(attempt).rejects.toMatchObject({ code: 'HUBSPOT_SCOPE' });
    await expect(attempt).rejects.toThrow(/crm\.objects\.contacts\.read, crm\.objects\.contacts\.write and crm\.objects\.owners\.read/);
    expect(h.secrets.size).toBe(0);
  });

  it('answers OFFLINE without calling HubSpot when offline, and NOT_CONNECTED before connecting', async () => {
    h = await startSyncHarness({ online: () => false });
    await expect(h.handlers['hubspot.connect']({ token: 'test-token' })).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(h.fake.stats.count()).toBe(0);
    await h.close();
    h = await startSyncHarness();
    await expect(h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [] })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });
});

describe('provisioning', () => {
  let h: SyncHarness;
  afterEach(async () => {
    await h.close();
  });

  it('creates the pipeline, group and properties once; a second run makes zero writes', async () => {
    h = await startSyncHarness();
    await h.connect();
    const first = await h.handlers['hubspot.provision']({ templates: [...SEED_TEMPLATES, TEMPLATE] });
    expect(first.created).toEqual(expect.arrayContaining(['pipeline Handoffs', 'property group baton', 'property baton_id', 'property assets_ready']));
    const pipeline = h.fake.state.pipelines('deals').find((p) => p.label === 'Handoffs');
    expect(pipeline?.stages.map((s) => [s.label, s.metadata['probability']])).toEqual([
      ['In progress', '0.1'],
      ['Ready for handoff', '0.3'],
      ['In handoff', '0.6'],
      ['Handoff done', '0.9'],
    ]);
    // No handoff stage is closed won or lost: nothing counts as revenue.
    expect(pipeline?.stages.map((s) => s.metadata['isClosed'])).toEqual(['false', 'false', 'false', 'false']);
    expect(first.stageIds.IN_HANDOFF).toBe(pipeline?.stages[2]?.id);
    const props = new Map(h.fake.state.properties('deals').map((p) => [p.name, p]));
    expect(props.get('baton_id')).toMatchObject({ hasUniqueValue: true, groupName: 'baton' });
    expect(props.get('assets_ready')).toMatchObject({ type: 'bool', fieldType: 'booleancheckbox' });
    expect(props.get('brief_link')).toMatchObject({ type: 'string', fieldType: 'text' });
    expect(props.get('next_step')).toMatchObject({ type: 'datetime' });

    h.fake.stats.reset();
    const second = await h.handlers['hubspot.provision']({ templates: [...SEED_TEMPLATES, TEMPLATE] });
    expect(second.created).toEqual([]);
    expect(second.stageIds).toEqual(first.stageIds);
    // Token introspection (a POST that only reads which scopes the token has) aside.
    expect(h.fake.stats.requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/oauth/'))).toEqual([]);
  });

  it('provisions only the new criteria of an edited template', async () => {
    h = await startSyncHarness();
    await h.connect();
    await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
    const edited: Template = { ...TEMPLATE, version: 2, criteria: [...TEMPLATE.criteria, { id: 'qa_signed_off', label: 'QA signed off', gate: 'ACCEPT', kind: 'checklist' }] };
    const again = await h.handlers['hubspot.provision']({ templates: [TEMPLATE, edited] });
    expect(again.created).toEqual(['property qa_signed_off']);
  });
});

describe('provisioning over a half-made pipeline', () => {
  it('adds only the missing stages to an existing Handoffs pipeline', async () => {
    const h = await startSyncHarness();
    try {
      await h.connect();
      const response = await fetch(`${h.fake.baseUrl}/crm/v3/pipelines/deals`, {
        method: 'POST',
        headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ label: 'Handoffs', displayOrder: 5, stages: [{ label: 'In progress', displayOrder: 0, metadata: { probability: '0.1' } }, { label: 'Handoff done', displayOrder: 3, metadata: { probability: '1.0' } }] }),
      });
      expect(response.status).toBe(201);
      const outcome = await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
      expect(outcome.created.filter((c) => c.startsWith('stage') || c.startsWith('pipeline'))).toEqual(['stage Ready for handoff', 'stage In handoff']);
      const pipelines = h.fake.state.pipelines('deals').filter((p) => p.label === 'Handoffs');
      expect(pipelines).toHaveLength(1);
      expect(pipelines[0]?.stages.map((s) => s.id).sort()).toEqual(Object.values(outcome.stageIds).sort());
    } finally {
      await h.close();
    }
  });
});

describe('provisioning after a lost answer', () => {
  it('adopts the pipeline HubSpot made when the create timed out and the retry met "already exists"', async () => {
    const h = await startSyncHarness();
    try {
      await h.connect();
      h.fake.faults.failNext({ method: 'POST', path: '/crm/v3/pipelines/deals' }, { kind: 'lost' });
      const outcome = await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
      // The retry really met HubSpot's 409: the create was sent twice, the first one applied.
      const creates = h.fake.stats.requests.filter((r) => r.method === 'POST' && r.path === '/crm/v3/pipelines/deals');
      expect(creates.map((r) => r.status)).toEqual([0, 409]);
      const pipelines = h.fake.state.pipelines('deals').filter((p) => p.label === 'Handoffs');
      expect(pipelines).toHaveLength(1);
      expect(outcome.existing).toContain('pipeline Handoffs');
      expect(outcome.created).not.toContain('pipeline Handoffs');
      expect(outcome.created).toContain('property baton_id');
      expect(Object.values(outcome.stageIds).sort()).toEqual(pipelines[0]?.stages.map((s) => s.id).sort());
      // Set up for good: a second run writes nothing.
      expect((await h.handlers['hubspot.provision']({ templates: [TEMPLATE] })).created).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('still fails clearly when the taken label is not a Baton pipeline it can adopt', async () => {
    const h = await startSyncHarness();
    try {
      await h.connect();
      // A 400 naming a duplicate, but no "Handoffs" pipeline is there to adopt: the tier message, nothing adopted.
      h.fake.faults.failNext({ method: 'POST', path: '/crm/v3/pipelines/deals' }, { kind: 'json', status: 400, body: { status: 'error', message: 'A pipeline with this label already exists.', category: 'VALIDATION_ERROR', correlationId: 'c-1' } });
      await expect(h.handlers['hubspot.provision']({ templates: [TEMPLATE] })).rejects.toMatchObject({ code: 'PIPELINE_REFUSED' });
      expect(h.fake.state.pipelines('deals').filter((p) => p.label === 'Handoffs')).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});
