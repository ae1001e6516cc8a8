import fc from 'fast-check';
import type { ChannelTable, HandlersFor } from '../../../shared/ipc/channel';
import { channelNames, contract, type ChannelName } from '../../../shared/ipc/contract';
import { IpcResultSchema, type IpcResult } from '../../../shared/ipc/result';
import { SEED_TEMPLATES } from '../../../shared/seed/templates';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createTestHost, type TestHost } from '../../host/create-test-host';
import { startHubSpotFake, type HubSpotFake } from '../../hubspot-fake';
import { hostileKeys, hostileValues, pollutionObjects, prototypesPolluted, deeplyNested } from './hostile-values';

/**
 * Every channel of the IPC contract, fed malformed and hostile payloads
 * through the real `dispatch` and handler table (the test host, connected
 * to the HubSpot fake). A refused request must come back as a typed
 * BAD_REQUEST envelope, dispatch must never throw, and nothing a handler
 * could do (secret store, notifier, shell, badge, HubSpot) may happen.
 */

const TOKEN = 'pat-na1-fuzz-0c7e11a4-secret';
const RUNS_PER_CHANNEL = Number(process.env['BATON_FUZZ_RUNS'] ?? 150);

/** One valid request per channel: the base the fuzzer breaks. */
const VALID: Record<ChannelName, Record<string, unknown>> = {
  'app.info': {},
  'app.openExternal': { url: 'https://example.com/brief' },
  'notifications.show': { title: 'Yours now', body: 'Spring sale', handoffId: 'h-1' },
  'online.status': {},
  'log.write': { level: 'warn', message: 'hello' },
  'window.setBadgeCount': { count: 3 },
  'backup.takeOpenedFile': {},
  'hubspot.connect': { token: TOKEN },
  'hubspot.status': {},
  'hubspot.disconnect': {},
  'hubspot.setupOptions': {},
  'hubspot.provision': { templates: [SEED_TEMPLATES[0]] },
  'hubspot.owners': {},
  'sync.pull': { cursor: null, knownDealIds: [], templates: [] },
  'sync.push': { items: [] },
};

let fake: HubSpotFake;
let host: TestHost;
let fuzzed = 0;
const refusedByCode = new Map<string, number>();

function isEnvelope(result: unknown): result is IpcResult {
  return IpcResultSchema.safeParse(result).success;
}

/** The payload with one top-level field replaced, or the whole payload replaced, or hostile keys added. */
function breakPayload(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  const replaceField =
    keys.length === 0 ? fc.constant(base) : fc.tuple(fc.constantFrom(...keys), hostileValues()).map(([key, value]) => ({ ...base, [key]: value }));
  const dropField = keys.length === 0 ? fc.constant(base) : fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key)));
  const addKeys = fc.tuple(fc.array(fc.tuple(hostileKeys(), hostileValues()), { minLength: 1, maxLength: 3 }), fc.option(pollutionObjects())).map(([extra, polluter]) => {
    const payload: Record<string, unknown> = { ...base };
    // defineProperty, so a key named __proto__ becomes an own property (as JSON.parse / structured clone make it).
    for (const [key, value] of extra) Object.defineProperty(payload, key, { value, enumerable: true, configurable: true, writable: true });
    return polluter === null ? payload : Object.assign(polluter, payload);
  });
  return fc.oneof(hostileValues(), replaceField, dropField, addKeys);
}

/** What the host did that a refused request must never cause. */
function sideEffects(): unknown {
  return {
    secrets: [...host.secretStore.entries],
    notifications: host.notifications.length,
    openedUrls: host.openedUrls.length,
    badgeCounts: host.badgeCounts.length,
    hubspotRequests: fake.stats.requests.length,
    logs: host.logs.length,
  };
}

beforeAll(async () => {
  fake = await startHubSpotFake({ tokens: [TOKEN] });
  host = createTestHost({ hubspotBasePath: fake.baseUrl, syncTuning: { sleep: async () => undefined } });
  const connected = await host.dispatch('hubspot.connect', { token: TOKEN });
  expect(connected.ok).toBe(true);
});

afterAll(async () => {
  await fake.close();
  const total = [...refusedByCode.values()].reduce((a, b) => a + b, 0);
  console.info(
    `[reliability] ipc-fuzz: ${fuzzed} hostile inputs over ${channelNames.length} channels, ${total} refused with a typed error (${[...refusedByCode].map(([c, n]) => `${c} ${n}`).join(', ')}), dispatch never threw, no side effects`,
  );
});

