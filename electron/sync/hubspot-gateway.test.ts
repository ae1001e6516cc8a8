import { z } from 'zod';
import { HubSpotGateway } from './hubspot-gateway';
import type { HttpRequest, Transport } from './hubspot-gateway';
import { createRateLimiter } from './rate-limiter';
import type { HttpOutcome } from './retry';

function gatewayWith(answers: (HttpOutcome | Error | 'hang')[], options: { maxAttempts?: number } = {}) {
  let t = 0;
  const sleeps: number[] = [];
  const requests: HttpRequest[] = [];
  const outcomes: boolean[] = [];
  const transport: Transport = async (request) => {
    requests.push(request);
    const next = answers.shift();
    if (next === undefined) throw new Error('no more answers');
    if (next === 'hang') return new Promise<HttpOutcome>(() => undefined);
    if (next instanceof Error) throw next;
    return next;
  };
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    t += ms;
  };
  const gateway = new HubSpotGateway({
    transport,
    limiter: createRateLimiter({ burstPer10s: 100, searchPerSecond: 5, now: () => t, sleep }),
    retry: { maxAttempts: options.maxAttempts ?? 3, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5, sleep },
    timeoutMs: 50,
    onOutcome: (ok) => outcomes.push(ok),
  });
  return { gateway, sleeps, requests, outcomes };
}

const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): HttpOutcome => ({ status, headers, body });

