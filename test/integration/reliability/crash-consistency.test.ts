// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import { HANDOFF_STATES } from '../../../shared/domain/states';
import { createHandoff, runCommand, type WriteOutcome } from '../../../renderer/src/data/commands';
import { openBatonDb, type BatonDb } from '../../../renderer/src/data/db';
import { freshDbName, makeTemplate } from '../../support/db-fixtures';
import { OUTBOX_SEQ_KEY } from '../../../renderer/src/data/write-support';
import { runSync } from '../../../renderer/src/sync/sync-runner';
import { createRunnerHandoff, startRunnerHarness } from '../sync-runner/harness';
import { armCrash, seeded, snapshot } from './crash-support';

/**
 * Random local changes interleaved with "crashes": at a random write inside
 * the change's transaction the process dies (the transaction is aborted, or
 * a write throws), and Baton restarts (the connection is closed and a new one
 * opened). After every step:
 *  - a crashed change left NO trace (every table exactly as before it),
 *  - every committed change is present exactly once (a handoff's history has
 *    exactly `version` events; its version counts the committed changes),
 *  - the outbox has exactly the sequence numbers 1…counter, each once.
 * Seeded, so a failure replays: BATON_SEED=… ; BATON_LONG=1 runs 500 steps.
 */

const STEPS = process.env['BATON_LONG'] === '1' ? 500 : 25;
const SEED = Number(process.env['BATON_SEED'] ?? 20261124);
const ACTOR = 'maya';

async function checkInvariants(db: BatonDb, committedChanges: Map<string, number>): Promise<void> {
  const handoffs = await db.handoffs.toArray();
  expect(handoffs.map((h) => h.id).sort()).toEqual([...committedChanges.keys()].sort());
  for (const handoff of handoffs) {
    const events = await db.events.where('handoffId').equals(handoff.id).count();
    expect(events, `history of ${handoff.id}`).toBe(handoff.version);
    expect(handoff.version, `committed changes of ${handoff.id}`).toBe(committedChanges.get(handoff.id));
  }
  const counter = await db.syncMeta.get(OUTBOX_SEQ_KEY);
  const seqs = (await db.outbox.toArray()).map((entry) => entry.seq).sort((a, b) => a - b);
  const top = typeof counter?.value === 'number' ? counter.value : 0;
  expect(seqs).toEqual(Array.from({ length: top }, (_, i) => i + 1));
}

describe('crash consistency of local changes', () => {
  it(`survives ${STEPS} random changes with crashes at random writes (seed ${SEED})`, async () => {
    const random = seeded(SEED);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const name = freshDbName('crash');
    let db = openBatonDb(name);
    await db.templates.add({ ...makeTemplate({ criteria: [] }), latest: 1 });
    const committed = new Map<string, number>();
    let crashes = 0;
    let crashesArmedButNotReached = 0;
    let commits = 0;
    let refusals = 0;
    let nextId = 0;

    for (let step = 0; step < STEPS; step += 1) {
      const ids = [...committed.keys()];
      const create = ids.length === 0 || random() < 0.2;
      const target = create ? `h-${(nextId += 1)}` : pick(ids);
      const command: HandoffCommand = pick<HandoffCommand>([
        { type: 'set_title', title: `Title ${step}` },
        { type: 'add_note', id: `n-${step}`, body: `Note ${step}` },
        { type: 'set_receiver', receiver: pick(['ravi', 'ana', null]) },
        { type: 'move', to: pick(HANDOFF_STATES) },
        { type: 'reorder', rank: Math.floor(random() * 10_000) },
        { type: 'add_checklist_item', id: `c-${step}`, text: `Item ${step}` },
      ]);
      const crash = random() < 0.5;
      const before = crash ? await snapshot(db) : null;
      const armed = crash ? armCrash(db, 1 + Math.floor(random() * 5), random() < 0.5 ? 'abort' : 'throw') : null;

      const outcome: WriteOutcome = create
        ? await createHandoff(db, { id: target, title: `Card ${target}`, client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'tpl-design-dev', sender: ACTOR }, ACTOR)
        : await runCommand(db, target, command, ACTOR);

      if (armed?.fired()) {
        crashes += 1;
        expect(outcome.ok, `step ${step}: a crashed change must not report success`).toBe(false);
        // Restart: a new connection, as after the app was killed.
        db.close();
        db = openBatonDb(name);
        expect(await snapshot(db), `step ${step}: the crashed change left a trace`).toEqual(before);
      } else {
        if (armed) {
          crashesArmedButNotReached += 1;
          db.close();
          db = openBatonDb(name);
        }
        if (outcome.ok) {
          commits += 1;
          committed.set(target, (committed.get(target) ?? 0) + 1);
        } else {
          refusals += 1;
        }
      }
      await checkInvariants(db, committed);
    }
    db.close();
    console.info(
      `[reliability] crash-consistency: ${STEPS} steps (seed ${SEED}), ${crashes} crashes survived, ${commits} changes committed, ${refusals} refused by the gate, ${crashesArmedButNotReached} crashes armed past the last write, 0 partial changes, 0 items lost`,
    );
    expect(crashes).toBeGreaterThan(0);
    expect(commits).toBeGreaterThan(0);
  });
});

