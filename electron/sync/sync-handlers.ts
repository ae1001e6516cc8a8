import type { HandlersFor } from '../../shared/ipc/channel';
import { IpcError } from '../../shared/ipc/errors';
import type { syncChannels } from '../../shared/ipc/sync-channels';
import { mappedPropertyNames } from '../../shared/hubspot/properties';
import { RECORD_TYPE } from '../../shared/hubspot/record-type';
import type { HubSpotSetup, SetupChoice } from '../../shared/hubspot/setup';
import type { ConnectionInfo, HubSpotOwner, SyncProgress } from '../../shared/sync/protocol';
import type { Clock, Logger, OnlineSource, SecretStore } from '../host/capabilities';
import { HubSpotGateway, clientTransport, dropClients } from './hubspot-gateway';
import type { Transport } from './hubspot-gateway';
import { HubSpotError, toSyncError } from './hubspot-error';
import { createRateLimiter, DEFAULT_RATE_LIMIT } from './rate-limiter';
import type { RateLimiter } from './rate-limiter';
import { DEFAULT_RETRY } from './retry';
import { activeOwnerIds, listOwners, readableFor } from './owners';
import { createPortalGuard } from './portal-guard';
import { findOwnPipeline, holdsHandoffs, provision, sameHome, setupOptions, setupProblem } from './provision';
import { markSetup, readSetupMarker } from './setup-marker';
import { checkConnectScopes, checkRecordTypeScopes } from './scope-check';
import { pull } from './pull';
import { push } from './push';
import { pushTeam } from './push-team';

export const TOKEN_KEY = 'hubspot.token';

/**
 * How long pushes reuse the account's owner list. A sync run pushes in many
 * `sync.push` calls (100 handoffs each); listing the owners before every one
 * doubled the requests of a large push. Owners change rarely, and a sender id
 * not in the list is simply not sent (HubSpot keeps its owner) until the list
 * is refreshed: after this long, or when the renderer lists owners (which is
 * how it learns an owner id in the first place).
 */
export const OWNERS_TTL_MS = 5 * 60_000;

/** Knobs tests turn to stay fast and deterministic; production uses the defaults. */
export interface SyncTuning {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  maxAttempts?: number;
  timeoutMs?: number;
  lookbackMs?: number;
  maxResultsPerQuery?: number;
  pageSize?: number;
  /** Replaces the HTTP transport (tests that simulate a dropped answer). */
  wrapTransport?: (transport: Transport) => Transport;
}

export interface SyncHostDeps {
  secretStore: SecretStore;
  online: OnlineSource;
  logger: Logger;
  clock: Clock;
  emitProgress(progress: SyncProgress): void;
  /** HubSpot API base URL; tests point it at the fake on 127.0.0.1. */
  hubspotBasePath?: string;
  /** The account's burst tier (100 / 190 / 250 per 10 s) and search rate; defaults are safe for every tier. */
  rateLimit?: { burstPer10s?: number; searchPerSecond?: number };
  tuning?: SyncTuning;
}

function fail(error: unknown): never {
  const sync = toSyncError(error);
  throw new IpcError(sync.code, sync.message);
}

/**
 * The main-process HubSpot service as an IPC handler table. It owns the token
 * (never returned), one gateway and limiter per token, and runs one sync
 * operation at a time: a second concurrent call gets SYNC_BUSY at once rather
 * than queueing behind a long pull.
 */
