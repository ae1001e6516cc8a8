import { cleanup, configure } from '@testing-library/react';
import type { BatonApi } from '../../shared/ipc/build-api';
import type { SetupChoice } from '../../shared/hubspot/setup';
import { TOKEN_KEY } from '../../electron/sync/sync-handlers';
import { createTestHost, type TestHost } from '../host/create-test-host';
import { inProcessApi, type HostCall } from '../host/in-process-api';
import type { HubSpotFake, PortalTier } from '../hubspot-fake';
import { startHubSpotPortals, type HubSpotPortals } from '../hubspot-fake/portals';

/**
 * The desktop host for component tests: the REAL handler table (`createTestHost`,
 * the same one end-to-end tests use) with its sync service talking to HubSpot
 * fakes on 127.0.0.1, reached through the `window.baton` shape the preload
 * builds. Nothing here re-implements a host rule, so component tests cannot
 * drift from the real host.
 *
 * Three HubSpot accounts sit behind one API host, the token picking the account:
 * `GOOD_TOKEN` acts in account 4242, `OTHER_PORTAL_TOKEN` in 5151, and
 * `NO_SCOPE_TOKEN` in one that granted neither tickets nor deal writes.
 */
// Setting HubSpot up is a few dozen real HTTP calls on a shared, noisy machine: a ceiling for
// findBy/waitFor, not a timing assertion.
configure({ asyncUtilTimeout: 10_000 });

export const GOOD_TOKEN = 'good-token';
export const OTHER_PORTAL_TOKEN = 'other-portal-token';
export const NO_SCOPE_TOKEN = 'no-scope-token';
export const PORTAL_ID = 4242;
export const OTHER_PORTAL_ID = 5151;
const NO_SCOPE_PORTAL_ID = 6161;
const NO_SCOPES = ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.owners.read', 'crm.objects.deals.read'];

/** HubSpot's batch upserts of the record types Baton files handoffs on. */
const UPSERT = { method: 'POST', path: /^\/crm\/v3\/objects\/(tickets|deals)\/batch\/upsert$/ } as const;
export const REFUSAL_DETAIL = 'Property "baton_client" does not exist';

export interface ComponentHostOptions {
  /** The token already stored (a desktop connected earlier); none by default. */
  token?: string | null;
  /** Both accounts set up for Baton before the test (tickets, Baton's own pipeline), as a desktop of the team did. */
  setUp?: boolean;
  /** Account 4242's tier (a Free account refuses a new pipeline). */
  tier?: PortalTier;
}

export interface ComponentHost {
  host: TestHost;
  api: BatonApi;
  /** Every call that reached the host, in order. */
  calls: HostCall[];
  /** Account 4242, then 5151. */
  portals: [HubSpotFake, HubSpotFake];
  /** Whether a token is stored (what "connected" means to the host). */
  connected(): boolean;
  /** While on, HubSpot refuses every handoff upsert for good (a 400 validation error). */
  refusePushes(on: boolean): void;
  /** The OS's network state; the host tells the window. */
  setOnline(online: boolean): void;
  /** The HubSpot record id the handoff was filed under in `portal`, if any. */
  recordIdOf(portal: HubSpotFake, handoffId: string): string | undefined;
  close(): Promise<void>;
}

const running = new Set<HubSpotPortals>();

/**
 * Unmounts what the test rendered (its sync scheduler stops), then closes every
 * HubSpot fake a test of this file started (call in `afterEach`).
 */
export async function closeComponentHosts(): Promise<void> {
  cleanup();
  const all = [...running];
  running.clear();
  await Promise.all(all.map((hub) => hub.close()));
}

export async function startComponentHost(options: ComponentHostOptions = {}): Promise<ComponentHost> {
  const hub = await startHubSpotPortals([
    { portalId: PORTAL_ID, tokens: [GOOD_TOKEN], options: { tier: options.tier ?? 'professional' } },
    { portalId: OTHER_PORTAL_ID, tokens: [OTHER_PORTAL_TOKEN] },
    { portalId: NO_SCOPE_PORTAL_ID, tokens: [NO_SCOPE_TOKEN], options: { scopes: NO_SCOPES } },
  ]);
  running.add(hub);
  const [main, other] = hub.portals;
  if (!main || !other) throw new Error('startComponentHost: the HubSpot fakes did not start.');
  // Retries and rate limits wait a macrotask, not their real delay: the test stays quick, and the
  // event loop still turns (an instant sleep would spin on microtasks while HubSpot's answer waits).
  const syncTuning = { timeoutMs: 10_000, sleep: () => new Promise<void>((resolve) => setTimeout(resolve, 0)) };
  const hostWith = (token: string | null): TestHost =>
    createTestHost({ hubspotBasePath: hub.baseUrl, now: new Date(), secrets: token === null ? {} : { [TOKEN_KEY]: token }, syncTuning });
  if (options.setUp) {
    // Both accounts were set up for Baton earlier (tickets, Baton's own pipeline), by a desktop of the team.
    for (const token of [GOOD_TOKEN, OTHER_PORTAL_TOKEN]) {
      const choice: SetupChoice = { mode: 'create', recordType: 'tickets' };
      const provisioned = await inProcessApi(hostWith(token)).api['hubspot.provision']({ templates: [], choice });
      if (!provisioned.ok) throw new Error(`startComponentHost: setting HubSpot up failed: ${provisioned.error.message}`);
    }
  }
  const host = hostWith(options.token ?? null);
  const { api, calls } = inProcessApi(host);
  return {
    host,
    api,
    calls,
    portals: [main, other],
    connected: () => host.secretStore.entries.has(TOKEN_KEY),
    refusePushes(on) {
      for (const portal of [main, other]) {
        if (on) portal.faults.failNext(UPSERT, { kind: 'json', status: 400, body: { status: 'error', message: REFUSAL_DETAIL, category: 'VALIDATION_ERROR', correlationId: 'c-refused' } }, 1000);
        else portal.faults.clear();
      }
    },
    setOnline: (online) => host.online.setOnline(online),
    recordIdOf(portal, handoffId) {
      return [...portal.state.objects('tickets'), ...portal.state.objects('deals')].find((record) => record.properties['baton_id'] === handoffId)?.id;
    },
    async close() {
      running.delete(hub);
      await hub.close();
    },
  };
}

/**
 * `window.baton` answered by the real handler table (no HubSpot fake: sync
 * calls fail as unconnected), for screens that use the host outside sync
 * (notifications, links). Returns the host to read back what it did.
 */
export function installComponentHost(): { host: TestHost; calls: HostCall[]; uninstall(): void } {
  const host = createTestHost({ now: new Date() });
  const { api, calls } = inProcessApi(host);
  window.baton = api;
  return {
    host,
    calls,
    uninstall() {
      delete window.baton;
    },
  };
}
