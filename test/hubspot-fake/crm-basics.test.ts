import { startHubSpotFake, type HubSpotFake } from './index';
import { call, clientFor } from './test-client';

let fake: HubSpotFake;
beforeAll(async () => {
  fake = await startHubSpotFake();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

describe('deals through the real client', () => {
  it('creates, reads, updates and archives a deal', async () => {
    const client = clientFor(fake);
    const created = await client.crm.deals.basicApi.create({ properties: { dealname: 'Website relaunch', amount: '1200' }, associations: [] });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.properties.dealname).toBe('Website relaunch');
    expect(created.properties.pipeline).toBe('default');
    expect(created.properties.dealstage).toBe('appointmentscheduled');
    expect(created.properties.hs_object_id).toBe(created.id);
    expect(created.createdAt).toBeInstanceOf(Date);

    const updated = await client.crm.deals.basicApi.update(created.id, { properties: { dealstage: 'qualifiedtobuy' } });
    expect(updated.properties.dealstage).toBe('qualifiedtobuy');

    const read = await client.crm.deals.basicApi.getById(created.id, ['dealname', 'dealstage'], ['dealstage']);
    expect(read.properties.dealname).toBe('Website relaunch');
    expect(read.propertiesWithHistory?.dealstage?.map((h) => h.value)).toEqual(['qualifiedtobuy', 'appointmentscheduled']);
    expect(read.propertiesWithHistory?.dealstage?.[0]?.sourceType).toBe('INTEGRATION');

    await client.crm.deals.basicApi.archive(created.id);
    await expect(client.crm.deals.basicApi.getById(created.id)).rejects.toMatchObject({ code: 404 });
    expect(fake.state.deals[0]?.archived).toBe(true);
  });

  it('rejects invalid values with a HubSpot-shaped 400 naming the property', async () => {
    const client = clientFor(fake);
    const error = await client.crm.deals.basicApi.create({ properties: { dealname: 'x', nosuchprop: '1' }, associations: [] }).catch((e: unknown) => e);
    // Each codegen module has its own ApiException class: match on shape, as the gateway must.
    expect(error).toMatchObject({ code: 400, body: { category: 'VALIDATION_ERROR' } });
    expect((error as { body: { errors: unknown[] } }).body.errors).toEqual([
      { message: 'Property "nosuchprop" does not exist', code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: ['nosuchprop'] } },
    ]);
    const raw = await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { amount: 'lots', dealstage: 'nope' } });
    expect(raw.status).toBe(400);
    expect(raw.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    const body = raw.body as { message: string; correlationId: string; errors: { code: string }[] };
    expect(body.message).toContain('Property values were not valid');
    expect(body.errors.map((e) => e.code)).toEqual(['INVALID_INTEGER', 'INVALID_OPTION']);
    expect(body.correlationId).toMatch(/[0-9a-f-]{36}/);
    expect(fake.state.deals).toHaveLength(0);
  });

  it('lists deals page by page', async () => {
    const client = clientFor(fake);
    for (let i = 0; i < 5; i += 1) await client.crm.deals.basicApi.create({ properties: { dealname: `D${i}` }, associations: [] });
    const first = await client.crm.deals.basicApi.getPage(2, undefined, ['dealname']);
    expect(first.results.map((d) => d.properties.dealname)).toEqual(['D0', 'D1']);
    const after = first.paging?.next?.after;
    expect(after).toBeDefined();
    const second = await client.crm.deals.basicApi.getPage(2, after, ['dealname']);
    expect(second.results.map((d) => d.properties.dealname)).toEqual(['D2', 'D3']);
  });
});