export function createSyncHandlers(deps: SyncHostDeps): HandlersFor<typeof syncChannels> {
  const tuning = deps.tuning ?? {};
  const sleep = tuning.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = tuning.now ?? (() => deps.clock().getTime());
  const limiters = new Map<string, RateLimiter>();
  const gateways = new Map<string, HubSpotGateway>();
  let pipeline: HubSpotSetup | null = null;
  let busy: string | null = null;
  const ownerLists = new Map<HubSpotGateway, { at: number; owners: HubSpotOwner[] }>();
  const portalGuard = createPortalGuard();

  async function freshOwners(gateway: HubSpotGateway): Promise<HubSpotOwner[]> {
    const owners = await listOwners(gateway);
    ownerLists.set(gateway, { at: now(), owners });
    return owners;
  }

  async function recentOwners(gateway: HubSpotGateway): Promise<HubSpotOwner[]> {
    const cached = ownerLists.get(gateway);
    if (cached && now() - cached.at < OWNERS_TTL_MS) return cached.owners;
    return freshOwners(gateway);
  }

  function gatewayFor(token: string): HubSpotGateway {
    const cached = gateways.get(token);
    if (cached) return cached;
    let limiter = limiters.get(token);
    if (!limiter) {
      limiter = createRateLimiter({
        burstPer10s: deps.rateLimit?.burstPer10s ?? DEFAULT_RATE_LIMIT.burstPer10s,
        searchPerSecond: deps.rateLimit?.searchPerSecond ?? DEFAULT_RATE_LIMIT.searchPerSecond,
        now,
        sleep,
      });
      limiters.set(token, limiter);
    }
    const base = clientTransport(token, deps.hubspotBasePath);
    const gateway = new HubSpotGateway({
      transport: tuning.wrapTransport ? tuning.wrapTransport(base) : base,
      limiter,
      retry: {
        ...DEFAULT_RETRY,
        maxAttempts: tuning.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
        random: tuning.random ?? DEFAULT_RETRY.random,
        sleep,
        onRetry: (error, attempt, delayMs) => deps.logger.warn('HubSpot call retried', { code: error.code, status: error.status, attempt, delayMs }),
      },
      timeoutMs: tuning.timeoutMs ?? 30_000,
      onOutcome: (ok) => deps.online.reportRequestOutcome(ok),
    });
    gateways.set(token, gateway);
    return gateway;
  }

  async function connectedToken(): Promise<string> {
    if (!deps.online.isOnline()) throw new IpcError('OFFLINE', 'Baton is offline; changes stay queued and sync when the connection is back.');
    const token = await deps.secretStore.get(TOKEN_KEY);
    if (!token) throw new IpcError('NOT_CONNECTED', 'Baton is not connected to HubSpot yet: paste a HubSpot Service Key in Settings.');
    return token;
  }

  async function connected(): Promise<HubSpotGateway> {
    return gatewayFor(await connectedToken());
  }

  /**
   * The scopes HubSpot granted the token, or null when HubSpot does not say
   * (a token kind the introspection endpoint does not know): then the 403 of
   * the first call that needs a missing scope names it instead.
   */
  async function grantedScopes(gateway: HubSpotGateway, token: string): Promise<string[] | null> {
    try {
      return await gateway.tokenScopes(token);
    } catch (error) {
      if (error instanceof HubSpotError && (error.code === 'HUBSPOT_VALIDATION' || error.code === 'HUBSPOT_NOT_FOUND' || error.code === 'HUBSPOT_BAD_RESPONSE')) {
        deps.logger.warn('HubSpot did not describe the token; scopes are checked call by call', { code: error.code, status: error.status });
        return null;
      }
      throw error;
    }
  }

  /**
   * The setup in use in the token's portal, as marked in HubSpot (so every
   * desktop finds the same); else Baton's own "Handoffs" pipeline, looked
   * for on deals first (workspaces set up before the choice existed) then tickets.
   */
  async function setupInUse(gateway: HubSpotGateway): Promise<HubSpotSetup | null> {
    const lookups = [
      ...(['tickets', 'deals'] as const).map((type) => () => readSetupMarker(gateway, type)),
      ...(['deals', 'tickets'] as const).map((type) => () => findOwnPipeline(gateway, type)),
    ];
    for (const lookup of lookups) {
      try {
        const found = await lookup();
        if (found) return found;
      } catch (error) {
        // A token without a record type's scopes cannot have set Baton up on it.
        if (error instanceof HubSpotError && error.code === 'HUBSPOT_SCOPE') continue;
        throw error;
      }
    }
    return null;
  }

  /** What a provision without a choice means: the setup in use, or (nothing yet) deals in Baton's own pipeline, as before the choice existed. */
  function choiceFor(setup: HubSpotSetup | null): SetupChoice {
    if (setup === null) return { mode: 'create', recordType: 'deals' };
    return setup.ownPipeline ? { mode: 'create', recordType: setup.recordType } : { mode: 'map', recordType: setup.recordType, pipelineId: setup.pipelineId, stageIds: setup.stageIds };
  }

  async function exclusive<T>(name: string, run: () => Promise<T>): Promise<T> {
    if (busy !== null) throw new IpcError('SYNC_BUSY', `A HubSpot ${busy} is already running; try again when it finishes.`);
    busy = name;
    try {
      return await run();
    } catch (error) {
      if (error instanceof IpcError) throw error;
      const sync = toSyncError(error);
      deps.logger.warn(`HubSpot ${name} failed`, { code: sync.code, status: sync.status, correlationId: sync.correlationId });
      deps.emitProgress({ phase: 'error', done: 0, total: null, message: sync.message });
      return fail(error);
    } finally {
      busy = null;
    }
  }

  async function ensurePipeline(gateway: HubSpotGateway): Promise<HubSpotSetup> {
    if (pipeline) return pipeline;
    const found = await setupInUse(gateway);
    if (!found) throw new IpcError('NOT_PROVISIONED', 'HubSpot is not set up for Baton yet (no complete "Handoffs" pipeline): run the HubSpot setup in Settings.');
    const problem = await setupProblem(gateway, found);
    if (problem) throw new IpcError('NOT_PROVISIONED', `${problem} Run the HubSpot setup in Settings again.`);
    pipeline = found;
    return found;
  }

  async function describe(gateway: HubSpotGateway): Promise<ConnectionInfo> {
    const details = await gateway.accountDetails();
    portalGuard.remember(gateway, details.portalId);
    const owners = await listOwners(gateway);
    return {
      portalId: details.portalId,
      uiDomain: details.uiDomain ?? null,
      accountType: details.accountType ?? null,
      timeZone: details.timeZone ?? null,
      ownerCount: owners.length,
    };
  }

  return {
    'hubspot.connect': async ({ token }) => {
      if (!deps.online.isOnline()) throw new IpcError('OFFLINE', 'Baton is offline; connect to HubSpot when the connection is back.');
      deps.emitProgress({ phase: 'connecting', done: 0, total: null, message: 'Checking the HubSpot token…' });
      let info: ConnectionInfo;
      try {
        const gateway = gatewayFor(token);
        // Scopes first: a missing one is then named with all the others, not by the first call that needs it.
        const granted = await grantedScopes(gateway, token);
        if (granted !== null) checkConnectScopes(granted);
        info = await describe(gateway);
      } catch (error) {
        gateways.delete(token);
        dropClients(token);
        const sync = toSyncError(error);
        deps.emitProgress({ phase: 'error', done: 0, total: null, message: sync.message });
        return fail(error);
      }
      // Stored only once HubSpot accepted it.
      await deps.secretStore.set(TOKEN_KEY, token);
      pipeline = null;
      deps.emitProgress({ phase: 'done', done: 1, total: 1, message: `Connected to HubSpot account ${info.portalId}.` });
      return info;
    },

    'hubspot.status': async () => {
      const token = await deps.secretStore.get(TOKEN_KEY);
      if (!token) return { connected: false, connection: null };
      if (!deps.online.isOnline()) return { connected: true, connection: null };
      try {
        return { connected: true, connection: await describe(gatewayFor(token)) };
      } catch (error) {
        if (error instanceof HubSpotError && (error.code === 'HUBSPOT_UNAVAILABLE' || error.code === 'HUBSPOT_RATE_LIMIT')) return { connected: true, connection: null };
        return fail(error);
      }
    },

    'hubspot.disconnect': async () => {
      const token = await deps.secretStore.get(TOKEN_KEY);
      await deps.secretStore.delete(TOKEN_KEY);
      ownerLists.clear();
      if (token) {
        gateways.delete(token);
        limiters.delete(token);
        dropClients(token);
      }
      pipeline = null;
      return { connected: false as const };
    },

    'hubspot.setupOptions': async ({ portalId }) =>
      exclusive('setup', async () => {
        const token = await connectedToken();
        const gateway = gatewayFor(token);
        await portalGuard.check(gateway, portalId);
        return setupOptions(gateway, await grantedScopes(gateway, token), await setupInUse(gateway));
      }),

    'hubspot.provision': async ({ templates, portalId, choice }) =>
      exclusive('setup', async () => {
        const token = await connectedToken();
        const gateway = gatewayFor(token);
        await portalGuard.check(gateway, portalId);
        const inUse = await setupInUse(gateway);
        const chosen = choice ?? choiceFor(inUse);
        checkRecordTypeScopes(await grantedScopes(gateway, token), chosen);
        // Moving synced handoffs to another record type or pipeline would orphan their links: refused until nothing lives there.
        if (inUse && !sameHome(inUse, chosen) && (await holdsHandoffs(gateway, inUse))) {
          const facts = RECORD_TYPE[inUse.recordType];
          const label = (await gateway.pipelines(inUse.recordType)).find((p) => p.id === inUse.pipelineId)?.label ?? 'its pipeline';
          throw new HubSpotError({
            code: 'HUBSPOT_VALIDATION',
            message: `This HubSpot account already keeps Baton's handoffs on ${facts.plural} in the "${label}" pipeline. Baton cannot move synced handoffs to another record type or pipeline; set up again with the same choice.`,
          });
        }
        deps.emitProgress({ phase: 'provisioning', done: 0, total: null, message: `Setting up HubSpot ${RECORD_TYPE[chosen.recordType].plural} for Baton…` });
        const outcome = await provision(gateway, templates, chosen);
        await markSetup(gateway, outcome.setup);
        pipeline = outcome.setup;
        deps.emitProgress({ phase: 'done', done: 1, total: 1, message: outcome.created.length === 0 ? 'HubSpot was already set up.' : `Created ${outcome.created.length} things in HubSpot.` });
        return { pipelineId: outcome.setup.pipelineId, stageIds: outcome.setup.stageIds, created: outcome.created, existing: outcome.existing, setup: outcome.setup };
      }),

    'hubspot.owners': async () => {
      const gateway = await connected();
      try {
        return { owners: await freshOwners(gateway) };
      } catch (error) {
        return fail(error);
      }
    },

    'sync.pull': async (request) =>
      exclusive('pull', async () => {
        const gateway = await connected();
        await portalGuard.check(gateway, request.portalId);
        const ids = await ensurePipeline(gateway);
        deps.emitProgress({ phase: 'pulling', done: 0, total: null, message: 'Fetching changes from HubSpot…' });
        const outcome = await pull(request, {
          gateway,
          recordType: ids.recordType,
          pipeline: ids,
          properties: mappedPropertyNames(request.templates),
          ...(tuning.lookbackMs === undefined ? {} : { lookbackMs: tuning.lookbackMs }),
          ...(tuning.maxResultsPerQuery === undefined ? {} : { maxResultsPerQuery: tuning.maxResultsPerQuery }),
          ...(tuning.pageSize === undefined ? {} : { pageSize: tuning.pageSize }),
          onProgress: (done, total) => deps.emitProgress({ phase: 'pulling', done, total, message: `Fetched ${done} deals from HubSpot…` }),
        });
        deps.emitProgress({ phase: 'done', done: outcome.deals.length, total: outcome.deals.length, message: `Fetched ${outcome.deals.length} changed deals.` });
        return { deals: outcome.deals, cursor: outcome.cursor, pipelineId: ids.pipelineId, stageIds: ids.stageIds };
      }),

    'sync.push': async ({ items, portalId, team, readable }) =>
      exclusive('push', async () => {
        const gateway = await connected();
        await portalGuard.check(gateway, portalId);
        const ids = await ensurePipeline(gateway);
        // A push of the team record alone needs no owner list.
        const owners = items.length > 0 ? await recentOwners(gateway) : [];
        deps.emitProgress({ phase: 'pushing', done: 0, total: items.length, message: `Sending ${items.length} handoffs to HubSpot…` });
        const acks = await push(items, {
          gateway,
          recordType: ids.recordType,
          pipeline: ids,
          ownerIds: activeOwnerIds(owners),
          now: deps.clock,
          readable: readableFor(readable, owners),
          onProgress: (done, total) => deps.emitProgress({ phase: 'pushing', done, total, message: `Sent ${done} of ${total} changes…` }),
        });
        // The team's templates and roles: one upsert, only when this desktop has what the team record lacks.
        const teamAck = team === undefined ? undefined : await pushTeam(team, { gateway, recordType: ids.recordType, pipeline: ids });
        const failed = acks.filter((a) => a.status === 'failed').length;
        const pending = acks.filter((a) => a.status === 'retry').length;
        deps.emitProgress({
          phase: 'done',
          done: acks.length - pending - failed,
          total: acks.length,
          message: failed + pending === 0 ? 'Everything is in HubSpot.' : `${failed} changes failed and ${pending} stay queued.`,
        });
        return teamAck === undefined ? { acks } : { acks, team: teamAck };
      }),
  };
}

