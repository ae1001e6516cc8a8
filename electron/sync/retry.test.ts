import { HubSpotError } from './hubspot-error';
import { backoffDelay, classifyResponse, missingScopeFrom, networkError, parseRetryAfter, withRetry } from './retry';

const noHeaders = {};

describe('classifyResponse', () => {
  it('treats a ten-second 429 as retryable and honours Retry-After', () => {
    const error = classifyResponse({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: 'c-1', policyName: 'TEN_SECONDLY_ROLLING' },
    });
    expect(error.code).toBe('HUBSPOT_RATE_LIMIT');
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(3000);
    expect(error.correlationId).toBe('c-1');
  });

  it('stops on a DAILY 429 with a typed error', () => {
    const error = classifyResponse({ status: 429, headers: noHeaders, body: { policyName: 'DAILY', message: 'daily' } });
    expect(error.code).toBe('HUBSPOT_RATE_LIMIT');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/daily/i);
  });

  it.each([500, 502, 503, 504, 520, 521, 522, 523, 524])('retries %i', (status) => {
    const error = classifyResponse({ status, headers: noHeaders, body: null });
    expect(error.code).toBe('HUBSPOT_UNAVAILABLE');
    expect(error.retryable).toBe(true);
  });

  it('waits at least 2 s on 423 Locked', () => {
    const error = classifyResponse({ status: 423, headers: noHeaders, body: {} });
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(2000);
  });

  it('honours Retry-After on 477 migration in progress', () => {
    const error = classifyResponse({ status: 477, headers: { 'retry-after': '7' }, body: {} });
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(7000);
  });

  it('maps 401 to HUBSPOT_AUTH, not retryable', () => {
    const error = classifyResponse({ status: 401, headers: noHeaders, body: { message: 'Authentication credentials not found.' } });
    expect(error.code).toBe('HUBSPOT_AUTH');
    expect(error.retryable).toBe(false);
  });

  it('names the missing scope from a 403 body', () => {
    const error = classifyResponse({
      status: 403,
      headers: noHeaders,
      body: {
        status: 'error',
        message: 'This app hasn\'t been granted all required scopes to make this call.',
        category: 'MISSING_SCOPES',
        errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: ['crm.schemas.deals.write'] } }],
      },
    });
    expect(error.code).toBe('HUBSPOT_SCOPE');
    expect(error.scope).toBe('crm.schemas.deals.write');
    expect(error.message).toContain('crm.schemas.deals.write');
  });

  it('maps 400 and 409 to HUBSPOT_VALIDATION and 404 to HUBSPOT_NOT_FOUND', () => {
    expect(classifyResponse({ status: 400, headers: noHeaders, body: { message: 'Property values were not valid' } }).code).toBe('HUBSPOT_VALIDATION');
    expect(classifyResponse({ status: 409, headers: noHeaders, body: 'not json' }).code).toBe('HUBSPOT_VALIDATION');
    expect(classifyResponse({ status: 404, headers: noHeaders, body: undefined }).code).toBe('HUBSPOT_NOT_FOUND');
  });
});

describe('helpers', () => {
  it('parses Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(parseRetryAfter('garbage')).toBeNull();
  });

  it('finds a scope in the message when the context lacks one', () => {
    expect(missingScopeFrom({ message: 'missing scope crm.objects.owners.read' })).toBe('crm.objects.owners.read');
    expect(missingScopeFrom({})).toBeNull();
  });

  it('backs off exponentially with jitter but never below Retry-After', () => {
    const error = new HubSpotError({ code: 'HUBSPOT_UNAVAILABLE', message: 'x', retryable: true });
    const opts = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 };
    expect(backoffDelay(1, error, opts)).toBe(50);
    expect(backoffDelay(3, error, opts)).toBe(200);
    expect(backoffDelay(10, error, { ...opts, random: () => 0.999 })).toBeLessThanOrEqual(1000);
    const limited = new HubSpotError({ code: 'HUBSPOT_RATE_LIMIT', message: 'x', retryable: true, retryAfterMs: 5000 });
    expect(backoffDelay(1, limited, opts)).toBe(5000);
  });
});

describe('withRetry', () => {
  const sleeps: number[] = [];
  const options = {
    maxAttempts: 4,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    random: () => 0.5,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
  beforeEach(() => {
    sleeps.length = 0;
  });

  it('retries transient failures and returns the eventual result', async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls += 1;
      if (calls === 1) throw classifyResponse({ status: 429, headers: { 'retry-after': '1' }, body: {} });
      if (calls === 2) throw networkError(new TypeError('fetch failed'));
      return 'done';
    }, options);
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(sleeps[0]).toBe(1000);
    expect(sleeps).toHaveLength(2);
  });

  it('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw classifyResponse({ status: 503, headers: {}, body: {} });
      }, options),
    ).rejects.toMatchObject({ code: 'HUBSPOT_UNAVAILABLE', status: 503 });
    expect(calls).toBe(4);
  });

  it('does not retry permanent errors or DAILY limits', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw classifyResponse({ status: 429, headers: {}, body: { policyName: 'DAILY' } });
      }, options),
    ).rejects.toMatchObject({ code: 'HUBSPOT_RATE_LIMIT', retryable: false });
    expect(calls).toBe(1);
    await expect(withRetry(async () => Promise.reject(new RangeError('bug')), options)).rejects.toBeInstanceOf(RangeError);
  });
});
