import { startHubSpotFake, type HubSpotFake } from './index';
import { call, clientFor } from './test-client';

let now = Date.UTC(2026, 10, 1, 12);
let fake: HubSpotFake;
beforeAll(async () => {
  fake = await startHubSpotFake({ clock: () => now, rateLimit: { burstPer10s: 5, searchPerSecond: 2, daily: 12 } });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

describe('burst limit (rolling 10 s per token)', () => {
  it('sends rate-limit headers and answers 429 TEN_SECONDLY_ROLLING after the burst', async () => {
    const first = await call(fake, 'GET', '/crm/v3/owners');
    expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('5');
    expect(first.headers.get('x-hubspot-ratelimit-remaining')).toBe('4');
    expect(first.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(first.headers.get('x-hubspot-ratelimit-daily')).toBe('12');
    expect(first.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('11');
    now += 3_000;
    // 4xx answers count toward the burst too.
    expect((await call(fake, 'GET', '/crm/v3/objects/deals/404404')).status).toBe(404);
    for (let i = 0; i < 3; i += 1) expect((await call(fake, 'GET', '/crm/v3/owners')).status).toBe(200);
    const limited = await call(fake, 'GET', '/crm/v3/owners');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT',
      correlationId: expect.any(String), policyName: 'TEN_SECONDLY_ROLLING', category: 'RATE_LIMITS',
    });
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(fake.stats.rateLimited).toBe(1);

    // The window rolls: once the first request is 10 s old, one slot frees up.
    now += 7_000;
    expect((await call(fake, 'GET', '/crm/v3/owners')).status).toBe(200);
    expect((await call(fake, 'GET', '/crm/v3/owners')).status).toBe(429);
  });

  it('reaches the real client as an ApiException with code 429 and lower-case headers', async () => {
    const client = clientFor(fake);
    for (let i = 0; i < 5; i += 1) await client.crm.owners.ownersApi.getPage();
    const error = await client.crm.owners.ownersApi.getPage().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 429, body: { policyName: 'TEN_SECONDLY_ROLLING' } });
    expect((error as { headers: Record<string, string> }).headers['retry-after']).toBe('10');
  });

  it('keeps separate windows per token', async () => {
    const twoTokens = await startHubSpotFake({ clock: () => now, tokens: ['a', 'b'], rateLimit: { burstPer10s: 1, searchPerSecond: 5 } });
    try {
      expect((await call(twoTokens, 'GET', '/crm/v3/owners', undefined, 'a')).status).toBe(200);
      expect((await call(twoTokens, 'GET', '/crm/v3/owners', undefined, 'a')).status).toBe(429);
      expect((await call(twoTokens, 'GET', '/crm/v3/owners', undefined, 'b')).status).toBe(200);
    } finally {
      await twoTokens.close();
    }
  });
});

describe('search secondly limit', () => {
  it('answers 429 "secondly limit" without rate-limit headers', async () => {
    const ok = await call(fake, 'POST', '/crm/v3/objects/deals/search', {});
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
    expect((await call(fake, 'POST', '/crm/v3/objects/deals/search', {})).status).toBe(200);
    const limited = await call(fake, 'POST', '/crm/v3/objects/deals/search', {});
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT' });
    expect(limited.headers.get('x-hubspot-ratelimit-max')).toBeNull();
    // Search does not eat the burst budget.
    expect((await call(fake, 'GET', '/crm/v3/owners')).headers.get('x-hubspot-ratelimit-remaining')).toBe('4');
    now += 1_000;
    expect((await call(fake, 'POST', '/crm/v3/objects/deals/search', {})).status).toBe(200);
  });
});

describe('daily limit', () => {
  it('answers 429 DAILY once the day is used up, until midnight', async () => {
    for (let i = 0; i < 12; i += 1) {
      now += 10_000;
      expect((await call(fake, 'GET', '/crm/v3/owners')).status).toBe(200);
    }
    now += 10_000;
    const limited = await call(fake, 'GET', '/crm/v3/owners');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ policyName: 'DAILY', message: 'You have reached your daily limit.' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const midnight = Math.ceil(now / 86_400_000) * 86_400_000;
    now = midnight + 1;
    expect((await call(fake, 'GET', '/crm/v3/owners')).status).toBe(200);
  });
});
