import fc from 'fast-check';
import { Dexie } from 'dexie';
import { BACKUP_TABLES } from '../../../shared/backup/format';
import type { BatonDb } from '../data/db';
import { openBatonDb } from '../data/db';
import { declareMigrations } from '../data/migrations';
import { runCommand } from '../data/commands';
import { CHANGE_LOG_RETENTION_MS } from '../data/change-log';
import { freshDbName, makeHandoff } from '../../../test/support/db-fixtures';
import { must, seededWorkspace } from '../../../test/support/backup-workspace';
import { PAGE_TARGET_MS, nextPageSize, pruneChangeLog, readWorkspaceInOneTransaction, readWorkspaceSnapshot } from './workspace-snapshot';

/** A workspace of `count` plain handoffs, h-000 … (so a page size of a few rows makes many pages). */
async function handoffsDb(count: number): Promise<BatonDb> {
  const db = openBatonDb(freshDbName('snapshot'));
  await db.handoffs.bulkPut(Array.from({ length: count }, (_, n) => makeHandoff({ id: `h-${String(n).padStart(3, '0')}`, rank: n * 1024 })));
  return db;
}

describe('the change log', () => {
  it('gets one row per write to a backed-up table, in the write’s own transaction, naming the keys', async () => {
    const db = await handoffsDb(3);
    try {
      const before = await db.changeLog.count();
      await db.handoffs.put(makeHandoff({ id: 'h-001', title: 'Renamed' }));
      await db.handoffs.bulkDelete(['h-000', 'h-002']);
      await db.undo.put({ id: 'slot', entries: [] } as never);
      const rows = (await db.changeLog.toArray()).slice(before);
      expect(rows.map((row) => [row.table, row.keys])).toEqual([
        ['handoffs', ['h-001']],
        ['handoffs', ['h-000', 'h-002']],
      ]);
      expect(rows.every((row) => !Number.isNaN(Date.parse(row.at)))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('logs a range delete or a clear as “any row”, and keeps nothing of a write that was rolled back', async () => {
    const db = await handoffsDb(3);
    try {
      const before = await db.changeLog.count();
      await db.handoffs.clear();
      await expect(
        db.transaction('rw', db.handoffs, async () => {
          await db.handoffs.put(makeHandoff({ id: 'h-rolled-back' }));
          throw new Error('the user’s write fails half-way');
        }),
      ).rejects.toThrow('half-way');
      const rows = (await db.changeLog.toArray()).slice(before);
      expect(rows.map((row) => [row.table, row.keys])).toEqual([['handoffs', null]]);
      expect(await db.handoffs.get('h-rolled-back')).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('opens a database of an older Baton (no log yet), upgrades it, and logs from then on', async () => {
    const name = freshDbName('snapshot-upgrade');
    const old = new Dexie(name);
    declareMigrations(old, 4);
    await old.open();
    await old.table('handoffs').put(makeHandoff({ id: 'h-old' }));
    old.close();
    const db = openBatonDb(name);
    try {
      expect((await db.handoffs.get('h-old'))?.id).toBe('h-old');
      await db.handoffs.put(makeHandoff({ id: 'h-new' }));
      expect((await db.changeLog.toArray()).map((row) => row.keys)).toEqual([['h-new']]);
    } finally {
      db.close();
    }
  });

  it('forgets changes older than an hour and keeps the newer ones; the newest always stays (it is the workspace’s version)', async () => {
    const db = await handoffsDb(0);
    try {
      const now = Date.parse('2026-12-06T12:00:00Z');
      const old = (keys: string[]) => ({ at: new Date(now - CHANGE_LOG_RETENTION_MS - 1).toISOString(), table: 'handoffs', keys });
      await db.changeLog.bulkAdd([old(['old']), { at: new Date(now - 60_000).toISOString(), table: 'handoffs', keys: ['new'] }]);
      await pruneChangeLog(db, now);
      expect((await db.changeLog.toArray()).map((row) => row.keys)).toEqual([['new']]);
      await db.changeLog.bulkAdd([old(['older']), old(['newest, but old'])]);
      await pruneChangeLog(db, now);
      expect((await db.changeLog.toArray()).map((row) => row.keys)).toEqual([['new'], ['newest, but old']]);
    } finally {
      db.close();
    }
  });
});

describe('readWorkspaceSnapshot', () => {
  it('reads the same rows as one transaction when nothing is written meanwhile', async () => {
    const db = await seededWorkspace('snapshot-quiet');
    try {
      expect(await readWorkspaceSnapshot(db, { pageSize: 2 })).toEqual(await readWorkspaceInOneTransaction(db));
    } finally {
      db.close();
    }
  });

  it('lets writes through between its pages, and still returns the workspace as it was at one moment', async () => {
    const db = await seededWorkspace('snapshot-busy');
    try {
      const [first] = await db.handoffs.toCollection().primaryKeys();
      if (first === undefined) throw new Error('test: no handoff');
      let page = 0;
      const committedDuringRead: string[] = [];
      const snapshot = await readWorkspaceSnapshot(db, {
        pageSize: 1,
        afterPage: async () => {
          page += 1;
          // A user at work while the backup reads: a command (handoff, event, outbox, undo in one transaction), a new handoff, a deletion.
          if (page === 1) must(await runCommand(db, first, { type: 'add_note', id: `n-during`, body: 'Written while the backup read' }, 'local-user', new Date()));
          if (page === 2) await db.handoffs.put(makeHandoff({ id: 'a-created-during' }));
          if (page === 3) await db.settings.delete('theme');
          committedDuringRead.push(`page ${page}`);
        },
      });
      expect(committedDuringRead.length).toBeGreaterThan(3);
      expect(snapshot).toEqual(await readWorkspaceInOneTransaction(db));
      const noted = snapshot.handoffs.find((handoff) => (handoff as { id: string }).id === first) as { notes: { body: string }[] } | undefined;
      expect(noted?.notes.map((note) => note.body)).toContain('Written while the backup read');
      expect(snapshot.handoffs.map((handoff) => (handoff as { id: string }).id)).toContain('a-created-during');
    } finally {
      db.close();
    }
  });

  it('does not hold up a write: a move issued during its read commits before the read ends (one transaction made it wait)', async () => {
    const order = async (read: (db: BatonDb, duringRead: () => void) => Promise<unknown>): Promise<string[]> => {
      const db = await handoffsDb(60);
      try {
        const events: string[] = [];
        let issued: Promise<void> | null = null;
        const duringRead = (): void => {
          issued ??= db.handoffs.update('h-001', { state: 'READY_FOR_HANDOFF' }).then(() => {
            events.push('write committed');
          });
        };
        await read(db, duringRead);
        events.push('read ended');
        await issued;
        return events;
      } finally {
        db.close();
      }
    };
    const paged = await order((db, duringRead) =>
      readWorkspaceSnapshot(db, {
        pageSize: 5,
        afterPage: () => {
          duringRead();
          return Promise.resolve();
        },
      }),
    );
    expect(paged).toEqual(['write committed', 'read ended']);
    const oneTransaction = await order(async (db, duringRead) => {
      const reading = readWorkspaceInOneTransaction(db);
      // Once its transaction has begun (its first request answered):
      await new Promise((resolve) => setTimeout(resolve, 0));
      duringRead();
      return reading;
    });
    expect(oneTransaction).toEqual(['read ended', 'write committed']);
  });

  const write = fc.record({
    /** After which page the write lands. */
    afterPage: fc.integer({ min: 1, max: 12 }),
    kind: fc.constantFrom('put', 'delete', 'clear', 'settings'),
    ids: fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 4 }),
    title: fc.string({ maxLength: 8 }),
  });

  it('for any writes landing between any pages, equals one read at its end', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 8 }), fc.integer({ min: 1, max: 5 }), async (writes, pageSize) => {
        const db = await handoffsDb(10);
        try {
          await db.settings.put({ key: 'theme', value: 'light' });
          let page = 0;
          const snapshot = await readWorkspaceSnapshot(db, {
            pageSize,
            afterPage: async () => {
              page += 1;
              for (const step of writes.filter((candidate) => candidate.afterPage === page)) {
                const ids = step.ids.map((n) => `h-${String(n).padStart(3, '0')}`);
                if (step.kind === 'put') await db.handoffs.bulkPut(ids.map((id, n) => makeHandoff({ id, title: `${step.title} ${n}` })));
                if (step.kind === 'delete') await db.handoffs.bulkDelete(ids);
                if (step.kind === 'clear') await db.handoffs.where(':id').between(ids[0] ?? '', '\uffff').delete();
                if (step.kind === 'settings') await db.settings.put({ key: 'theme', value: step.title });
              }
            },
          });
          expect(snapshot).toEqual(await readWorkspaceInOneTransaction(db));
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reads everything again in one transaction when it ran longer than the log is kept', async () => {
    const db = await handoffsDb(4);
    try {
      let clock = 0;
      const snapshot = await readWorkspaceSnapshot(db, {
        pageSize: 1,
        now: () => clock,
        afterPage: async () => {
          clock += CHANGE_LOG_RETENTION_MS;
          // A change to a row already read, and then what a prune would have done meanwhile: the log is gone.
          await db.handoffs.put(makeHandoff({ id: 'h-000', title: 'Changed late' }));
          await db.changeLog.clear();
        },
      });
      expect(snapshot).toEqual(await readWorkspaceInOneTransaction(db));
      expect(snapshot.handoffs.map((handoff) => (handoff as { title: string }).title)).toContain('Changed late');
    } finally {
      db.close();
    }
  });

  it('sizes pages to take about the target time at the fastest rate seen: smaller for slow rows, at most twice as large at a time', () => {
    expect(nextPageSize(1_000, PAGE_TARGET_MS / 250)).toBe(250);
    expect(nextPageSize(200, PAGE_TARGET_MS / 200)).toBe(200);
    expect(nextPageSize(200, 0)).toBe(400);
    expect(nextPageSize(400, 1_000)).toBe(50);
    expect(nextPageSize(4_000, 0.000_01)).toBe(5_000);
  });

  it('with pages sized by time, a table of 600 handoffs edited between every page still reads as of its end', async () => {
    const db = await handoffsDb(600);
    try {
      let page = 0;
      const snapshot = await readWorkspaceSnapshot(db, {
        afterPage: async () => {
          page += 1;
          await db.handoffs.put(makeHandoff({ id: `h-${String((page * 37) % 600).padStart(3, '0')}`, title: `Edited after page ${page}` }));
          if (page % 3 === 0) await db.handoffs.delete(`h-${String((page * 11) % 600).padStart(3, '0')}`);
        },
      });
      expect(page).toBeGreaterThan(3);
      expect(snapshot).toEqual(await readWorkspaceInOneTransaction(db));
    } finally {
      db.close();
    }
  });

  it('holds every backed-up table', async () => {
    const db = await seededWorkspace('snapshot-tables');
    try {
      expect(Object.keys(await readWorkspaceSnapshot(db)).sort()).toEqual([...BACKUP_TABLES].sort());
    } finally {
      db.close();
    }
  });
});
