import 'fake-indexeddb/auto';
import { buildBatonApi } from '../../../shared/ipc/build-api';
import type { Template } from '../../../shared/domain/template';
import type { Owner } from '../../../shared/domain/settings';
import { openBatonDb } from '../../../renderer/src/data/db';
import { saveSettings } from '../../../renderer/src/data/settings';
import { loadLocalTemplates } from '../../../renderer/src/sync/local-templates';
import type { Transport } from '../../../electron/sync/hubspot-gateway';
import { createTestHost, type TestHost } from '../../host/create-test-host';
import { startHubSpotFake, DEFAULT_TOKEN, type HubSpotFake } from '../../hubspot-fake';
import { TEAM_START, type Desktop } from './team-harness';

/**
 * One HubSpot fake portal reused by many seeded runs (starting a server per
 * run would cost more than the run): `reset()` empties the portal, and each
 * run joins fresh desktops — new IndexedDB, new test host with the real sync
 * handlers and `@hubspot/api-client` — on one virtual clock.
 *
 * Besides the fake's own faults (`fake.faults`), a request's answer can be
 * lost after HubSpot applied it (`loseAnswer`): the worst case for anything
 * that is not idempotent, such as creating a note.
 */
export interface SharedPortal {
  fake: HubSpotFake;
  now(): Date;
  advance(ms: number): void;
  /** The next request whose path matches is applied by HubSpot, then its answer is lost. */
  loseAnswer(path: RegExp): void;
  /** No fault or lost answer is armed any more and every desktop's network is back; the portal keeps its data. */
  heal(): void;
  /** Empties the portal, clears faults and lost answers, and puts the clock back. */
  reset(): void;
  /** New desktops on the portal; the first sets HubSpot up. Every desktop knows `people` (names, roles). */
  join(people: readonly Owner[], owners: readonly string[], templates: readonly Template[]): Promise<Desktop[]>;
  close(): Promise<void>;
}

/**
 * A request the fake holds (its `timeout` fault) times out after this long, in real time: short, so runs stay
 * fast, yet far above what any answered request takes on a loaded machine (a retried create would meet a 409).
 */
const CLIENT_TIMEOUT_MS = 1_500;

let run = 0;

export async function startSharedPortal(): Promise<SharedPortal> {
  let virtual = Date.parse(TEAM_START);
  const fake = await startHubSpotFake({ clock: () => virtual });
  let hosts: TestHost[] = [];
  let dbs: Desktop['db'][] = [];
  let lost: RegExp[] = [];
  const advance = (ms: number) => {
    virtual += ms;
    for (const h of hosts) h.clock.set(new Date(virtual));
  };
  const wrapTransport = (inner: Transport): Transport => async (request) => {
    const outcome = await inner(request);
    const index = lost.findIndex((path) => path.test(request.path));
    if (index >= 0) {
      lost = lost.filter((_, i) => i !== index);
      throw new TypeError('fetch failed: socket hang up');
    }
    return outcome;
  };
  return {
    fake,
    now: () => new Date(virtual),
    advance,
    loseAnswer(path) {
      lost.push(path);
    },
    heal() {
      fake.faults.clear();
      lost = [];
      // The network is back: a host that lost requests counts as offline until the OS says so (as in production).
      for (const host of hosts) {
        host.online.setOnline(false);
        host.online.setOnline(true);
      }
    },
    reset() {
      for (const db of dbs) db.close();
      dbs = [];
      hosts = [];
      lost = [];
      fake.reset();
      virtual = Date.parse(TEAM_START);
    },
    async join(people, owners, templates) {
      run += 1;
      const desktops: Desktop[] = [];
      for (const [i, owner] of owners.entries()) {
        const host = createTestHost({
          hubspotBasePath: fake.baseUrl,
          now: new Date(virtual),
          syncTuning: { timeoutMs: CLIENT_TIMEOUT_MS, random: () => 0.5, now: () => virtual, sleep: async (ms) => advance(ms), wrapTransport },
        });
        hosts.push(host);
        const api = buildBatonApi(
          (channel, request) => host.dispatch(channel, request),
          () => () => undefined,
        );
        const db = openBatonDb(`team-run-${run}-${i}`);
        dbs.push(db);
        for (const template of templates) await db.templates.add({ ...template, latest: 1 });
        await saveSettings(db, { currentUser: owner, owners: [...people] });
        const connected = await api['hubspot.connect']({ token: DEFAULT_TOKEN });
        if (!connected.ok) throw new Error(`connect failed: ${connected.error.message}`);
        if (i === 0) {
          const setUp = await api['hubspot.provision']({ templates: (await loadLocalTemplates(db)).forHost, choice: { mode: 'create', recordType: 'tickets' } });
          if (!setUp.ok) throw new Error(`setup failed: ${setUp.error.message}`);
        }
        desktops.push({ name: `desktop-${i}`, owner, host, api, db });
      }
      return desktops;
    },
    async close() {
      for (const db of dbs) db.close();
      await fake.close();
    },
  };
}
