import { BACKUP_FORMAT_VERSION, MAX_BACKUP_CHARS } from './format';
import { readBackup } from './read-backup';

const CURRENT = 2;

function file(tables: Record<string, unknown[]>, header: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'baton-backup', formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: CURRENT, exportedAt: '2026-11-24T10:00:00Z', appVersion: '0.1.0', tables, ...header });
}

describe('readBackup', () => {
  it('reads an empty workspace (missing tables count as empty)', () => {
    const read = readBackup(file({}), CURRENT);
    expect(read.ok && read.value.tables).toEqual({ handoffs: [], templates: [], events: [], outbox: [], settings: [], syncState: [], syncMeta: [] });
  });

  it('refuses oversized files before parsing them', () => {
    const huge = { length: MAX_BACKUP_CHARS + 1 } as unknown as string;
    const read = readBackup(huge, CURRENT);
    expect(!read.ok && read.error.code).toBe('TOO_LARGE');
  });

  it('does not let __proto__ keys in a file reach any prototype', () => {
    const text = file({ settings: [JSON.parse('{"key":"flag","value":{"__proto__":{"polluted":true}},"__proto__":{"polluted":true}}')] });
    const read = readBackup(text, CURRENT);
    expect(read.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('names the header field that is wrong', () => {
    const read = readBackup(file({}, { exportedAt: 'yesterday' }), CURRENT);
    expect(!read.ok && read.error).toMatchObject({ code: 'NOT_A_BACKUP', message: expect.stringContaining('exportedAt') });
  });

  it('never echoes a huge key or value back in full', () => {
    const row = { id: 'h-1', hubspotProperties: { ['k'.repeat(1_000_000)]: 5 } };
    const read = readBackup(file({ handoffs: [row] }), CURRENT);
    if (read.ok) throw new Error('expected a refusal');
    expect(JSON.stringify(read.error).length).toBeLessThan(20_000);
  });

  it('caps the listed problems at 50 and says how many more there are', () => {
    const rows = Array.from({ length: 80 }, (_, i) => ({ key: '', value: i }));
    const read = readBackup(file({ syncMeta: rows }), CURRENT);
    if (read.ok) throw new Error('expected a refusal');
    expect(read.error.issues).toHaveLength(50);
    expect(read.error.message).toMatch(/80 problems \(30 more not listed\); the first: syncMeta row 1 \(key ""\): key: A key cannot be empty/);
  });
});
