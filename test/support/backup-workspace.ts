import { BACKUP_TABLES, type BackupTableName } from '../../shared/backup/format';
import { createHandoff, runCommand } from '../../renderer/src/data/commands';
import { openBatonDb, type BatonDb } from '../../renderer/src/data/db';
import { saveSettings } from '../../renderer/src/data/settings';
import { saveTemplate } from '../../renderer/src/data/templates';
import { freshDbName } from './db-fixtures';
import { ensureWorkspace } from '../../renderer/src/data/workspace';
import { SYNC_META } from '../../renderer/src/sync/sync-meta';

/** Test-only: a workspace that uses every table, built through the real write paths. */
export const SEED_NOW = new Date('2026-11-20T09:00:00.000Z');
const ACTOR = 'local-user';

type Outcome = { ok: true } | { ok: false; error: { code: string; message: string } };

export function must<T extends Outcome>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`fixture write failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome as Extract<T, { ok: true }>;
}

export async function seededWorkspace(label = 'backup'): Promise<BatonDb> {
  const db = openBatonDb(freshDbName(label));
  await ensureWorkspace(db, SEED_NOW);
  await saveSettings(db, { theme: 'dark', owners: [{ id: ACTOR, name: 'Me' }, { id: 'dev-lead', name: 'Ravi Patel', role: 'Development lead' }] });
  const created = must(
    await createHandoff(
      db,
      { id: 'h-real-1', title: 'Spring sale — landing page 🚀', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'design-to-dev', sender: ACTOR },
      ACTOR,
      SEED_NOW,
    ),
  );
  const later = new Date(SEED_NOW.getTime() + 60_000);
  must(await runCommand(db, created.handoff.id, { type: 'add_note', id: 'n-1', body: 'Client prefers the blue variant. <b>not bold</b>' }, ACTOR, later));
  must(await runCommand(db, created.handoff.id, { type: 'set_receiver', receiver: 'dev-lead' }, ACTOR, later));
  must(await createHandoff(db, { id: 'h-real-2', title: 'Onboarding Globex', client: { name: 'Globex', hubspotCompanyId: '77', hubspotDealId: '901' }, templateId: 'client-onboarding' }, ACTOR, later));
  const template = await db.templates.get(['design-to-dev', 1]);
  if (!template) throw new Error('fixture: seed template missing');
  const { latest: _latest, ...base } = template;
  must(await saveTemplate(db, { ...base, description: 'Edited: approved designs go to development.' }, later));
  await db.syncState.put({ handoffId: 'h-real-2', dealId: '901', base: { dealname: 'Onboarding Globex', dealstage: 'IN_PROGRESS', note: null }, syncedVersion: 1, syncedAt: later.toISOString() });
  await db.syncMeta.put({ key: SYNC_META.cursor, value: { lastModifiedMs: later.getTime() } });
  await db.syncMeta.put({ key: SYNC_META.portalId, value: '12345' });
  return db;
}

export type TableSnapshot = Record<BackupTableName | 'undo', unknown[]>;

/** Every row of every table, in primary-key order, to compare whole workspaces. */
export async function snapshotTables(db: BatonDb): Promise<TableSnapshot> {
  const snapshot: Partial<TableSnapshot> = {};
  for (const table of [...BACKUP_TABLES, 'undo'] as const) snapshot[table] = await db.table(table).toArray();
  return snapshot as TableSnapshot;
}
