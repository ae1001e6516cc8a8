import { startHubSpotFake, type HubSpotFake } from './index';
import { call, clientFor } from './test-client';

let fake: HubSpotFake;
beforeAll(async () => {
  fake = await startHubSpotFake();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  const created = await call(fake, 'POST', '/crm/v3/properties/deals', {
    name: 'baton_id', label: 'Baton id', type: 'string', fieldType: 'text', groupName: 'dealinformation', hasUniqueValue: true,
  });
  expect(created.status).toBe(201);
});

interface BatchBody {
  status: string;
  results: { id: string; new?: boolean; objectWriteTraceId?: string; properties: Record<string, string | null> }[];
  numErrors?: number;
  errors?: { category: string; message: string; context: Record<string, string[]> }[];
}

describe('batch upsert', () => {
  it('creates then updates by the unique property; re-sending never duplicates', async () => {
    const client = clientFor(fake);
    const inputs = [
      { id: 'h-1', idProperty: 'baton_id', properties: { dealname: 'One' }, objectWriteTraceId: 't1' },
      { id: 'h-2', idProperty: 'baton_id', properties: { dealname: 'Two' }, objectWriteTraceId: 't2' },
    ];
    const first = await client.crm.deals.batchApi.upsert({ inputs });
    expect(first.results.map((r) => r._new)).toEqual([true, true]);
    expect(first.results.map((r) => r.properties.baton_id)).toEqual(['h-1', 'h-2']);
    const again = await client.crm.deals.batchApi.upsert({ inputs: inputs.map((i) => ({ ...i, properties: { dealname: `${i.properties.dealname}!` } })) });
    expect(again.results.map((r) => r._new)).toEqual([false, false]);
    expect(again.results.map((r) => r.id)).toEqual(first.results.map((r) => r.id));
    expect(fake.state.deals.map((d) => d.properties.dealname)).toEqual(['One!', 'Two!']);
    const third = await call(fake, 'POST', '/crm/v3/objects/deals/batch/upsert', { inputs });
    expect(third.status).toBe(200);
    expect(fake.state.deals).toHaveLength(2);
  });

  it('refuses an idProperty that is not unique, and duplicate ids in one batch', async () => {
    const notUnique = await call(fake, 'POST', '/crm/v3/objects/deals/batch/upsert', { inputs: [{ id: 'x', idProperty: 'dealname', properties: {} }] });
    expect(notUnique.status).toBe(400);
    expect((notUnique.body as { message: string }).message).toContain('not a unique value property');
    const dup = await call(fake, 'POST', '/crm/v3/objects/deals/batch/upsert', {
      inputs: [{ id: 'x', idProperty: 'baton_id', properties: {} }, { id: 'x', idProperty: 'baton_id', properties: {} }],
    });
    expect(dup.status).toBe(400);
    expect(fake.state.deals).toHaveLength(0);
  });
});