describe('HubSpotGateway', () => {
  it('validates answers and returns typed data', async () => {
    const { gateway, outcomes } = gatewayWith([ok({ portalId: 42, uiDomain: 'app.hubspot.com', extra: true })]);
    await expect(gateway.accountDetails()).resolves.toEqual({ portalId: 42, uiDomain: 'app.hubspot.com' });
    expect(outcomes).toEqual([true]);
  });

  it('turns an answer of the wrong shape into HUBSPOT_BAD_RESPONSE with detail, without retrying', async () => {
    const { gateway, requests } = gatewayWith([ok({ portalId: 'not a number' })]);
    await expect(gateway.accountDetails()).rejects.toMatchObject({ code: 'HUBSPOT_BAD_RESPONSE', detail: expect.stringContaining('portalId') });
    expect(requests).toHaveLength(1);
  });

  it('resolves a 207 so per-input errors can be matched', async () => {
    const body = { status: 'COMPLETE', results: [{ id: '1', properties: { baton_id: 'a' } }], numErrors: 1, errors: [{ category: 'VALIDATION_ERROR', message: 'bad', context: { objectWriteTraceId: ['t-2'] } }] };
    const { gateway } = gatewayWith([ok(body, 207)]);
    const result = await gateway.batchWrite('deals', 'upsert', [{ id: 'a', idProperty: 'baton_id', properties: {} }]);
    expect(result.errors?.[0]?.context?.['objectWriteTraceId']).toEqual(['t-2']);
  });

  it('never sends a create again after a failure it may have been applied in; a 429 (never applied) is retried', async () => {
    const created = ok({ status: 'COMPLETE', results: [{ id: '9', properties: {} }] }, 201);
    const lost = gatewayWith([new Error('socket hang up')]);
    await expect(lost.gateway.batchWrite('notes', 'create', [{ properties: { hs_note_body: 'x' } }])).rejects.toMatchObject({ code: 'HUBSPOT_UNAVAILABLE', maybeApplied: true, retryable: false });
    expect(lost.requests).toHaveLength(1);
    const failed = gatewayWith([ok({ message: 'boom' }, 502)]);
    await expect(failed.gateway.batchWrite('notes', 'create', [{ properties: { hs_note_body: 'x' } }])).rejects.toMatchObject({ maybeApplied: true });
    const throttled = gatewayWith([ok({ message: 'slow down' }, 429, { 'retry-after': '1' }), created]);
    await expect(throttled.gateway.batchWrite('notes', 'create', [{ properties: { hs_note_body: 'x' } }])).resolves.toMatchObject({ results: [{ id: '9' }] });
    expect(throttled.requests).toHaveLength(2);
  });

  it('a checked create looks in HubSpot before sending again, and sends only what is not there', async () => {
    const created = ok({ status: 'COMPLETE', results: [{ id: '9', properties: {}, objectWriteTraceId: 'b' }] }, 201);
    const { gateway, requests, sleeps } = gatewayWith([new Error('socket hang up'), created]);
    const asked: string[][] = [];
    const outcome = await gateway.batchCreateChecked('notes', [{ properties: { hs_note_body: 'a' }, objectWriteTraceId: 'a' }, { properties: { hs_note_body: 'b' }, objectWriteTraceId: 'b' }], async (sent) => {
      asked.push(sent.map((i) => i.objectWriteTraceId ?? ''));
      return new Set(['a']);
    });
    expect(asked).toEqual([['a', 'b']]);
    expect(outcome.written).toEqual(['a']);
    expect(outcome.result.results.map((r) => r.id)).toEqual(['9']);
    expect(requests.map((r) => (r.body as { inputs: unknown[] }).inputs.length)).toEqual([2, 1]);
    expect(sleeps).toHaveLength(1);
  });

  it('refuses batches over 100 inputs before calling HubSpot', async () => {
    const { gateway, requests } = gatewayWith([]);
    await expect(gateway.batchWrite('deals', 'update', Array.from({ length: 101 }, (_, i) => ({ id: String(i) })))).rejects.toBeInstanceOf(RangeError);
    expect(requests).toHaveLength(0);
  });

  it('retries a timeout and a network error, reporting the failures to the online state', async () => {
    const { gateway, outcomes, sleeps } = gatewayWith(['hang', new TypeError('fetch failed'), ok({ results: [] })]);
    await expect(gateway.groups('deals')).resolves.toEqual([]);
    expect(outcomes).toEqual([false, false, true]);
    expect(sleeps).toHaveLength(2);
  });

  it('gives up with the typed error after max attempts', async () => {
    const { gateway, requests } = gatewayWith([ok({}, 502), ok({}, 503)], { maxAttempts: 2 });
    await expect(gateway.groups('deals')).rejects.toMatchObject({ code: 'HUBSPOT_UNAVAILABLE', status: 503 });
    expect(requests).toHaveLength(2);
  });

  it('reads all owner pages', async () => {
    const { gateway, requests } = gatewayWith([
      ok({ results: [{ id: '1', email: 'a@x.com' }], paging: { next: { after: '1' } } }),
      ok({ results: [{ id: '2', email: null }] }),
    ]);
    await expect(gateway.owners()).resolves.toEqual([
      { id: '1', email: 'a@x.com' },
      { id: '2', email: null },
    ]);
    expect(requests[1]?.qs).toEqual({ limit: '100', after: '1' });
  });

  it('treats a batch read where no id exists (404) as all missing', async () => {
    const { gateway } = gatewayWith([ok({ status: 'error', message: 'not found' }, 404)]);
    const result = await gateway.batchRead('deals', ['9'], ['dealname']);
    expect(result.results).toEqual([]);
  });

  it('sends search to the search endpoint through the search limiter', async () => {
    const { gateway, requests } = gatewayWith([ok({ total: 0, results: [] })]);
    const parsed = z.object({ total: z.number() }).parse(await gateway.search('deals', { filterGroups: [] }));
    expect(parsed.total).toBe(0);
    expect(requests[0]?.path).toBe('/crm/v3/objects/deals/search');
  });
  it('reads every page of each record’s associations, asking again per record with its cursor', async () => {
    const { gateway, requests } = gatewayWith([
      ok({ results: [{ from: { id: '1' }, to: [{ toObjectId: 10 }, { toObjectId: 11 }], paging: { next: { after: 'p2' } } }, { from: { id: '2' }, to: [{ toObjectId: 20 }] }] }),
      ok({ results: [{ from: { id: '1' }, to: [{ toObjectId: 12 }], paging: { next: { after: 'p2' } } }] }),
    ]);
    const found = await gateway.associatedIds('tickets', 'notes', ['1', '2', '1']);
    expect(Object.fromEntries(found)).toEqual({ '1': ['10', '11', '12'], '2': ['20'] });
    expect(requests.map((r) => [r.path, r.body])).toEqual([
      ['/crm/v4/associations/tickets/notes/batch/read', { inputs: [{ id: '1' }, { id: '2' }] }],
      // A cursor that does not move ends the paging instead of looping.
      ['/crm/v4/associations/tickets/notes/batch/read', { inputs: [{ id: '1', after: 'p2' }] }],
    ]);
  });

  it('speaks a ticket’s property names on the wire and Baton’s canonical ones to its callers', async () => {
    const { gateway, requests } = gatewayWith([
      ok({ results: [{ id: '7', properties: { subject: 'Brief', hs_pipeline: '0', hs_pipeline_stage: '2' }, propertiesWithHistory: { subject: [{ value: 'Brief', timestamp: '2026-11-20T08:00:00.000Z' }] } }] }),
    ]);
    const result = await gateway.batchRead('tickets', ['7'], ['dealname', 'pipeline', 'dealstage'], ['dealname']);
    expect(requests[0]?.body).toEqual({ inputs: [{ id: '7' }], properties: ['subject', 'hs_pipeline', 'hs_pipeline_stage'], propertiesWithHistory: ['subject'] });
    expect(result.results[0]?.properties).toEqual({ dealname: 'Brief', pipeline: '0', dealstage: '2' });
    expect(Object.keys(result.results[0]?.propertiesWithHistory ?? {})).toEqual(['dealname']);
  });

  it('refuses more than 50 inputs for a batch read with history, before calling HubSpot', async () => {
    const { gateway, requests } = gatewayWith([]);
    const ids = Array.from({ length: 51 }, (_, i) => String(i));
    await expect(gateway.batchRead('deals', ids, ['dealname'], ['dealname'])).rejects.toThrow('at most 50 inputs');
    expect(requests).toEqual([]);
  });
});
