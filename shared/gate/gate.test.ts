import { checkCriterion, evaluateTransition, gatesBetween, nextGateFrom, unmetCriteria } from './gate';
import { FIXTURE_NOW, makeCompleteHandoff, makeHandoff, makeTemplate } from '../domain/fixtures';
import type { Criterion } from '../domain/template';
import type { Handoff } from '../domain/handoff';

const template = makeTemplate();

function criterion(id: string): Criterion {
  const found = template.criteria.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`fixture has no criterion ${id}`);
  return found;
}

describe('checkCriterion', () => {
  const empty = makeHandoff();
  const complete = makeCompleteHandoff();

  it('checklist: met only when ticked', () => {
    expect(checkCriterion(complete, criterion('brief_written'), FIXTURE_NOW)).toEqual({ met: true });
    expect(checkCriterion(empty, criterion('brief_written'), FIXTURE_NOW)).toEqual({ met: false, reason: '"Brief written" is not ticked yet' });
    const unticked = makeHandoff({ criteria: { brief_written: { met: false, by: 'a', at: FIXTURE_NOW } } });
    expect(checkCriterion(unticked, criterion('brief_written'), FIXTURE_NOW)).toEqual({ met: false, reason: '"Brief written" is not ticked yet' });
  });

  it('receiver_assigned', () => {
    expect(checkCriterion(complete, criterion('receiver_assigned'), FIXTURE_NOW)).toEqual({ met: true });
    expect(checkCriterion(empty, criterion('receiver_assigned'), FIXTURE_NOW)).toEqual({ met: false, reason: 'No receiver is assigned' });
  });

  it('next_action: set, described and due strictly after now', () => {
    const next = criterion('next_action_set');
    expect(checkCriterion(complete, next, FIXTURE_NOW)).toEqual({ met: true });
    expect(checkCriterion(empty, next, FIXTURE_NOW)).toEqual({ met: false, reason: 'No next action is set' });
    const past = makeHandoff({ nextAction: { text: 'Call', dueAt: '2026-11-20T09:00:00Z' } });
    expect(checkCriterion(past, next, FIXTURE_NOW)).toEqual({
      met: false,
      reason: 'Next action is due 2026-11-20 09:00 UTC, which is in the past',
    });
    const exactlyNow = makeHandoff({ nextAction: { text: 'Call', dueAt: FIXTURE_NOW } });
    expect(checkCriterion(exactlyNow, next, FIXTURE_NOW).met).toBe(false);
    const oneSecondLater = makeHandoff({ nextAction: { text: 'Call', dueAt: '2026-11-24T10:00:01Z' } });
    expect(checkCriterion(oneSecondLater, next, FIXTURE_NOW)).toEqual({ met: true });
    const blank = makeHandoff({ nextAction: { text: '   ', dueAt: '2026-12-01T09:00:00Z' } });
    expect(checkCriterion(blank, next, FIXTURE_NOW)).toEqual({ met: false, reason: 'The next action has no description' });
  });

  it('next_action compares instants, not strings, across offsets', () => {
    // 11:30+02:00 is 09:30Z, before 10:00Z.
    const offset = makeHandoff({ nextAction: { text: 'Call', dueAt: '2026-11-24T11:30:00+02:00' } });
    expect(checkCriterion(offset, criterion('next_action_set'), FIXTURE_NOW)).toEqual({
      met: false,
      reason: 'Next action is due 2026-11-24 09:30 UTC, which is in the past',
    });
    expect(checkCriterion(offset, criterion('next_action_set'), new Date('2026-11-24T09:00:00Z'))).toEqual({ met: true });
  });

  it('context_link', () => {
    expect(checkCriterion(complete, criterion('assets_link'), FIXTURE_NOW)).toEqual({ met: true });
    expect(checkCriterion(empty, criterion('assets_link'), FIXTURE_NOW)).toEqual({ met: false, reason: 'No context link is attached' });
  });

  it('client_notified', () => {
    expect(checkCriterion(complete, criterion('client_notified'), FIXTURE_NOW)).toEqual({ met: true });
    expect(checkCriterion(empty, criterion('client_notified'), FIXTURE_NOW)).toEqual({ met: false, reason: 'No client update has been logged' });
  });

  it('approval: needs an approval for that very criterion', () => {
    expect(checkCriterion(complete, criterion('lead_approval'), FIXTURE_NOW)).toEqual({ met: true });
    expect(checkCriterion(empty, criterion('lead_approval'), FIXTURE_NOW)).toEqual({ met: false, reason: 'Not yet approved by the Dev lead' });
    const otherCriterion = makeHandoff({
      approvals: [{ id: 'a', criterionId: 'something_else', role: 'Dev lead', by: 'x', at: FIXTURE_NOW }],
    });
    expect(checkCriterion(otherCriterion, criterion('lead_approval'), FIXTURE_NOW).met).toBe(false);
  });

  it('hubspot_property: exact value', () => {
    const property = criterion('design_approved_by_client');
    expect(checkCriterion(complete, property, FIXTURE_NOW)).toEqual({ met: true });
    expect(checkCriterion(empty, property, FIXTURE_NOW)).toEqual({
      met: false,
      reason: 'HubSpot property "design_approved_by_client" is not set (needs "true")',
    });
    const cleared = makeHandoff({ hubspotProperties: { design_approved_by_client: null } });
    expect(checkCriterion(cleared, property, FIXTURE_NOW)).toEqual({
      met: false,
      reason: 'HubSpot property "design_approved_by_client" is not set (needs "true")',
    });
    const wrong = makeHandoff({ hubspotProperties: { design_approved_by_client: 'false' } });
    expect(checkCriterion(wrong, property, FIXTURE_NOW)).toEqual({
      met: false,
      reason: 'HubSpot property "design_approved_by_client" is "false", not "true"',
    });
    const upperCase = makeHandoff({ hubspotProperties: { design_approved_by_client: 'TRUE' } });
    expect(checkCriterion(upperCase, property, FIXTURE_NOW).met).toBe(false);
  });

  it('throws on an unreadable clock (a programming error)', () => {
    expect(() => checkCriterion(makeCompleteHandoff(), criterion('next_action_set'), 'yesterday')).toThrow(RangeError);
  });
});

