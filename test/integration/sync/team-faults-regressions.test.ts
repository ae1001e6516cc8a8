import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandoff, runCommand } from '../../../renderer/src/data/commands';
import { TEMPLATE } from './fixtures';
import { runScenario, type Step } from './team-faults-scenario';
import { ADA, GRACE, startTeam, sync, type Team } from './team-harness';
import { startSharedPortal, type SharedPortal } from './team-session';

/**
 * Seeds on which the fault property test (`team-faults.property.test.ts`) once failed, replayed step by step
 * (fast-check's shrunk counterexample), and the fault each one found, isolated on the fake portal.
 */

let portal: SharedPortal | null = null;
beforeAll(async () => {
  portal = await startSharedPortal();
});
afterAll(async () => {
  await portal?.close();
});

let team: Team | null = null;
afterEach(async () => {
  await team?.close();
  team = null;
});

async function ok<T extends { ok: boolean }>(result: Promise<T>): Promise<T> {
  const done = await result;
  if (!done.ok) throw new Error(JSON.stringify(done));
  return done;
}

function markersOn(t: Team, type: 'notes' | 'tasks', marker: string): number {
  const body = type === 'notes' ? 'hs_note_body' : 'hs_task_body';
  return t.fake.state[type].filter((n) => (n.properties[body] ?? '').includes(marker)).length;
}

/** Seeds and their shrunk counterexamples: [desktops, steps]. */
const SEEDS: readonly { seed: number; found: string; count: number; steps: Step[] }[] = [
  {
    seed: 525402583,
    found: 'the answer to the bounce note create was lost after HubSpot applied it; the client retried the create, and the bounce was on the ticket twice',
    count: 2,
    steps: [
      { kind: 'fault', target: 2, fault: 5, times: 1 },
      { kind: 'command', who: 1, handoff: 1, pick: 2, salt: 0 },
      { kind: 'sync', who: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 0, salt: 0 },
      { kind: 'sync', who: 1 },
    ],
  },
  {
    seed: 1145126368,
    found: "Grace moved the card while Lin archived and restored it offline: Lin's fold refused Grace's move (archived at that point) and left it out of the record; Grace made it again after the restore in round 2, which the desktop that synced before her saw only in round 3 (an extra hop of the design, not a loss)",
    count: 3,
    steps: [
      { kind: 'command', who: 2, handoff: 1, pick: 50, salt: 0 },
      { kind: 'command', who: 1, handoff: 1, pick: 0, salt: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 0, salt: 0 },
      { kind: 'command', who: 2, handoff: 1, pick: 0, salt: 0 },
      { kind: 'sync', who: 0 },
    ],
  },
  {
    seed: -1696777750,
    found: "Ada's reorder, refused on Lin's desktop after Lin's concurrent archive, was made again after Lin's restore with a later seq; Grace still held its first copy and kept it (the first copy met won), so her fold refused it again: of two copies of one act the later seq now wins",
    count: 3,
    steps: [
      { kind: 'command', who: 2, handoff: 0, pick: 50, salt: 0 },
      { kind: 'command', who: 2, handoff: 0, pick: 0, salt: 0 },
      { kind: 'sync', who: 0 },
      { kind: 'sync', who: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 0, salt: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 4, salt: 0 },
    ],
  },
  {
    seed: -255182021,
    found: "Ada archived and restored the card before syncing while Grace logged a client update: in the fold Grace's update sorted between the archive and the restore, was refused by the archived card and silently left out (and its note then failed on Grace's desktop only); it is now held and made again after the restore",
    count: 2,
    steps: [
      { kind: 'command', who: 0, handoff: 1, pick: 50, salt: 0 },
      { kind: 'command', who: 1, handoff: 1, pick: 15, salt: 0 },
      { kind: 'command', who: 0, handoff: 1, pick: 0, salt: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 0, salt: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 0, salt: 0 },
      { kind: 'fault', target: 0, fault: 0, times: 1 },
      { kind: 'command', who: 0, handoff: 0, pick: 0, salt: 0 },
    ],
  },
  {
    seed: -1648345571,
    found: "Ada set the client and archived the card before syncing: her pull did not fold her unsent acts (an archived card followed a record only when it brought acts), so her history kept her own copy of the client change (with the deal id the card had) while Grace's fold had another",
    count: 2,
    steps: [
      { kind: 'command', who: 0, handoff: 0, pick: 6, salt: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 24, salt: 0 },
      { kind: 'offline', who: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 0, salt: 277 },
      { kind: 'offline', who: 0 },
      { kind: 'sync', who: 0 },
    ],
  },
  {
    seed: -1535847848,
    found: "Lin restored the card she had archived without syncing; Grace, who had not seen the archive, moved it: Grace's held move follows Lin's restore only once the restore reached her, so three rounds of syncs, not two, bring every desktop together",
    count: 3,
    steps: [
      { kind: 'command', who: 2, handoff: 1, pick: 24, salt: 0 },
      { kind: 'sync', who: 2 },
      { kind: 'command', who: 2, handoff: 1, pick: 0, salt: 0 },
      { kind: 'sync', who: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 0, salt: 0 },
      { kind: 'command', who: 1, handoff: 1, pick: 0, salt: 0 },
      { kind: 'sync', who: 0 },
    ],
  },
  {
    seed: 1359552825,
    found: 'Grace restored the card Ada had archived, then archived it again before syncing: her restore and re-archive could not travel (the deal stayed deleted) and the desktops differed; they are now held like any act made after the archive',
    count: 2,
    steps: [
      { kind: 'command', who: 0, handoff: 1, pick: 50, salt: 0 },
      { kind: 'sync', who: 0 },
      { kind: 'sync', who: 1 },
      { kind: 'command', who: 1, handoff: 1, pick: 0, salt: 0 },
      { kind: 'command', who: 1, handoff: 1, pick: 50, salt: 0 },
      { kind: 'sync', who: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 0, salt: 0 },
      { kind: 'command', who: 0, handoff: 0, pick: 0, salt: 0 },
    ],
  },
];

