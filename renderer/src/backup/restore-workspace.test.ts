import { Dexie } from 'dexie';
import { BACKUP_FORMAT_VERSION } from '../../../shared/backup/format';
import { runCommand } from '../data/commands';
import { openBatonDb, type BatonDb } from '../data/db';
import { LATEST_SCHEMA_VERSION, declareMigrations } from '../data/migrations';
import { freshDbName, makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { WORKSPACE_INITIALIZED_KEY } from '../data/workspace';
import { exportWorkspace } from './export-workspace';
import { restoreWorkspace } from './restore-workspace';
import { must, seededWorkspace, snapshotTables } from '../../../test/support/backup-workspace';

const APP_VERSION = '0.1.0';

async function exportText(db: BatonDb): Promise<string> {
  return must(await exportWorkspace(db, { appVersion: APP_VERSION, now: new Date('2026-11-24T10:00:00Z') })).value.text;
}

type BackupDocument = { tables: Record<string, Record<string, unknown>[]> } & Record<string, unknown>;

function edit(text: string, change: (document: BackupDocument) => void): string {
  const document = JSON.parse(text) as BackupDocument;
  change(document);
  return JSON.stringify(document);
}

function row(document: BackupDocument, table: string, index = 0): Record<string, unknown> {
  const found = document.tables[table]?.[index];
  if (!found) throw new Error(`test: no ${table} row ${index}`);
  return found;
}

describe('exportWorkspace → restoreWorkspace', () => {
  it('round-trips every table exactly (export, wipe, restore, deep-equal)', async () => {
    const db = await seededWorkspace();
    const before = await snapshotTables(db);
    expect(before.handoffs.length).toBeGreaterThan(2);
    const text = await exportText(db);
    expect(text).toContain('"format":"baton-backup"');

    await Promise.all(db.allTables.map((table) => table.clear()));
    expect(await db.handoffs.count()).toBe(0);

    const restored = must(await restoreWorkspace(db, text));
    expect(restored.value.counts.handoffs).toBe(before.handoffs.length);
    expect(restored.value.sourceSchemaVersion).toBe(LATEST_SCHEMA_VERSION);
    // Undo slots describe changes to the replaced data: they are not restored.
    expect(await snapshotTables(db)).toEqual({ ...before, undo: [] });
  });

  it('replaces a different workspace completely, and the restored one keeps working', async () => {
    const source = await seededWorkspace();
    const text = await exportText(source);
    const target = await seededWorkspace('other');
    await runCommand(target, 'h-real-1', { type: 'set_title', title: 'Only in the target' }, 'local-user');
    must(await restoreWorkspace(target, text));
    expect((await target.handoffs.get('h-real-1'))?.title).toBe('Spring sale — landing page 🚀');

    const seqBefore = Math.max(...(await target.outbox.toArray()).map((entry) => entry.seq));
    must(await runCommand(target, 'h-real-1', { type: 'set_title', title: 'After the restore' }, 'local-user'));
    const seqAfter = Math.max(...(await target.outbox.toArray()).map((entry) => entry.seq));
    expect(seqAfter).toBe(seqBefore + 1);
  });

  it('a backup holds no HubSpot token field and no undo slots', async () => {
    const text = await exportText(await seededWorkspace());
    expect(text.toLowerCase()).not.toContain('token');
    expect(Object.keys((JSON.parse(text) as BackupDocument).tables)).not.toContain('undo');
  });
});

describe('restoreWorkspace refuses bad files and keeps the workspace', () => {
  const cases: { name: string; code: string; message: RegExp; file: (good: string) => string }[] = [
    { name: 'empty file', code: 'NOT_JSON', message: /not valid JSON/, file: () => '' },
    { name: 'truncated JSON', code: 'NOT_JSON', message: /truncated/, file: (good) => good.slice(0, Math.floor(good.length / 2)) },
    { name: 'some other JSON', code: 'NOT_A_BACKUP', message: /not a Baton backup/, file: () => '{"hello":"world"}' },
    { name: 'a JSON array', code: 'NOT_A_BACKUP', message: /not a Baton backup/, file: () => '[1,2,3]' },
    { name: 'unknown format', code: 'NOT_A_BACKUP', message: /format/, file: (good) => edit(good, (d) => (d['format'] = 'trello-export')) },
    { name: 'future format version', code: 'NEWER_FORMAT', message: /newer Baton.*format 99/, file: (good) => edit(good, (d) => (d['formatVersion'] = 99)) },
    {
      name: 'future schema version',
      code: 'NEWER_SCHEMA',
      message: new RegExp(`database version ${LATEST_SCHEMA_VERSION + 1}; this Baton knows up to version ${LATEST_SCHEMA_VERSION}`),
      file: (good) => edit(good, (d) => (d['schemaVersion'] = LATEST_SCHEMA_VERSION + 1)),
    },
    { name: 'header with a wrong type', code: 'NOT_A_BACKUP', message: /header is damaged \(schemaVersion/, file: (good) => edit(good, (d) => (d['schemaVersion'] = 'two')) },
    { name: 'table that is not a list', code: 'NOT_A_BACKUP', message: /tables\.events/, file: (good) => edit(good, (d) => (d.tables['events'] = { a: 1 } as never)) },
    {
      name: 'row with a wrong type',
      code: 'INVALID_ROWS',
      message: /handoffs row \d+ \(id "[^"]+"\): title:/,
      file: (good) => edit(good, (d) => (row(d, 'handoffs')['title'] = 42)),
    },
    {
      name: 'out-of-range date',
      code: 'INVALID_ROWS',
      message: /events row 2 \(id "[^"]+"\): at: Expected an ISO 8601 date-time/,
      file: (good) => edit(good, (d) => (row(d, 'events', 1)['at'] = '2026-13-45T25:61:00Z')),
    },
    {
      name: 'huge text',
      code: 'INVALID_ROWS',
      message: /title: A title is at most 300 characters/,
      file: (good) => edit(good, (d) => (row(d, 'handoffs')['title'] = 'x'.repeat(100_000))),
    },
    {
      name: 'unknown state',
      code: 'INVALID_ROWS',
      message: /state:/,
      file: (good) => edit(good, (d) => (row(d, 'handoffs')['state'] = 'DONE_DONE')),
    },
    {
      name: 'broken workspace settings',
      code: 'INVALID_ROWS',
      message: /settings row \d+ \(key "workspace"\): value\.workingHours\.timeZone: Unknown time zone/,
      file: (good) =>
        edit(good, (d) => {
          const settings = d.tables['settings']?.find((r) => r['key'] === 'workspace');
          if (settings) (settings['value'] as Record<string, Record<string, unknown>>)['workingHours'] = { timeZone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00' };
        }),
    },
    {
      name: 'duplicate handoff ids',
      code: 'INCONSISTENT',
      message: /handoffs: id "[^"]+" appears more than once/,
      file: (good) => edit(good, (d) => d.tables['handoffs']?.push({ ...row(d, 'handoffs'), title: 'Copy' })),
    },
    {
      name: 'duplicate outbox seq',
      code: 'INCONSISTENT',
      message: /outbox: seq "1" appears more than once/,
      file: (good) => edit(good, (d) => d.tables['outbox']?.push({ ...row(d, 'outbox'), id: 'another' })),
    },
    {
      name: 'handoff on a missing template',
      code: 'INCONSISTENT',
      message: /uses template "nope" version 1, which is not in the backup/,
      file: (good) => edit(good, (d) => (row(d, 'handoffs')['templateId'] = 'nope')),
    },
    {
      name: 'outbox counter behind its entries',
      code: 'INCONSISTENT',
      message: /outbox counter \(0\) is behind/,
      file: (good) => edit(good, (d) => (d.tables['syncMeta'] = d.tables['syncMeta']?.filter((r) => r['key'] !== 'outboxSeq') ?? [])),
    },
  ];

  it.each(cases)('$name → $code', async ({ code, message, file }) => {
    const db = await seededWorkspace();
    const good = await exportText(db);
    const before = await snapshotTables(db);
    const outcome = await restoreWorkspace(db, file(good));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe(code);
    expect(outcome.error.message).toMatch(message);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('lists every damaged row (capped), naming table and row', async () => {
    const db = await seededWorkspace();
    const bad = edit(await exportText(db), (d) => {
      for (const event of d.tables['events'] ?? []) event['kind'] = 'exploded';
    });
    const outcome = await restoreWorkspace(db, bad);
    if (outcome.ok) throw new Error('expected a refusal');
    const eventCount = await db.events.count();
    expect(outcome.error.issues).toHaveLength(Math.min(eventCount, 50));
    expect(outcome.error.message).toContain(`${eventCount} problems`);
    expect(outcome.error.issues?.[0]).toMatch(/^events row 1 \(id "[^"]+"\): kind:/);
  });

  it('a database failure half-way through the restore changes nothing', async () => {
    const db = await seededWorkspace();
    const text = await exportText(db);
    await runCommand(db, 'h-real-1', { type: 'set_title', title: 'Changed after the backup' }, 'local-user');
    const before = await snapshotTables(db);
    let created = 0;
    db.events.hook('creating', () => {
      created += 1;
      if (created === 3) throw new Error('disk went away');
    });
    const outcome = await restoreWorkspace(db, text);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('DB_FAILED');
    expect(outcome.error.message).toMatch(/workspace is unchanged.*disk went away/);
    expect(await snapshotTables(db)).toEqual(before);
  });
});

describe('restoring a backup from an older schema', () => {
  /** What Baton at schema v1 exported: templates without the `latest` flag. */
  function v1Backup(): string {
    const templates = [
      makeTemplate({ version: 1, name: 'Design → Dev (old)' }),
      makeTemplate({ version: 2, name: 'Design → Dev' }),
      makeTemplate({ id: 'tpl-onboarding', version: 1, name: 'Client onboarding' }),
    ];
    return JSON.stringify({
      format: 'baton-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: 1,
      exportedAt: '2026-11-21T08:00:00Z',
      appVersion: '0.0.9',
      tables: {
        handoffs: [makeHandoff({ templateVersion: 1 })],
        templates,
        events: [{ id: 'e-1', handoffId: 'h-1', kind: 'created', actor: 'maya', at: '2026-11-20T09:00:00.000Z', field: null, before: null, after: null, summary: 'Created' }],
        outbox: [],
        settings: [{ key: 'workspace', value: { currentUser: 'maya', owners: [{ id: 'maya', name: 'Maya' }], workingHours: { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }, slaHours: { IN_PROGRESS: 40, READY_FOR_HANDOFF: 8, IN_HANDOFF: 16 } } }],
        syncState: [],
        syncMeta: [],
      },
    });
  }

  it('upgrades the rows like the Dexie migrations do, then restores them', async () => {
    const db = await seededWorkspace();
    const outcome = await restoreWorkspace(db, v1Backup());
    const restored = must(outcome).value;
    expect(restored.sourceSchemaVersion).toBe(1);
    expect(await db.handoffs.toArray()).toEqual([makeHandoff({ templateVersion: 1 })]);
    const flags = (await db.templates.toArray()).map((t) => `${t.id}@${t.version}:${t.latest}`).sort();
    expect(flags).toEqual(['tpl-design-dev@1:0', 'tpl-design-dev@2:1', 'tpl-onboarding@1:1']);
    expect((await db.syncMeta.get(WORKSPACE_INITIALIZED_KEY))?.value).toEqual(expect.any(String));

    // The same rows written into a real v1 database and opened by this Baton
    // (so the real Dexie migrations run) end up identical.
    const name = freshDbName('v1-equivalence');
    const v1 = new Dexie(name);
    declareMigrations(v1, 1);
    const document = JSON.parse(v1Backup()) as BackupDocument;
    await v1.table('templates').bulkAdd(document.tables['templates'] ?? []);
    v1.close();
    const migrated = openBatonDb(name);
    expect(await migrated.templates.toArray()).toEqual(await db.templates.toArray());
    migrated.close();
  });

  it('checks upgraded rows like any others', async () => {
    const db = await seededWorkspace();
    const before = await snapshotTables(db);
    const bad = edit(v1Backup(), (d) => (row(d, 'templates')['criteria'] = 'none'));
    const outcome = await restoreWorkspace(db, bad);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/templates row 1 \(template "tpl-design-dev" version "1"\): criteria:/);
    expect(await snapshotTables(db)).toEqual(before);
  });
});
