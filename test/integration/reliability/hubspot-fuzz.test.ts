// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import type { Fault, FaultMatcher } from '../../hubspot-fake';
import { runCommand } from '../../../renderer/src/data/commands';
import type { BatonDb } from '../../../renderer/src/data/db';
import { runSync, type SyncRunOutcome } from '../../../renderer/src/sync/sync-runner';
import { RUNNER_SENDER, createRunnerHandoff, startRunnerHarness, type RunnerHarness } from '../sync-runner/harness';

/**
 * HubSpot answering garbage: each fault is injected into the fake on the pull
 * (search) or push (batch upsert) route, the renderer's sync runner runs
 * against the real sync service, and then:
 *  - the run fails with the specific typed error for that kind of garbage,
 *  - nothing of the bad answer reaches the local database,
 *  - a later clean run converges both sides (no lost or duplicated change).
 */

const MINUTE = 60_000;
const SEARCH: FaultMatcher = { method: 'POST', path: '/crm/v3/objects/deals/search' };
/** Pushes create through batch upsert and update known deals through batch update. */
const UPSERT: FaultMatcher = { method: 'POST', path: /^\/crm\/v3\/objects\/deals\/batch\/(upsert|update)$/ };
/** More than the retry budget, so retryable faults fail the run instead of being retried away. */
const TIMES = 8;

const HTML_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><script>alert(1)</script></body></html>';

interface Scenario {
  name: string;
  route: 'pull' | 'push';
  fault: (h: RunnerHarness) => Fault;
  /** The typed error codes this garbage may produce (documented per scenario). */
  codes: string[];
}

const SCENARIOS: Scenario[] = [
  { name: 'invalid JSON', route: 'pull', fault: () => ({ kind: 'malformed', body: '{"total": 1, "results": [{"id": ' }), codes: ['HUBSPOT_BAD_RESPONSE'] },
  { name: 'truncated body', route: 'pull', fault: () => ({ kind: 'malformed', body: '{"total":1,"results":[{"id":"1","properties":{"dealname":"Trunc' }), codes: ['HUBSPOT_BAD_RESPONSE'] },
  { name: 'HTML error page with 200', route: 'pull', fault: () => ({ kind: 'malformed', body: HTML_PAGE }), codes: ['HUBSPOT_BAD_RESPONSE'] },
  { name: 'HTML error page with 502', route: 'pull', fault: () => ({ kind: 'json', status: 502, body: HTML_PAGE }), codes: ['HUBSPOT_UNAVAILABLE'] },
  { name: 'missing results', route: 'pull', fault: () => ({ kind: 'json', status: 200, body: { total: 3 } }), codes: ['HUBSPOT_BAD_RESPONSE'] },
  { name: 'results of the wrong type', route: 'pull', fault: () => ({ kind: 'json', status: 200, body: { total: 1, results: 'many' } }), codes: ['HUBSPOT_BAD_RESPONSE'] },
  { name: 'deal with wrong field types', route: 'pull', fault: () => ({ kind: 'json', status: 200, body: { total: 1, results: [{ id: { nested: true }, properties: 7 }] } }), codes: ['HUBSPOT_BAD_RESPONSE'] },
  { name: 'a JSON null', route: 'pull', fault: () => ({ kind: 'json', status: 200, body: null }), codes: ['HUBSPOT_BAD_RESPONSE'] },
  { name: 'invalid JSON', route: 'push', fault: () => ({ kind: 'malformed', body: '{"status":"COMPLETE","results":[' }), codes: ['HUBSPOT_BAD_RESPONSE'] },
  { name: 'HTML error page with 200', route: 'push', fault: () => ({ kind: 'malformed', body: HTML_PAGE }), codes: ['HUBSPOT_BAD_RESPONSE'] },
  { name: 'HTML error page with 503', route: 'push', fault: () => ({ kind: 'json', status: 503, body: HTML_PAGE }), codes: ['HUBSPOT_UNAVAILABLE'] },
  { name: 'missing results', route: 'push', fault: () => ({ kind: 'json', status: 200, body: { status: 'COMPLETE' } }), codes: ['HUBSPOT_BAD_RESPONSE'] },
  { name: 'results of the wrong type', route: 'push', fault: () => ({ kind: 'json', status: 200, body: { status: 'COMPLETE', results: [{ id: 12, properties: 'x' }] } }), codes: ['HUBSPOT_BAD_RESPONSE'] },
];

async function tables(db: BatonDb): Promise<Record<string, unknown[]>> {
  return {
    handoffs: await db.handoffs.toArray(),
    events: await db.events.toArray(),
    syncState: await db.syncState.toArray(),
    templates: await db.templates.toArray(),
  };
}

