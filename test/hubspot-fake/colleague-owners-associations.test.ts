import { startHubSpotFake, type HubSpotFake } from './index';
import { call, clientFor } from './test-client';

let now = Date.UTC(2026, 10, 2);
let fake: HubSpotFake;
beforeAll(async () => {
  fake = await startHubSpotFake({ clock: () => now });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  await call(fake, 'POST', '/crm/v3/properties/deals', {
    name: 'baton_id', label: 'Baton id', type: 'string', fieldType: 'text', groupName: 'dealinformation', hasUniqueValue: true,
  });
});

interface SearchBody {
  results: { id: string; properties: Record<string, string | null> }[];
}

describe('colleague edits in HubSpot', () => {
  it('shows up in search by hs_lastmodifieddate and in propertiesWithHistory as CRM_UI', async () => {
    const created = await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'Relaunch', baton_id: 'h-1' } });
    const id = (created.body as { id: string }).id;
    const cursor = now;
    now += 60_000;
    const edited = fake.colleague.setDealProperties('h-1', { dealname: 'Relaunch (renamed)' });
    expect(edited.properties.hs_lastmodifieddate).toBe(new Date(now).toISOString());
    now += 1_000;
    fake.colleague.moveDealToStage(id, 'contractsent');

    const found = await call(fake, 'POST', '/crm/v3/objects/deals/search', {
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GT', value: String(cursor) }] }],
      properties: ['dealname', 'dealstage', 'baton_id'],
    });
    expect((found.body as SearchBody).results).toEqual([
      expect.objectContaining({ id, properties: expect.objectContaining({ dealname: 'Relaunch (renamed)', dealstage: 'contractsent', baton_id: 'h-1' }) }),
    ]);

    const read = await clientFor(fake).crm.deals.basicApi.getById(id, ['dealname'], ['dealname', 'dealstage']);
    const history = read.propertiesWithHistory ?? {};
    expect(history.dealname?.map((h) => [h.value, h.sourceType])).toEqual([['Relaunch (renamed)', 'CRM_UI'], ['Relaunch', 'INTEGRATION']]);
    expect(history.dealstage?.[0]).toMatchObject({ value: 'contractsent', sourceType: 'CRM_UI', updatedByUserId: expect.any(Number) });
    expect(history.dealstage?.[0]?.timestamp.getTime()).toBe(now);
  });

  it('creates and archives deals, and refuses invalid edits without changing anything', async () => {
    const deal = fake.colleague.createDeal({ dealname: 'From HubSpot' });
    expect(fake.state.deals.map((d) => d.properties.dealname)).toEqual(['From HubSpot']);
    expect(() => fake.colleague.setDealProperties(deal.id, { amount: 'many' })).toThrow(/amount/);
    expect(() => fake.colleague.moveDealToStage(deal.id, 'nope')).toThrow(/nope/);
    expect(() => fake.colleague.setDealProperties('missing', { dealname: 'x' })).toThrow(/missing/);
    expect(fake.state.object('deals', deal.id)?.properties.amount).toBeUndefined();
    fake.colleague.archiveDeal(deal.id);
    const gone = await call(fake, 'POST', '/crm/v3/objects/deals/batch/read', { inputs: [{ id: deal.id }], properties: [] });
    expect(gone.status).toBe(207);
  });
});

describe('owners', () => {
  it('are seeded with three and page with after/limit', async () => {
    const client = clientFor(fake);
    fake.colleague.addOwner({ email: 'new@agency.example', firstName: 'New', lastName: 'Person' });
    const first = await client.crm.owners.ownersApi.getPage(undefined, undefined, 2);
    expect(first.results.map((o) => o.firstName)).toEqual(['Ada', 'Grace']);
    const after = first.paging?.next?.after;
    expect(after).toBeDefined();
    const second = await client.crm.owners.ownersApi.getPage(undefined, after, 2);
    expect(second.results.map((o) => o.firstName)).toEqual(['Alan', 'New']);
    expect(second.paging).toBeUndefined();
    const byEmail = await client.crm.owners.ownersApi.getPage('grace@agency.example');
    expect(byEmail.results).toHaveLength(1);
  });

  it('assigns deals by owner id, not any number', async () => {
    const [owner] = fake.state.owners;
    const ok = await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'x', hubspot_owner_id: owner?.id ?? '' } });
    expect(ok.status).toBe(201);
    const bad = await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'x', hubspot_owner_id: String(owner?.userId) } });
    expect(bad.status).toBe(400);
  });
});

