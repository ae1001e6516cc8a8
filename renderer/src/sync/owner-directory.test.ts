import { loadSettings, saveSettings } from '../data/settings';
import { dbWithTemplates } from '../../../test/support/db-fixtures';
import { mergeHubSpotOwners, ownerFromHubSpot } from './owner-directory';

const owner = (id: string, extra: Partial<Parameters<typeof ownerFromHubSpot>[0]> = {}) => ({ id, email: `${id}@example.com`, firstName: 'Ada', lastName: 'Lovelace', userId: 1, archived: false, ...extra });

describe('owner directory from HubSpot', () => {
  it('names an owner by name, else email, else id, and drops an email the schema refuses', () => {
    expect(ownerFromHubSpot(owner('1'))).toEqual({ id: '1', name: 'Ada Lovelace', email: '1@example.com' });
    expect(ownerFromHubSpot(owner('2', { firstName: null, lastName: ' ' }))).toEqual({ id: '2', name: '2@example.com', email: '2@example.com' });
    expect(ownerFromHubSpot(owner('3', { firstName: null, lastName: null, email: null }))).toEqual({ id: '3', name: 'HubSpot owner 3' });
    expect(ownerFromHubSpot(owner('4', { email: 'not an email' }))).toEqual({ id: '4', name: 'Ada Lovelace' });
  });

  it('adds active owners, renames known ones, keeps local people and roles, and is a no-op the second time', async () => {
    const db = await dbWithTemplates();
    await saveSettings(db, { owners: [{ id: 'local-user', name: 'Me' }, { id: '7', name: 'Old name', role: 'Dev lead' }] });
    const owners = [owner('7', { firstName: 'Grace', lastName: 'Hopper' }), owner('8'), owner('9', { archived: true })];
    expect(await mergeHubSpotOwners(db, owners)).toBe(2);
    expect((await loadSettings(db)).owners).toEqual([
      { id: 'local-user', name: 'Me' },
      { id: '7', name: 'Grace Hopper', role: 'Dev lead', email: '7@example.com' },
      { id: '8', name: 'Ada Lovelace', email: '8@example.com' },
    ]);
    expect(await mergeHubSpotOwners(db, owners)).toBe(0);
  });
});
