import { HubSpotError } from './hubspot-error';

/** What a HubSpot HTTP exchange looked like, as far as error handling cares. */
export interface HttpOutcome {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

function stringField(body: unknown, key: string): string | null {
  const value = field(body, key);
  return typeof value === 'string' ? value : null;
}

/** `Retry-After` in seconds (HubSpot) or an HTTP date, as milliseconds. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The scope a 403 body names, e.g. "crm.schemas.deals.write". */
export function missingScopeFrom(body: unknown): string | null {
  const errors = field(body, 'errors');
  const candidates: unknown[] = [field(body, 'context'), ...(Array.isArray(errors) ? errors.map((e) => field(e, 'context')) : [])];
  for (const context of candidates) {
    const scopes = field(context, 'requiredGranularScopes') ?? field(context, 'requiredScopes') ?? field(context, 'scopes');
    if (Array.isArray(scopes)) {
      const first: unknown = scopes.flat()[0];
      if (typeof first === 'string') return first;
    }
  }
  const message = stringField(body, 'message') ?? '';
  const match = /\b((?:crm|sales|content|automation|settings|oauth|tickets|e-commerce|forms)[a-z0-9_.-]*\.(?:read|write))\b/i.exec(message);
  return match?.[1] ?? null;
}

/**
 * Turn a non-2xx response into a typed error that says whether (and after
 * how long) to retry. HubSpot error bodies are treated as untrusted: every
 * field is optional.
 */
export function classifyResponse(outcome: HttpOutcome, now: number = Date.now()): HubSpotError {
  const { status, headers, body } = outcome;
  const correlationId = stringField(body, 'correlationId') ?? headers['x-hubspot-correlation-id'] ?? null;
  const category = stringField(body, 'category') ?? stringField(body, 'errorType');
  const hubspotMessage = stringField(body, 'message');
  const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
  const common = { status, correlationId, category };
  const said = hubspotMessage ? ` HubSpot said: ${hubspotMessage}` : '';

  if (status === 429) {
    const policy = stringField(body, 'policyName');
    if (policy === 'DAILY') {
      return new HubSpotError({
        ...common,
        code: 'HUBSPOT_RATE_LIMIT',
        message: 'The HubSpot account has used up its daily API limit. Sync resumes tomorrow (limits reset at midnight in the account time zone).',
        detail: 'DAILY',
        retryable: false,
      });
    }
    return new HubSpotError({
      ...common,
      code: 'HUBSPOT_RATE_LIMIT',
      message: `HubSpot is throttling requests; Baton will slow down and retry.${said}`,
      detail: policy,
      retryable: true,
      retryAfterMs,
    });
  }
  if (status === 423) {
    return new HubSpotError({
      ...common,
      code: 'HUBSPOT_UNAVAILABLE',
      message: 'The HubSpot record is locked by another update; retrying shortly.',
      retryable: true,
      retryAfterMs: Math.max(2000, retryAfterMs ?? 0),
    });
  }
  if (status === 477) {
    return new HubSpotError({
      ...common,
      code: 'HUBSPOT_UNAVAILABLE',
      message: 'The HubSpot account is being migrated; retrying later.',
      retryable: true,
      retryAfterMs,
    });
  }
  if (status >= 500) {
    return new HubSpotError({
      ...common,
      code: 'HUBSPOT_UNAVAILABLE',
      message: `HubSpot is unavailable right now (HTTP ${status}); retrying.`,
      retryable: true,
      retryAfterMs,
    });
  }
  if (status === 401) {
    return new HubSpotError({
      ...common,
      code: 'HUBSPOT_AUTH',
      message: 'HubSpot did not accept the token (it is wrong, expired or revoked). Paste a valid Service Key or private app token.',
    });
  }
  if (status === 403) {
    const scope = missingScopeFrom(body);
    return new HubSpotError({
      ...common,
      code: 'HUBSPOT_SCOPE',
      scope,
      message: scope
        ? `The HubSpot token is missing the "${scope}" scope. Add it to the key in HubSpot and connect again.`
        : `The HubSpot token is not allowed to do this (a scope is missing).${said}`,
    });
  }
  if (status === 404) {
    return new HubSpotError({ ...common, code: 'HUBSPOT_NOT_FOUND', message: `HubSpot could not find the record.${said}` });
  }
  if (status >= 400) {
    return new HubSpotError({ ...common, code: 'HUBSPOT_VALIDATION', message: `HubSpot refused the data (HTTP ${status}).${said}` });
  }
  return new HubSpotError({ ...common, code: 'HUBSPOT_BAD_RESPONSE', message: `HubSpot answered with unexpected HTTP status ${status}.` });
}

/** A failure below HTTP (refused, reset, DNS, timeout): transient. */
export function networkError(error: unknown): HubSpotError {
  const message = error instanceof Error ? error.message : String(error);
  return new HubSpotError({
    code: 'HUBSPOT_UNAVAILABLE',
    message: 'Could not reach HubSpot (the connection failed or timed out); retrying.',
    detail: message,
    retryable: true,
  });
}

export interface RetryOptions {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ random() < 1; injectable so tests are deterministic. */
  random: () => number;
  /** Called before each wait, for logging. */
  onRetry?: (error: HubSpotError, attempt: number, delayMs: number) => void;
}

export const DEFAULT_RETRY: Omit<RetryOptions, 'sleep'> = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  random: Math.random,
};

/** Exponential backoff with full jitter, never shorter than what HubSpot asked for. */
export function backoffDelay(attempt: number, error: HubSpotError, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential / 2 + (exponential / 2) * options.random();
  return Math.max(error.retryAfterMs ?? 0, Math.round(jittered));
}

/**
 * Run `attempt` until it succeeds, fails for good, or runs out of attempts.
 * Only `HubSpotError`s marked retryable are retried; anything else is rethrown.
 */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof HubSpotError) || !error.retryable || n >= options.maxAttempts) throw error;
      const delay = backoffDelay(n, error, options);
      options.onRetry?.(error, n, delay);
      await options.sleep(delay);
    }
  }
}
