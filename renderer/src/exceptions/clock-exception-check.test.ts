import { runCommand } from '../data/commands';
import { saveSettings } from '../data/settings';
import { dbWithTemplates, makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { checkClockExceptions } from './clock-exception-check';

// In handoff since Monday 23 Nov 09:00 UTC; the workspace's IN_HANDOFF SLA is 16 working hours (two days).
const template = makeTemplate({ criteria: [] });
const card = makeHandoff({
  id: 'h-stall',
  state: 'IN_HANDOFF',
  receiver: 'maya',
  stateEnteredAt: '2026-11-23T09:00:00.000Z',
  nextAction: { text: 'Estimate the build', dueAt: '2026-11-24T09:00:00.000Z' },
});

async function setup() {
  const db = await dbWithTemplates([template]);
  await saveSettings(db, { owners: [{ id: 'local-user', name: 'Me' }, { id: 'maya', name: 'Maya Chen' }] });
  await db.handoffs.put(card);
  return db;
}

describe('checkClockExceptions', () => {
  it('raises nothing before the threshold, then each crossing once (also after the app was closed)', async () => {
    const db = await setup();
    expect(await checkClockExceptions(db, new Date('2026-11-23T12:00:00.000Z'), null)).toEqual({ raised: 0, resolved: 0 });
    // The app was closed for days: the first check after start raises both crossings.
    expect(await checkClockExceptions(db, new Date('2026-11-26T12:00:00.000Z'), null)).toEqual({ raised: 2, resolved: 0 });
    // A restart, or a second desktop with the same data, raises nothing again.
    expect(await checkClockExceptions(db, new Date('2026-11-27T12:00:00.000Z'), null)).toEqual({ raised: 0, resolved: 0 });
    const stored = await db.handoffs.get('h-stall');
    expect(stored?.exceptions.map((exception) => exception.kind).sort()).toEqual(['NEXT_ACTION_OVERDUE', 'SLA_BREACHED']);
    const events = await db.events.where('handoffId').equals('h-stall').toArray();
    expect(events.map((event) => [event.kind, event.actor])).toEqual([
      ['exception_raised', 'baton'],
      ['exception_raised', 'baton'],
    ]);
  });

  it('looks at every open card of a workspace larger than one page, and at no finished card without an open crossing', async () => {
    const db = await setup();
    // 1,200 quiet cards around the stalled one (ids before and after it), and finished ones.
    const quiet = Array.from({ length: 1_200 }, (_, index) =>
      makeHandoff({ id: `h-${String(index).padStart(4, '0')}`, state: index % 4 === 0 ? 'HANDOFF_DONE' : 'IN_PROGRESS', stateEnteredAt: '2026-11-26T11:00:00.000Z' }),
    );
    await db.handoffs.bulkPut([...quiet, { ...card, id: 'h-zzzz' }]);
    expect(await checkClockExceptions(db, new Date('2026-11-26T12:00:00.000Z'), null)).toEqual({ raised: 4, resolved: 0 });
    expect((await db.handoffs.get('h-zzzz'))?.exceptions).toHaveLength(2);
    expect((await db.handoffs.get('h-stall'))?.exceptions).toHaveLength(2);
  });

  it('does not raise a crossing again once someone resolved it', async () => {
    const db = await setup();
    await checkClockExceptions(db, new Date('2026-11-26T12:00:00.000Z'), null);
    for (const exception of (await db.handoffs.get('h-stall'))?.exceptions ?? []) {
      const outcome = await runCommand(db, 'h-stall', { type: 'resolve_exception', exceptionId: exception.id, resolution: 'Chased Maya' }, 'local-user', new Date('2026-11-26T13:00:00.000Z'));
      expect(outcome.ok).toBe(true);
    }
    expect(await checkClockExceptions(db, new Date('2026-11-30T12:00:00.000Z'), null)).toEqual({ raised: 0, resolved: 0 });
  });

  it('resolves by itself, recorded, when the card moves on or the action is re-dated', async () => {
    const db = await setup();
    await checkClockExceptions(db, new Date('2026-11-26T12:00:00.000Z'), null);
    const since = '2026-11-26T12:00:00.000Z';
    expect(
      (await runCommand(db, 'h-stall', { type: 'set_next_action', nextAction: { text: 'Estimate the build', dueAt: '2026-12-01T09:00:00.000Z' } }, 'local-user', new Date('2026-11-26T13:00:00.000Z'))).ok,
    ).toBe(true);
    expect(await checkClockExceptions(db, new Date('2026-11-26T14:00:00.000Z'), since)).toEqual({ raised: 0, resolved: 1 });
    expect((await runCommand(db, 'h-stall', { type: 'accept' }, 'maya', new Date('2026-11-26T15:00:00.000Z'))).ok).toBe(true);
    expect(await checkClockExceptions(db, new Date('2026-11-26T16:00:00.000Z'), since)).toEqual({ raised: 0, resolved: 1 });
    const stored = await db.handoffs.get('h-stall');
    expect(stored?.exceptions.every((exception) => exception.resolvedAt !== null && exception.resolvedBy === 'baton')).toBe(true);
    expect(stored?.exceptions.map((exception) => exception.resolution).sort()).toEqual([
      'Resolved by itself: the card moved on to Handoff done',
      'Resolved by itself: the next action was re-dated to Tue 1 Dec, 09:00',
    ]);
  });
});
