import { TEMPLATE, PIPELINE, makeCompleteHandoff, makeHandoff } from '../../test/integration/sync/fixtures';
import type { Handoff } from '../domain/handoff';
import { handoffToDealProperties } from '../hubspot/mapping';
import type { RemoteDeal, SyncBase } from './protocol';
import { reconcile } from './reconcile';
import type { LocalRecord, ReconcileInput, ReconcileOutput } from './reconcile';
import { localEditTimesFromEvents } from './edit-times';

const NOW = '2026-11-20T12:00:00.000Z';
const EARLY = '2026-11-05T09:00:00.000Z';
const LATE = '2026-11-10T09:00:00.000Z';

function dealFor(handoff: Handoff, overrides: Record<string, string | null> = {}, at = LATE, dealId = 'd-1'): RemoteDeal {
  const properties = { ...handoffToDealProperties(handoff, TEMPLATE, PIPELINE), ...overrides };
  const history = Object.fromEntries(Object.keys(overrides).map((name) => [name, [{ value: overrides[name] ?? null, timestamp: at }]]));
  return { dealId, batonId: handoff.id, properties, history, archived: false, updatedAt: at };
}

function baseOf(handoff: Handoff): SyncBase {
  return handoffToDealProperties(handoff, TEMPLATE, PIPELINE);
}

function run(deals: RemoteDeal[], locals: LocalRecord[], extra: Partial<ReconcileInput> = {}): ReconcileOutput {
  return reconcile({ ...PIPELINE, deals, locals, templates: [TEMPLATE], defaultTemplate: TEMPLATE, now: NOW, ...extra });
}

/** Feed a result back as the new local state, the way the renderer commits it. */
function commit(locals: LocalRecord[], out: ReconcileOutput): LocalRecord[] {
  const next = new Map(locals.map((l) => [l.handoff.id, l]));
  for (const write of out.writes) next.set(write.handoff.id, { handoff: write.handoff, base: write.newBase, localEditTimes: next.get(write.handoff.id)?.localEditTimes });
  return [...next.values()];
}

