import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/deals';
import { startHubSpotFake, type HubSpotFake } from './index';
import { call, clientFor } from './test-client';

interface SearchBody {
  total: number;
  results: { id: string; properties: Record<string, string | null>; updatedAt: string }[];
  paging?: { next?: { after: string } };
}

let fake: HubSpotFake;
let now = Date.UTC(2026, 10, 1);
beforeAll(async () => {
  // A generous search limit: these tests are about search semantics, not throttling.
  fake = await startHubSpotFake({ clock: () => now, rateLimit: { burstPer10s: 100_000, searchPerSecond: 100_000 } });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

async function createDeals(count: number, props: (i: number) => Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 100) {
    const inputs = Array.from({ length: Math.min(100, count - start) }, (_, k) => ({ properties: props(start + k) }));
    const res = await call(fake, 'POST', '/crm/v3/objects/deals/batch/create', { inputs });
    ids.push(...(res.body as { results: { id: string }[] }).results.map((r) => r.id));
  }
  return ids;
}

const search = async (body: unknown) => call(fake, 'POST', '/crm/v3/objects/deals/search', body);

describe('search filters and sorts', () => {
  it('filters with every operator, ORs groups and ANDs filters', async () => {
    await createDeals(6, (i) => ({ dealname: `Deal ${i}`, amount: String(i * 100), ...(i % 2 === 0 ? { description: 'even' } : {}) }));
    const ids = async (filters: unknown[][]): Promise<string[]> => {
      const res = await search({ filterGroups: filters.map((f) => ({ filters: f })), properties: ['dealname'], sorts: [{ propertyName: 'amount', direction: 'ASCENDING' }], limit: 100 });
      expect(res.status).toBe(200);
      return (res.body as SearchBody).results.map((r) => r.properties.dealname ?? '');
    };
    expect(await ids([[{ propertyName: 'amount', operator: 'GT', value: '300' }]])).toEqual(['Deal 4', 'Deal 5']);
    expect(await ids([[{ propertyName: 'amount', operator: 'GTE', value: '300' }, { propertyName: 'amount', operator: 'LT', value: '500' }]])).toEqual(['Deal 3', 'Deal 4']);
    expect(await ids([[{ propertyName: 'amount', operator: 'LTE', value: '100' }], [{ propertyName: 'amount', operator: 'EQ', value: '500' }]])).toEqual(['Deal 0', 'Deal 1', 'Deal 5']);
    expect(await ids([[{ propertyName: 'dealname', operator: 'EQ', value: 'deal 2' }]])).toEqual(['Deal 2']);
    expect(await ids([[{ propertyName: 'dealname', operator: 'NEQ', value: 'Deal 2' }, { propertyName: 'amount', operator: 'LT', value: '300' }]])).toEqual(['Deal 0', 'Deal 1']);
    expect(await ids([[{ propertyName: 'description', operator: 'HAS_PROPERTY' }]])).toEqual(['Deal 0', 'Deal 2', 'Deal 4']);
    expect(await ids([[{ propertyName: 'description', operator: 'NOT_HAS_PROPERTY' }]])).toEqual(['Deal 1', 'Deal 3', 'Deal 5']);
    expect(await ids([[{ propertyName: 'amount', operator: 'IN', values: ['0', '500'] }]])).toEqual(['Deal 0', 'Deal 5']);
  });

  it('sorts descending and pages with after, ties broken by id', async () => {
    await createDeals(5, (i) => ({ dealname: `D${i}`, amount: String(i % 2) }));
    const page1 = (await search({ sorts: [{ propertyName: 'amount', direction: 'DESCENDING' }], properties: ['dealname'], limit: 2 })).body as SearchBody;
    expect(page1.total).toBe(5);
    expect(page1.results.map((r) => r.properties.dealname)).toEqual(['D1', 'D3']);
    const page2 = (await search({ sorts: ['-amount'], properties: ['dealname'], limit: 2, after: page1.paging?.next?.after })).body as SearchBody;
    expect(page2.results.map((r) => r.properties.dealname)).toEqual(['D0', 'D2']);
    const page3 = (await search({ sorts: ['-amount'], properties: ['dealname'], limit: 2, after: page2.paging?.next?.after })).body as SearchBody;
    expect(page3.results.map((r) => r.properties.dealname)).toEqual(['D4']);
    expect(page3.paging).toBeUndefined();
  });

  it('works through the real client for an incremental pull by hs_lastmodifieddate', async () => {
    const client = clientFor(fake);
    const cursor = now;
    await createDeals(2, (i) => ({ dealname: `old ${i}` }));
    now += 1000;
    await createDeals(2, (i) => ({ dealname: `new ${i}` }));
    const res = await client.crm.deals.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: FilterOperatorEnum.Gt, value: String(cursor) }] }],
      sorts: ['hs_lastmodifieddate'], properties: ['dealname'], limit: 200, after: '0',
    });
    expect(res.total).toBe(2);
    expect(res.results.map((r) => r.properties.dealname)).toEqual(['new 0', 'new 1']);
    expect(res.results[0]?.properties.hs_lastmodifieddate).toBe(new Date(now).toISOString());
  });

  it('enforces HubSpot search request limits', async () => {
    const filter = { propertyName: 'amount', operator: 'GT', value: '1' };
    const expect400 = async (body: unknown, text: string): Promise<void> => {
      const res = await search(body);
      expect(res.status).toBe(400);
      expect((res.body as { message: string }).message).toContain(text);
    };
    await expect400({ filterGroups: Array.from({ length: 6 }, () => ({ filters: [filter] })) }, 'filter groups');
    await expect400({ filterGroups: [{ filters: Array.from({ length: 7 }, () => filter) }] }, 'in a group');
    await expect400({ filterGroups: Array.from({ length: 4 }, () => ({ filters: Array.from({ length: 5 }, () => filter) })) }, 'at most 18');
    await expect400({ sorts: ['amount', 'dealname'] }, 'one sort');
    await expect400({ limit: 201 }, 'maximum page size');
    await expect400({ query: 'x'.repeat(3001) }, '3000');
    await expect400({ filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: '1' }] }] }, 'does not exist');
    await expect400({ filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'LIKE', value: '1' }] }] }, 'operator');
  });

  it('caps paging at 10,000 results', async () => {
    await createDeals(10_050, (i) => ({ dealname: `D${i}` }));
    const last = await search({ properties: ['dealname'], limit: 200, after: '9800' });
    expect(last.status).toBe(200);
    const body = last.body as SearchBody;
    expect(body.total).toBe(10_050);
    expect(body.results).toHaveLength(200);
    expect(body.paging?.next?.after).toBe('10000');
    const beyond = await search({ properties: ['dealname'], limit: 200, after: '10000' });
    expect(beyond.status).toBe(400);
    expect(beyond.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  }, 60_000);

  it('matches free text in query', async () => {
    await createDeals(3, (i) => ({ dealname: ['Website relaunch', 'Brand book', 'Web shop'][i] ?? '' }));
    const res = (await search({ query: 'web', properties: ['dealname'] })).body as SearchBody;
    expect(res.results.map((r) => r.properties.dealname)).toEqual(['Website relaunch', 'Web shop']);
  });
});

