import { makeHandoff } from '../domain/fixtures';
import { loadPerReceiver } from './load';
import { describeForScreenReader, loadSeries } from './chart-text';

describe('loadPerReceiver', () => {
  const handoffs = [
    makeHandoff({ id: 'a', receiver: 'dana', state: 'IN_PROGRESS' }),
    makeHandoff({ id: 'b', receiver: 'dana', state: 'IN_HANDOFF' }),
    makeHandoff({ id: 'c', receiver: 'dana', state: 'IN_HANDOFF' }),
    makeHandoff({ id: 'd', receiver: 'lee', state: 'READY_FOR_HANDOFF' }),
    makeHandoff({ id: 'e', receiver: null, state: 'IN_PROGRESS' }),
    makeHandoff({ id: 'f', receiver: 'dana', state: 'HANDOFF_DONE' }),
    makeHandoff({ id: 'g', receiver: 'dana', state: 'IN_HANDOFF', archivedAt: '2026-11-20T09:00:00Z' }),
  ];
  const owners = [{ id: 'dana', name: 'Zoe' }, { id: 'lee', name: 'Lee' }];

  it('counts open handoffs per receiver and column, most loaded first (Zoe before Lee), ties by name', () => {
    expect(loadPerReceiver(handoffs, owners)).toEqual([
      { receiver: 'dana', receiverName: 'Zoe', byState: { IN_PROGRESS: 1, READY_FOR_HANDOFF: 0, IN_HANDOFF: 2 }, total: 3 },
      { receiver: 'lee', receiverName: 'Lee', byState: { IN_PROGRESS: 0, READY_FOR_HANDOFF: 1, IN_HANDOFF: 0 }, total: 1 },
      { receiver: null, receiverName: 'Unassigned', byState: { IN_PROGRESS: 1, READY_FOR_HANDOFF: 0, IN_HANDOFF: 0 }, total: 1 },
    ]);
  });

  it('is empty with nothing open, and never shows an id the directory does not know', () => {
    expect(loadPerReceiver(handoffs.filter((handoff) => handoff.id === 'f' || handoff.id === 'g'))).toEqual([]);
    expect(loadPerReceiver([])).toEqual([]);
    expect(loadPerReceiver([makeHandoff({ receiver: 'x-1' })])[0]?.receiverName).toBe('Someone not in People');
  });

  it('reads as text', () => {
    expect(describeForScreenReader(loadSeries(loadPerReceiver(handoffs, owners)))).toBe(
      'Open handoffs per receiver: Zoe: 3 (1 in progress, 0 ready for handoff, 2 in handoff), Lee: 1 (0 in progress, 1 ready for handoff, 0 in handoff), Unassigned: 1 (1 in progress, 0 ready for handoff, 0 in handoff).',
    );
  });
});
