import { DEFAULT_SETTINGS, WorkspaceSettingsSchema, type WorkspaceSettings } from '../../../shared/domain/settings';
import type { BatonDb } from './db';
import { DataErrorAbort, validationError } from './data-errors';
import { orTypedError } from './write-support';
import { roleChanges } from '../../../shared/sync/team-fold';
import { addTeamActs, loadTeamActs } from './team-acts';

/** Workspace settings live in one row so a save is one validated write. */
export const SETTINGS_KEY = 'workspace';

/**
 * The stored settings over the defaults, field by field: a stored field that
 * no longer passes the schema (hand-edited, older shape) falls back to its
 * default while every valid field is kept. The stored row itself is not
 * rewritten until the next save.
 */
export function settingsFrom(stored: unknown): WorkspaceSettings {
  const storedObject: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...stored } : {};
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, fieldSchema] of Object.entries(WorkspaceSettingsSchema.shape)) {
    if (!(key in storedObject)) continue;
    const parsed = fieldSchema.safeParse(storedObject[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  const whole = WorkspaceSettingsSchema.safeParse(merged);
  return whole.success ? whole.data : DEFAULT_SETTINGS;
}

export async function loadSettings(db: BatonDb): Promise<WorkspaceSettings> {
  const row = await db.settings.get(SETTINGS_KEY);
  return settingsFrom(row?.value);
}

/**
 * Applies `patch` over the current settings and saves the whole, validated.
 * Invalid input rejects with a `DataErrorAbort` whose `error` is a typed
 * VALIDATION_FAILED (one line per issue) and leaves the saved settings as they were.
 */
export async function saveSettings(db: BatonDb, patch: Partial<WorkspaceSettings>, now: Date = new Date()): Promise<WorkspaceSettings> {
  return orTypedError(() =>
    db.transaction('rw', db.settings, async () => {
      const current = await loadSettings(db);
      const parsed = WorkspaceSettingsSchema.safeParse({ ...current, ...patch });
      if (!parsed.success) throw new DataErrorAbort(validationError('settings', parsed.error));
      await db.settings.put({ key: SETTINGS_KEY, value: parsed.data });
      // Roles are the team's: each change is an act (who set whose role, when) that sync shares with every desktop.
      await addTeamActs(db, roleChanges(current.owners, parsed.data.owners, await loadTeamActs(db), parsed.data.currentUser, now.toISOString()));
      return parsed.data;
    }),
  );
}

/** The people directory a command's authority is judged against (read inside the command's transaction). */
export async function loadPeople(db: BatonDb): Promise<WorkspaceSettings['owners']> {
  return (await loadSettings(db)).owners;
}
