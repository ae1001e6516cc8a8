// A stateful HubSpot stand-in for tests: the real `@hubspot/api-client` (basePath =
// `baseUrl`) or plain fetch talk to it over 127.0.0.1 and see HubSpot's shapes,
// limits and failure modes as described in /work/shared/HUBSPOT.md.
import { createColleague } from './colleague';
import { FaultQueue } from './faults';
import { Portal } from './portal';
import { RateLimits } from './rate-limits';
import { RequestLogger } from './request-log';
import { accountRoutes } from './routes/account';
import { associationRoutes } from './routes/associations';
import { batchRoutes } from './routes/batch';
import { objectRoutes } from './routes/objects';
import { ownerRoutes } from './routes/owners';
import { pipelineRoutes } from './routes/pipelines';
import { propertyRoutes } from './routes/properties';
import { searchRoutes } from './routes/search';
import { startServer } from './server';
import { createStateView } from './state-view';
import type { HubSpotFake, HubSpotFakeOptions } from './types';

export type * from './types';
export { FAKE_OBJECT_TYPES } from './types';

export const DEFAULT_TOKEN = 'test-token';
export const DEFAULT_PORTAL_ID = 1_234_567;
export const DEFAULT_RATE_LIMIT = { burstPer10s: 190, searchPerSecond: 5, daily: 1_000_000 } as const;

export async function startHubSpotFake(options: HubSpotFakeOptions = {}): Promise<HubSpotFake> {
  const clock = options.clock ?? Date.now;
  const portalId = options.portalId ?? DEFAULT_PORTAL_ID;
  const tokens = options.tokens ?? [DEFAULT_TOKEN];
  const portal = new Portal(portalId, clock);
  portal.searchIndexDelayMs = options.searchIndexDelayMs ?? 0;
  portal.tier = options.tier ?? 'professional';
  portal.associationPageSize = options.associationPageSize ?? 500;
  const limits = new RateLimits({
    burstPer10s: options.rateLimit?.burstPer10s ?? DEFAULT_RATE_LIMIT.burstPer10s,
    searchPerSecond: options.rateLimit?.searchPerSecond ?? DEFAULT_RATE_LIMIT.searchPerSecond,
    daily: options.rateLimit?.daily ?? DEFAULT_RATE_LIMIT.daily,
  }, clock);
  const faults = new FaultQueue();
  const log = new RequestLogger();
  const routes = [
    ...accountRoutes({ portalId, tokens, scopes: options.scopes }),
    ...propertyRoutes,
    ...pipelineRoutes,
    ...searchRoutes,
    ...batchRoutes,
    ...objectRoutes,
    ...ownerRoutes,
    ...associationRoutes,
  ];
  const running = await startServer({ portal, routes, faults, limits, log, tokens, scopes: options.scopes });
  return {
    baseUrl: running.baseUrl,
    close: running.close,
    reset() {
      portal.reset();
      faults.clear();
      log.reset();
      limits.reset();
    },
    faults,
    colleague: createColleague(portal),
    stats: log,
    state: createStateView(portal),
  };
}