describe('properties and groups', () => {
  it('creates a group and a unique property once; re-creating answers 409', async () => {
    const client = clientFor(fake);
    await client.crm.properties.groupsApi.create('deals', { name: 'baton', label: 'Baton', displayOrder: -1 });
    await expect(client.crm.properties.groupsApi.create('deals', { name: 'baton', label: 'Baton', displayOrder: -1 })).rejects.toMatchObject({ code: 409 });
    const prop = {
      name: 'baton_id', label: 'Baton id', type: 'string', fieldType: 'text', groupName: 'baton', hasUniqueValue: true,
    } as const;
    const created = await client.crm.properties.coreApi.create('deals', prop as never);
    expect(created.hasUniqueValue).toBe(true);
    const dup = await call(fake, 'POST', '/crm/v3/properties/deals', prop);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ status: 'error', category: 'OBJECT_ALREADY_EXISTS' });
    const read = await client.crm.properties.coreApi.getByName('deals', 'baton_id');
    expect(read.groupName).toBe('baton');
    const all = await client.crm.properties.coreApi.getAll('deals');
    expect(all.results.map((p) => p.name)).toContain('baton_id');
  });

  it('enforces type/fieldType pairs, existing groups and at most 10 unique properties', async () => {
    const bad = await call(fake, 'POST', '/crm/v3/properties/deals', { name: 'flag', label: 'Flag', type: 'boolean', fieldType: 'booleancheckbox', groupName: 'dealinformation' });
    expect(bad.status).toBe(400);
    expect((bad.body as { message: string }).message).toContain('"boolean" is not valid');
    const mismatch = await call(fake, 'POST', '/crm/v3/properties/deals', { name: 'flag', label: 'Flag', type: 'bool', fieldType: 'text', groupName: 'dealinformation' });
    expect(mismatch.status).toBe(400);
    const noGroup = await call(fake, 'POST', '/crm/v3/properties/deals', { name: 'flag', label: 'Flag', type: 'bool', fieldType: 'booleancheckbox', groupName: 'nope' });
    expect(noGroup.status).toBe(400);
    const ok = await call(fake, 'POST', '/crm/v3/properties/deals', { name: 'flag', label: 'Flag', type: 'bool', fieldType: 'booleancheckbox', groupName: 'dealinformation' });
    expect(ok.status).toBe(201);
    for (let i = 0; i < 10; i += 1) {
      const res = await call(fake, 'POST', '/crm/v3/properties/deals', { name: `u${i}`, label: `U${i}`, type: 'string', fieldType: 'text', groupName: 'dealinformation', hasUniqueValue: true });
      expect(res.status).toBe(201);
    }
    const eleventh = await call(fake, 'POST', '/crm/v3/properties/deals', { name: 'u10', label: 'U10', type: 'string', fieldType: 'text', groupName: 'dealinformation', hasUniqueValue: true });
    expect(eleventh.status).toBe(400);
    expect((eleventh.body as { message: string }).message).toContain('at most 10 unique');
  });

  it('patches a property but refuses to change hasUniqueValue', async () => {
    await call(fake, 'POST', '/crm/v3/properties/deals', { name: 'phase', label: 'Phase', type: 'enumeration', fieldType: 'select', groupName: 'dealinformation', options: [{ label: 'A', value: 'a' }] });
    const patched = await call(fake, 'PATCH', '/crm/v3/properties/deals/phase', { options: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }] });
    expect(patched.status).toBe(200);
    expect((patched.body as { options: unknown[] }).options).toHaveLength(2);
    const unique = await call(fake, 'PATCH', '/crm/v3/properties/deals/phase', { hasUniqueValue: true });
    expect(unique.status).toBe(400);
    const missing = await call(fake, 'GET', '/crm/v3/properties/deals/nothing_here');
    expect(missing.status).toBe(404);
  });

  it('validates values against the property type', async () => {
    await call(fake, 'POST', '/crm/v3/properties/deals', { name: 'flag', label: 'Flag', type: 'bool', fieldType: 'booleancheckbox', groupName: 'dealinformation' });
    await call(fake, 'POST', '/crm/v3/properties/deals', { name: 'due', label: 'Due', type: 'date', fieldType: 'date', groupName: 'dealinformation' });
    const bad = await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { flag: 'yes', closedate: 'tomorrow', due: '2026-13-45' } });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { code: string }[] }).errors.map((e) => e.code)).toEqual(['INVALID_BOOLEAN', 'INVALID_DATETIME', 'INVALID_DATE']);
    const good = await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { flag: 'true', closedate: '1767225600000', due: '2026-01-02' } });
    expect(good.status).toBe(201);
    expect((good.body as { properties: Record<string, string> }).properties).toMatchObject({ flag: 'true', closedate: '2026-01-01T00:00:00.000Z', due: '2026-01-02' });
  });
});

