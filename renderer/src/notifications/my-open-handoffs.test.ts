import { RangeSet } from 'dexie';
import type { Handoff } from '../../../shared/domain/handoff';
import { dbWithTemplates, makeHandoff } from '../../../test/support/db-fixtures';
import { handoffWritesOf, loadMyOpenHandoffs, watchMyOpenHandoffs } from './my-open-handoffs';

const SEED = [
  makeHandoff({ id: 'sent-open', sender: 'maya', receiver: 'li', state: 'READY_FOR_HANDOFF' }),
  makeHandoff({ id: 'received-open', sender: 'li', receiver: 'maya', state: 'IN_HANDOFF' }),
  makeHandoff({ id: 'both', sender: 'maya', receiver: 'maya', state: 'IN_PROGRESS' }),
  makeHandoff({ id: 'sent-done', sender: 'maya', receiver: 'li', state: 'HANDOFF_DONE' }),
  makeHandoff({ id: 'received-done', sender: 'li', receiver: 'maya', state: 'HANDOFF_DONE' }),
  makeHandoff({ id: 'someone-else', sender: 'li', receiver: 'sam', state: 'IN_HANDOFF' }),
  makeHandoff({ id: 'no-receiver', sender: 'sam', receiver: null, state: 'IN_PROGRESS' }),
];

const idsOf = (handoffs: readonly Handoff[]) => handoffs.map((handoff) => handoff.id).sort();

describe('loadMyOpenHandoffs', () => {
  it("reads the user's open handoffs, sent or received, once each, and none of their finished ones", async () => {
    const db = await dbWithTemplates();
    await db.handoffs.bulkAdd(SEED);
    expect(idsOf(await loadMyOpenHandoffs(db, 'maya'))).toEqual(['both', 'received-open', 'sent-open']);
    db.close();
  });
});

describe('handoffWritesOf', () => {
  const part = 'idb://baton-x/handoffs/';

  it('names the handoffs a small write touched, and nothing for other tables or databases', () => {
    expect(handoffWritesOf({ [part]: new RangeSet().addKeys(['a', 'b']) }, 'baton-x')).toEqual({ everything: false, ids: ['a', 'b'] });
    expect(handoffWritesOf({ 'idb://baton-x/events/': new RangeSet().addKey('e-1') }, 'baton-x')).toBeNull();
    expect(handoffWritesOf({ 'idb://baton-y/handoffs/': new RangeSet().addKey('a') }, 'baton-x')).toBeNull();
  });

  it('is "everything" for a span of keys (a bulk write, a clear), also when the parts came from another window as plain objects', () => {
    expect(handoffWritesOf({ [part]: new RangeSet('a', 'z') }, 'baton-x')).toEqual({ everything: true });
    const plain = JSON.parse(JSON.stringify({ [part]: new RangeSet().addKeys(['a']) })) as Parameters<typeof handoffWritesOf>[0];
    expect(handoffWritesOf(plain, 'baton-x')).toEqual({ everything: false, ids: ['a'] });
  });
});

describe('watchMyOpenHandoffs', () => {
  /** The watch with its reads run at once (not in idle time); `latest()` is the last list it reported. */
  function watch(db: Awaited<ReturnType<typeof dbWithTemplates>>, user: string) {
    const reports: (readonly Handoff[])[] = [];
    const stop = watchMyOpenHandoffs(db, user, (handoffs) => reports.push(handoffs), (task) => setTimeout(task, 0));
    return { reports, latest: () => reports.at(-1), stop };
  }

  it('reads everything once, then after each write only the handoffs it wrote', async () => {
    const db = await dbWithTemplates();
    await db.handoffs.bulkAdd(SEED);
    const { reports, latest, stop } = watch(db, 'maya');
    await vi.waitFor(() => expect(idsOf(latest() ?? [])).toEqual(['both', 'received-open', 'sent-open']));
    const fullReads = vi.spyOn(db.handoffs, 'where');
    const keyReads = vi.spyOn(db.handoffs, 'bulkGet');

    // One of mine finishes, one of someone else's is handed to me, one of mine is edited.
    await db.handoffs.update('sent-open', { state: 'HANDOFF_DONE' });
    await db.handoffs.update('someone-else', { receiver: 'maya' });
    await db.handoffs.update('both', { title: 'Renamed' });
    await vi.waitFor(() => {
      expect(idsOf(latest() ?? [])).toEqual(['both', 'received-open', 'someone-else']);
      expect(latest()?.find((handoff) => handoff.id === 'both')?.title).toBe('Renamed');
    });
    // The full read goes through the [receiver+state] and [sender+state] indexes (Dexie's own update uses `where` by id).
    expect(fullReads.mock.calls.filter(([index]) => String(index) === '[receiver+state]' || String(index) === '[sender+state]')).toEqual([]);
    expect(keyReads.mock.calls.flatMap(([ids]) => ids).sort()).toEqual(['both', 'sent-open', 'someone-else']);
    // A write that is not about handoffs reads nothing.
    const before = reports.length;
    await db.events.put({ id: 'e-x', handoffId: 'both', kind: 'note', at: new Date().toISOString(), actor: 'maya', data: {} } as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reports.length).toBe(before);
    stop();
    db.close();
  });

  it('reads everything again after a bulk write, and not at all once stopped', async () => {
    const db = await dbWithTemplates();
    await db.handoffs.bulkAdd(SEED);
    const { latest, reports, stop } = watch(db, 'maya');
    await vi.waitFor(() => expect(latest()).toBeDefined());
    const many = Array.from({ length: 60 }, (_, index) => makeHandoff({ id: `bulk-${String(index).padStart(2, '0')}`, sender: 'maya', receiver: null, state: 'IN_PROGRESS' }));
    await db.handoffs.bulkPut(many);
    await vi.waitFor(() => expect(latest()?.length).toBe(63));
    stop();
    const count = reports.length;
    await db.handoffs.update('both', { title: 'After stop' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reports.length).toBe(count);
    db.close();
  });
});