describe('unmetCriteria', () => {
  it('lists only the criteria guarding the asked gate, in template order, with kind, label and reason', () => {
    expect(unmetCriteria(makeHandoff(), template, 'READY', FIXTURE_NOW)).toEqual([
      { criterionId: 'brief_written', gate: 'READY', kind: 'checklist', label: 'Brief written', reason: '"Brief written" is not ticked yet' },
      { criterionId: 'assets_link', gate: 'READY', kind: 'context_link', label: 'Assets uploaded', reason: 'No context link is attached' },
      {
        criterionId: 'design_approved_by_client',
        gate: 'READY',
        kind: 'hubspot_property',
        label: 'Design approved by client',
        reason: 'HubSpot property "design_approved_by_client" is not set (needs "true")',
      },
    ]);
    expect(unmetCriteria(makeHandoff(), template, 'ACCEPT', FIXTURE_NOW).map((item) => item.criterionId)).toEqual(['lead_approval']);
    expect(unmetCriteria(makeCompleteHandoff(), template, 'HAND_OVER', FIXTURE_NOW)).toEqual([]);
  });

  it('a gate without criteria has nothing unmet', () => {
    const readyOnly = makeTemplate({ criteria: [{ id: 'brief_written', label: 'Brief', gate: 'READY', kind: 'checklist' }] });
    expect(unmetCriteria(makeHandoff(), readyOnly, 'ACCEPT', FIXTURE_NOW)).toEqual([]);
  });
});

