import { applyCommand } from './commands';
import { detectExceptions } from './sla';
import { overdueCrossingId, slaCrossingId, staleClockExceptions } from './clock-exceptions';
import { DEFAULT_SETTINGS } from './settings';
import { makeContext, makeHandoff, makeTemplate } from './fixtures';
import type { Handoff } from './handoff';

const settings = { ...DEFAULT_SETTINGS, workingHours: { ...DEFAULT_SETTINGS.workingHours, timeZone: 'Europe/Berlin' } };
const template = makeTemplate();
// In handoff since Monday 09:00 UTC; the IN_HANDOFF limit is 16 working hours.
const waiting = makeHandoff({ state: 'IN_HANDOFF', receiver: 'r', stateEnteredAt: '2026-11-23T09:00:00.000Z', nextAction: { text: 'Estimate', dueAt: '2026-11-24T09:00:00.000Z' } });
const later = '2026-11-26T12:00:00.000Z';

function raiseAll(handoff: Handoff, now: string): Handoff {
  let current = handoff;
  for (const found of detectExceptions(current, template, settings, now)) {
    const result = applyCommand(current, { type: 'raise_exception', ...found }, makeContext({ actor: 'baton', now }));
    if (result.ok) current = result.handoff;
  }
  return current;
}

describe('clock exceptions: once per crossing', () => {
  it('uses the crossing as the id, so a second desktop or a restart cannot raise it twice', () => {
    const first = detectExceptions(waiting, template, settings, later);
    expect(first.map((item) => item.id)).toEqual([slaCrossingId(waiting), overdueCrossingId(waiting, '2026-11-24T09:00:00.000Z')]);
    // Another desktop computes the same ids later on.
    expect(detectExceptions(waiting, template, settings, '2026-11-27T12:00:00.000Z').map((item) => item.id)).toEqual(first.map((item) => item.id));
    const raised = raiseAll(waiting, later);
    expect(raised.exceptions).toHaveLength(2);
    // The same raise again is refused as a duplicate.
    const again = applyCommand(raised, { type: 'raise_exception', ...(first[0] ?? { id: 'x', kind: 'SLA_BREACHED', message: 'x' }) }, makeContext({ now: later }));
    expect(again.ok ? 'raised' : again.error.code).toBe('CONFLICT');
  });

  it('a resolved crossing is not raised again', () => {
    const raised = raiseAll(waiting, later);
    let resolved = raised;
    for (const exception of raised.exceptions) {
      const result = applyCommand(resolved, { type: 'resolve_exception', exceptionId: exception.id, resolution: 'Chased Maya' }, makeContext({ now: later }));
      if (result.ok) resolved = result.handoff;
    }
    expect(detectExceptions(resolved, template, settings, '2026-11-30T12:00:00.000Z')).toEqual([]);
  });

  it('resolves by itself when the card moves on or the action is re-dated, saying why', () => {
    const raised = raiseAll(waiting, later);
    const moved = { ...raised, state: 'HANDOFF_DONE' as const, stateEnteredAt: later };
    expect(staleClockExceptions(moved, 'Europe/Berlin').map((item) => item.resolution)).toEqual([
      'Resolved by itself: the card moved on to Handoff done',
      'Resolved by itself: the handoff was accepted',
    ]);
    const redated = { ...raised, nextAction: { text: 'Estimate', dueAt: '2026-12-08T09:30:00.000Z' } };
    expect(staleClockExceptions(redated, 'Europe/Berlin').map((item) => item.resolution)).toEqual(['Resolved by itself: the next action was re-dated to Tue 8 Dec, 10:30']);
    expect(staleClockExceptions(raised, 'Europe/Berlin')).toEqual([]);
  });
});
