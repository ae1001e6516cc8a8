import fc from 'fast-check';
import { Dexie } from 'dexie';
import { HANDOFF_STATES } from '../../../shared/domain/states';
import { freshDbName, makeHandoff } from '../../../test/support/db-fixtures';
import { openBatonDb, type BatonDb } from './db';
import { declareMigrations } from './migrations';
import { countColumns } from './column-counts';
import { checkColumnCounts } from './column-counts-check';

const ARCHIVED_AT = '2026-11-21T09:00:00.000Z';

/** The counts as they should be: every handoff read and counted. */
async function recounted(db: BatonDb) {
  return countColumns(await db.handoffs.toArray(), HANDOFF_STATES);
}

/** The counts as kept, with a zero row for a column never written. */
async function kept(db: BatonDb) {
  const rows = await db.columnCounts.bulkGet([...HANDOFF_STATES]);
  return HANDOFF_STATES.map((state, index) => rows[index] ?? { state, all: 0, archived: 0 });
}

const id = (n: number) => `h-${String(n).padStart(3, '0')}`;

const write = fc.oneof(
  fc.record({
    kind: fc.constant('put' as const),
    ids: fc.uniqueArray(fc.integer({ min: 0, max: 79 }), { minLength: 1, maxLength: 70 }),
    state: fc.constantFrom(...HANDOFF_STATES),
    archived: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('add' as const), ids: fc.uniqueArray(fc.integer({ min: 0, max: 79 }), { minLength: 1, maxLength: 5 }), state: fc.constantFrom(...HANDOFF_STATES) }),
  fc.record({ kind: fc.constant('delete' as const), ids: fc.uniqueArray(fc.integer({ min: 0, max: 79 }), { minLength: 1, maxLength: 60 }) }),
  fc.record({ kind: fc.constant('deleteRange' as const), from: fc.integer({ min: 0, max: 79 }), to: fc.integer({ min: 0, max: 79 }) }),
  fc.record({ kind: fc.constant('modify' as const), state: fc.constantFrom(...HANDOFF_STATES), to: fc.constantFrom(...HANDOFF_STATES) }),
  fc.record({ kind: fc.constant('clear' as const) }),
);

type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function apply(db: BatonDb, step: Write): Promise<void> {
  switch (step.kind) {
    case 'put':
      await db.handoffs.bulkPut(step.ids.map((n) => makeHandoff({ id: id(n), state: step.state, rank: n * 1024, archivedAt: step.archived ? ARCHIVED_AT : null })));
      return;
    case 'add':
      // Rows that exist already fail; the others are added.
      await db.handoffs.bulkAdd(step.ids.map((n) => makeHandoff({ id: id(n), state: step.state, rank: n * 1024 }))).catch((error: unknown) => {
        if (!(error instanceof Dexie.BulkError)) throw error;
      });
      return;
    case 'delete':
      await db.handoffs.bulkDelete(step.ids.map(id));
      return;
    case 'deleteRange':
      await db.handoffs.where(':id').between(id(Math.min(step.from, step.to)), id(Math.max(step.from, step.to)), true, true).delete();
      return;
    case 'modify':
      await db.handoffs.where('state').equals(step.state).modify({ state: step.to });
      return;
    case 'clear':
      await db.handoffs.clear();
      return;
  }
}

describe('the column counts', () => {
  it('after any writes (bulk puts, adds that partly fail, deletes, range deletes, modify, clear; alone or together) match a full recount', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ step: write, together: fc.boolean() }), { minLength: 1, maxLength: 8 }), async (steps) => {
        const db = openBatonDb(freshDbName('counts'));
        try {
          for (let index = 0; index < steps.length; index += 1) {
            const entry = steps[index];
            const next = steps[index + 1];
            if (entry === undefined) continue;
            if (entry.together && next !== undefined) {
              await db.transaction('rw', db.handoffs, async () => {
                await apply(db, entry.step);
                await apply(db, next.step);
              });
              index += 1;
            } else {
              await apply(db, entry.step);
            }
            expect(await kept(db)).toEqual(await recounted(db));
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a write that is rolled back leaves the counts as they were', async () => {
    const db = openBatonDb(freshDbName('counts-rollback'));
    try {
      await db.handoffs.put(makeHandoff({ id: 'h-1', state: 'IN_PROGRESS' }));
      await expect(
        db.transaction('rw', db.handoffs, async () => {
          await db.handoffs.put(makeHandoff({ id: 'h-1', state: 'IN_HANDOFF' }));
          throw new Error('fails half-way');
        }),
      ).rejects.toThrow('half-way');
      expect(await kept(db)).toEqual(await recounted(db));
      expect((await db.columnCounts.get('IN_PROGRESS'))?.all).toBe(1);
    } finally {
      db.close();
    }
  });

  it('are counted once when a database of an older Baton is upgraded', async () => {
    const name = freshDbName('counts-upgrade');
    const old = new Dexie(name);
    declareMigrations(old, 5);
    await old.open();
    await old.table('handoffs').bulkPut([
      makeHandoff({ id: 'a', state: 'IN_PROGRESS' }),
      makeHandoff({ id: 'b', state: 'IN_PROGRESS', archivedAt: ARCHIVED_AT }),
      makeHandoff({ id: 'c', state: 'HANDOFF_DONE' }),
    ]);
    old.close();
    const db = openBatonDb(name);
    try {
      expect(await db.columnCounts.get('IN_PROGRESS')).toEqual({ state: 'IN_PROGRESS', all: 2, archived: 1 });
      expect(await kept(db)).toEqual(await recounted(db));
    } finally {
      db.close();
    }
  });
});

describe('the check of the column counts at start', () => {
  it('corrects a column a write outside Baton left wrong, and leaves the right ones alone', async () => {
    const name = freshDbName('counts-check');
    const db = openBatonDb(name);
    try {
      await db.handoffs.bulkPut([makeHandoff({ id: 'a', state: 'IN_PROGRESS' }), makeHandoff({ id: 'b', state: 'IN_HANDOFF' })]);
      // A bare connection (no Baton middleware) writes behind the counts' back.
      const bare = new Dexie(name);
      await bare.open();
      await bare.table('handoffs').bulkPut([makeHandoff({ id: 'c', state: 'IN_PROGRESS' }), makeHandoff({ id: 'd', state: 'IN_PROGRESS', archivedAt: ARCHIVED_AT })]);
      bare.close();
      expect((await db.columnCounts.get('IN_PROGRESS'))?.all).toBe(1);
      expect(await checkColumnCounts(db)).toEqual([{ state: 'IN_PROGRESS', all: 3, archived: 1 }]);
      expect(await kept(db)).toEqual(await recounted(db));
      expect(await checkColumnCounts(db)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