describe('gatesBetween / nextGateFrom', () => {
  it('lists the gates a forward move crosses', () => {
    expect(gatesBetween('IN_PROGRESS', 'READY_FOR_HANDOFF')).toEqual(['READY']);
    expect(gatesBetween('IN_PROGRESS', 'HANDOFF_DONE')).toEqual(['READY', 'HAND_OVER', 'ACCEPT']);
    expect(gatesBetween('READY_FOR_HANDOFF', 'HANDOFF_DONE')).toEqual(['HAND_OVER', 'ACCEPT']);
    expect(gatesBetween('IN_HANDOFF', 'IN_PROGRESS')).toEqual([]);
    expect(gatesBetween('IN_HANDOFF', 'IN_HANDOFF')).toEqual([]);
  });

  it('names the gate out of each column', () => {
    expect(nextGateFrom('IN_PROGRESS')).toBe('READY');
    expect(nextGateFrom('READY_FOR_HANDOFF')).toBe('HAND_OVER');
    expect(nextGateFrom('IN_HANDOFF')).toBe('ACCEPT');
    expect(nextGateFrom('HANDOFF_DONE')).toBeNull();
  });
});

describe('evaluateTransition', () => {
  function refused(handoff: Handoff, to: Parameters<typeof evaluateTransition>[1]) {
    const decision = evaluateTransition(handoff, to, template, FIXTURE_NOW);
    if (decision.allowed) throw new Error('expected a refusal');
    return decision.error;
  }

  it('allows each forward step when its gate holds, naming the gate crossed', () => {
    const complete = makeCompleteHandoff();
    expect(evaluateTransition(complete, 'READY_FOR_HANDOFF', template, FIXTURE_NOW)).toEqual({ allowed: true, gatesCrossed: ['READY'] });
    expect(evaluateTransition({ ...complete, state: 'READY_FOR_HANDOFF' }, 'IN_HANDOFF', template, FIXTURE_NOW)).toEqual({
      allowed: true,
      gatesCrossed: ['HAND_OVER'],
    });
    expect(evaluateTransition({ ...complete, state: 'IN_HANDOFF' }, 'HANDOFF_DONE', template, FIXTURE_NOW)).toEqual({
      allowed: true,
      gatesCrossed: ['ACCEPT'],
    });
  });

  it('refuses a forward step with GATE_REFUSED listing exactly what is missing', () => {
    const error = refused(makeCompleteHandoff({ receiver: null }), 'HANDOFF_DONE');
    expect(error.code).toBe('GATE_REFUSED');
    expect(error.unmet).toEqual([
      { criterionId: 'receiver_assigned', gate: 'HAND_OVER', kind: 'receiver_assigned', label: 'Receiver assigned', reason: 'No receiver is assigned' },
    ]);
    expect(error.message).toBe(`Can't move "Homepage redesign" to Handoff done: 1 requirement is missing — Receiver assigned: No receiver is assigned`);
  });

  it('a multi-column skip must satisfy every gate it crosses', () => {
    const noApproval = makeCompleteHandoff({ approvals: [] });
    expect(refused(noApproval, 'HANDOFF_DONE').unmet?.map((item) => item.criterionId)).toEqual(['lead_approval']);
    // Skipping only to IN_HANDOFF does not cross ACCEPT, so the missing approval does not matter.
    expect(evaluateTransition(noApproval, 'IN_HANDOFF', template, FIXTURE_NOW)).toEqual({ allowed: true, gatesCrossed: ['READY', 'HAND_OVER'] });
    expect(evaluateTransition(makeCompleteHandoff(), 'HANDOFF_DONE', template, FIXTURE_NOW)).toEqual({
      allowed: true,
      gatesCrossed: ['READY', 'HAND_OVER', 'ACCEPT'],
    });
  });

  it('collects unmet criteria from all crossed gates in gate order', () => {
    const error = refused(makeHandoff(), 'HANDOFF_DONE');
    expect(error.unmet?.map((item) => item.gate)).toEqual(['READY', 'READY', 'READY', 'HAND_OVER', 'HAND_OVER', 'HAND_OVER', 'ACCEPT']);
    expect(error.message).toContain('7 requirements are missing');
    // Reasons that already name the criterion are not prefixed with its label again.
    expect(error.message).toContain('missing — "Brief written" is not ticked yet; Assets uploaded: No context link is attached;');
  });

  it('does not re-check gates already behind the card', () => {
    const inHandoff = makeCompleteHandoff({ state: 'IN_HANDOFF', links: [], receiver: null });
    expect(evaluateTransition(inHandoff, 'HANDOFF_DONE', template, FIXTURE_NOW)).toEqual({ allowed: true, gatesCrossed: ['ACCEPT'] });
  });

  it('lets the sender take back a ready handoff', () => {
    expect(evaluateTransition(makeHandoff({ state: 'READY_FOR_HANDOFF' }), 'IN_PROGRESS', template, FIXTURE_NOW)).toEqual({
      allowed: true,
      gatesCrossed: [],
    });
  });

  it('moving back out of IN_HANDOFF must be a bounce', () => {
    for (const to of ['IN_PROGRESS', 'READY_FOR_HANDOFF'] as const) {
      const error = refused(makeHandoff({ state: 'IN_HANDOFF' }), to);
      expect(error.code).toBe('INVALID_TRANSITION');
      expect(error.message).toMatch(/bounce it with a reason/);
    }
  });

  it('an accepted handoff only goes back by reopening', () => {
    for (const to of ['IN_PROGRESS', 'READY_FOR_HANDOFF', 'IN_HANDOFF'] as const) {
      const error = refused(makeHandoff({ state: 'HANDOFF_DONE' }), to);
      expect(error.code).toBe('INVALID_TRANSITION');
      expect(error.message).toMatch(/already accepted; to rework it, reopen it with a reason/);
    }
  });

  it('staying in the same column is allowed with no gate (a reorder)', () => {
    expect(evaluateTransition(makeHandoff({ state: 'IN_HANDOFF' }), 'IN_HANDOFF', template, FIXTURE_NOW)).toEqual({ allowed: true, gatesCrossed: [] });
  });

  it('archived handoffs do not move', () => {
    const error = refused(makeCompleteHandoff({ archivedAt: FIXTURE_NOW }), 'READY_FOR_HANDOFF');
    expect(error).toEqual({ code: 'ARCHIVED', message: '"Homepage redesign" is archived; restore it before moving it' });
  });

  it('refuses to judge a handoff against another template or version', () => {
    const error = refused(makeCompleteHandoff({ templateVersion: 2 }), 'READY_FOR_HANDOFF');
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('version 2');
  });

  it('refuses a state that is not a column', () => {
    // Simulates untyped input from an import.
    const error = refused(makeCompleteHandoff(), 'DONE' as unknown as 'HANDOFF_DONE');
    expect(error).toEqual({ code: 'VALIDATION', message: '"DONE" is not a column of the board' });
  });

  it('a template with no criteria lets every forward move through', () => {
    const open = makeTemplate({ criteria: [] });
    expect(evaluateTransition(makeHandoff(), 'HANDOFF_DONE', open, FIXTURE_NOW)).toEqual({ allowed: true, gatesCrossed: ['READY', 'HAND_OVER', 'ACCEPT'] });
  });

  it('judges the next action against the given clock', () => {
    const handoff = makeCompleteHandoff({ state: 'READY_FOR_HANDOFF' });
    expect(evaluateTransition(handoff, 'IN_HANDOFF', template, '2026-12-02T00:00:00Z')).toMatchObject({
      allowed: false,
      error: { code: 'GATE_REFUSED', unmet: [{ criterionId: 'next_action_set', reason: 'Next action is due 2026-12-01 09:00 UTC, which is in the past' }] },
    });
  });
});
