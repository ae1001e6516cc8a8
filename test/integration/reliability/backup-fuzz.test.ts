// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { BACKUP_TABLES, ROW_SCHEMAS } from '../../../shared/backup/format';
import { checkConsistency } from '../../../shared/backup/consistency';
import type { BackupErrorCode } from '../../../shared/backup/errors';
import { exportWorkspace } from '../../../renderer/src/backup/export-workspace';
import { restoreWorkspace } from '../../../renderer/src/backup/restore-workspace';
import { must, seededWorkspace, snapshotTables } from '../../support/backup-workspace';
import type { BackupTables } from '../../../shared/backup/format';
import type { BatonDb } from '../../../renderer/src/data/db';

/**
 * Hand-edited and damaged backup files, generated: a valid backup is
 * mutated at a random place (a value replaced by anything JSON can hold,
 * a key deleted, a row duplicated, the text cut or a character flipped),
 * then restored over a live workspace. Every file is either restored whole
 * (and then every row passes its schema) or refused with a typed error and
 * the workspace untouched. Restore never throws.
 */

const RUNS = Number(process.env['BATON_FUZZ_RUNS'] ?? 120);
const CODES: BackupErrorCode[] = ['NOT_JSON', 'NOT_A_BACKUP', 'NEWER_FORMAT', 'NEWER_SCHEMA', 'INVALID_ROWS', 'INCONSISTENT', 'TOO_LARGE'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path in the document, so a mutation can land anywhere (header, table, row, nested field). */
function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...prefix, index], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

function parentOf(document: Json, path: Path): { parent: Json[] | { [key: string]: Json }; key: string | number } | null {
  let node: Json = document;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string | number, Json>)[segment] ?? null;
  }
  const key = path.at(-1);
  if (key === undefined || node === null || typeof node !== 'object') return null;
  return { parent: node, key };
}

type Mutation =
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'cut'; at: number }
  | { kind: 'flip'; at: number; char: string };

function mutationArb(): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const hostile: fc.Arbitrary<Json> = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
    fc.constantFrom<Json>('', ' ', '2026-13-45T25:61:00Z', '9999-12-31T23:59:59Z', -1, 1e308, 0.5, 'IN_PROGRESS', 'HANDOFF_DONE', 'javascript:alert(1)', '__proto__', JSON.parse('{"__proto__":{"polluted":true}}') as Json),
    fc.integer({ min: 301, max: 200_000 }).map((n) => 'x'.repeat(n)),
  );
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: hostile }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('flip' as const), at, char: fc.constantFrom('"', '{', ']', ',', '\\', 'x', '\u0000') }) },
  );
}

function mutate(text: string, mutation: Mutation): string {
  if (mutation.kind === 'cut') return text.slice(0, mutation.at % text.length);
  if (mutation.kind === 'flip') {
    const index = mutation.at % text.length;
    return text.slice(0, index) + mutation.char + text.slice(index + 1);
  }
  const document = JSON.parse(text) as Json;
  const all = paths(document).filter((path) => path.length > 0);
  const path = all[mutation.at % all.length] ?? [];
  const target = parentOf(document, path);
  if (!target) return text;
  const { parent, key } = target;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (mutation.kind === 'replace') parent[key] = mutation.value;
    else if (mutation.kind === 'delete') parent.splice(key, 1);
    else parent.splice(key, 0, structuredClone(parent[key] ?? null));
  } else if (!Array.isArray(parent) && typeof key === 'string') {
    if (mutation.kind === 'replace') parent[key] = mutation.value;
    else if (mutation.kind === 'delete') Reflect.deleteProperty(parent, key);
    else parent[`${key}_copy`] = structuredClone(parent[key] ?? null);
  }
  return JSON.stringify(document);
}

/** A restored workspace must hold only rows that pass their schemas and agree with each other. */
async function expectValidWorkspace(db: BatonDb): Promise<void> {
  const tables = {} as Record<string, unknown[]>;
  for (const table of BACKUP_TABLES) {
    const rows = await db.table(table).toArray();
    for (const row of rows) expect(ROW_SCHEMAS[table].safeParse(row).success, `${table} row after restore`).toBe(true);
    tables[table] = rows;
  }
  expect(checkConsistency(tables as BackupTables)).toEqual([]);
}

describe('restoring damaged backup files', () => {
  it(`${RUNS} mutated files: restored whole and valid, or refused with a typed error and nothing changed`, async () => {
    const db = await seededWorkspace('fuzz');
    const good = must(await exportWorkspace(db, { appVersion: 'fuzz' })).value.text;
    const tally = new Map<string, number>();
    let fuzzed = 0;
    await fc.assert(
      fc.asyncProperty(mutationArb(), async (mutation) => {
        fuzzed += 1;
        const before = await snapshotTables(db);
        const outcome = await restoreWorkspace(db, mutate(good, mutation));
        if (outcome.ok) {
          tally.set('restored', (tally.get('restored') ?? 0) + 1);
          await expectValidWorkspace(db);
          // Put the known-good workspace back for the next case.
          must(await restoreWorkspace(db, good));
          return;
        }
        tally.set(outcome.error.code, (tally.get(outcome.error.code) ?? 0) + 1);
        expect(CODES).toContain(outcome.error.code);
        expect(outcome.error.message.length).toBeLessThan(2_000);
        expect(await snapshotTables(db)).toEqual(before);
      }),
      { numRuns: RUNS, seed: 424242 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    console.info(`[reliability] backup-fuzz: ${fuzzed} damaged backup files restored over a live workspace: ${[...tally].map(([k, n]) => `${k} ${n}`).join(', ')}; 0 partial restores, 0 items lost`);
  });
});
