import { buildBatonApi } from '../../../shared/ipc/build-api';
import type { ChannelName } from '../../../shared/ipc/contract';
import type { EventName, EventPayload } from '../../../shared/ipc/events';
import type { IpcResult } from '../../../shared/ipc/result';
import { PushRequestSchema, syncError, type ConnectionInfo, type PushAck } from '../../../shared/sync/protocol';
import type { SyncApi } from './sync-api';
import type { HubSpotSetup, SetupChoice, SetupOptions } from '../../../shared/hubspot/setup';

/**
 * Test-only: a scripted desktop host for component tests of the sync UI (the
 * runner itself is tested against the real sync service in
 * `test/integration/sync-runner`). Tokens: `good-token` connects to portal 4242,
 * `other-portal-token` to portal 5151, `no-scope-token` answers HUBSPOT_SCOPE;
 * a pull, push or setup naming another portal than the token's is refused
 * (PORTAL_MISMATCH), like the real host; every push is acknowledged, or
 * refused for good (HUBSPOT_VALIDATION) while `state.refusePushes` is set; a
 * new pipeline is refused (PIPELINE_REFUSED, a Free portal) while `state.refusePipelines` is set.
 * `state.setup` is the setup in use in the portal (null: none chosen yet, so a
 * sync waits for the setup screen); a provision sets it.
 */
