import { PIPELINE, TEMPLATE, makeHandoff } from '../../test/integration/sync/fixtures';
import { handoffToDealProperties } from '../hubspot/mapping';
import type { RemoteDeal } from './protocol';
import { reconcile, type LocalRecord, type ReconcileOutput } from './reconcile';

const NOW = '2026-11-20T12:00:00.000Z';
const LATER = '2026-11-21T12:00:00.000Z';
const LATE = '2026-11-10T09:00:00.000Z';

const linked = makeHandoff({ state: 'IN_PROGRESS', version: 2, client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
const base = handoffToDealProperties(linked, TEMPLATE, PIPELINE);

/** What the pull returns for a known deal found in another pipeline: its id, baton_id, pipeline and stage only. */
function movedOut(pipeline = 'default', stage = 'closedwon'): RemoteDeal {
  return { dealId: 'd-1', batonId: linked.id, properties: { baton_id: linked.id, pipeline, dealstage: stage }, history: {}, archived: false, updatedAt: LATE };
}

function inPipeline(overrides: Record<string, string> = {}): RemoteDeal {
  const properties = { ...base, ...overrides };
  const history = Object.fromEntries(Object.keys(overrides).map((name) => [name, [{ value: overrides[name] ?? null, timestamp: LATE }]]));
  return { dealId: 'd-1', batonId: linked.id, properties, history, archived: false, updatedAt: LATE };
}

function run(deals: RemoteDeal[], locals: LocalRecord[], now = NOW): ReconcileOutput {
  return reconcile({ ...PIPELINE, deals, locals, templates: [TEMPLATE], defaultTemplate: TEMPLATE, now });
}

function next(locals: LocalRecord[], out: ReconcileOutput): LocalRecord[] {
  const byId = new Map(locals.map((l) => [l.handoff.id, l]));
  for (const write of out.writes) byId.set(write.handoff.id, { handoff: write.handoff, base: write.newBase });
  return [...byId.values()];
}

describe('a deal moved out of the Handoffs pipeline in HubSpot', () => {
  it('keeps the local state and base, and raises one DEAL_LEFT_PIPELINE exception with one event', () => {
    const locals = [{ handoff: linked, base }];
    const out = run([movedOut()], locals);
    expect(out.writes).toHaveLength(1);
    const write = out.writes[0];
    expect(write?.handoff).toMatchObject({ state: 'IN_PROGRESS', title: linked.title, version: linked.version + 1 });
    expect(write?.newBase).toEqual(base);
    expect(write?.handoff.exceptions).toEqual([expect.objectContaining({ kind: 'DEAL_LEFT_PIPELINE', resolvedAt: null })]);
    expect(write?.handoff.exceptions[0]?.message).toMatch(/moved out of the Handoffs pipeline \(to pipeline "default", stage "closedwon"\).*kept "Homepage redesign" in In progress/);
    expect(write?.events).toEqual([expect.objectContaining({ kind: 'exception_raised', actor: 'hubspot', field: `exceptions.${write?.handoff.exceptions[0]?.id}` })]);
    expect(out.exceptions).toEqual([{ handoffId: linked.id, exception: write?.handoff.exceptions[0] }]);
    expect(out.problems).toEqual([]);
  });

  it('does not raise it again while the deal stays outside', () => {
    const first = run([movedOut()], [{ handoff: linked, base }]);
    const again = run([movedOut('default', 'appointmentscheduled')], next([{ handoff: linked, base }], first), LATER);
    expect(again).toEqual({ writes: [], conflicts: [], exceptions: [], problems: [] });
  });

  it('resolves it with one event when the deal is back, and merges the deal again', () => {
    const locals = next([{ handoff: linked, base }], run([movedOut()], [{ handoff: linked, base }]));
    const out = run([inPipeline({ dealname: 'Back in the pipeline' })], locals, LATER);
    const write = out.writes[0];
    expect(write?.handoff.title).toBe('Back in the pipeline');
    expect(write?.handoff.exceptions).toEqual([expect.objectContaining({ kind: 'DEAL_LEFT_PIPELINE', resolvedAt: LATER, resolvedBy: 'hubspot' })]);
    expect(write?.events.map((e) => e.kind)).toEqual(['exception_resolved', 'field_changed']);
    expect(write?.handoff.version).toBe(linked.version + 3);
    expect(out.exceptions).toEqual([]);
    // Applying the same pull again changes nothing.
    expect(run([inPipeline({ dealname: 'Back in the pipeline' })], next(locals, out), LATER).writes).toEqual([]);
  });

  it('raises a new one when the deal leaves again after coming back', () => {
    let locals: LocalRecord[] = [{ handoff: linked, base }];
    locals = next(locals, run([movedOut()], locals));
    locals = next(locals, run([inPipeline()], locals, LATER));
    const out = run([movedOut()], locals, '2026-11-22T12:00:00.000Z');
    const exceptions = out.writes[0]?.handoff.exceptions ?? [];
    expect(exceptions.map((e) => e.resolvedAt === null)).toEqual([false, true]);
    expect(new Set(exceptions.map((e) => e.id)).size).toBe(2);
  });

  it('raises it again on the next pull when a person resolved it but the deal is still outside', () => {
    let locals: LocalRecord[] = [{ handoff: linked, base }];
    locals = next(locals, run([movedOut()], locals));
    const raised = locals[0]?.handoff;
    if (!raised) throw new Error('setup: no handoff');
    const resolvedByHand = { ...raised, exceptions: raised.exceptions.map((e) => ({ ...e, resolvedAt: NOW, resolvedBy: 'maya', resolution: 'seen' })) };
    const out = run([movedOut()], [{ handoff: resolvedByHand, base }], LATER);
    expect(out.exceptions).toHaveLength(1);
    expect(out.writes[0]?.handoff.exceptions.filter((e) => e.resolvedAt === null)).toHaveLength(1);
  });

  it('never imports a deal of another pipeline, and leaves archived handoffs alone', () => {
    expect(run([{ ...movedOut(), batonId: null, dealId: 'd-9' }], [])).toEqual({ writes: [], conflicts: [], exceptions: [], problems: [] });
    const archived = { ...linked, archivedAt: NOW };
    expect(run([movedOut()], [{ handoff: archived, base }]).writes).toEqual([]);
  });

  it('clips hostile pipeline values in the message', () => {
    const out = run([movedOut('p'.repeat(5000), '<script>')], [{ handoff: linked, base }]);
    const message = out.writes[0]?.handoff.exceptions[0]?.message ?? '';
    expect(message.length).toBeLessThan(600);
    expect(message).toContain('"<script>"');
  });
});