describe('associations', () => {
  it('creates a task and a note with a deal association in the create body', async () => {
    const client = clientFor(fake);
    const deal = await client.crm.deals.basicApi.create({ properties: { dealname: 'D' }, associations: [] });
    const task = await client.crm.objects.tasks.basicApi.create({
      properties: { hs_timestamp: String(now), hs_task_subject: 'Review', hs_task_status: 'NOT_STARTED' },
      associations: [{ to: { id: deal.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 216 }] }],
    });
    const note = await call(fake, 'POST', '/crm/v3/objects/notes', {
      properties: { hs_timestamp: new Date(now).toISOString(), hs_note_body: 'Handoff done' },
      associations: [{ to: { id: deal.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }] }],
    });
    expect(note.status).toBe(201);
    const noteId = (note.body as { id: string }).id;

    const read = await call(fake, 'POST', '/crm/v4/associations/deals/tasks/batch/read', { inputs: [{ id: deal.id }] });
    expect(read.body).toMatchObject({ results: [{ from: { id: deal.id }, to: [{ toObjectId: Number(task.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 215 }] }] }] });
    const viaClient = await client.crm.associations.v4.batchApi.getPage('deals', 'notes', { inputs: [{ id: deal.id }] });
    // Like HubSpot, v4 sends toObjectId as a JSON number although the client types it as string.
    expect(viaClient.results[0]?.to.map((t) => String(t.toObjectId))).toEqual([noteId]);
    expect(fake.state.associations).toEqual(expect.arrayContaining([{ fromType: 'tasks', fromId: task.id, toType: 'deals', toId: deal.id, typeIds: [216] }]));

    await call(fake, 'POST', '/crm/v3/objects/tasks', { properties: { hs_timestamp: String(now), hs_task_subject: 'Unlinked' } });
    const linked = await call(fake, 'POST', '/crm/v3/objects/tasks/search', {
      filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'EQ', value: deal.id }] }], properties: ['hs_task_subject'],
    });
    expect((linked.body as SearchBody).results.map((r) => r.properties.hs_task_subject)).toEqual(['Review']);
    const unlinked = await call(fake, 'POST', '/crm/v3/objects/tasks/search', {
      filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'NOT_IN', values: [deal.id] }] }], properties: ['hs_task_subject'],
    });
    expect((unlinked.body as SearchBody).results.map((r) => r.properties.hs_task_subject)).toEqual(['Unlinked']);
    const badOperator = await call(fake, 'POST', '/crm/v3/objects/tasks/search', { filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'GT', value: '1' }] }] });
    expect(badOperator.status).toBe(400);
  });

  it('requires hs_timestamp on tasks and a valid association type', async () => {
    const missing = await call(fake, 'POST', '/crm/v3/objects/tasks', { properties: { hs_task_subject: 'x' } });
    expect(missing.status).toBe(400);
    expect((missing.body as { errors: { code: string }[] }).errors[0]?.code).toBe('REQUIRED_PROPERTY');
    const deal = await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'D' } });
    const wrongType = await call(fake, 'POST', '/crm/v3/objects/tasks', {
      properties: { hs_timestamp: String(now) },
      associations: [{ to: { id: (deal.body as { id: string }).id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }] }],
    });
    expect(wrongType.status).toBe(400);
    expect(fake.state.tasks).toHaveLength(0);
  });

  it('associates with the default and labelled PUT endpoints, lists and removes', async () => {
    const client = clientFor(fake);
    const deal = await client.crm.deals.basicApi.create({ properties: { dealname: 'D' }, associations: [] });
    const task = await client.crm.objects.tasks.basicApi.create({ properties: { hs_timestamp: String(now) }, associations: [] });
    const note = await call(fake, 'POST', '/crm/v3/objects/notes', { properties: { hs_timestamp: String(now) } });
    const noteId = (note.body as { id: string }).id;
    const byDefault = await client.crm.associations.v4.basicApi.createDefault('tasks', task.id, 'deals', deal.id);
    expect(byDefault.results[0]?.associationSpec.associationTypeId).toBe(216);
    const labelled = await call(fake, 'PUT', `/crm/v4/objects/notes/${noteId}/associations/deals/${deal.id}`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }]);
    expect(labelled.status).toBe(201);
    const wrong = await call(fake, 'PUT', `/crm/v4/objects/notes/${noteId}/associations/deals/${deal.id}`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 216 }]);
    expect(wrong.status).toBe(400);
    const missing = await call(fake, 'PUT', `/crm/v4/objects/tasks/${task.id}/associations/default/deals/123`);
    expect(missing.status).toBe(404);

    const list = await client.crm.associations.v4.basicApi.getPage('deals', deal.id, 'tasks');
    expect(list.results.map((r) => String(r.toObjectId))).toEqual([task.id]);
    const withAssoc = await call(fake, 'GET', `/crm/v3/objects/deals/${deal.id}?associations=tasks,notes`);
    expect(withAssoc.body).toMatchObject({ associations: { tasks: { results: [{ id: task.id, type: 'deal_to_task' }] }, notes: { results: [{ id: noteId }] } } });

    await client.crm.associations.v4.basicApi.archive('deals', deal.id, 'tasks', task.id);
    const none = await call(fake, 'POST', '/crm/v4/associations/deals/tasks/batch/read', { inputs: [{ id: deal.id }] });
    expect(none.status).toBe(207);
    expect((none.body as { results: unknown[] }).results).toEqual([]);
    const tooMany = await call(fake, 'POST', '/crm/v4/associations/deals/tasks/batch/read', { inputs: Array.from({ length: 1001 }, (_, i) => ({ id: String(i) })) });
    expect(tooMany.status).toBe(400);
  });
});