describe('crash consistency of sync runs', () => {
  const RUNS = process.env['BATON_LONG'] === '1' ? 60 : 8;

  it(`${RUNS} sync runs crashed at a random local write, each followed by a restart and a clean run, converge with nothing lost or duplicated`, async () => {
    const random = seeded(SEED + 1);
    const h = await startRunnerHarness();
    let syncCrashes = 0;
    try {
      await h.connect();
    await h.chooseSetup();
      await h.chooseSetup();
      h.advance(60_000);
      const first = await runSync(h.db, h.api, { now: h.now });
      if (!first.ok) throw new Error(first.error.message);
      const name = h.db.name;
      let db: BatonDb = h.db;
      const titles = new Map<string, string>();
      const descriptions = new Map<string, string>();

      for (let run = 0; run < RUNS; run += 1) {
        h.advance(60_000);
        // A local change (new card or a new title) and, once deals exist, a colleague's edit in HubSpot.
        const ids = [...titles.keys()];
        if (ids.length === 0 || random() < 0.4) {
          const id = `h-sync-${run}`;
          const created = await createHandoff(db, { id, title: `Card ${run}`, client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: h.template.id, sender: '100001' }, '100001', h.now());
          if (!created.ok) throw new Error(created.error.message);
          titles.set(id, `Card ${run}`);
        } else {
          const id = ids[Math.floor(random() * ids.length)] ?? '';
          const title = `Card ${id} v${run}`;
          const edited = await runCommand(db, id, { type: 'set_title', title }, '100001', h.now());
          if (!edited.ok) throw new Error(edited.error.message);
          titles.set(id, title);
        }
        const deals = h.fake.state.deals.filter((deal) => !deal.archived);
        const deal = deals[Math.floor(random() * deals.length)];
        if (deal) {
          h.fake.colleague.setDealProperties(deal.id, { description: `Colleague note ${run}` });
          descriptions.set(deal.id, `Colleague note ${run}`);
        }

        h.advance(60_000);
        const armed = armCrash(db, 1 + Math.floor(random() * 6), random() < 0.5 ? 'abort' : 'throw');
        const crashed = await runSync(db, h.api, { now: h.now });
        if (armed.fired()) {
          syncCrashes += 1;
          expect(crashed.ok, `run ${run}: a crashed sync must not report success`).toBe(false);
        }
        // Restart, then a clean run.
        db.close();
        db = openBatonDb(name);
        h.advance(60_000);
        const clean = await runSync(db, h.api, { now: h.now });
        if (!clean.ok) throw new Error(`run ${run}: clean sync after the crash failed: ${clean.error.code} ${clean.error.message}`);

        // Converged: every local change is in HubSpot once, every colleague edit survived, the outbox is drained.
        expect(await db.outbox.count()).toBe(0);
        const live = h.fake.state.deals.filter((d) => !d.archived);
        expect(live.map((d) => d.properties['baton_id']).sort()).toEqual([...titles.keys()].sort());
        for (const [id, title] of titles) {
          expect(live.find((d) => d.properties['baton_id'] === id)?.properties['dealname'], `deal of ${id}`).toBe(title);
          expect((await db.handoffs.get(id))?.title).toBe(title);
        }
        for (const [dealId, description] of descriptions) expect(h.fake.state.object('deals', dealId)?.properties['description']).toBe(description);
        for (const handoff of await db.handoffs.toArray()) {
          // Every change recorded exactly once, whether it was made here or merged from HubSpot,
          // and whatever the crash cut short (a lost push ack included).
          expect(await db.events.where('handoffId').equals(handoff.id).count(), `history of ${handoff.id}`).toBe(handoff.version);
          expect(handoff.client.hubspotDealId, `deal link of ${handoff.id}`).toBe(live.find((d) => d.properties['baton_id'] === handoff.id)?.id);
        }
      }
      db.close();
      console.info(`[reliability] crash-consistency (sync): ${RUNS} sync runs, ${syncCrashes} crashed mid-commit and recovered, 0 duplicated deals, 0 lost changes, 0 history gaps`);
      expect(syncCrashes).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  });
});

describe('a lost push acknowledgement', () => {
  // The push reached HubSpot but the app died before committing the ack. The next
  // pull finds the deal by baton_id and re-links it. Linking is bookkeeping, as in
  // the ack itself: no version bump, no event, so history still equals version.
  it('re-linking the deal after a lost ack keeps history = version', async () => {
    const h = await startRunnerHarness();
    try {
      await h.connect();
    await h.chooseSetup();
      await h.chooseSetup();
      h.advance(60_000);
      const first = await runSync(h.db, h.api, { now: h.now });
      if (!first.ok) throw new Error(first.error.message);
      await createRunnerHandoff(h, 'h-lost-ack', 'Lost ack');
      // Die at the ack commit's first sync-state write (the pull has nothing to write yet).
      h.db.syncState.hook('creating', (_key, _obj, transaction) => transaction.abort());
      h.advance(60_000);
      const crashed = await runSync(h.db, h.api, { now: h.now });
      expect(crashed.ok).toBe(false);
      const name = h.db.name;
      h.db.close();
      const db = openBatonDb(name);
      h.advance(60_000);
      const clean = await runSync(db, h.api, { now: h.now });
      expect(clean.ok).toBe(true);
      const handoff = await db.handoffs.get('h-lost-ack');
      const deals = h.fake.state.deals.filter((d) => !d.archived && d.properties['baton_id'] === 'h-lost-ack');
      expect(deals).toHaveLength(1);
      expect(handoff?.client.hubspotDealId).toBe(deals[0]?.id);
      expect(await db.events.where('handoffId').equals('h-lost-ack').count()).toBe(handoff?.version);
      expect(await db.outbox.count()).toBe(0);
      db.close();
    } finally {
      await h.close();
    }
  });
});
