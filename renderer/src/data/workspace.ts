import { WorkspaceSettingsSchema } from '../../../shared/domain/settings';
import { HandoffSchema } from '../../../shared/domain/handoff';
import { HandoffEventSchema } from '../../../shared/domain/history';
import type { Template } from '../../../shared/domain/template';
import { withoutLatestFlag, type BatonDb } from './db';
import { DEMO_ID_PREFIX } from '../demo/demo-id';
import { buildDemoHandoffs, DEMO_OWNERS } from '../demo/demo-handoffs';
import { loadSettings, SETTINGS_KEY } from './settings';
import { seedTemplates } from './templates';
import { orTypedError, validOrAbort } from './write-support';

/** syncMeta key set once the first-run setup has happened (so removing the demo is final). */
export const WORKSPACE_INITIALIZED_KEY = 'workspaceInitialized';
/** settings key of the "demo workspace is present" flag the UI banner reads. */
export const DEMO_FLAG_KEY = 'demoWorkspace';

function seedTables(db: BatonDb) {
  return [db.handoffs, db.templates, db.events, db.settings, db.syncMeta, db.undo, db.outbox, db.syncState];
}

async function latestTemplates(db: BatonDb): Promise<Map<string, Template>> {
  const latest = await db.templates.where('latest').equals(1).toArray();
  return new Map(latest.map((template) => [template.id, withoutLatestFlag(template)]));
}

async function writeDemo(db: BatonDb, now: Date): Promise<void> {
  if (await hasDemoHandoffs(db)) return;
  const settings = await loadSettings(db);
  const { handoffs, events } = buildDemoHandoffs(await latestTemplates(db), settings.currentUser, now);
  // Validated like every other write; demo data gets no outbox entries (it never goes to HubSpot).
  await db.handoffs.bulkAdd(handoffs.map((handoff) => validOrAbort(HandoffSchema, handoff, 'demo handoff')));
  await db.events.bulkAdd(events.map((event) => validOrAbort(HandoffEventSchema, event, 'demo history event')));
  const known = new Set(settings.owners.map((owner) => owner.id));
  const owners = [...settings.owners, ...DEMO_OWNERS.filter((owner) => !known.has(owner.id))];
  await db.settings.put({ key: SETTINGS_KEY, value: validOrAbort(WorkspaceSettingsSchema, { ...settings, owners }, 'settings') });
  await db.settings.put({ key: DEMO_FLAG_KEY, value: true });
}

/**
 * All workspace functions run in one transaction each and reject with a
 * `DataErrorAbort` carrying a typed error (e.g. QUOTA_EXCEEDED) on failure.
 */

/** Adds the demo handoffs (and the seed templates they use). No-op if present. */
export function seedDemoWorkspace(db: BatonDb, now: Date = new Date()): Promise<void> {
  return orTypedError(() =>
    db.transaction('rw', seedTables(db), async () => {
      await seedTemplates(db);
      await writeDemo(db, now);
    }),
  );
}

async function initialize(db: BatonDb, now: Date): Promise<{ firstRun: boolean }> {
  await seedTemplates(db);
  const initialized = await db.syncMeta.get(WORKSPACE_INITIALIZED_KEY);
  if (initialized) return { firstRun: false };
  await writeDemo(db, now);
  await db.syncMeta.put({ key: WORKSPACE_INITIALIZED_KEY, value: now.toISOString() });
  return { firstRun: true };
}

/**
 * Makes sure the workspace has its seed templates; on the very first run also
 * adds the demo workspace. Returns whether this was the first run.
 */
export function ensureWorkspace(db: BatonDb, now: Date = new Date()): Promise<{ firstRun: boolean }> {
  return orTypedError(() => db.transaction('rw', seedTables(db), () => initialize(db, now)));
}

function demoHandoffKeys(db: BatonDb) {
  return db.handoffs.where('id').startsWith(DEMO_ID_PREFIX);
}

async function hasDemoHandoffs(db: BatonDb): Promise<boolean> {
  return (await demoHandoffKeys(db).count()) > 0;
}

async function removeDemo(db: BatonDb): Promise<void> {
  const ids = (await demoHandoffKeys(db).primaryKeys()).map(String);
  await db.events.where('handoffId').anyOf(ids).delete();
  await db.outbox.where('handoffId').anyOf(ids).delete();
  await db.undo.filter((slot) => ids.includes(slot.handoffId)).delete();
  await db.syncState.bulkDelete(ids);
  await db.handoffs.bulkDelete(ids);
  const settings = await loadSettings(db);
  // A demo person someone's real handoff still names (sender, receiver) stays, so it keeps a name and a receiver.
  const stillNamed = new Set<string>();
  await db.handoffs.each((handoff) => {
    if (handoff.sender !== null) stillNamed.add(handoff.sender);
    if (handoff.receiver !== null) stillNamed.add(handoff.receiver);
  });
  const demoOwnerIds = new Set(DEMO_OWNERS.map((owner) => owner.id).filter((id) => !stillNamed.has(id)));
  const owners = settings.owners.filter((owner) => !demoOwnerIds.has(owner.id));
  if (owners.length !== settings.owners.length) {
    await db.settings.put({ key: SETTINGS_KEY, value: validOrAbort(WorkspaceSettingsSchema, { ...settings, owners }, 'settings') });
  }
  await db.settings.delete(DEMO_FLAG_KEY);
}

/**
 * Removes every demo handoff with its history, undo slots, sync rows and the
 * demo people no real handoff names. Real handoffs and templates are not touched.
 */
export function removeDemoWorkspace(db: BatonDb): Promise<void> {
  return orTypedError(() => db.transaction('rw', seedTables(db), () => removeDemo(db)));
}

export function isDemoPresent(db: BatonDb): Promise<boolean> {
  return hasDemoHandoffs(db);
}
