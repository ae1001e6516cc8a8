import { startHubSpotFake } from '../../hubspot-fake';
import type { HubSpotFake, HubSpotFakeOptions } from '../../hubspot-fake';
import { createSyncHandlers, TOKEN_KEY } from '../../../electron/sync/sync-handlers';
import type { SyncTuning } from '../../../electron/sync/sync-handlers';
import type { SecretStore } from '../../../electron/host/deps';
import type { SyncProgress } from '../../../shared/sync/protocol';

/**
 * The real sync handlers and the real `@hubspot/api-client` against the
 * HubSpot fake, sharing one virtual clock: every wait (rate limiter,
 * Retry-After, backoff) advances it instantly, so limits are exercised
 * for real without slowing the suite down.
 */
export interface SyncHarness {
  fake: HubSpotFake;
  handlers: ReturnType<typeof createSyncHandlers>;
  secrets: Map<string, string>;
  progress: SyncProgress[];
  sleeps: number[];
  /** Virtual time (ms). */
  now(): number;
  advance(ms: number): void;
  connect(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  fake?: Omit<HubSpotFakeOptions, 'clock'>;
  rateLimit?: { burstPer10s?: number; searchPerSecond?: number };
  tuning?: Omit<SyncTuning, 'sleep' | 'now'>;
  online?: () => boolean;
}

export async function startSyncHarness(options: HarnessOptions = {}): Promise<SyncHarness> {
  let virtual = Date.parse('2026-11-20T08:00:00.000Z');
  const fake = await startHubSpotFake({ ...options.fake, clock: () => virtual });
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
  const progress: SyncProgress[] = [];
  const sleeps: number[] = [];
  const handlers = createSyncHandlers({
    secretStore,
    online: { isOnline: options.online ?? (() => true), reportRequestOutcome: () => undefined, subscribe: () => () => undefined },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    clock: () => new Date(virtual),
    emitProgress: (p) => progress.push(p),
    hubspotBasePath: fake.baseUrl,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    tuning: {
      timeoutMs: 5_000,
      random: () => 0.5,
      ...options.tuning,
      now: () => virtual,
      sleep: async (ms) => {
        sleeps.push(ms);
        virtual += ms;
        await Promise.resolve();
      },
    },
  });
  return {
    fake,
    handlers,
    secrets,
    progress,
    sleeps,
    now: () => virtual,
    advance: (ms) => {
      virtual += ms;
    },
    connect: async () => {
      await handlers['hubspot.connect']({ token: 'test-token' });
    },
    close: () => fake.close(),
  };
}

export { TOKEN_KEY };
