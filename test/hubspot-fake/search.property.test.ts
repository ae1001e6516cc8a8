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

type Op = 'EQ' | 'NEQ' | 'GT' | 'GTE' | 'LT' | 'LTE' | 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY';
interface Deal { amount?: number; closedate?: number }
interface Filter { propertyName: 'amount' | 'closedate'; operator: Op; value: number }

/** The reference semantics, written independently of the fake: numeric comparison, missing values fail comparisons. */
function passes(deal: Deal, f: Filter): boolean {
  const v = deal[f.propertyName];
  switch (f.operator) {
    case 'HAS_PROPERTY': return v !== undefined;
    case 'NOT_HAS_PROPERTY': return v === undefined;
    case 'NEQ': return v === undefined || v !== f.value;
    case 'EQ': return v === f.value;
    case 'GT': return v !== undefined && v > f.value;
    case 'GTE': return v !== undefined && v >= f.value;
    case 'LT': return v !== undefined && v < f.value;
    case 'LTE': return v !== undefined && v <= f.value;
  }
}

const day = 86_400_000;
const base = Date.UTC(2026, 0, 1);
const dealArb = fc.record({ amount: fc.integer({ min: 0, max: 5 }), closedate: fc.integer({ min: 0, max: 5 }).map((d) => base + d * day) }, { requiredKeys: [] });
const filterArb = fc.record({
  propertyName: fc.constantFrom('amount' as const, 'closedate' as const),
  operator: fc.constantFrom<Op>('EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY'),
  value: fc.integer({ min: 0, max: 5 }),
});

describe('search agrees with a reference model', () => {
  it('returns exactly the matching deals, sorted, across pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { maxLength: 25 }),
        fc.array(fc.array(filterArb, { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
        fc.constantFrom('ASCENDING' as const, 'DESCENDING' as const),
        fc.integer({ min: 1, max: 7 }),
        async (deals, groups, direction, limit) => {
          fake.reset();
          const inputs = deals.map((d, i) => ({
            properties: {
              dealname: `D${i}`,
              ...(d.amount === undefined ? {} : { amount: String(d.amount) }),
              ...(d.closedate === undefined ? {} : { closedate: String(d.closedate) }),
            },
          }));
          if (inputs.length > 0) expect((await call(fake, 'POST', '/crm/v3/objects/deals/batch/create', { inputs })).status).toBe(201);
          const asFilter = (f: Filter) => ({ ...f, value: String(f.propertyName === 'closedate' ? base + f.value * day : f.value) });
          const toModel = (f: Filter): Filter => ({ ...f, value: f.propertyName === 'closedate' ? base + f.value * day : f.value });
          const expected = deals
            .map((d, i) => ({ d, name: `D${i}` }))
            .filter(({ d }) => groups.length === 0 || groups.some((g) => g.every((f) => passes(d, toModel(f)))))
            .sort((a, b) => {
              const ka = a.d.amount;
              const kb = b.d.amount;
              if (ka !== kb) {
                if (ka === undefined) return 1;
                if (kb === undefined) return -1;
                return direction === 'ASCENDING' ? ka - kb : kb - ka;
              }
              return Number(a.name.slice(1)) - Number(b.name.slice(1));
            })
            .map((x) => x.name);

          const seen: string[] = [];
          let after: string | undefined;
          for (let page = 0; page < 30; page += 1) {
            const res = await call(fake, 'POST', '/crm/v3/objects/deals/search', {
              filterGroups: groups.map((g) => ({ filters: g.map(asFilter) })),
              sorts: [{ propertyName: 'amount', direction }], properties: ['dealname'], limit, ...(after ? { after } : {}),
            });
            expect(res.status).toBe(200);
            const body = res.body as { total: number; results: { properties: { dealname: string } }[]; paging?: { next?: { after: string } } };
            expect(body.total).toBe(expected.length);
            seen.push(...body.results.map((r) => r.properties.dealname));
            after = body.paging?.next?.after;
            if (!after) break;
          }
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