describe('pipelines', () => {
  it('creates a deal pipeline whose stages need probabilities and unique labels', async () => {
    const client = clientFor(fake);
    const noProbability = await call(fake, 'POST', '/crm/v3/pipelines/deals', { label: 'Handoffs', displayOrder: 1, stages: [{ label: 'In progress', displayOrder: 0 }] });
    expect(noProbability.status).toBe(400);
    expect((noProbability.body as { message: string }).message).toContain('probability');
    const outOfRange = await call(fake, 'POST', '/crm/v3/pipelines/deals', { label: 'Handoffs', displayOrder: 1, stages: [{ label: 'A', displayOrder: 0, metadata: { probability: '1.5' } }] });
    expect(outOfRange.status).toBe(400);
    const dupLabels = await call(fake, 'POST', '/crm/v3/pipelines/deals', {
      label: 'Handoffs', displayOrder: 1, stages: [{ label: 'A', displayOrder: 0, metadata: { probability: 0.1 } }, { label: 'a', displayOrder: 1, metadata: { probability: 0.2 } }],
    });
    expect(dupLabels.status).toBe(400);

    const created = await client.crm.pipelines.pipelinesApi.create('deals', {
      label: 'Handoffs', displayOrder: 1,
      stages: [
        { label: 'In progress', displayOrder: 0, metadata: { probability: '0.1' } },
        { label: 'Ready for handoff', displayOrder: 1, metadata: { probability: '0.5' } },
      ],
    });
    expect(created.stages.map((s) => s.metadata?.probability)).toEqual(['0.1', '0.5']);
    const again = await call(fake, 'POST', '/crm/v3/pipelines/deals', { label: 'Handoffs', displayOrder: 1, stages: [{ label: 'A', displayOrder: 0, metadata: { probability: '0' } }] });
    expect(again.status).toBe(409);

    const stage = await client.crm.pipelines.pipelineStagesApi.create('deals', created.id, { label: 'Done', displayOrder: 2, metadata: { probability: '1.0' } });
    const dupStage = await call(fake, 'POST', `/crm/v3/pipelines/deals/${created.id}/stages`, { label: 'done', displayOrder: 3, metadata: { probability: '1' } });
    expect(dupStage.status).toBe(409);
    const all = await client.crm.pipelines.pipelinesApi.getAll('deals');
    expect(all.results.map((p) => p.label)).toEqual(['Sales Pipeline', 'Handoffs']);

    const deal = await client.crm.deals.basicApi.create({ properties: { dealname: 'X', pipeline: created.id, dealstage: stage.id }, associations: [] });
    expect(deal.properties.dealstage).toBe(stage.id);
    const wrongPipeline = await call(fake, 'PATCH', `/crm/v3/objects/deals/${deal.id}`, { properties: { dealstage: 'closedwon' } });
    expect(wrongPipeline.status).toBe(400);
  });
});

describe('auth, scopes and routes', () => {
  it('answers 401 for a missing or unknown token, 404 for unknown routes', async () => {
    const none = await call(fake, 'GET', '/crm/v3/objects/deals', undefined, null);
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    const wrong = await call(fake, 'GET', '/crm/v3/objects/deals', undefined, 'stolen');
    expect(wrong.status).toBe(401);
    const unknown = await call(fake, 'GET', '/crm/v3/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 'error' });
    const badType = await call(fake, 'GET', '/crm/v3/objects/spaceships');
    expect(badType.status).toBe(400);
  });

  it('reports account details and token info', async () => {
    const details = await call(fake, 'GET', '/account-info/v3/details');
    expect(details.body).toMatchObject({ portalId: fake.state.portalId, uiDomain: expect.any(String), timeZone: expect.any(String) });
    const info = await call(fake, 'POST', '/oauth/v2/private-apps/get/access-token-info', { tokenKey: 'test-token' }, null);
    expect(info.body).toMatchObject({ hubId: fake.state.portalId, scopes: expect.arrayContaining(['crm.objects.deals.read']) });
  });

  it('answers 403 naming a missing scope', async () => {
    const limited = await startHubSpotFake({ scopes: ['crm.objects.deals.read'] });
    try {
      expect((await call(limited, 'GET', '/crm/v3/objects/deals')).status).toBe(200);
      const denied = await call(limited, 'POST', '/crm/v3/properties/deals', { name: 'x', label: 'X', type: 'string', fieldType: 'text', groupName: 'dealinformation' });
      expect(denied.status).toBe(403);
      expect(denied.body).toMatchObject({ category: 'MISSING_SCOPES', errors: [{ context: { requiredGranularScopes: ['crm.schemas.deals.write'] } }] });
    } finally {
      await limited.close();
    }
  });

  it('reset() empties the portal and keeps the port', async () => {
    const client = clientFor(fake);
    await client.crm.deals.basicApi.create({ properties: { dealname: 'gone soon' }, associations: [] });
    const url = fake.baseUrl;
    fake.reset();
    expect(fake.baseUrl).toBe(url);
    expect(fake.state.deals).toHaveLength(0);
    expect(fake.stats.count()).toBe(0);
    const page = await client.crm.deals.basicApi.getPage();
    expect(page.results).toEqual([]);
  });
});
