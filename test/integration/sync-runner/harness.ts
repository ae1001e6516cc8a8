import 'fake-indexeddb/auto';
import type { Handoff } from '../../../shared/domain/handoff';
import type { Template } from '../../../shared/domain/template';
import { createHandoff } from '../../../renderer/src/data/commands';
import { openBatonDb, type BatonDb } from '../../../renderer/src/data/db';
import { freshDbName, makeTemplate } from '../../support/db-fixtures';
import type { SyncApi } from '../../../renderer/src/sync/sync-api';
import { runSync, type SyncRunOutcome } from '../../../renderer/src/sync/sync-runner';
import { loadLocalTemplates } from '../../../renderer/src/sync/local-templates';
import type { SetupChoice } from '../../../shared/hubspot/setup';
import { createTestHost, type TestHost } from '../../host/create-test-host';
import { inProcessApi } from '../../host/in-process-api';
import { startHubSpotFake, DEFAULT_TOKEN, type HubSpotFake } from '../../hubspot-fake';
import { startHubSpotPortals, type PortalSpec } from '../../hubspot-fake/portals';

/**
 * The renderer's sync runner against the REAL handler table (test host) and
 * the real `@hubspot/api-client`, talking to the HubSpot fake on 127.0.0.1,
 * with a fresh fake-indexeddb database. One virtual clock drives the fake,
 * the host and the runner, so merge timestamps are under the test's control
 * and every wait (rate limit, backoff) is instant.
 */
export interface RunnerHarness {
  /** The portal `connect()` uses (the first one when there are several). */
  fake: HubSpotFake;
  /** Every portal, in the order given (just `fake` unless the harness was started with several). */
  portals: HubSpotFake[];
  host: TestHost;
  api: SyncApi;
  db: BatonDb;
  template: Template;
  now(): Date;
  advance(ms: number): void;
  connect(): Promise<void>;
  /**
   * The person's setup choice, sent on the channel the setup screen's
   * provisioning uses (`hubspot.provision` with a choice). Deals in Baton's own
   * pipeline unless told: these tests check deals; tickets have their own.
   */
  chooseSetup(choice?: SetupChoice): Promise<void>;
  close(): Promise<void>;
}

/** The setup these tests choose: deals, Baton's own "Handoffs" pipeline. */
export const DEALS_OWN_PIPELINE: SetupChoice = { mode: 'create', recordType: 'deals' };

export const START = '2026-11-24T09:00:00.000Z';

/** A template with a READY gate (a checklist item) and a HAND_OVER gate (receiver), like the seeded ones. */
export const RUNNER_TEMPLATE: Template = makeTemplate();

/** `portals`: several HubSpot accounts behind one API host, the token picking the account (see test/hubspot-fake/portals.ts). */
export async function startRunnerHarness(options: { portals?: PortalSpec[] } = {}): Promise<RunnerHarness> {
  let virtual = Date.parse(START);
  const hub = options.portals
    ? await startHubSpotPortals(options.portals, { clock: () => virtual })
    : await (async () => {
        const single = await startHubSpotFake({ clock: () => virtual });
        return { baseUrl: single.baseUrl, portals: [single], close: () => single.close() };
      })();
  const fake = hub.portals[0];
  if (!fake) throw new Error('startRunnerHarness: no HubSpot portal started.');
  const host = createTestHost({
    hubspotBasePath: hub.baseUrl,
    now: START,
    syncTuning: {
      timeoutMs: 5_000,
      random: () => 0.5,
      now: () => virtual,
      sleep: async (ms) => {
        virtual += ms;
        host.clock.set(new Date(virtual));
      },
    },
  });
  const { api } = inProcessApi(host);
  const db = openBatonDb(freshDbName('sync-runner'));
  await db.templates.add({ ...RUNNER_TEMPLATE, latest: 1 });
  return {
    fake,
    portals: hub.portals,
    host,
    api,
    db,
    template: RUNNER_TEMPLATE,
    now: () => new Date(virtual),
    advance(ms) {
      virtual += ms;
      host.clock.set(new Date(virtual));
    },
    async connect() {
      const result = await api['hubspot.connect']({ token: DEFAULT_TOKEN });
      if (!result.ok) throw new Error(`connect failed: ${result.error.message}`);
    },
    async chooseSetup(choice = DEALS_OWN_PIPELINE) {
      const result = await api['hubspot.provision']({ templates: (await loadLocalTemplates(db)).forHost, choice });
      if (!result.ok) throw new Error(`setup failed: ${result.error.message}`);
    },
    async close() {
      db.close();
      await hub.close();
    },
  };
}

/** One of the fake portal's owners, so a sender round-trips through `hubspot_owner_id`. */
export const RUNNER_SENDER = '100001';

/** A handoff for Acme Co (no deal yet), created through the data layer by RUNNER_SENDER; fails the test if refused. */
export async function createRunnerHandoff(h: RunnerHarness, id: string, title: string): Promise<Handoff> {
  const created = await createHandoff(h.db, { id, title, client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: h.template.id, sender: RUNNER_SENDER }, RUNNER_SENDER, h.now());
  if (!created.ok) throw new Error(created.error.message);
  return created.handoff;
}

/** A sync run a minute after the last one; fails the test if the run fails. */
export async function syncRun(h: RunnerHarness): Promise<SyncRunOutcome> {
  h.advance(60_000);
  const outcome = await runSync(h.db, h.api, { now: h.now });
  if (!outcome.ok) throw new Error(`sync failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome;
}
