import { startHubSpotFake, type HubSpotFake } from './index';
import { call, clientFor } from './test-client';

let fake: HubSpotFake;
beforeAll(async () => {
  fake = await startHubSpotFake();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

describe('status faults', () => {
  it.each([500, 502, 503, 504, 524, 423] as const)('answers %i with a HubSpot error body, once', async (status) => {
    fake.faults.failNext({ path: '/crm/v3/owners' }, { status });
    const failed = await call(fake, 'GET', '/crm/v3/owners');
    expect(failed.status).toBe(status);
    expect(failed.body).toMatchObject({ status: 'error', message: expect.any(String), correlationId: expect.any(String) });
    expect((await call(fake, 'GET', '/crm/v3/owners')).status).toBe(200);
  });

  it('answers 429 with policy and Retry-After, and 477 with Retry-After', async () => {
    fake.faults.failNext({ method: 'get' }, { status: 429, policyName: 'DAILY', retryAfterSeconds: 30 });
    const daily = await call(fake, 'GET', '/crm/v3/owners');
    expect(daily.status).toBe(429);
    expect(daily.body).toMatchObject({ policyName: 'DAILY', errorType: 'RATE_LIMIT' });
    expect(daily.headers.get('retry-after')).toBe('30');
    fake.faults.failNext({}, { status: 477, retryAfterSeconds: 2 });
    const migrating = await call(fake, 'GET', '/crm/v3/owners');
    expect(migrating.status).toBe(477);
    expect(migrating.headers.get('retry-after')).toBe('2');
    // Injected 429s are not the fake's own throttling.
    expect(fake.stats.rateLimited).toBe(0);
  });

  it('matches by method and RegExp and repeats `times` times', async () => {
    fake.faults.failNext({ method: 'POST', path: /\/batch\/upsert$/ }, { status: 503 }, 2);
    expect((await call(fake, 'GET', '/crm/v3/owners')).status).toBe(200);
    expect(fake.faults.pending).toBe(2);
    const body = { inputs: [] };
    expect((await call(fake, 'POST', '/crm/v3/objects/deals/batch/upsert', body)).status).toBe(503);
    expect((await call(fake, 'POST', '/crm/v3/objects/deals/batch/upsert', body)).status).toBe(503);
    expect((await call(fake, 'POST', '/crm/v3/objects/deals/batch/upsert', body)).status).toBe(200);
    fake.faults.failNext({}, { status: 500 });
    fake.faults.clear();
    expect((await call(fake, 'GET', '/crm/v3/owners')).status).toBe(200);
    expect(() => fake.faults.failNext({}, { status: 500 }, 0)).toThrow(RangeError);
  });

  it('reaches the real client as ApiException', async () => {
    fake.faults.failNext({}, { status: 502 });
    await expect(clientFor(fake).crm.deals.basicApi.getPage()).rejects.toMatchObject({ code: 502 });
  });
});

describe('transport faults', () => {
  it('drops the connection', async () => {
    fake.faults.failNext({}, { kind: 'drop' });
    await expect(call(fake, 'GET', '/crm/v3/owners')).rejects.toThrow();
    expect(fake.stats.requests[0]).toMatchObject({ status: 0, path: '/crm/v3/owners' });
    expect((await call(fake, 'GET', '/crm/v3/owners')).status).toBe(200);
  });

  it('loses the answer of a write it applied', async () => {
    fake.faults.failNext({ method: 'POST', path: '/crm/v3/pipelines/deals' }, { kind: 'lost' });
    const pipeline = { label: 'Handoffs', displayOrder: 1, stages: [{ label: 'In progress', displayOrder: 0, metadata: { probability: '0.2' } }] };
    await expect(call(fake, 'POST', '/crm/v3/pipelines/deals', pipeline)).rejects.toThrow();
    expect(fake.stats.requests[0]).toMatchObject({ status: 0, path: '/crm/v3/pipelines/deals' });
    // It was applied: the same create again is a conflict, and the pipeline is listed.
    expect((await call(fake, 'POST', '/crm/v3/pipelines/deals', pipeline)).status).toBe(409);
    const listed = await call(fake, 'GET', '/crm/v3/pipelines/deals');
    expect(JSON.stringify(listed.body)).toContain('"label":"Handoffs"');
  });

  it('delays an answer by delayMs, then answers normally', async () => {
    fake.faults.failNext({}, { kind: 'timeout', delayMs: 50 });
    const slow = await call(fake, 'GET', '/crm/v3/owners');
    expect(slow.status).toBe(200);
  });

  it('never answers a timed-out request; the caller must give up, and close() still works', async () => {
    const hanging = await startHubSpotFake();
    hanging.faults.failNext({}, { kind: 'timeout' });
    const aborted = fetch(`${hanging.baseUrl}/crm/v3/owners`, { headers: { Authorization: 'Bearer test-token' }, signal: AbortSignal.timeout(100) });
    await expect(aborted).rejects.toThrow();
    hanging.faults.failNext({}, { kind: 'timeout' });
    const pending = fetch(`${hanging.baseUrl}/crm/v3/owners`, { headers: { Authorization: 'Bearer test-token' } });
    const outcome = pending.then(() => 'answered', () => 'failed');
    await vi.waitFor(() => expect(hanging.stats.count('/crm/v3/owners')).toBe(2));
    await hanging.close();
    expect(await outcome).toBe('failed');
  });

  it('sends a malformed JSON body with a JSON content type', async () => {
    fake.faults.failNext({}, { kind: 'malformed', body: '{"results": [' });
    const broken = await call(fake, 'GET', '/crm/v3/owners');
    expect(broken.status).toBe(200);
    expect(broken.body).toBe('{"results": [');
    fake.faults.failNext({}, { kind: 'malformed', body: '<html>' });
    await expect(clientFor(fake).crm.owners.ownersApi.getPage()).rejects.toThrow();
  });

  it('sends any hand-crafted JSON answer', async () => {
    fake.faults.failNext({}, { kind: 'json', status: 200, body: { results: 'not-a-list' } });
    const odd = await call(fake, 'GET', '/crm/v3/owners');
    expect(odd).toMatchObject({ status: 200, body: { results: 'not-a-list' } });
    fake.faults.failNext({}, { kind: 'json', status: 400, body: { message: 'no status field' } });
    expect(await call(fake, 'GET', '/crm/v3/owners')).toMatchObject({ status: 400, body: { message: 'no status field' } });
  });
});

describe('request log', () => {
  it('records method, path, status, time and body', async () => {
    await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'logged' } });
    await call(fake, 'GET', '/crm/v3/owners?limit=1');
    expect(fake.stats.requests).toEqual([
      { method: 'POST', path: '/crm/v3/objects/deals', status: 201, at: expect.any(Number), body: { properties: { dealname: 'logged' } } },
      { method: 'GET', path: '/crm/v3/owners?limit=1', status: 200, at: expect.any(Number) },
    ]);
    expect(fake.stats.count('/crm/v3/objects')).toBe(1);
    fake.stats.reset();
    expect(fake.stats.count()).toBe(0);
  });
});
