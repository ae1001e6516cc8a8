import { startHubSpotFake, DEFAULT_TOKEN, type HubSpotFake } from '../../test/hubspot-fake';
import { createSyncHandlers, TOKEN_KEY } from '../../electron/sync/sync-handlers';
import type { SecretStore } from '../../electron/host/deps';
import { TEMPLATE } from '../../test/integration/sync/fixtures';
import type { PipelineIds } from '../../shared/hubspot/mapping';

/** The account tier the bench runs at: the fake enforces it, and Baton is configured for it. */
export const BENCH_RATE_LIMIT = { burstPer10s: 190, searchPerSecond: 5 } as const;

export type SyncHandlers = ReturnType<typeof createSyncHandlers>;

/**
 * The real sync handlers and `@hubspot/api-client` against the HubSpot fake on
 * 127.0.0.1, on the REAL clock (unlike the integration harness's virtual one):
 * the rate limits are waited out for real, so wall times mean something.
 * The fake's clock can be shifted into the past while seeding deals, to give
 * them distinct modification times as a day of real edits would.
 */
export interface SyncBenchHost {
  fake: HubSpotFake;
  pipeline: PipelineIds;
  /** A fresh sync service (as after an app start: nothing cached) sharing the stored token. */
  freshHandlers(): SyncHandlers;
  /** Runs `seed` with the fake's clock set to `at()`, then returns to real time. */
  withFakeClock<T>(at: () => number, seed: () => T): T;
  warnings: string[];
  close(): Promise<void>;
}

export async function startSyncBenchHost(): Promise<SyncBenchHost> {
  let clockOverride: (() => number) | null = null;
  const fake = await startHubSpotFake({ rateLimit: BENCH_RATE_LIMIT, clock: () => (clockOverride ? clockOverride() : Date.now()) });
  const secrets = new Map<string, string>();
  const secretStore: SecretStore = {
    get: async (key) => secrets.get(key) ?? null,
    set: async (key, value) => {
      secrets.set(key, value);
    },
    delete: async (key) => {
      secrets.delete(key);
    },
  };
  const warnings: string[] = [];
  const freshHandlers = (): SyncHandlers =>
    createSyncHandlers({
      secretStore,
      online: { isOnline: () => true, reportRequestOutcome: () => undefined, subscribe: () => () => undefined },
      logger: { info: () => undefined, warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields ?? {})}`), error: (message) => warnings.push(message) },
      clock: () => new Date(),
      emitProgress: () => undefined,
      hubspotBasePath: fake.baseUrl,
      rateLimit: BENCH_RATE_LIMIT,
    });
  const setup = freshHandlers();
  await setup['hubspot.connect']({ token: DEFAULT_TOKEN });
  if (secrets.get(TOKEN_KEY) === undefined) throw new Error('Connecting to the HubSpot fake stored no token');
  const provisioned = await setup['hubspot.provision']({ templates: [TEMPLATE] });
  return {
    fake,
    pipeline: { pipelineId: provisioned.pipelineId, stageIds: provisioned.stageIds },
    freshHandlers,
    withFakeClock(at, seed) {
      clockOverride = at;
      try {
        return seed();
      } finally {
        clockOverride = null;
      }
    },
    warnings,
    close: () => fake.close(),
  };
}
