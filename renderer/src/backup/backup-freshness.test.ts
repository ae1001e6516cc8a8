import { dailyBackupIsCurrent, planScheduledRun, type BackupFreshness } from './backup-freshness';
import type { WorkspaceFingerprint } from './workspace-fingerprint';

const FINGERPRINT: WorkspaceFingerprint = { schemaVersion: 9, lastChange: 41, newestHandoffUpdate: '2026-11-24T09:00:00.000Z', newestEventAt: '2026-11-24T09:00:00.000Z', newestOutboxSeq: 4 };
const FRESH: BackupFreshness = { lastDaily: { snapshotId: 'daily-2026-11-24', fingerprint: FINGERPRINT }, changedAt: null };

describe('does today’s backup still hold the workspace?', () => {
  it('a scheduled run exports right away after a write seen this session; otherwise the first run compares and later ones skip', () => {
    expect(planScheduledRun('first', true)).toBe('export');
    expect(planScheduledRun('later', true)).toBe('export');
    expect(planScheduledRun('first', false)).toBe('compare-then-export');
    expect(planScheduledRun('later', false)).toBe('skip');
  });

  it('the comparison holds only for the backup the last run saved, with no change noted and the same fingerprint', () => {
    expect(dailyBackupIsCurrent(FRESH, 'daily-2026-11-24', true, FINGERPRINT)).toBe(true);
    expect(dailyBackupIsCurrent(FRESH, 'daily-2026-11-24', false, FINGERPRINT)).toBe(false);
    expect(dailyBackupIsCurrent(FRESH, 'daily-2026-11-25', true, FINGERPRINT)).toBe(false);
    expect(dailyBackupIsCurrent({ ...FRESH, changedAt: 1 }, 'daily-2026-11-24', true, FINGERPRINT)).toBe(false);
    expect(dailyBackupIsCurrent({ ...FRESH, lastDaily: null }, 'daily-2026-11-24', true, FINGERPRINT)).toBe(false);
    for (const changed of [
      { ...FINGERPRINT, schemaVersion: 10 },
      { ...FINGERPRINT, lastChange: 42 },
      { ...FINGERPRINT, lastChange: null },
      { ...FINGERPRINT, newestHandoffUpdate: '2026-11-24T10:00:00.000Z' },
      { ...FINGERPRINT, newestEventAt: null },
      { ...FINGERPRINT, newestOutboxSeq: 5 },
    ]) {
      expect(dailyBackupIsCurrent(FRESH, 'daily-2026-11-24', true, changed)).toBe(false);
    }
  });
});
