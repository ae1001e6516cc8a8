import { cardFace } from './card-face';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';

const now = new Date('2026-11-24T12:00:00Z'); // a Tuesday
const template = makeTemplate();

describe('card face', () => {
  it('counts proof for the next gate, open exceptions and open questions', () => {
    const face = cardFace(
      makeHandoff({
        stateEnteredAt: '2026-11-24T11:00:00Z',
        criteria: { designs_final: { met: true, by: 'maya', at: '2026-11-24T10:00:00Z' } },
        exceptions: [
          { id: 'x1', kind: 'SYNC_FAILED', message: 'HubSpot refused', raisedAt: '2026-11-24T10:00:00Z', resolvedAt: null, resolvedBy: null, resolution: null },
          { id: 'x2', kind: 'SYNC_FAILED', message: 'old', raisedAt: '2026-11-20T10:00:00Z', resolvedAt: '2026-11-21T10:00:00Z', resolvedBy: 'maya', resolution: 'retried' },
        ],
        openQuestions: [{ id: 'q1', text: 'Which browsers?', askedBy: 'jonas', askedAt: '2026-11-24T10:00:00Z', resolvedAt: null }],
      }),
      template,
      DEFAULT_SETTINGS,
      now,
    );
    expect(face.readiness).toEqual({ met: 1, total: 1, ready: true, gateLabel: 'Mark ready for handoff' });
    expect(face.openExceptions).toBe(1);
    expect(face.openQuestions).toBe(1);
    expect(face.sla).toBeNull();
  });

  it('flags an overdue next action and a stalled card', () => {
    const face = cardFace(
      makeHandoff({
        state: 'IN_HANDOFF',
        stateEnteredAt: '2026-11-16T09:00:00Z',
        nextAction: { text: 'Review', dueAt: '2026-11-23T09:00:00Z' },
      }),
      template,
      DEFAULT_SETTINGS,
      now,
    );
    expect(face.overdue).toBe(true);
    expect(face.sla?.breached).toBe(true);
    expect(face.sla?.label).toMatch(/^Stalled \d+ h past SLA$/);
  });

  it('shows no readiness once accepted, and nothing without a template', () => {
    expect(cardFace(makeHandoff({ state: 'HANDOFF_DONE' }), template, DEFAULT_SETTINGS, now).readiness).toBeNull();
    expect(cardFace(makeHandoff(), undefined, DEFAULT_SETTINGS, now)).toMatchObject({ readiness: null, sla: null });
  });
});
