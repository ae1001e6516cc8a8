import type { Transaction } from 'dexie';
import type { BatonDb } from '../../../renderer/src/data/db';

/** Helpers of the crash-consistency suite: a seeded PRNG, whole-database snapshots, crash injection. */

/** mulberry32: small, seedable, good enough to pick commands. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Snapshot = Record<string, unknown[]>;

export async function snapshot(db: BatonDb): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const table of db.allTables) out[table.name] = await table.toArray();
  return out;
}

export type CrashKind = 'abort' | 'throw';

/**
 * Arms a crash at the `at`-th write (create or update, any table) made on this
 * connection; the suites replace the connection after every armed step (a restart).
 */
export function armCrash(db: BatonDb, at: number, kind: CrashKind): { fired: () => boolean } {
  let writes = 0;
  let fired = false;
  const onWrite = (transaction: Transaction): void => {
    writes += 1;
    if (writes !== at || fired) return;
    fired = true;
    if (kind === 'abort') transaction.abort();
    else throw new Error('simulated crash inside the transaction');
  };
  for (const table of db.allTables) {
    table.hook('creating', (_key, _obj, transaction) => onWrite(transaction));
    table.hook('updating', (_changes, _key, _obj, transaction) => {
      onWrite(transaction);
      return undefined;
    });
  }
  return { fired: () => fired };
}

