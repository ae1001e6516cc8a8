import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { openBatonDb } from './db';
import { DataErrorAbort } from './data-errors';
import { loadSettings, saveSettings, SETTINGS_KEY } from './settings';
import { freshDbName } from '../../../test/support/db-fixtures';

describe('settings', () => {
  it('starts from the defaults', async () => {
    const db = openBatonDb(freshDbName());
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a validated patch over the current settings', async () => {
    const db = openBatonDb(freshDbName());
    const saved = await saveSettings(db, { currentUser: 'maya', owners: [{ id: 'maya', name: 'Maya Chen' }] });
    expect(saved).toMatchObject({ currentUser: 'maya', theme: 'system' });
    expect(await loadSettings(db)).toEqual(saved);
    const themed = await saveSettings(db, { theme: 'dark' });
    expect(themed).toMatchObject({ currentUser: 'maya', theme: 'dark' });
  });

  it('rejects invalid settings with a typed error and keeps what was saved', async () => {
    const db = openBatonDb(freshDbName());
    await saveSettings(db, { theme: 'dark' });
    const failure = saveSettings(db, { workingHours: { timeZone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00' } });
    await expect(failure).rejects.toBeInstanceOf(DataErrorAbort);
    await failure.catch((err: unknown) => {
      expect(err instanceof DataErrorAbort && err.error.code).toBe('VALIDATION_FAILED');
      expect(err instanceof DataErrorAbort && err.error.message).toContain('Unknown time zone');
    });
    expect((await loadSettings(db)).theme).toBe('dark');
  });

  it('keeps valid stored fields and defaults only the broken ones', async () => {
    const db = openBatonDb(freshDbName());
    await db.settings.put({ key: SETTINGS_KEY, value: { currentUser: 'maya', theme: 'neon', slaHours: { IN_PROGRESS: 10, READY_FOR_HANDOFF: 4, IN_HANDOFF: 8 } } });
    expect(await loadSettings(db)).toEqual({ ...DEFAULT_SETTINGS, currentUser: 'maya', slaHours: { IN_PROGRESS: 10, READY_FOR_HANDOFF: 4, IN_HANDOFF: 8 } });
  });

  it('fills fields missing from an older stored row with defaults', async () => {
    const db = openBatonDb(freshDbName());
    await db.settings.put({ key: SETTINGS_KEY, value: { currentUser: 'maya' } });
    expect(await loadSettings(db)).toEqual({ ...DEFAULT_SETTINGS, currentUser: 'maya' });
  });
});
