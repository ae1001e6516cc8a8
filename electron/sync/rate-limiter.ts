/**
 * Client-side throttling so Baton stays under HubSpot's limits instead of
 * bouncing off them: a rolling 10-second window for the per-app burst limit
 * and a separate rolling 1-second window for search (5/s per account), which
 * HubSpot does not count against the burst limit.
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
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RATE_LIMIT = { burstPer10s: 100, searchPerSecond: 4 } as const;

/** When a request counts: its send time, moved to its answer time once answered. */
interface Slot {
  at: number;
}

/**
 * A rolling window: at most `max` requests in any `windowMs`. HubSpot counts a
 * request when it ARRIVES, somewhere between our send and its answer; timing the
 * window from the answer (see `RateTicket`) means network jitter can never land
 * one request more in HubSpot's window than in ours.
 */
class RollingWindow {
  private readonly slots: Slot[] = [];
  constructor(
    private max: number,
    private readonly windowMs: number,
  ) {}

  /** How long to wait before one more start is allowed (0 = now). */
  waitMs(now: number): number {
    while (this.slots.length > 0 && (this.slots[0]?.at ?? 0) <= now - this.windowMs) this.slots.shift();
    if (this.slots.length < this.max) return 0;
    const oldest = this.slots[this.slots.length - this.max]?.at ?? now;
    return Math.max(1, oldest + this.windowMs - now);
  }

  record(now: number): Slot {
    const slot = { at: now };
    this.slots.push(slot);
    return slot;
  }

  /** When the oldest request still in the window started counting (null when the window is empty). */
  oldestAt(now: number): number | null {
    while (this.slots.length > 0 && (this.slots[0]?.at ?? 0) <= now - this.windowMs) this.slots.shift();
    return this.slots[0]?.at ?? null;
  }

  /** The request of `slot` was answered at `now`: it counts from then on (the list stays in time order). */
  answered(slot: Slot, now: number): void {
    if (now <= slot.at) return;
    slot.at = now;
    this.slots.sort((a, b) => a.at - b.at);
  }

  setMax(max: number): void {
    this.max = Math.max(1, max);
  }
}

/** One admitted request. */
export interface RateTicket {
  /** Call when HubSpot's answer (any status) arrived: the request then counts from now. */
  answered(): void;
}

export interface RateLimiter {
  /** Resolves when one more request of this kind may start, and counts it. */
  acquire(kind: RequestKind): Promise<RateTicket>;
  /** Feed HubSpot's rate-limit headers (lower-case names) so the limiter tightens to what HubSpot reports. */
  observe(headers: Record<string, string>): void;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const burstWindowMs = options.burstWindowMs ?? 10_000;
  const burst = new RollingWindow(Math.max(1, options.burstPer10s), burstWindowMs);
  const search = new RollingWindow(Math.max(1, options.searchPerSecond), options.searchWindowMs ?? 1000);
  /** What HubSpot last said is left in its window, and when our own count since then started. */
  let reported: { remaining: number; resetAt: number; usedSince: number } | null = null;
  /**
   * Serialises acquisitions of one kind so concurrent callers cannot all see the
   * same free slot. One queue per kind: a standard call must not wait behind a
   * search that waits for the search window (a pull reads history while it pages).
   * Both kinds still count in the shared burst window, checked and recorded
   * without an await in between.
   */
  const queues: Record<RequestKind, Promise<unknown>> = { standard: Promise.resolve(), search: Promise.resolve() };

  function reportedWait(now: number): number {
    if (reported === null) return 0;
    if (now >= reported.resetAt) {
      reported = null;
      return 0;
    }
    return reported.usedSince >= reported.remaining ? reported.resetAt - now : 0;
  }

  async function acquireNow(kind: RequestKind): Promise<RateTicket> {
    // Search has its own limit, separate from the burst limit (HUBSPOT.md): it neither
    // waits for nor uses burst slots, so a pull's history reads get all of them.
    const window = kind === 'search' ? search : burst;
    for (;;) {
      const now = options.now();
      const wait = Math.max(window.waitMs(now), kind === 'search' ? 0 : reportedWait(now));
      if (wait <= 0) break;
      await options.sleep(wait);
    }
    const slot = window.record(options.now());
    if (kind !== 'search' && reported) reported.usedSince += 1;
    return {
      answered() {
        window.answered(slot, options.now());
      },
    };
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
        // HubSpot's window rolls: the next slot frees when the oldest request in it leaves.
        // Ours is the oldest we know of (anyone else's older one frees even sooner), so
        // waiting for it is safe; timing from this answer instead would idle a full window
        // after every exhausted burst. Keep one request in reserve for other processes of this app.
        const now = options.now();
        const window = Math.min(interval, burstWindowMs);
        reported = { remaining: Math.max(0, remaining - 1), resetAt: (burst.oldestAt(now) ?? now) + window, usedSince: 0 };
      }
    },
  };
}
