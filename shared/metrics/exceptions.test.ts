import type { HandoffException } from '../domain/handoff';
import { makeHandoff } from '../domain/fixtures';
import { exceptionsByKind } from './exceptions';
import { describeForScreenReader, exceptionsSeries } from './chart-text';

function exception(id: string, kind: HandoffException['kind'], raisedAt: string, resolvedAt: string | null = null): HandoffException {
  return { id, kind, message: `${kind} on ${id}`, raisedAt, resolvedAt, resolvedBy: resolvedAt === null ? null : 'pm', resolution: resolvedAt === null ? null : 'fixed' };
}

describe('exceptionsByKind', () => {
  const handoffs = [
    makeHandoff({
      id: 'a',
      title: 'Homepage',
      exceptions: [exception('a1', 'SLA_BREACHED', '2026-11-23T09:00:00Z'), exception('a2', 'SYNC_FAILED', '2026-11-20T09:00:00Z', '2026-11-21T09:00:00Z')],
    }),
    makeHandoff({
      id: 'b',
      title: 'Brand guide',
      exceptions: [exception('b1', 'SYNC_FAILED', '2026-11-22T09:00:00Z'), exception('b2', 'SLA_BREACHED', '2026-11-21T09:00:00Z')],
    }),
    makeHandoff({ id: 'c', title: 'Checkout', exceptions: [exception('c1', 'GATE_BYPASSED', '2026-11-24T09:00:00Z')] }),
  ];

  it('groups open exceptions by kind, most first, oldest first within a kind', () => {
    expect(exceptionsByKind(handoffs)).toEqual({
      openExceptionCount: 4,
      groups: [
        {
          kind: 'SLA_BREACHED',
          label: 'SLA breached',
          count: 2,
          rows: [
            { handoffId: 'b', title: 'Brand guide', exceptionId: 'b2', kind: 'SLA_BREACHED', message: 'SLA_BREACHED on b2', raisedAt: '2026-11-21T09:00:00Z' },
            { handoffId: 'a', title: 'Homepage', exceptionId: 'a1', kind: 'SLA_BREACHED', message: 'SLA_BREACHED on a1', raisedAt: '2026-11-23T09:00:00Z' },
          ],
        },
        // One each: GATE_BYPASSED before SYNC_FAILED, the order of EXCEPTION_KINDS.
        { kind: 'GATE_BYPASSED', label: 'Gate bypassed', count: 1, rows: [{ handoffId: 'c', title: 'Checkout', exceptionId: 'c1', kind: 'GATE_BYPASSED', message: 'GATE_BYPASSED on c1', raisedAt: '2026-11-24T09:00:00Z' }] },
        { kind: 'SYNC_FAILED', label: 'Sync failed', count: 1, rows: [{ handoffId: 'b', title: 'Brand guide', exceptionId: 'b1', kind: 'SYNC_FAILED', message: 'SYNC_FAILED on b1', raisedAt: '2026-11-22T09:00:00Z' }] },
      ],
    });
  });

  it('is empty when every exception is resolved or there are none', () => {
    expect(exceptionsByKind([makeHandoff({ exceptions: [exception('x', 'SYNC_FAILED', '2026-11-20T09:00:00Z', '2026-11-20T10:00:00Z')] })])).toEqual({ openExceptionCount: 0, groups: [] });
    expect(exceptionsByKind([])).toEqual({ openExceptionCount: 0, groups: [] });
  });

  it('reads as text', () => {
    expect(describeForScreenReader(exceptionsSeries(exceptionsByKind(handoffs)))).toBe('Open exceptions (4): SLA breached: 2, Gate bypassed: 1, Sync failed: 1.');
    expect(describeForScreenReader(exceptionsSeries(exceptionsByKind([])))).toBe('Open exceptions (0): no data.');
  });
});