describe('batch limits and partial failures', () => {
  it('answers 400 above 100 inputs', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({ properties: { dealname: `D${i}` } }));
    const res = await call(fake, 'POST', '/crm/v3/objects/deals/batch/create', { inputs });
    expect(res.status).toBe(400);
    expect(fake.state.deals).toHaveLength(0);
    const hundred = await call(fake, 'POST', '/crm/v3/objects/deals/batch/create', { inputs: inputs.slice(0, 100) });
    expect(hundred.status).toBe(201);
    expect(fake.state.deals).toHaveLength(100);
  });

  it('answers 207 with per-input errors carrying the objectWriteTraceId', async () => {
    await call(fake, 'POST', '/crm/v3/properties/deals', { name: 'flag', label: 'Flag', type: 'bool', fieldType: 'booleancheckbox', groupName: 'dealinformation' });
    await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'taken', baton_id: 'h-9' } });
    const res = await call(fake, 'POST', '/crm/v3/objects/deals/batch/create', {
      inputs: [
        { properties: { dealname: 'fine' }, objectWriteTraceId: 'ok-1' },
        { properties: { dealname: 'bad', nosuch: '1' }, objectWriteTraceId: 'bad-prop' },
        { properties: { dealname: 'bad', flag: 'yes' }, objectWriteTraceId: 'bad-bool' },
        { properties: { dealname: 'dup', baton_id: 'h-9' }, objectWriteTraceId: 'bad-unique' },
      ],
    });
    expect(res.status).toBe(207);
    const body = res.body as BatchBody;
    expect(body.numErrors).toBe(3);
    expect(body.results.map((r) => r.objectWriteTraceId)).toEqual(['ok-1']);
    expect(body.errors?.map((e) => [e.context.objectWriteTraceId?.[0], e.category])).toEqual([
      ['bad-prop', 'VALIDATION_ERROR'], ['bad-bool', 'VALIDATION_ERROR'], ['bad-unique', 'CONFLICT'],
    ]);
    expect(body.errors?.[1]?.context.propertyName).toEqual(['flag']);
    expect(fake.state.deals.map((d) => d.properties.dealname)).toEqual(['taken', 'fine']);

    const client = clientFor(fake);
    const via = await client.crm.deals.batchApi.create({ inputs: [{ properties: { nosuch: 'x' }, associations: [], objectWriteTraceId: 'tr' }] });
    expect('numErrors' in via ? via.numErrors : undefined).toBe(1);
  });

  it('batch read reports missing ids; read answers propertiesWithHistory; archive removes', async () => {
    const created = await call(fake, 'POST', '/crm/v3/objects/deals/batch/create', { inputs: [{ properties: { dealname: 'A' } }, { properties: { dealname: 'B' } }] });
    const ids = (created.body as BatchBody).results.map((r) => r.id);
    await call(fake, 'POST', '/crm/v3/objects/deals/batch/update', { inputs: [{ id: ids[0], properties: { dealname: 'A2' } }] });
    const read = await call(fake, 'POST', '/crm/v3/objects/deals/batch/read', {
      inputs: [{ id: ids[0] }, { id: ids[1] }, { id: '999' }], properties: ['dealname'], propertiesWithHistory: ['dealname'],
    });
    expect(read.status).toBe(207);
    const body = read.body as BatchBody & { results: { propertiesWithHistory: Record<string, { value: string }[]> }[] };
    expect(body.errors?.[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } });
    expect(body.results[0]?.propertiesWithHistory.dealname?.map((h) => h.value)).toEqual(['A2', 'A']);

    const byUnique = await call(fake, 'POST', '/crm/v3/objects/deals/batch/read', { inputs: [{ id: 'nope' }], idProperty: 'baton_id', properties: [] });
    expect(byUnique.status).toBe(207);

    const archived = await call(fake, 'POST', '/crm/v3/objects/deals/batch/archive', { inputs: [{ id: ids[0] }] });
    expect(archived.status).toBe(204);
    const after = await call(fake, 'POST', '/crm/v3/objects/deals/batch/read', { inputs: [{ id: ids[0] }, { id: ids[1] }], properties: [] });
    expect((after.body as BatchBody).errors?.[0]?.context.ids).toEqual([ids[0]]);
  });

  it('batch update reports unknown ids per input and applies the rest', async () => {
    const created = await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'A' } });
    const id = (created.body as { id: string }).id;
    const res = await call(fake, 'POST', '/crm/v3/objects/deals/batch/update', {
      inputs: [{ id, properties: { amount: '5' }, objectWriteTraceId: 'a' }, { id: '42', properties: { amount: '6' }, objectWriteTraceId: 'b' }],
    });
    expect(res.status).toBe(207);
    expect((res.body as BatchBody).errors?.[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { objectWriteTraceId: ['b'] } });
    expect(fake.state.deals[0]?.properties.amount).toBe('5');
  });

  it('rejects malformed batch bodies with a clear 400', async () => {
    const res = await call(fake, 'POST', '/crm/v3/objects/deals/batch/create', { input: [] });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain('inputs');
    const raw = await fetch(`${fake.baseUrl}/crm/v3/objects/deals/batch/create`, {
      method: 'POST', headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' }, body: '{"inputs": [',
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { message: string }).message).toContain('Invalid input JSON');
  });
});
