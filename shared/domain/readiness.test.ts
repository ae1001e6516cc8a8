import { readiness } from './readiness';
import { FIXTURE_NOW, makeCompleteHandoff, makeHandoff, makeTemplate } from './fixtures';

describe('readiness', () => {
  const template = makeTemplate();

  it('measures the gate the card faces next', () => {
    const fresh = readiness(makeHandoff(), template, FIXTURE_NOW);
    expect(fresh).toMatchObject({ nextGate: 'READY', ready: false, met: 0, total: 3 });
    expect(fresh.missing.map((item) => item.reason)).toEqual([
      '"Brief written" is not ticked yet',
      'No context link is attached',
      'HubSpot property "design_approved_by_client" is not set (needs "true")',
    ]);
  });

  it('counts what is met', () => {
    const partly = makeHandoff({ state: 'READY_FOR_HANDOFF', receiver: 'r1' });
    expect(readiness(partly, template, FIXTURE_NOW)).toMatchObject({ nextGate: 'HAND_OVER', ready: false, met: 1, total: 3 });
    expect(readiness(makeCompleteHandoff({ state: 'IN_HANDOFF' }), template, FIXTURE_NOW)).toEqual({
      nextGate: 'ACCEPT',
      ready: true,
      met: 1,
      total: 1,
      missing: [],
    });
  });

  it('an overdue next action makes a ready card unready again', () => {
    const handoff = makeCompleteHandoff({ state: 'READY_FOR_HANDOFF' });
    expect(readiness(handoff, template, FIXTURE_NOW).ready).toBe(true);
    expect(readiness(handoff, template, '2026-12-05T00:00:00Z')).toMatchObject({ ready: false, met: 2, total: 3 });
  });

  it('is complete once accepted', () => {
    expect(readiness(makeHandoff({ state: 'HANDOFF_DONE' }), template, FIXTURE_NOW)).toEqual({ nextGate: null, ready: true, met: 0, total: 0, missing: [] });
  });
});
