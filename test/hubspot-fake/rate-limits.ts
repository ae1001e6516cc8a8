import { errorBody, type HubSpotErrorBody } from './errors';

export interface RateLimitSettings {
  burstPer10s: number;
  searchPerSecond: number;
  daily: number;
}

export const BURST_WINDOW_MS = 10_000;
const SEARCH_WINDOW_MS = 1_000;
const DAY_MS = 86_400_000;

export type RateDecision =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; body: HubSpotErrorBody; headers: Record<string, string> };

/** Drops timestamps that left the rolling window. */
function prune(window: number[], now: number, widthMs: number): void {
  while (window.length > 0 && (window[0] ?? 0) <= now - widthMs) window.shift();
}

/**
 * HubSpot's limits: a rolling 10-second burst window per token, a per-second window for
 * search per portal (no headers on search answers), and a daily count per portal that
 * resets at midnight (UTC here). Every accepted request counts, whatever its status.
 */
export class RateLimits {
  private readonly burst = new Map<string, number[]>();
  private readonly search: number[] = [];
  private dailyCount = 0;
  private dailyDay = -1;

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number,
  ) {}

  reset(): void {
    this.burst.clear();
    this.search.length = 0;
    this.dailyCount = 0;
    this.dailyDay = -1;
  }

  admit(token: string, isSearch: boolean): RateDecision {
    const now = this.now();
    const day = Math.floor(now / DAY_MS);
    if (day !== this.dailyDay) {
      this.dailyDay = day;
      this.dailyCount = 0;
    }
    const window = this.burst.get(token) ?? [];
    this.burst.set(token, window);
    prune(window, now, BURST_WINDOW_MS);
    const headers = (remaining: number, dailyRemaining: number): Record<string, string> => ({
      'X-HubSpot-RateLimit-Max': String(this.settings.burstPer10s),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, remaining)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(BURST_WINDOW_MS),
      'X-HubSpot-RateLimit-Daily': String(this.settings.daily),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, dailyRemaining)),
    });

    if (this.dailyCount >= this.settings.daily) {
      const retryAfter = Math.ceil(((day + 1) * DAY_MS - now) / 1000);
      return {
        ok: false,
        body: errorBody('RATE_LIMITS', 'You have reached your daily limit.', { errorType: 'RATE_LIMIT', policyName: 'DAILY' }),
        headers: { ...(isSearch ? {} : headers(this.settings.burstPer10s - window.length, 0)), 'Retry-After': String(retryAfter) },
      };
    }
    if (isSearch) {
      prune(this.search, now, SEARCH_WINDOW_MS);
      if (this.search.length >= this.settings.searchPerSecond) {
        return {
          ok: false,
          body: errorBody('RATE_LIMITS', 'You have reached your secondly limit.', { errorType: 'RATE_LIMIT', policyName: 'SECONDLY' }),
          headers: {},
        };
      }
      this.search.push(now);
      this.dailyCount += 1;
      return { ok: true, headers: {} };
    }
    if (window.length >= this.settings.burstPer10s) {
      const oldest = window[0] ?? now;
      const retryAfter = Math.max(1, Math.ceil((oldest + BURST_WINDOW_MS - now) / 1000));
      return {
        ok: false,
        body: errorBody('RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' }),
        headers: { ...headers(0, this.settings.daily - this.dailyCount), 'Retry-After': String(retryAfter) },
      };
    }
    window.push(now);
    this.dailyCount += 1;
    return { ok: true, headers: headers(this.settings.burstPer10s - window.length, this.settings.daily - this.dailyCount) };
  }
}
