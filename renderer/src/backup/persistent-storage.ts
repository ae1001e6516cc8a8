import type { BackupsDb } from './backups-db';

/** The part of `navigator.storage` Baton uses (absent in some browsers and in tests). */
export interface PersistableStorage {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

export type PersistState = 'persisted' | 'best-effort' | 'unsupported';

export interface PersistStatus {
  state: PersistState;
  /** When Baton asked the browser for persistent storage (it asks once), or null if it could not ask. */
  askedAt: string | null;
}

const ASKED_KEY = 'persistAskedAt';

function browserStorage(): PersistableStorage | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/**
 * Asks for persistent storage once (so the browser never evicts the
 * workspace under storage pressure) and afterwards only reports the state.
 */
export async function ensurePersistentStorage(backups: BackupsDb, storage: PersistableStorage | undefined = browserStorage(), now: Date = new Date()): Promise<PersistStatus> {
  if (!storage?.persist || !storage.persisted) return { state: 'unsupported', askedAt: null };
  const asked = await backups.meta.get(ASKED_KEY);
  let askedAt = typeof asked?.value === 'string' ? asked.value : null;
  let persisted: boolean;
  if (askedAt === null) {
    persisted = await storage.persist();
    askedAt = now.toISOString();
    await backups.meta.put({ key: ASKED_KEY, value: askedAt });
  } else {
    persisted = await storage.persisted();
  }
  return { state: persisted ? 'persisted' : 'best-effort', askedAt };
}

export function describePersistState(status: PersistStatus): string {
  switch (status.state) {
    case 'persisted':
      return 'Persistent: the system will not clear Baton’s data to free space.';
    case 'best-effort':
      return 'Best effort: under heavy disk pressure the system may clear Baton’s local data. Keep file backups.';
    case 'unsupported':
      return 'This environment cannot make Baton’s storage persistent. Keep file backups.';
  }
}
