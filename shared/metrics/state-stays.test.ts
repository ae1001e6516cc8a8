import type { HandoffEvent } from '../domain/history';
import { makeHandoff, createdEvent, historyOf, stateEvent } from '../domain/fixtures';
import { stateStays } from './state-stays';

const ms = (iso: string): number => Date.parse(iso);

describe('stateStays', () => {
  it('rebuilds every stay from created, transitions and the acceptance', () => {
    const events = historyOf('a', '2026-11-02T09:00:00Z', [
      ['2026-11-02T15:00:00Z', 'READY_FOR_HANDOFF'],
      ['2026-11-03T09:00:00Z', 'IN_HANDOFF'],
      ['2026-11-03T13:00:00Z', 'HANDOFF_DONE'],
    ]);
    expect(stateStays(events)).toEqual([
      { handoffId: 'a', state: 'IN_PROGRESS', enteredAt: ms('2026-11-02T09:00:00Z'), enteredBy: 'created', leftAt: ms('2026-11-02T15:00:00Z'), leftBy: 'transition' },
      { handoffId: 'a', state: 'READY_FOR_HANDOFF', enteredAt: ms('2026-11-02T15:00:00Z'), enteredBy: 'transition', leftAt: ms('2026-11-03T09:00:00Z'), leftBy: 'transition' },
      { handoffId: 'a', state: 'IN_HANDOFF', enteredAt: ms('2026-11-03T09:00:00Z'), enteredBy: 'transition', leftAt: ms('2026-11-03T13:00:00Z'), leftBy: 'accepted' },
      { handoffId: 'a', state: 'HANDOFF_DONE', enteredAt: ms('2026-11-03T13:00:00Z'), enteredBy: 'accepted', leftAt: null, leftBy: null },
    ]);
  });

  it('starts where the created event says the card was created', () => {
    expect(stateStays([createdEvent('a', '2026-11-02T09:00:00Z', 'IN_HANDOFF')])).toEqual([
      { handoffId: 'a', state: 'IN_HANDOFF', enteredAt: ms('2026-11-02T09:00:00Z'), enteredBy: 'created', leftAt: null, leftBy: null },
    ]);
  });

  it('sorts events by time and ignores events that are not state changes', () => {
    const note: HandoffEvent = { id: 'n', handoffId: 'a', kind: 'note_added', actor: 'x', at: '2026-11-02T10:00:00Z', field: 'notes', before: null, after: 'hi', summary: 'Note' };
    const rank: HandoffEvent = { id: 'r', handoffId: 'a', kind: 'field_changed', actor: 'x', at: '2026-11-02T11:00:00Z', field: 'rank', before: 1, after: 2, summary: 'Reordered' };
    const events = [stateEvent('a', '2026-11-02T12:00:00Z', 'IN_PROGRESS', 'READY_FOR_HANDOFF'), note, rank, createdEvent('a', '2026-11-02T09:00:00Z')];
    expect(stateStays(events).map((stay) => [stay.state, stay.enteredAt, stay.leftAt])).toEqual([
      ['IN_PROGRESS', ms('2026-11-02T09:00:00Z'), ms('2026-11-02T12:00:00Z')],
      ['READY_FOR_HANDOFF', ms('2026-11-02T12:00:00Z'), null],
    ]);
  });

  it('an undo that takes a move back resumes the earlier stay instead of starting a new one', () => {
    const events = [
      ...historyOf('a', '2026-11-02T09:00:00Z', [
        ['2026-11-02T10:00:00Z', 'READY_FOR_HANDOFF'],
        ['2026-11-02T11:00:00Z', 'IN_HANDOFF'],
        ['2026-11-02T12:00:00Z', 'HANDOFF_DONE'],
      ]),
      stateEvent('a', '2026-11-02T12:05:00Z', 'HANDOFF_DONE', 'IN_HANDOFF', 'undo'),
    ];
    expect(stateStays(events).map((stay) => [stay.state, stay.enteredAt, stay.leftAt])).toEqual([
      ['IN_PROGRESS', ms('2026-11-02T09:00:00Z'), ms('2026-11-02T10:00:00Z')],
      ['READY_FOR_HANDOFF', ms('2026-11-02T10:00:00Z'), ms('2026-11-02T11:00:00Z')],
      ['IN_HANDOFF', ms('2026-11-02T11:00:00Z'), null],
    ]);
  });

  it('an undo that does not return to the previous stay is an ordinary move', () => {
    // Undoing a bounce replays the move forward through the gate: a new stay in IN_HANDOFF.
    const events = [
      createdEvent('a', '2026-11-02T09:00:00Z', 'IN_HANDOFF'),
      stateEvent('a', '2026-11-02T10:00:00Z', 'IN_HANDOFF', 'IN_PROGRESS', 'bounced'),
      stateEvent('a', '2026-11-02T11:00:00Z', 'IN_PROGRESS', 'READY_FOR_HANDOFF'),
      stateEvent('a', '2026-11-02T12:00:00Z', 'READY_FOR_HANDOFF', 'IN_HANDOFF', 'undo'),
    ];
    expect(stateStays(events).map((stay) => [stay.state, stay.enteredBy, stay.leftBy])).toEqual([
      ['IN_HANDOFF', 'created', 'bounced'],
      ['IN_PROGRESS', 'bounced', 'transition'],
      ['READY_FOR_HANDOFF', 'transition', 'undo'],
      ['IN_HANDOFF', 'undo', null],
    ]);
  });

  it('a history without its created event starts at the handoff’s createdAt, or at an unknown time', () => {
    const events = [stateEvent('a', '2026-11-03T09:00:00Z', 'READY_FOR_HANDOFF', 'IN_HANDOFF')];
    const handoff = makeHandoff({ id: 'a', createdAt: '2026-11-02T09:00:00Z' });
    expect(stateStays(events, [handoff])[0]).toEqual({
      handoffId: 'a',
      state: 'READY_FOR_HANDOFF',
      enteredAt: ms('2026-11-02T09:00:00Z'),
      enteredBy: null,
      leftAt: ms('2026-11-03T09:00:00Z'),
      leftBy: 'transition',
    });
    expect(stateStays(events)[0]?.enteredAt).toBeNull();
  });

  it('keeps handoffs apart and has nothing for no events', () => {
    const events = [createdEvent('a', '2026-11-02T09:00:00Z'), createdEvent('b', '2026-11-02T10:00:00Z', 'READY_FOR_HANDOFF')];
    expect(stateStays(events).map((stay) => [stay.handoffId, stay.state])).toEqual([
      ['a', 'IN_PROGRESS'],
      ['b', 'READY_FOR_HANDOFF'],
    ]);
    expect(stateStays([])).toEqual([]);
  });
});
