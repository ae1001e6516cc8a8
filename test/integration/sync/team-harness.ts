import 'fake-indexeddb/auto';
import { buildBatonApi } from '../../../shared/ipc/build-api';
import { eventChannel } from '../../../shared/ipc/events';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import type { Template } from '../../../shared/domain/template';
import { openBatonDb, type BatonDb } from '../../../renderer/src/data/db';
import { freshDbName } from '../../support/db-fixtures';
import type { SyncApi } from '../../../renderer/src/sync/sync-api';
import { runSync, type SyncRunOutcome } from '../../../renderer/src/sync/sync-runner';
import { loadLocalTemplates } from '../../../renderer/src/sync/local-templates';
import { createTestHost, type TestHost } from '../../host/create-test-host';
import { startHubSpotFake, DEFAULT_TOKEN, type HubSpotFake } from '../../hubspot-fake';

/**
 * A team: several desktops, each with its own IndexedDB and its own test host
 * (the real sync handlers and `@hubspot/api-client`), all connected to ONE
 * HubSpot fake portal, on one virtual clock so every wait is instant.
 */
export interface Desktop {
  name: string;
  /** The HubSpot owner this desktop's person is. */
  owner: string;
  host: TestHost;
  api: SyncApi;
  db: BatonDb;
}

export interface Team {
  fake: HubSpotFake;
  desktops: Desktop[];
  now(): Date;
  advance(ms: number): void;
  close(): Promise<void>;
}

export const TEAM_START = '2026-11-24T09:00:00.000Z';
/** The fake portal's owners: Ada Lovelace and Grace Hopper. */
export const ADA = '100001';
export const GRACE = '100002';

export async function startTeam(people: readonly { name: string; owner: string }[], templates: readonly Template[] = []): Promise<Team> {
  let virtual = Date.parse(TEAM_START);
  const fake = await startHubSpotFake({ clock: () => virtual });
  const hosts: TestHost[] = [];
  const desktops: Desktop[] = [];
  for (const person of people) {
    const host = createTestHost({
      hubspotBasePath: fake.baseUrl,
      now: TEAM_START,
      syncTuning: {
        timeoutMs: 5_000,
        random: () => 0.5,
        now: () => virtual,
        sleep: async (ms) => {
          virtual += ms;
          for (const h of hosts) h.clock.set(new Date(virtual));
        },
      },
    });
    hosts.push(host);
    const api = buildBatonApi(
      (channel, request) => host.dispatch(channel, request),
      (event, listener) =>
        host.addEventSink({
          send(channel, payload) {
            if (channel === eventChannel(event)) listener(payload);
          },
        }),
    );
    const db = openBatonDb(freshDbName(`team-${person.name}`));
    for (const template of templates) await db.templates.add({ ...template, latest: 1 });
    const connected = await api['hubspot.connect']({ token: DEFAULT_TOKEN });
    if (!connected.ok) throw new Error(`connect failed: ${connected.error.message}`);
    // The first Baton on the portal chooses the setup (tickets, Baton's own pipeline), as its person would in Settings → HubSpot.
    if (desktops.length === 0) {
      const setUp = await api['hubspot.provision']({ templates: (await loadLocalTemplates(db)).forHost, choice: { mode: 'create', recordType: 'tickets' } });
      if (!setUp.ok) throw new Error(`setup failed: ${setUp.error.message}`);
    }
    desktops.push({ ...person, host, api, db });
  }
  return {
    fake,
    desktops,
    now: () => new Date(virtual),
    advance(ms) {
      virtual += ms;
      for (const h of hosts) h.clock.set(new Date(virtual));
    },
    async close() {
      for (const d of desktops) d.db.close();
      await fake.close();
    },
  };
}

/** One sync run on a desktop, a few seconds after the last thing that happened; fails the test if the run fails. */
export async function sync(team: Team, desktop: Desktop): Promise<SyncRunOutcome> {
  team.advance(5_000);
  const outcome = await runSync(desktop.db, desktop.api, { now: team.now });
  if (!outcome.ok) throw new Error(`sync on ${desktop.name} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome;
}

/** A desktop's handoffs and histories in comparable form (sync bookkeeping that is per desktop left out). */
export async function snapshot(db: BatonDb): Promise<{ handoffs: Handoff[]; events: HandoffEvent[] }> {
  const handoffs = (await db.handoffs.toArray()).filter((h) => !h.id.startsWith('demo-')).sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set(handoffs.map((h) => h.id));
  const events = (await db.events.toArray()).filter((e) => ids.has(e.handoffId)).sort((a, b) => a.id.localeCompare(b.id));
  return { handoffs, events };
}
