import { applyCommand, createHandoff } from '../domain/commands';
import type { Handoff } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import { makeContext, makeTemplate } from '../domain/fixtures';
import { bounceRate } from './bounce-rate';
import { completedPerWeek } from './completed-per-week';
import { leadTimePerStage } from './lead-time';

/**
 * The metrics read history as the domain writes it: this drives real commands
 * (create, move, bounce, accept, reopen) and checks the metrics on the events
 * they record, so a change in what commands record cannot go unnoticed here.
 */
const template = makeTemplate({ criteria: [] });

function run(steps: readonly (readonly [at: string, command: unknown])[], createdAt: string): { handoff: Handoff; events: HandoffEvent[] } {
  const created = createHandoff(
    { title: 'Homepage', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: template.id, templateVersion: template.version, sender: 'sam', receiver: 'dana' },
    { ...makeContext({ template, now: createdAt }), id: 'h1' },
  );
  if (!created.ok) throw new Error(created.error.message);
  let handoff = created.handoff;
  const events = [created.event];
  for (const [at, command] of steps) {
    // Dana is the receiver: accepting and bouncing are hers to do.
    const result = applyCommand(handoff, command, makeContext({ template, now: at, actor: 'dana' }));
    if (!result.ok) throw new Error(result.error.message);
    handoff = result.handoff;
    events.push(result.event);
  }
  return { handoff, events };
}

describe('metrics on histories recorded by real commands', () => {
  const { handoff, events } = run(
    [
      ['2026-11-02T12:00:00Z', { type: 'move', to: 'READY_FOR_HANDOFF' }], // 3 h in progress
      ['2026-11-02T13:00:00Z', { type: 'set_title', title: 'Homepage v2' }], // not a state change
      ['2026-11-02T14:00:00Z', { type: 'move', to: 'IN_HANDOFF' }], // 2 h ready
      ['2026-11-03T14:00:00Z', { type: 'bounce', reason: 'No brief attached' }], // 24 h in handoff
      ['2026-11-03T20:00:00Z', { type: 'move', to: 'IN_HANDOFF' }], // 6 h in progress (skips a column)
      ['2026-11-04T00:00:00Z', { type: 'accept' }], // 4 h in handoff
      ['2026-11-10T00:00:00Z', { type: 'reopen', reason: 'Wrong assets' }],
      ['2026-11-10T02:00:00Z', { type: 'move', to: 'HANDOFF_DONE' }], // 2 h in progress, accepted again
    ],
    '2026-11-02T09:00:00Z',
  );
  const period = { from: '2026-11-02T00:00:00Z', to: '2026-11-16T00:00:00Z' };

  it('completions: one acceptance per week', () => {
    expect(completedPerWeek(events, period, 'UTC')).toEqual([
      { weekStart: '2026-11-02', isoWeek: '2026-W45', count: 1 },
      { weekStart: '2026-11-09', isoWeek: '2026-W46', count: 1 },
    ]);
  });

  it('lead time per column', () => {
    expect(leadTimePerStage(events, [handoff], period)).toEqual([
      // 3, 6, 2 → sorted 2, 3, 6: median rank 2 → 3, p90 rank 3 → 6
      { state: 'IN_PROGRESS', count: 3, medianHours: 3, p90Hours: 6 },
      { state: 'READY_FOR_HANDOFF', count: 1, medianHours: 2, p90Hours: 2 },
      // 24, 4 → median rank 1 → 4, p90 rank 2 → 24
      { state: 'IN_HANDOFF', count: 2, medianHours: 4, p90Hours: 24 },
    ]);
  });

  it('bounces: the reopen is not one', () => {
    expect(bounceRate([handoff], events, period, 'sender', { owners: [{ id: 'sam', name: 'Sam' }] })).toEqual([
      { key: 'sam', label: 'Sam', handoffs: 1, bounces: 1, rate: 1 },
    ]);
  });
});
