import { Dexie } from 'dexie';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, declareMigrations } from './migrations';
import { openBatonDb } from './db';
import { freshDbName, makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';

/** Writes data the way Baton at schema v1 did: templates without the `latest` flag. */
async function createV1Database(name: string): Promise<void> {
  const v1 = new Dexie(name);
  declareMigrations(v1, 1);
  await v1.table('templates').bulkAdd([
    makeTemplate({ version: 1, name: 'Design → Dev (old)' }),
    makeTemplate({ version: 2, name: 'Design → Dev' }),
    makeTemplate({ id: 'tpl-onboarding', version: 1, name: 'Client onboarding' }),
  ]);
  await v1.table('handoffs').add(makeHandoff({ templateVersion: 1 }));
  await v1.table('events').add({
    id: 'e-1',
    handoffId: 'h-1',
    kind: 'created',
    actor: 'maya',
    at: '2026-11-20T09:00:00.000Z',
    field: null,
    before: null,
    after: null,
    summary: 'Created',
  });
  await v1.table('settings').put({ key: 'currentUser', value: 'maya' });
  v1.close();
}

async function openAt(name: string, version: number): Promise<void> {
  const db = new Dexie(name);
  declareMigrations(db, version);
  await db.open();
  expect(db.verno).toBe(version);
  db.close();
}

/**
 * The stores of every version that has shipped, frozen. Users' databases were
 * created from these exact definitions: editing one instead of appending a new
 * version would leave their databases unmigrated. Append here when a version ships.
 */
const SHIPPED_STORES: readonly Record<string, string | null>[] = [
  {
    handoffs: 'id, state, [state+rank], templateId, receiver, sender, client.name, updatedAt, archivedAt',
    templates: '[id+version], id',
    events: 'id, handoffId, at',
    outbox: 'id, &seq, handoffId, status',
    settings: 'key',
    syncState: 'handoffId',
    syncMeta: 'key',
    undo: 'id',
  },
  {
    templates: '[id+version], id, latest',
    events: 'id, handoffId, [handoffId+at], at',
  },
  {
    handoffs: 'id, state, [state+rank], templateId, receiver, sender, client.name, updatedAt, archivedAt, [state+archivedAt], [receiver+state], [sender+state]',
  },
  { replays: 'eventId, handoffId' },
  { changeLog: '++seq, at' },
  { columnCounts: 'state' },
];

describe('migrations', () => {
  it('never change a version that has shipped (new versions are appended)', () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(SHIPPED_STORES.length);
    SHIPPED_STORES.forEach((stores, index) => {
      expect(MIGRATIONS[index]?.stores).toEqual(stores);
    });
  });

  it('are numbered 1, 2, 3… in order, each with stores and a description', () => {
    MIGRATIONS.forEach((migration, index) => {
      expect(migration.version).toBe(index + 1);
      expect(migration.description.length).toBeGreaterThan(10);
      expect(Object.keys(migration.stores).length).toBeGreaterThan(0);
    });
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  // One case per starting version: a v1 database brought up to version k by the
  // old code, then opened by the current code.
  for (let start = 1; start <= LATEST_SCHEMA_VERSION; start += 1) {
    it(`upgrades a database from v1 via v${start} to the latest version keeping all data`, async () => {
      const name = freshDbName('migrate');
      await createV1Database(name);
      if (start > 1) await openAt(name, start);

      const db = openBatonDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST_SCHEMA_VERSION);

      expect(await db.handoffs.get('h-1')).toEqual(makeHandoff({ templateVersion: 1 }));
      expect(await db.settings.get('currentUser')).toEqual({ key: 'currentUser', value: 'maya' });
      // v2: exactly the newest version of each template is flagged latest, readable by index.
      const latest = await db.templates.where('latest').equals(1).toArray();
      expect(latest.map((t) => `${t.id}@${t.version}`).sort()).toEqual(['tpl-design-dev@2', 'tpl-onboarding@1']);
      expect((await db.templates.get(['tpl-design-dev', 1]))?.latest).toBe(0);
      // v2: history readable through the compound index.
      const history = await db.events.where('[handoffId+at]').between(['h-1', Dexie.minKey], ['h-1', Dexie.maxKey]).toArray();
      expect(history.map((e) => e.id)).toEqual(['e-1']);
      // v3: archived cards of a column are counted from [state+archivedAt]; live ones are not in it.
      expect(await db.handoffs.where('[state+archivedAt]').between(['IN_PROGRESS', Dexie.minKey], ['IN_PROGRESS', Dexie.maxKey]).count()).toBe(0);
      expect(await db.handoffs.where('[sender+state]').equals(['maya', 'IN_PROGRESS']).primaryKeys()).toEqual(['h-1']);
      // v4: history written before it has recipes in the legacy form, the last event carrying the whole record.
      const replays = await db.replays.where('handoffId').equals('h-1').toArray();
      expect(replays.map((r) => [r.eventId, r.seq, r.recipe.kind])).toEqual([['e-1', 1, 'patch']]);
      const recipe = replays[0]?.recipe;
      expect(recipe?.kind === 'patch' && recipe.fields['title']).toBe(makeHandoff().title);
      await db.handoffs.update('h-1', { archivedAt: '2026-11-21T09:00:00.000Z' });
      expect(await db.handoffs.where('[state+archivedAt]').between(['IN_PROGRESS', Dexie.minKey], ['IN_PROGRESS', Dexie.maxKey]).count()).toBe(1);
      db.close();
    });
  }
});
