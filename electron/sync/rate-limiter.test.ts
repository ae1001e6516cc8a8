import { createRateLimiter } from './rate-limiter';

function fakeTime() {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    sleeps,
  };
}

describe('rate limiter', () => {
  it('lets a burst up to the limit through without waiting, then waits for the window to roll', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ burstPer10s: 3, searchPerSecond: 5, now: time.now, sleep: time.sleep });
    const starts: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      await limiter.acquire('standard');
      starts.push(time.now());
    }
    // Any 10-second window holds at most 3 starts.
    for (const start of starts) {
      expect(starts.filter((s) => s >= start && s < start + 10_000).length).toBeLessThanOrEqual(3);
    }
    expect(starts.slice(0, 3).every((s) => s === starts[0])).toBe(true);
    expect(time.sleeps.length).toBeGreaterThan(0);
  });

  it('limits search separately to its per-second limit', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ burstPer10s: 100, searchPerSecond: 2, now: time.now, sleep: time.sleep });
    const starts: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      await limiter.acquire('search');
      starts.push(time.now());
    }
    for (const start of starts) {
      expect(starts.filter((s) => s >= start && s < start + 1000).length).toBeLessThanOrEqual(2);
    }
    // Standard requests are not held back by the search window.
    const before = time.now();
    await limiter.acquire('standard');
    expect(time.now()).toBe(before);
  });

  it('serialises concurrent callers so they cannot share one free slot', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ burstPer10s: 2, searchPerSecond: 5, now: time.now, sleep: time.sleep });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () => limiter.acquire('standard').then(() => starts.push(time.now()))),
    );
    for (const start of starts) {
      expect(starts.filter((s) => s >= start && s < start + 10_000).length).toBeLessThanOrEqual(2);
    }
  });

  it('tightens to the remaining count HubSpot reports', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ burstPer10s: 100, searchPerSecond: 5, now: time.now, sleep: time.sleep });
    limiter.observe({ 'x-hubspot-ratelimit-remaining': '3', 'x-hubspot-ratelimit-interval-milliseconds': '10000' });
    const start = time.now();
    await limiter.acquire('standard');
    await limiter.acquire('standard');
    expect(time.now()).toBe(start);
    // One request is kept in reserve: the third waits for HubSpot's window to reset.
    await limiter.acquire('standard');
    expect(time.now()).toBeGreaterThanOrEqual(start + 10_000);
  });

  it('tightens the burst maximum when the account tier is lower than configured', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ burstPer10s: 190, searchPerSecond: 5, now: time.now, sleep: time.sleep });
    limiter.observe({ 'x-hubspot-ratelimit-max': '2', 'x-hubspot-ratelimit-interval-milliseconds': '10000' });
    const starts: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      await limiter.acquire('standard');
      starts.push(time.now());
    }
    expect(starts[2]).toBeGreaterThan(starts[0] ?? 0);
  });

  it('times the window from the answer, so a slow answer cannot let six searches into one HubSpot second', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ burstPer10s: 190, searchPerSecond: 5, now: time.now, sleep: time.sleep });
    const sent: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const ticket = await limiter.acquire('search');
      sent.push(time.now());
      // HubSpot may count this request any time until its answer, 300 ms later.
      time.advance(i === 0 ? 300 : 0);
      ticket.answered();
    }
    expect((sent[5] ?? 0) - (sent[0] ?? 0)).toBeGreaterThanOrEqual(1300);
  });

  it('keeps the send time of a request that was never answered', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ burstPer10s: 190, searchPerSecond: 1, now: time.now, sleep: time.sleep });
    const start = time.now();
    await limiter.acquire('search');
    time.advance(300);
    await limiter.acquire('search');
    expect(time.now()).toBe(start + 1000);
  });

  it('does not hold a standard call behind a search that waits for the search window', async () => {
    let t = 0;
    const pending: Array<() => void> = [];
    const limiter = createRateLimiter({
      burstPer10s: 100,
      searchPerSecond: 1,
      now: () => t,
      // A sleep that only ends when the test says so: the search stays parked.
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          pending.push(() => {
            t += ms;
            resolve();
          });
        }),
    });
    await limiter.acquire('search');
    let searchDone = false;
    const secondSearch = limiter.acquire('search').then(() => {
      searchDone = true;
    });
    await limiter.acquire('standard');
    expect(searchDone).toBe(false);
    expect(pending).toHaveLength(1);
    pending[0]?.();
    await secondSearch;
    expect(searchDone).toBe(true);
  });

  it('does not spend burst slots on searches (HubSpot limits search separately)', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ burstPer10s: 2, searchPerSecond: 5, now: time.now, sleep: time.sleep });
    const start = time.now();
    for (let i = 0; i < 5; i += 1) await limiter.acquire('search');
    await limiter.acquire('standard');
    await limiter.acquire('standard');
    expect(time.now()).toBe(start);
  });

  it('when HubSpot reports the burst used up, waits for the oldest request to leave the window, not a whole window from the last answer', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ burstPer10s: 3, searchPerSecond: 5, now: time.now, sleep: time.sleep });
    const start = time.now();
    for (let i = 0; i < 2; i += 1) {
      const ticket = await limiter.acquire('standard');
      time.advance(1000);
      ticket.answered();
      // Other processes of the app use the rest: after our second answer nothing is left (one kept in reserve).
      limiter.observe({ 'x-hubspot-ratelimit-remaining': String(2 - i), 'x-hubspot-ratelimit-interval-milliseconds': '10000' });
    }
    // Our first request counted from its answer at start + 1 s and leaves the window at start + 11 s
    // (timing from the last answer would wait until start + 12 s).
    await limiter.acquire('standard');
    expect(time.now()).toBe(start + 11_000);
  });
});
