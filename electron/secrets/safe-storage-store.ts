import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { IPC_ERROR_CODES, IpcError } from '../../shared/ipc/errors';
import type { SecretStore } from '../host/deps';

const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new IpcError(IPC_ERROR_CODES.INTERNAL, `"${key.slice(0, 80)}" is not a valid secret name (lower-case letters, digits, . _ -).`);
  }
}

function unavailable(): IpcError {
  return new IpcError(
    IPC_ERROR_CODES.SECRET_STORE_UNAVAILABLE,
    'This computer offers no encrypted storage for secrets (on Linux, install and unlock a keyring such as GNOME Keyring or KWallet), so Baton will not save your HubSpot token.',
  );
}

/**
 * Secrets encrypted by the OS (Keychain, DPAPI, libsecret) through Electron's
 * safeStorage, one file per key in `<userData>/secrets/`. Plain text never
 * touches disk: with no encryption available, storing is refused.
 */
export function createSafeStorageSecretStore(directory: string): SecretStore {
  const fileOf = (key: string): string => join(directory, `${key}.bin`);
  return {
    async get(key) {
      checkKey(key);
      let cipher: Buffer;
      try {
        cipher = await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      if (!safeStorage.isEncryptionAvailable()) throw unavailable();
      try {
        return safeStorage.decryptString(cipher);
      } catch {
        // Encrypted by another user/machine, or damaged: keep the file, say so.
        throw new IpcError(
          IPC_ERROR_CODES.SECRET_UNREADABLE,
          `The saved secret "${key}" cannot be decrypted on this computer (it may come from another user account). Connect again to replace it.`,
        );
      }
    },
    async set(key, value) {
      checkKey(key);
      if (!safeStorage.isEncryptionAvailable()) throw unavailable();
      const cipher = safeStorage.encryptString(value);
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const temp = `${fileOf(key)}.tmp`;
      await writeFile(temp, cipher, { mode: 0o600 });
      await rename(temp, fileOf(key));
    },
    async delete(key) {
      checkKey(key);
      await rm(fileOf(key), { force: true });
    },
  };
}
