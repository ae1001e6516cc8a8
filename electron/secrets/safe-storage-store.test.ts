import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IpcError } from '../../shared/ipc/errors';
import { getElectronFake, type ElectronFake } from '../../test/setup/electron-fake';
import { createSafeStorageSecretStore } from './safe-storage-store';

const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

describe('safeStorage secret store', () => {
  let electron: ElectronFake;
  let dir: string;
  beforeEach(async () => {
    electron = await getElectronFake();
    electron.reset();
    dir = join(mkdtempSync(join(tmpdir(), 'baton-secrets-')), 'secrets');
  });

  it('stores, reads back and deletes a secret', async () => {
    const store = createSafeStorageSecretStore(dir);
    expect(await store.get('hubspot.token')).toBeNull();
    await store.set('hubspot.token', TOKEN);
    expect(await store.get('hubspot.token')).toBe(TOKEN);
    await store.delete('hubspot.token');
    expect(await store.get('hubspot.token')).toBeNull();
    await store.delete('hubspot.token');
  });

  it('never writes the secret in plain text', async () => {
    await createSafeStorageSecretStore(dir).set('hubspot.token', TOKEN);
    const files = readdirSync(dir);
    expect(files).toEqual(['hubspot.token.bin']);
    const bytes = readFileSync(join(dir, 'hubspot.token.bin'));
    expect(bytes.includes(Buffer.from(TOKEN))).toBe(false);
    expect(bytes.includes(Buffer.from('pat-na1'))).toBe(false);
    expect(electron.safeStorage.encryptString).toHaveBeenCalledWith(TOKEN);
  });

  it('refuses to store when the OS offers no encryption, writing nothing', async () => {
    electron.safeStorage.available = false;
    const store = createSafeStorageSecretStore(dir);
    const error = await store.set('hubspot.token', TOKEN).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'SECRET_STORE_UNAVAILABLE' });
    expect((error as IpcError).message).toMatch(/keyring/);
    expect(() => readdirSync(dir)).toThrow();
  });

  it('keeps an existing secret when encryption becomes unavailable and reports it', async () => {
    const store = createSafeStorageSecretStore(dir);
    await store.set('hubspot.token', TOKEN);
    electron.safeStorage.available = false;
    await expect(store.get('hubspot.token')).rejects.toMatchObject({ code: 'SECRET_STORE_UNAVAILABLE' });
    electron.safeStorage.available = true;
    expect(await store.get('hubspot.token')).toBe(TOKEN);
  });

  it('rejects key names that could escape the folder', async () => {
    const store = createSafeStorageSecretStore(dir);
    await expect(store.set('../evil', 'x')).rejects.toBeInstanceOf(IpcError);
    await expect(store.get('a/b')).rejects.toBeInstanceOf(IpcError);
  });

  it('reports a tampered file instead of returning garbage', async () => {
    const store = createSafeStorageSecretStore(dir);
    await store.set('hubspot.token', TOKEN);
    writeFileSync(join(dir, 'hubspot.token.bin'), 'plain text someone wrote');
    await expect(store.get('hubspot.token')).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });
    expect(readFileSync(join(dir, 'hubspot.token.bin'), 'utf8')).toBe('plain text someone wrote');
  });
});
