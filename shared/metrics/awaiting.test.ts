import { DEFAULT_SETTINGS } from '../domain/settings';
import type { WorkspaceSettings } from '../domain/settings';
import { FIXTURE_NOW, makeHandoff } from '../domain/fixtures';
import { awaitingAcceptance } from './awaiting';
import { awaitingSeries, describeForScreenReader } from './chart-text';

// Mon–Fri 09:00–17:00 UTC; now is Tue 24 Nov 10:00 UTC.
const SETTINGS: WorkspaceSettings = { ...DEFAULT_SETTINGS, owners: [{ id: 'dana', name: 'Dana Receiver' }] };

const inHandoff = (id: string, title: string, receiver: string | null, enteredAt: string) =>
  makeHandoff({ id, title, state: 'IN_HANDOFF', receiver, stateEnteredAt: enteredAt });

describe('awaitingAcceptance', () => {
  it('groups IN_HANDOFF cards by receiver, longest wait first, ties by count then name', () => {
    const handoffs = [
      inHandoff('a', 'Launch emails', 'dana', '2026-11-23T11:00:00Z'), // Mon 11–17 + Tue 9–10 = 7 h
      inHandoff('b', 'Homepage', 'dana', '2026-11-20T09:00:00Z'), // Fri 8 + Mon 8 + Tue 1 = 17 h
      inHandoff('c', 'Analytics', null, '2026-11-20T09:00:00Z'), // 17 h, but only one card
      inHandoff('d', 'QA pass', 'lee', '2026-11-24T09:30:00Z'), // 0.5 h
      inHandoff('g', 'Blog', 'abe', '2026-11-20T09:00:00Z'), // 17 h, one card; not in People, and "Someone not in People" sorts before "Unassigned" by name
      makeHandoff({ id: 'e', state: 'READY_FOR_HANDOFF', receiver: 'dana' }),
      makeHandoff({ id: 'f', state: 'IN_HANDOFF', receiver: 'dana', archivedAt: '2026-11-23T09:00:00Z' }),
    ];
    expect(awaitingAcceptance(handoffs, SETTINGS, FIXTURE_NOW)).toEqual([
      {
        receiver: 'dana',
        receiverName: 'Dana Receiver',
        count: 2,
        oldestWaitingHours: 17,
        items: [
          { handoffId: 'b', title: 'Homepage', client: 'Acme', waitingHours: 17 },
          { handoffId: 'a', title: 'Launch emails', client: 'Acme', waitingHours: 7 },
        ],
      },
      { receiver: 'abe', receiverName: 'Someone not in People', count: 1, oldestWaitingHours: 17, items: [{ handoffId: 'g', title: 'Blog', client: 'Acme', waitingHours: 17 }] },
      { receiver: null, receiverName: 'Unassigned', count: 1, oldestWaitingHours: 17, items: [{ handoffId: 'c', title: 'Analytics', client: 'Acme', waitingHours: 17 }] },
      { receiver: 'lee', receiverName: 'Someone not in People', count: 1, oldestWaitingHours: 0.5, items: [{ handoffId: 'd', title: 'QA pass', client: 'Acme', waitingHours: 0.5 }] },
    ]);
  });

  it('orders equal waits by title and has nothing for no waiting cards', () => {
    const rows = awaitingAcceptance(
      [inHandoff('x', 'Zeta', 'dana', '2026-11-24T09:00:00Z'), inHandoff('y', 'alpha', 'dana', '2026-11-24T09:00:00Z')],
      SETTINGS,
      FIXTURE_NOW,
    );
    expect(rows[0]?.items.map((item) => item.title)).toEqual(['alpha', 'Zeta']);
    expect(awaitingAcceptance([], SETTINGS, FIXTURE_NOW)).toEqual([]);
  });

  it('reads as text', () => {
    const rows = awaitingAcceptance([inHandoff('b', 'Homepage', 'dana', '2026-11-20T09:00:00Z'), inHandoff('d', 'QA', 'lee', '2026-11-24T09:30:00Z')], SETTINGS, FIXTURE_NOW);
    expect(describeForScreenReader(awaitingSeries(rows))).toBe(
      'Waiting for acceptance: Dana Receiver: 1 (oldest waiting 17 working hours), Someone not in People: 1 (oldest waiting 0.5 working hours).',
    );
  });
});
