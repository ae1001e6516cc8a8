/**
 * Client-side throttling so Baton stays under HubSpot's limits instead of
 * bouncing off them: a rolling 10-second window for the per-app burst limit
 * and a separate rolling 1-second window for search (5/s per account).
 */

export type RequestKind = 'standard' | 'search';

export interface RateLimiterOptions {
  /** Requests per rolling 10 s. 100 (Free/Starter) is safe for every tier; 190 / 250 for higher tiers. */
  burstPer10s: number;
  /** Search requests per rolling second (HubSpot allows 5). */
  searchPerSecond: number;
  /** Window lengths; only tests change them. */
  burstWindowMs?: number;
  searchWindowMs?: number;
  /**
   * Extra spacing added to each window. HubSpot counts a request when it
   * arrives, we count it when we send it: without slack, a request that travels
   * faster than the one it follows lands inside HubSpot's window and gets a 429.
   * Default: 1% of the burst window, 10% of the search window (100 ms each).
   */
  burstMarginMs?: number;
  searchMarginMs?: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RATE_LIMIT = { burstPer10s: 100, searchPerSecond: 4 } as const;

/** A rolling window: at most `max` starts in any `windowMs`. */
class RollingWindow {
  private readonly starts: number[] = [];
  constructor(
    private max: number,
    private readonly windowMs: number,
  ) {}

  /** How long to wait before one more start is allowed (0 = now). */
  waitMs(now: number): number {
    while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - this.windowMs) this.starts.shift();
    if (this.starts.length < this.max) return 0;
    const oldest = this.starts[this.starts.length - this.max] ?? now;
    return Math.max(1, oldest + this.windowMs - now);
  }

  record(now: number): void {
    this.starts.push(now);
  }

  setMax(max: number): void {
    this.max = Math.max(1, max);
  }
}

export interface RateLimiter {
  /** Resolves when one more request of this kind may start, and counts it. */
  acquire(kind: RequestKind): Promise<void>;
  /** Feed HubSpot's rate-limit headers (lower-case names) so the limiter tightens to what HubSpot reports. */
  observe(headers: Record<string, string>): void;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const burstWindowMs = options.burstWindowMs ?? 10_000;
  const searchWindowMs = options.searchWindowMs ?? 1000;
  const burst = new RollingWindow(Math.max(1, options.burstPer10s), burstWindowMs + (options.burstMarginMs ?? burstWindowMs / 100));
  const search = new RollingWindow(Math.max(1, options.searchPerSecond), searchWindowMs + (options.searchMarginMs ?? searchWindowMs / 10));
  /** What HubSpot last said is left in its window, and when our own count since then started. */
  let reported: { remaining: number; resetAt: number; usedSince: number } | null = null;
  /**
   * Serialises acquisitions of one kind so concurrent callers cannot all see the
   * same free slot. One queue per kind: a standard call must not wait behind a
   * search that waits for the search window (a pull reads history while it pages).
   * Both kinds still count in the shared burst window, checked and recorded
   * without an await in between.
   */
  const queues: Record<RequestKind, Promise<void>> = { standard: Promise.resolve(), search: Promise.resolve() };

  function reportedWait(now: number): number {
    if (reported === null) return 0;
    if (now >= reported.resetAt) {
      reported = null;
      return 0;
    }
    return reported.usedSince >= reported.remaining ? reported.resetAt - now : 0;
  }

  async function acquireNow(kind: RequestKind): Promise<void> {
    for (;;) {
      const now = options.now();
      const wait = Math.max(burst.waitMs(now), kind === 'search' ? search.waitMs(now) : 0, reportedWait(now));
      if (wait <= 0) break;
      await options.sleep(wait);
    }
    const now = options.now();
    // Search has its own HubSpot limit, but counting it in the burst window too keeps us safe either way.
    burst.record(now);
    if (kind === 'search') search.record(now);
    if (reported) reported.usedSince += 1;
  }

  return {
    acquire(kind) {
      const next = queues[kind].then(() => acquireNow(kind));
      queues[kind] = next.catch(() => undefined);
      return next;
    },
    observe(headers) {
      const max = Number(headers['x-hubspot-ratelimit-max']);
      const remaining = Number(headers['x-hubspot-ratelimit-remaining']);
      const interval = Number(headers['x-hubspot-ratelimit-interval-milliseconds']);
      if (Number.isFinite(max) && max > 0 && max < options.burstPer10s && (!Number.isFinite(interval) || interval === burstWindowMs)) {
        // The account's tier allows less than we were configured for: tighten.
        burst.setMax(max);
      }
      if (Number.isFinite(remaining) && remaining >= 0 && Number.isFinite(interval) && interval > 0) {
        // Keep one request in reserve for other processes of this app.
        reported = { remaining: Math.max(0, remaining - 1), resetAt: options.now() + Math.min(interval, burstWindowMs), usedSince: 0 };
      }
    },
  };
}