function expectReadableMessage(message: string): void {
  expect(message.length).toBeGreaterThan(10);
  expect(message.length).toBeLessThan(1_000);
  expect(message).not.toContain('<script>');
}

async function sync(h: RunnerHarness): Promise<SyncRunOutcome> {
  h.advance(MINUTE);
  return runSync(h.db, h.api, { now: h.now });
}

let faultsInjected = 0;
let runsRecovered = 0;
let hostileEdits = 0;
let unreported = 0;
let itemsLost = 0;

afterAll(() => {
  console.info(
    `[reliability] hubspot-fuzz: ${faultsInjected} bad HubSpot answers injected (${SCENARIOS.length} kinds on pull and push, plus an unknown stage) and ${hostileEdits} hostile colleague edits: ${faultsInjected + hostileEdits - unreported} refused with a typed error or reported as a problem, ${unreported} silently ignored, nothing invalid applied, ${runsRecovered} clean re-syncs converged, ${itemsLost} changes lost`,
  );
});

describe('HubSpot answering garbage', () => {
  let h: RunnerHarness;
  beforeEach(async () => {
    h = await startRunnerHarness();
    await h.connect();
    await h.chooseSetup();
    const first = await sync(h);
    if (!first.ok) throw new Error(`setup sync failed: ${first.error.message}`);
    await createRunnerHandoff(h, 'h-local', 'Spring campaign');
    const second = await sync(h);
    if (!second.ok) throw new Error(`setup sync failed: ${second.error.message}`);
  });
  afterEach(async () => {
    await h.close();
  });

  it.each(SCENARIOS)('$route: $name → typed error, nothing applied, a clean sync recovers', async (scenario) => {
    // A change on each side, so both the pull and the push have something to carry.
    const deal = h.fake.state.deals.find((d) => !d.archived && d.properties['baton_id'] === 'h-local');
    if (!deal) throw new Error('setup: deal missing');
    h.advance(MINUTE);
    h.fake.colleague.setDealProperties(deal.id, { description: 'Edited in HubSpot' });
    const edited = await runCommand(h.db, 'h-local', { type: 'set_title', title: 'Spring campaign (final)' }, RUNNER_SENDER, h.now());
    expect(edited.ok).toBe(true);

    const before = await tables(h.db);
    const outboxBefore = await h.db.outbox.toArray();
    h.fake.faults.failNext(scenario.route === 'pull' ? SEARCH : UPSERT, scenario.fault(h), TIMES);
    faultsInjected += 1;
    const outcome = await sync(h);

    if (scenario.route === 'pull') {
      if (outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.summary)}`);
      expect(scenario.codes).toContain(outcome.error.code);
      expect(outcome.error.phase).toBe('pulling');
      expectReadableMessage(outcome.error.message);
      // Nothing of the bad answer was merged and the local change is still queued.
      expect(await tables(h.db)).toEqual(before);
      expect((await h.db.outbox.toArray()).map((e) => e.id)).toEqual(outboxBefore.map((e) => e.id));
    } else {
      // Push failures are per entry (the run goes on): the entry stays queued with the typed error as its reason.
      expect(outcome.summary.pushed).toBe(0);
      expect(outcome.summary.retried + outcome.summary.failed).toBeGreaterThan(0);
      const queued = await h.db.outbox.where('handoffId').equals('h-local').toArray();
      expect(queued.map((e) => e.id).sort()).toEqual(outboxBefore.filter((e) => e.handoffId === 'h-local').map((e) => e.id).sort());
      const reason = queued[0]?.lastError ?? '';
      expect(scenario.codes.some((code) => reason.includes(code)), `lastError: ${reason}`).toBe(true);
      expectReadableMessage(reason);
      expect((await h.db.handoffs.get('h-local'))?.title).toBe('Spring campaign (final)');
      expect(h.fake.state.object('deals', deal.id)?.properties['dealname']).toBe('Spring campaign');
    }

    h.fake.faults.clear();
    const clean = await sync(h);
    if (!clean.ok) throw new Error(`recovery failed: ${clean.error.code} ${clean.error.message}`);
    runsRecovered += 1;
    const live = h.fake.state.deals.filter((d) => !d.archived);
    const local = await h.db.handoffs.toArray();
    expect(live).toHaveLength(local.length);
    expect(h.fake.state.object('deals', deal.id)?.properties['dealname']).toBe('Spring campaign (final)');
    expect(await h.db.outbox.count()).toBe(0);
    const lost = (h.fake.state.object('deals', deal.id)?.properties['description'] === 'Edited in HubSpot' ? 0 : 1) + ((await h.db.handoffs.get('h-local'))?.title === 'Spring campaign (final)' ? 0 : 1);
    itemsLost += lost;
    expect(lost).toBe(0);
  });

  it('an unknown stage in the answer is reported, never applied, and a clean sync recovers', async () => {
    const deal = h.fake.state.deals.find((d) => !d.archived && d.properties['baton_id'] === 'h-local');
    if (!deal) throw new Error('setup: deal missing');
    h.advance(MINUTE);
    h.fake.colleague.setDealProperties(deal.id, { description: 'touched' });
    const view = h.fake.state.object('deals', deal.id);
    if (!view) throw new Error('setup: deal view missing');
    const stamp = new Date(h.now().getTime()).toISOString();
    const forged = {
      id: view.id,
      properties: { ...view.properties, dealstage: 'stage-from-nowhere', hs_lastmodifieddate: stamp },
      propertiesWithHistory: { ...view.propertiesWithHistory, dealstage: [{ value: 'stage-from-nowhere', timestamp: stamp, sourceType: 'CRM_UI' }, ...(view.propertiesWithHistory['dealstage'] ?? [])] },
      createdAt: view.createdAt,
      updatedAt: stamp,
      archived: false,
    };
    h.fake.faults.failNext({ method: 'POST', path: '/crm/v3/objects/deals/batch/read' }, { kind: 'json', status: 200, body: { status: 'COMPLETE', results: [forged], startedAt: stamp, completedAt: stamp } }, TIMES);
    faultsInjected += 1;
    const stateBefore = (await h.db.handoffs.get('h-local'))?.state;
    const outcome = await sync(h);
    const handoff = await h.db.handoffs.get('h-local');
    expect(handoff?.state).toBe(stateBefore);
    const reported = !outcome.ok || outcome.summary.problems.length > 0 || (handoff?.exceptions.length ?? 0) > 0;
    console.info(`[reliability] hubspot-fuzz: unknown stage → ${outcome.ok ? `run ok, ${outcome.summary.problems.length} problems, ${outcome.summary.exceptions} exceptions` : `run refused ${outcome.error.code}`}`);
    expect(reported).toBe(true);
    h.fake.faults.clear();
    const clean = await sync(h);
    if (!clean.ok) throw new Error(`recovery failed: ${clean.error.code} ${clean.error.message}`);
    runsRecovered += 1;
    expect(await h.db.outbox.count()).toBe(0);
  });

  it.each<{ name: string; properties: Record<string, string>; expectReported: boolean }>([
    { name: 'a 60,000-character deal name', properties: { dealname: 'x'.repeat(60_000) }, expectReported: true },
    // The card keeps its state and carries a DEAL_LEFT_PIPELINE exception until the deal is back.
    { name: 'a move to a stage of another pipeline', properties: { pipeline: 'default', dealstage: 'closedwon' }, expectReported: true },
  ])('a colleague writes $name: reported, never applied as invalid data, and recovered', async ({ properties, expectReported }) => {
    const deal = h.fake.state.deals.find((d) => !d.archived && d.properties['baton_id'] === 'h-local');
    if (!deal) throw new Error('setup: deal missing');
    h.advance(MINUTE);
    h.fake.colleague.setDealProperties(deal.id, properties);
    hostileEdits += 1;
    const outcome = await sync(h);
    const handoff = await h.db.handoffs.get('h-local');
    // Whatever Baton did with it, the card is still a valid handoff.
    expect(handoff?.title.length ?? 0).toBeLessThanOrEqual(300);
    const reported = !outcome.ok || outcome.summary.problems.length > 0 || outcome.summary.exceptions > 0 || (handoff?.exceptions.length ?? 0) > 0;
    expect(reported).toBe(expectReported);
    if (!reported) unreported += 1;
    console.info(`[reliability] hubspot-fuzz: colleague wrote ${Object.keys(properties).join(',')} → ${outcome.ok ? `run ok, ${outcome.summary.problems.length} problems, ${outcome.summary.exceptions} exceptions, updated ${outcome.summary.updated}` : `run refused ${outcome.error.code}`}; reported: ${reported}`);

    h.advance(MINUTE);
    h.fake.colleague.setDealProperties(deal.id, { dealname: 'Spring campaign', pipeline: deal.properties['pipeline'] ?? '', dealstage: deal.properties['dealstage'] ?? '' });
    const clean = await sync(h);
    if (!clean.ok) throw new Error(`recovery failed: ${clean.error.code} ${clean.error.message}`);
    runsRecovered += 1;
    const recovered = await h.db.handoffs.get('h-local');
    expect(recovered?.title).toBe('Spring campaign');
    // Whatever was raised for the hostile edit is over once HubSpot holds valid data again.
    expect(recovered?.exceptions.filter((e) => e.resolvedAt === null)).toEqual([]);
    expect(await h.db.outbox.count()).toBe(0);
  });
});