describe('search index delay and archive', () => {
  it('shows writes only after the index delay, and the old version until then', async () => {
    const delayed = await startHubSpotFake({ clock: () => now, searchIndexDelayMs: 5_000 });
    try {
      const created = await call(delayed, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'v1' } });
      const id = (created.body as { id: string }).id;
      const find = async (): Promise<SearchBody> => (await call(delayed, 'POST', '/crm/v3/objects/deals/search', { properties: ['dealname'] })).body as SearchBody;
      expect((await find()).total).toBe(0);
      now += 5_000;
      expect((await find()).results.map((r) => r.properties.dealname)).toEqual(['v1']);
      await call(delayed, 'PATCH', `/crm/v3/objects/deals/${id}`, { properties: { dealname: 'v2' } });
      now += 4_999;
      expect((await find()).results.map((r) => r.properties.dealname)).toEqual(['v1']);
      now += 1;
      expect((await find()).results.map((r) => r.properties.dealname)).toEqual(['v2']);
      // Direct reads are never stale.
      const read = await call(delayed, 'GET', `/crm/v3/objects/deals/${id}?properties=dealname`);
      expect((read.body as { properties: Record<string, string> }).properties.dealname).toBe('v2');
    } finally {
      await delayed.close();
    }
  });

  it('never shows archived records', async () => {
    const [first] = await createDeals(2, (i) => ({ dealname: `D${i}` }));
    await call(fake, 'DELETE', `/crm/v3/objects/deals/${first ?? ''}`);
    const res = (await search({ properties: ['dealname'] })).body as SearchBody;
    expect(res.results.map((r) => r.properties.dealname)).toEqual(['D1']);
  });
});