describe('seeds the fault property test once failed on', () => {
  for (const { seed, found, count, steps } of SEEDS) {
    it(`seed ${seed}: ${found}`, async () => {
      if (!portal) throw new Error('no portal');
      await runScenario(portal, count, steps);
    }, 60_000);
  }
});

describe('a create whose answer is lost after HubSpot applied it', () => {
  async function start(): Promise<{ t: Team; ada: Team['desktops'][number] }> {
    const t = await startTeam([{ name: 'ada', owner: ADA }, { name: 'grace', owner: GRACE }], [TEMPLATE]);
    team = t;
    const [ada] = t.desktops;
    if (!ada) throw new Error('no desktop');
    await ok(createHandoff(ada.db, { id: 'h-lost', title: 'Launch page', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, sender: ADA, receiver: GRACE }, ADA, t.now()));
    return { t, ada };
  }

  it('writes the note once, and the same sync counts it as done (seed 525402583)', async () => {
    const { t, ada } = await start();
    await ok(runCommand(ada.db, 'h-lost', { type: 'log_client_update', id: 'u-lost', body: 'Design sent.' }, ADA, t.now()));
    t.fake.faults.failNext({ method: 'POST', path: '/crm/v3/objects/notes/batch/create' }, { kind: 'lost' });
    const outcome = await sync(t, ada);
    expect(outcome.ok).toBe(true);
    expect(markersOn(t, 'notes', '[baton-ref:u-lost]')).toBe(1);
    expect(t.fake.stats.count('/crm/v3/objects/notes/batch/create')).toBe(1);
    expect(await ada.db.outbox.count()).toBe(0);
    // Nothing is left to send: syncing again writes no note.
    await sync(t, ada);
    expect(markersOn(t, 'notes', '[baton-ref:u-lost]')).toBe(1);
  });

  it('sends again, once, only what HubSpot does not hold: a create that failed before it was applied is retried', async () => {
    const { t, ada } = await start();
    await ok(runCommand(ada.db, 'h-lost', { type: 'log_client_update', id: 'u-again', body: 'Copy approved.' }, ADA, t.now()));
    t.fake.faults.failNext({ method: 'POST', path: '/crm/v3/objects/notes/batch/create' }, { kind: 'drop' });
    await sync(t, ada);
    expect(markersOn(t, 'notes', '[baton-ref:u-again]')).toBe(1);
    expect(t.fake.stats.count('/crm/v3/objects/notes/batch/create')).toBe(2);
    expect(await ada.db.outbox.count()).toBe(0);
  });

  it('writes the next-action task once', async () => {
    const { t, ada } = await start();
    await ok(runCommand(ada.db, 'h-lost', { type: 'set_next_action', nextAction: { text: 'Review the page', dueAt: '2026-12-24T10:00:00.000Z' } }, ADA, t.now()));
    t.fake.faults.failNext({ method: 'POST', path: '/crm/v3/objects/tasks/batch/create' }, { kind: 'lost' });
    await sync(t, ada);
    expect(markersOn(t, 'tasks', '[baton-task:h-lost]')).toBe(1);
    expect(await ada.db.outbox.count()).toBe(0);
    await sync(t, ada);
    expect(markersOn(t, 'tasks', '[baton-task:h-lost]')).toBe(1);
  });
});