describe('reconcile', () => {
  it('applies a HubSpot-only change with an event and moves the base', () => {
    const local = makeHandoff({ client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
    const out = run([dealFor(local, { dealname: 'Renamed in HubSpot', assets_ready: 'true' })], [{ handoff: local, base: baseOf(local) }]);
    expect(out.conflicts).toEqual([]);
    const write = out.writes[0];
    expect(write?.handoff.title).toBe('Renamed in HubSpot');
    expect(write?.handoff.criteria['assets_ready']).toMatchObject({ met: true, by: 'hubspot' });
    // Two changes, two events: the version counts both (history length == version).
    expect(write?.handoff.version).toBe(3);
    expect(write?.events.map((e) => e.kind)).toEqual(['field_changed', 'criterion_changed']);
    expect(write?.newBase['dealname']).toBe('Renamed in HubSpot');
  });

  it('keeps a local-only change and writes nothing', () => {
    const synced = makeHandoff({ client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
    const local = { ...synced, title: 'Changed locally' };
    const out = run([dealFor(synced)], [{ handoff: local, base: baseOf(synced) }]);
    expect(out.writes).toEqual([]);
    expect(out.conflicts).toEqual([]);
  });

  it('resolves a conflict by time: later HubSpot wins and the Baton value is recorded', () => {
    const synced = makeHandoff({ client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
    const local = { ...synced, title: 'Baton title' };
    const out = run([dealFor(synced, { dealname: 'HubSpot title' }, LATE)], [{ handoff: local, base: baseOf(synced), localEditTimes: { dealname: EARLY } }]);
    expect(out.writes[0]?.handoff.title).toBe('HubSpot title');
    expect(out.conflicts).toEqual([expect.objectContaining({ property: 'dealname', winner: 'remote', winningValue: 'HubSpot title', losingValue: 'Baton title' })]);
    const decision = out.writes[0]?.events.find((e) => e.kind === 'merge_decision');
    expect(decision).toMatchObject({ field: 'dealname', before: { side: 'baton', value: 'Baton title' }, after: { side: 'hubspot', value: 'HubSpot title' } });
    expect(decision?.id).toBe(out.conflicts[0]?.eventId);
  });

  it('resolves a conflict by time: later Baton edit wins, HubSpot value recorded, base takes HubSpot so push resends', () => {
    const synced = makeHandoff({ client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
    const local = { ...synced, title: 'Baton title' };
    const out = run([dealFor(synced, { dealname: 'HubSpot title' }, EARLY)], [{ handoff: local, base: baseOf(synced), localEditTimes: { dealname: LATE } }]);
    const write = out.writes[0];
    expect(write?.handoff.title).toBe('Baton title');
    expect(write?.newBase['dealname']).toBe('HubSpot title');
    expect(out.conflicts).toEqual([expect.objectContaining({ winner: 'local', winningValue: 'Baton title', losingValue: 'HubSpot title' })]);
    // The record did not change, but the merge decision is a recorded change of its own.
    expect(write?.events.map((e) => e.kind)).toEqual(['merge_decision']);
    expect(write?.handoff.version).toBe(local.version + 1);
    expect(write?.handoff.updatedAt).toBe(local.updatedAt);
  });

  it('applies a stage move that passes the gate', () => {
    const local = makeCompleteHandoff({ client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
    const out = run([dealFor(local, { dealstage: 'stage-ready' })], [{ handoff: local, base: baseOf(local) }]);
    expect(out.exceptions).toEqual([]);
    expect(out.writes[0]?.handoff.state).toBe('READY_FOR_HANDOFF');
    expect(out.writes[0]?.handoff.stateEnteredAt).toBe(LATE);
    expect(out.writes[0]?.events.map((e) => e.kind)).toEqual(['transition']);
  });

  it('refuses a stage move that skips a gate: local state kept, GATE_BYPASSED names the missing proof', () => {
    const local = makeHandoff({ client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
    const locals = [{ handoff: local, base: baseOf(local) }];
    const out = run([dealFor(local, { dealstage: 'stage-handoff' })], locals);
    const write = out.writes[0];
    expect(write?.handoff.state).toBe('IN_PROGRESS');
    expect(out.exceptions).toHaveLength(1);
    expect(out.exceptions[0]?.exception.kind).toBe('GATE_BYPASSED');
    expect(out.exceptions[0]?.exception.message).toContain('Assets ready');
    expect(out.exceptions[0]?.exception.message).toContain('Receiver assigned');
    expect(write?.handoff.exceptions).toHaveLength(1);
    // The base keeps the local stage: Baton does not silently push the deal back either.
    expect(write?.newBase['dealstage']).toBe('stage-progress');
    // Re-applying the same pull is a no-op: no second exception.
    const again = run([dealFor(local, { dealstage: 'stage-handoff' })], commit(locals, out));
    expect(again.writes).toEqual([]);
    expect(again.exceptions).toEqual([]);
  });

  it('imports a deal created in HubSpot as a new handoff, once', () => {
    const deal: RemoteDeal = {
      dealId: 'd-77',
      batonId: null,
      properties: { dealname: 'Colleague deal', dealstage: 'stage-progress', pipeline: 'pipeline-handoffs', baton_client: 'Globex', assets_ready: 'true', baton_receiver_owner_id: 'owner-9' },
      history: {},
      archived: false,
      updatedAt: LATE,
    };
    const out = run([deal], []);
    const write = out.writes[0];
    expect(write?.created).toBe(true);
    expect(write?.handoff).toMatchObject({
      id: 'hubspot-d-77',
      title: 'Colleague deal',
      client: { name: 'Globex', hubspotDealId: 'd-77' },
      receiver: 'owner-9',
      state: 'IN_PROGRESS',
      templateId: TEMPLATE.id,
    });
    expect(write?.events[0]?.kind).toBe('created');
    expect(write?.newBase['baton_id'] ?? null).toBeNull();
    const again = run([deal], commit([], out));
    expect(again.writes).toEqual([]);
  });

  it('imports a deal in a later stage than its proof allows and flags it', () => {
    const deal: RemoteDeal = { dealId: 'd-78', batonId: null, properties: { dealname: 'Skipped', dealstage: 'stage-done' }, history: {}, archived: false, updatedAt: LATE };
    const out = run([deal], []);
    expect(out.writes[0]?.handoff.state).toBe('HANDOFF_DONE');
    expect(out.exceptions[0]?.exception.kind).toBe('GATE_BYPASSED');
  });

  it('never files a deal naming a missing template under another one: it reports it, default template or not', () => {
    const deal: RemoteDeal = { dealId: 'd-79', batonId: null, properties: { dealname: 'x', baton_template: 'other@2' }, history: {}, archived: false, updatedAt: LATE };
    for (const defaultTemplate of [null, TEMPLATE]) {
      const out = run([deal], [], { defaultTemplate });
      expect(out.writes).toEqual([]);
      expect(out.problems[0]?.message).toContain('uses template "other" version 2, which is not on this computer yet');
    }
  });

  it('archives a handoff whose deal was deleted in HubSpot, once', () => {
    const local = makeHandoff({ client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
    const locals = [{ handoff: local, base: baseOf(local) }];
    const deleted: RemoteDeal = { dealId: 'd-1', batonId: null, properties: {}, history: {}, archived: true, updatedAt: LATE };
    const out = run([deleted], locals);
    expect(out.writes[0]?.handoff.archivedAt).toBe(NOW);
    expect(out.writes[0]?.events[0]?.kind).toBe('archived');
    expect(run([deleted], commit(locals, out)).writes).toEqual([]);
  });

  it('is idempotent: applying a pull to its own result changes nothing', () => {
    const synced = makeHandoff({ client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
    const local = { ...synced, title: 'Baton title', receiver: 'owner-5' };
    const locals = [{ handoff: local, base: baseOf(synced), localEditTimes: { dealname: EARLY } }];
    const deal = dealFor(synced, { dealname: 'HubSpot title', brief_link: 'https://example.com/x', lead_approval: 'true' });
    const first = run([deal], locals);
    expect(first.writes).toHaveLength(1);
    const second = run([deal], commit(locals, first));
    expect(second).toEqual({ writes: [], conflicts: [], exceptions: [], problems: [] });
  });

  it('refuses invalid HubSpot values with a clear problem and keeps the local value', () => {
    const local = makeHandoff({ client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
    const out = run([dealFor(local, { brief_link: 'javascript:alert(1)', baton_bounce_count: '-3' })], [{ handoff: local, base: baseOf(local) }]);
    expect(out.problems.map((p) => p.message).join(' ')).toMatch(/not a safe/);
    expect(out.problems.map((p) => p.message).join(' ')).toMatch(/bounce count/);
    expect(out.writes[0]?.handoff.links).toEqual([]);
    expect(out.writes[0]?.handoff.bounceCount).toBe(0);
  });

  it('matches a deal by baton_id and learns its deal id', () => {
    const local = makeHandoff();
    const out = run([dealFor(local, {}, LATE, 'd-5')], [{ handoff: local, base: baseOf(local) }]);
    expect(out.writes[0]?.handoff.client.hubspotDealId).toBe('d-5');
  });

  it('re-links a deal (a push whose ack was lost) as bookkeeping: no version bump, no event, like the ack', () => {
    const local = makeHandoff({ version: 4 });
    const out = run([dealFor(local, {}, LATE, 'd-5')], [{ handoff: local, base: null }]);
    const write = out.writes[0];
    expect(write?.events).toEqual([]);
    expect(write?.handoff).toEqual({ ...local, client: { ...local.client, hubspotDealId: 'd-5' } });
    expect(write?.dealId).toBe('d-5');
    expect(write?.newBase).toEqual(baseOf(local));
  });

  it('derives per-field edit times from local events, ignoring HubSpot ones', () => {
    const times = localEditTimesFromEvents(
      [
        { id: 'e1', handoffId: 'h-1', kind: 'field_changed', actor: 'owner-1', at: EARLY, field: 'title', before: 'a', after: 'b', summary: '' },
        { id: 'e2', handoffId: 'h-1', kind: 'field_changed', actor: 'hubspot', at: LATE, field: 'title', before: 'b', after: 'c', summary: '' },
        { id: 'e3', handoffId: 'h-1', kind: 'transition', actor: 'owner-1', at: LATE, field: 'state', before: 'IN_PROGRESS', after: 'READY_FOR_HANDOFF', summary: '' },
        { id: 'e4', handoffId: 'h-1', kind: 'criterion_changed', actor: 'owner-1', at: LATE, field: 'criteria.assets_ready', before: null, after: null, summary: '' },
      ],
      TEMPLATE,
    );
    expect(times).toEqual({ dealname: EARLY, dealstage: LATE, assets_ready: LATE });
  });
});