export interface ScriptedHost {
  api: SyncApi;
  calls: { channel: string; request: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  state: { online: boolean; token: string | null; refusePushes: boolean; refusePipelines: boolean; setup: HubSpotSetup | null };
}

export const GOOD_TOKEN = 'good-token';
export const NO_SCOPE_TOKEN = 'no-scope-token';
export const OTHER_PORTAL_TOKEN = 'other-portal-token';
export const CONNECTION: ConnectionInfo = { portalId: 4242, uiDomain: 'app.hubspot.com', accountType: 'STANDARD', timeZone: 'UTC', ownerCount: 3 };
export const OTHER_CONNECTION: ConnectionInfo = { ...CONNECTION, portalId: 5151, uiDomain: 'app-eu1.hubspot.com' };
const STAGE_IDS = { IN_PROGRESS: 's1', READY_FOR_HANDOFF: 's2', IN_HANDOFF: 's3', HANDOFF_DONE: 's4' };
/** A portal Baton was set up on earlier (tickets, its own pipeline): syncs need no setup choice. */
export const SET_UP_PORTAL: HubSpotSetup = { recordType: 'tickets', pipelineId: 'p1', stageIds: STAGE_IDS, ownPipeline: true };

/** A portal with HubSpot's seeded pipelines: one ticket pipeline, and the sales pipeline with its closed stages. */
export const SETUP_OPTIONS: SetupOptions = {
  current: null,
  recordTypes: [
    {
      recordType: 'tickets',
      missingScopes: [],
      pipelines: [
        {
          id: '0',
          label: 'Support Pipeline',
          isBatonPipeline: false,
          stages: [
            { id: '1', label: 'New', closure: 'open' },
            { id: '2', label: 'Waiting on contact', closure: 'open' },
            { id: '3', label: 'Waiting on us', closure: 'open' },
            { id: '4', label: 'Closed', closure: 'closed' },
          ],
        },
      ],
    },
    {
      recordType: 'deals',
      missingScopes: [],
      pipelines: [
        {
          id: 'default',
          label: 'Sales Pipeline',
          isBatonPipeline: false,
          stages: [
            { id: 'appointmentscheduled', label: 'Appointment Scheduled', closure: 'open' },
            { id: 'qualifiedtobuy', label: 'Qualified To Buy', closure: 'open' },
            { id: 'contractsent', label: 'Contract Sent', closure: 'open' },
            { id: 'closedwon', label: 'Closed Won', closure: 'won' },
            { id: 'closedlost', label: 'Closed Lost', closure: 'lost' },
          ],
        },
      ],
    },
  ],
};

function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}
function fail(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

export function createScriptedHost(initial: { online?: boolean; token?: string | null; setup?: HubSpotSetup | null } = {}): ScriptedHost {
  const state = { online: initial.online ?? true, token: initial.token ?? null, refusePushes: false, refusePipelines: false, setup: initial.setup ?? null };
  const calls: ScriptedHost['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let deal = 0;

  const connectionOf = (token: string | null): ConnectionInfo | null => (token === GOOD_TOKEN ? CONNECTION : token === OTHER_PORTAL_TOKEN ? OTHER_CONNECTION : null);

  const answer = (channel: ChannelName, request: unknown): IpcResult<unknown> => {
    const needsConnection = channel.startsWith('sync.') || channel === 'hubspot.provision' || channel === 'hubspot.setupOptions' || channel === 'hubspot.owners';
    if (needsConnection && !state.online) return fail('OFFLINE', 'Baton is offline; changes stay queued and sync when the connection is back.');
    if (needsConnection && state.token === null) return fail('NOT_CONNECTED', 'Baton is not connected to HubSpot yet.');
    const named = (request as { portalId?: number } | null)?.portalId;
    const actual = connectionOf(state.token)?.portalId;
    if (needsConnection && named !== undefined && named !== actual) return fail('PORTAL_MISMATCH', `The HubSpot token belongs to account ${actual}, but this workspace is linked to account ${named}.`);
    switch (channel) {
      case 'online.status':
        return ok({ online: state.online });
      case 'hubspot.status':
        return ok({ connected: state.token !== null, connection: state.online ? connectionOf(state.token) : null });
      case 'hubspot.connect': {
        const token = (request as { token?: string }).token ?? null;
        if (token === NO_SCOPE_TOKEN) return fail('HUBSPOT_SCOPE', 'HubSpot refused: the token lacks the crm.objects.deals.write scope.');
        const connection = connectionOf(token);
        if (connection === null) return fail('HUBSPOT_AUTH', 'HubSpot did not recognise this token.');
        state.token = token;
        return ok(connection);
      }
      case 'hubspot.disconnect':
        state.token = null;
        return ok({ connected: false });
      case 'hubspot.setupOptions':
        return ok({ ...SETUP_OPTIONS, current: state.setup });
      case 'hubspot.provision': {
        const choice = (request as { choice?: SetupChoice }).choice;
        if (state.refusePipelines && choice?.mode !== 'map') {
          return fail('PIPELINE_REFUSED', 'HubSpot did not let Baton create a new ticket pipeline. Free HubSpot accounts have one ticket pipeline and cannot add another. Choose “Use an existing pipeline” and map its stages to the four handoff states instead.');
        }
        // No choice: the setup in use, as the real host does (the runner asks only when there is one).
        const setup: HubSpotSetup | null =
          choice === undefined ? state.setup : choice.mode === 'map' ? { recordType: choice.recordType, pipelineId: choice.pipelineId, stageIds: choice.stageIds, ownPipeline: false } : { recordType: choice.recordType, pipelineId: 'p1', stageIds: STAGE_IDS, ownPipeline: true };
        if (setup === null) return fail('NOT_PROVISIONED', 'HubSpot is not set up for Baton yet: run the HubSpot setup in Settings.');
        state.setup = setup;
        return ok({ pipelineId: setup.pipelineId, stageIds: setup.stageIds, created: choice?.mode === 'map' ? [] : ['pipeline Handoffs', 'property baton_id'], existing: [], setup });
      }
      case 'hubspot.owners':
        return ok({ owners: [] });
      case 'sync.pull':
        return ok({ deals: [], cursor: { lastModifiedMs: 1 }, stageIds: STAGE_IDS, pipelineId: 'p1' });
      case 'sync.push': {
        const { items } = PushRequestSchema.parse(request);
        const refused = syncError('HUBSPOT_VALIDATION', 'HubSpot refused this handoff\'s deal: Property "baton_client" does not exist', { status: 400 });
        const acks: PushAck[] = items.flatMap((item) => {
          deal += 1;
          return item.entries.map((entry): PushAck =>
            state.refusePushes
              ? { status: 'failed', entryId: entry.id, handoffId: item.handoff.id, error: refused }
              : { status: 'ok', entryId: entry.id, handoffId: item.handoff.id, dealId: item.dealId ?? `deal-${deal}`, newBase: {} },
          );
        });
        return ok({ acks });
      }
      default:
        return fail('UNKNOWN_CHANNEL', `The scripted host does not answer ${channel}.`);
    }
  };

  const api = buildBatonApi(
    async (channel, request) => {
      calls.push({ channel, request });
      return answer(channel, request);
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );

  return {
    api,
    calls,
    state,
    emit(event, payload) {
      if (event === 'online.changed') state.online = (payload as { online: boolean }).online;
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