describe('IPC fuzzing through dispatch', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(VALID).sort()).toEqual([...channelNames].sort());
  });

  for (const name of channelNames) {
    it(`${name}: malformed and hostile payloads are refused with BAD_REQUEST and change nothing`, async () => {
      const spec = contract[name];
      const before = sideEffects();
      await fc.assert(
        fc.asyncProperty(breakPayload(VALID[name]), async (payload) => {
          // The fuzzer may stumble on a payload the contract accepts (e.g. dropping an optional field):
          // those are not malformed, so they are not this test's business.
          fc.pre(!spec.request.safeParse(payload).success);
          fuzzed += 1;
          const result = await dispatch(host.handlers, contract, name, payload, { logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
          expect(isEnvelope(result)).toBe(true);
          if (result.ok) throw new Error(`${name} accepted a malformed payload`);
          expect(result.error.code).toBe('BAD_REQUEST');
          expect(result.error.message).toMatch(new RegExp(`^The request to ${name.replace('.', '\\.')} is malformed`));
          // A hostile payload is never echoed back at length (huge strings, keys).
          expect(result.error.message.length).toBeLessThan(2_000);
          expect(result.error.issues?.length ?? 0).toBeGreaterThan(0);
          refusedByCode.set(result.error.code, (refusedByCode.get(result.error.code) ?? 0) + 1);
        }),
        { numRuns: RUNS_PER_CHANNEL, seed: 20261124 },
      );
      expect(sideEffects()).toEqual(before);
      expect(prototypesPolluted()).toBe(false);
    });
  }

  it('unknown and hostile channel names are refused with UNKNOWN_CHANNEL', async () => {
    const before = sideEffects();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom<unknown>('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'sync.push ', 'SYNC.PUSH', ''), fc.string(), hostileValues()),
        hostileValues(),
        async (channelName, payload) => {
          fc.pre(typeof channelName !== 'string' || !Object.hasOwn(contract, channelName));
          fuzzed += 1;
          const result = await host.dispatch(channelName, payload);
          expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
          // Bounded: dispatch quotes at most 100 characters of the name (JSON-escaped, so up to 6 chars each).
          if (!result.ok) expect(result.error.message.length).toBeLessThan(1_000);
          refusedByCode.set('UNKNOWN_CHANNEL', (refusedByCode.get('UNKNOWN_CHANNEL') ?? 0) + 1);
        },
      ),
      { numRuns: RUNS_PER_CHANNEL, seed: 42 },
    );
    expect(sideEffects()).toEqual(before);
  });

  // zod quotes unknown keys ("Unrecognized key: <key>"); a 1 MB key name must not come back as a 1 MB error.
  it('does not echo a huge unknown key back in the error', async () => {
    const payload = { ['k'.repeat(1_000_000)]: 1 };
    fuzzed += 1;
    const result = await host.dispatch('app.info', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  });

  it('a handler that throws or answers outside its schema becomes a typed INTERNAL error, never a throw', async () => {
    const table = { 'app.info': contract['app.info'] } satisfies ChannelTable;
    const hostile: HandlersFor<typeof table>[] = [
      { 'app.info': async () => Promise.reject(new Error(`boom with ${TOKEN}`)) },
      { 'app.info': async () => Promise.reject(Symbol('not an error')) },
      { 'app.info': async () => JSON.parse('{"__proto__":{"polluted":1}}') as never },
      { 'app.info': async () => deeplyNested(10_000, 'object') as never },
    ];
    for (const handlers of hostile) {
      fuzzed += 1;
      const result = await dispatch(handlers, table, 'app.info', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(JSON.stringify(result)).not.toContain(TOKEN);
    }
    expect(prototypesPolluted()).toBe(false);
  });

  // sync.pull and sync.push were the last lenient ones: their zod schemas silently dropped unknown keys.
  it.each(['sync.pull', 'sync.push'] as const)('%s refuses a request with an unknown key as BAD_REQUEST, naming the key', async (name) => {
    const before = sideEffects();
    fuzzed += 1;
    const result = await host.dispatch(name, { ...VALID[name], cursr: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', issues: [{ path: '', message: 'Unrecognized key: "cursr"' }] } });
    expect(sideEffects()).toEqual(before);
  });

  it('every channel refuses unknown keys (all request schemas are strict)', async () => {
    const accepted: string[] = [];
    for (const name of channelNames) {
      fuzzed += 1;
      const result = await host.dispatch(name, { ...VALID[name], unexpected: 1 });
      if (result.ok || result.error.code !== 'BAD_REQUEST') accepted.push(name);
    }
    expect(accepted).toEqual([]);
  });

  it('never forwards __proto__ or constructor keys to a handler', async () => {
    const seen: unknown[] = [];
    const spies = Object.fromEntries(
      channelNames.map((name) => [
        name,
        async (request: unknown) => {
          seen.push(request);
          throw new Error('spy');
        },
      ]),
    ) as unknown as HandlersFor<typeof contract>;
    for (const name of channelNames) {
      const payload = { ...VALID[name] };
      Object.defineProperty(payload, '__proto__', { value: { polluted: 'yes' }, enumerable: true });
      payload['constructor'] = { prototype: { polluted: 'yes' } };
      fuzzed += 1;
      const result = await dispatch(spies, contract, name, payload);
      expect(result.ok).toBe(false);
    }
    for (const request of seen) {
      expect(Object.hasOwn(request as object, '__proto__')).toBe(false);
      expect(Object.hasOwn(request as object, 'constructor')).toBe(false);
    }
    expect(prototypesPolluted()).toBe(false);
  });
});
