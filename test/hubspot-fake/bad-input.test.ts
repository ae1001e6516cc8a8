import fc from 'fast-check';
import { startHubSpotFake, type HubSpotFake } from './index';
import { call } from './test-client';

let fake: HubSpotFake;
beforeAll(async () => {
  fake = await startHubSpotFake({ rateLimit: { burstPer10s: 1_000_000, searchPerSecond: 1_000_000 } });
});
afterAll(async () => {
  await fake.close();
});

const endpoints: [string, string][] = [
  ['POST', '/crm/v3/objects/deals'],
  ['POST', '/crm/v3/objects/deals/search'],
  ['POST', '/crm/v3/objects/deals/batch/create'],
  ['POST', '/crm/v3/objects/deals/batch/read'],
  ['POST', '/crm/v3/objects/deals/batch/update'],
  ['POST', '/crm/v3/objects/deals/batch/upsert'],
  ['POST', '/crm/v3/objects/tasks/batch/archive'],
  ['POST', '/crm/v3/properties/deals'],
  ['POST', '/crm/v3/properties/deals/groups'],
  ['POST', '/crm/v3/pipelines/deals'],
  ['PUT', '/crm/v4/objects/notes/1/associations/deals/2'],
  ['POST', '/crm/v4/associations/deals/tasks/batch/read'],
];

// Bodies that look roughly like the real thing, so the fuzzer reaches deep validation too.
const plausibleBody = fc.oneof(
  fc.jsonValue(),
  fc.record({ properties: fc.dictionary(fc.constantFrom('dealname', 'amount', 'closedate', 'dealstage', 'pipeline', 'nope', 'hs_object_id'), fc.jsonValue()) }),
  fc.record({ inputs: fc.array(fc.record({ id: fc.jsonValue(), idProperty: fc.jsonValue(), properties: fc.jsonValue() }, { requiredKeys: [] }), { maxLength: 3 }) }),
  fc.record({
    filterGroups: fc.array(fc.record({ filters: fc.array(fc.record({ propertyName: fc.constantFrom('amount', 'closedate', 'dealname', 'x'), operator: fc.string(), value: fc.jsonValue() }), { maxLength: 3 }) }), { maxLength: 3 }),
    sorts: fc.jsonValue(), limit: fc.jsonValue(), after: fc.jsonValue(),
  }, { requiredKeys: [] }),
  fc.record({ label: fc.jsonValue(), displayOrder: fc.jsonValue(), stages: fc.array(fc.record({ label: fc.string(), displayOrder: fc.integer(), metadata: fc.jsonValue() }), { maxLength: 3 }) }, { requiredKeys: [] }),
);

describe('bad input of any kind', () => {
  it('gets a HubSpot-shaped 4xx (never a crash) and never changes stored data when rejected', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), plausibleBody, async ([method, path], body) => {
        const before = fake.state.deals.length;
        const res = await call(fake, method, path, body);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.body).toMatchObject({ status: 'error', message: expect.any(String), category: expect.any(String) });
          if (path.startsWith('/crm/v3/objects/deals')) expect(fake.state.deals.length).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('answers raw non-JSON bodies with a 400 naming the JSON problem', async () => {
    const res = await fetch(`${fake.baseUrl}/crm/v3/objects/deals`, { method: 'POST', headers: { Authorization: 'Bearer test-token' }, body: 'dealname=x' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/^Invalid input JSON/);
  });
});
