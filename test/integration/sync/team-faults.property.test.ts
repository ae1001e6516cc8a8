import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, stepArb, type Seen } from './team-faults-scenario';
import { startSharedPortal, type SharedPortal } from './team-session';

/**
 * Convergence against the real sync service: 2–3 desktops (each its own
 * IndexedDB and test host with the real sync runner, handlers and
 * `@hubspot/api-client`) share one HubSpot fake portal. Random interleavings
 * of every command kind on two handoffs (refused ones are simply not made),
 * offline periods, syncs, and HubSpot faults on chosen requests (429, 500,
 * 503, a dropped socket, a timeout, an answer lost after HubSpot applied the
 * write). Then everyone is back online and every desktop syncs twice: all
 * hold identical handoffs and histories, history length equals version, no
 * list item is duplicated or lost, one deal per handoff, no note twice
 * (`team-faults-scenario.ts`).
 *
 * Runs: 100 by default, from a fixed seed so the default suite judges the same 100 cases every time; 500 from a
 * random seed with BATON_LONG=1; BATON_SEED=<n> replays the seed fast-check prints on failure. Seeds that once
 * failed are replayed step by step in `team-faults-regressions.test.ts`.
 */

const RUNS = process.env.BATON_LONG === '1' ? 500 : 100;
const DEFAULT_SEED = 20261205;
const SEED = process.env.BATON_SEED !== undefined ? Number(process.env.BATON_SEED) : process.env.BATON_LONG === '1' ? undefined : DEFAULT_SEED;

let portal: SharedPortal | null = null;
beforeAll(async () => {
  portal = await startSharedPortal();
});
afterAll(async () => {
  await portal?.close();
});

describe('team convergence through the real sync service and a faulty HubSpot', () => {
  it(`holds over ${RUNS} seeded runs: identical handoffs and histories, nothing lost or duplicated, no note twice`, async () => {
    const total: Seen = { archives: 0, restores: 0, heldNotices: 0 };
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.array(stepArb, { minLength: 4, maxLength: 16 }), async (count, steps) => {
        if (!portal) throw new Error('no portal');
        const seen = await runScenario(portal, count, steps);
        runs += 1;
        total.archives += seen.archives;
        total.restores += seen.restores;
        total.heldNotices += Number(seen.heldNotices > 0);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    // The runs reach what archive and restore are about: archives, restores, and acts held until a restore.
    console.info(`team faults: ${runs} runs, ${total.archives} archives, ${total.restores} restores, ${total.heldNotices} runs with held acts`);
    if (SEED === DEFAULT_SEED) expect(Math.min(total.archives, total.restores, total.heldNotices)).toBeGreaterThan(0);
  }, 600_000);
});
