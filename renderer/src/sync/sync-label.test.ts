import { syncLabel } from './sync-label';
import type { SyncStatus } from './use-sync-status';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const BASE: SyncStatus = { connected: true, online: true, running: false, phase: null, progress: null, lastSyncAt: null, pending: 0, failed: 0, lastError: null, setupNeeded: false };

describe('syncLabel', () => {
  it('says plainly when HubSpot is not connected', () => {
    expect(syncLabel({ ...BASE, connected: false }, NOW)).toMatchObject({ text: 'Not connected', tone: 'off' });
    expect(syncLabel({ ...BASE, connected: false, pending: 3 }, NOW)).toMatchObject({ text: 'Not connected · 3 changes waiting to sync', tone: 'off' });
    expect(syncLabel({ ...BASE, connected: false, pending: 1 }, NOW).text).toBe('Not connected · 1 change waiting to sync');
  });

  it('shows offline as a waiting state with the queue size, never as an error', () => {
    expect(syncLabel({ ...BASE, online: false, pending: 12 }, NOW)).toMatchObject({ text: 'Offline — 12 waiting', tone: 'waiting' });
    expect(syncLabel({ ...BASE, online: false, pending: 12, lastError: { code: 'X', message: 'x', phase: 'pulling' } }, NOW).tone).toBe('waiting');
  });

  it('while no HubSpot setup was chosen, says what to do as a waiting state, with the queue in the detail', () => {
    const label = syncLabel({ ...BASE, setupNeeded: true, pending: 2 }, NOW);
    expect(label).toEqual({ text: 'Choose how Baton files handoffs in HubSpot (Settings → HubSpot) to start syncing', tone: 'waiting', detail: expect.stringContaining('2 changes waiting to be sent to HubSpot.') });
    // Offline and a run in progress still say so first.
    expect(syncLabel({ ...BASE, setupNeeded: true, online: false }, NOW).text).toBe('Offline');
    expect(syncLabel({ ...BASE, setupNeeded: true, running: true }, NOW).text).toBe('Syncing…');
  });

  it('says "1,000+" where the outbox count stopped counting', () => {
    expect(syncLabel({ ...BASE, online: false, pending: 1000 }, NOW).text).toBe('Offline — 1,000+ waiting');
    expect(syncLabel({ ...BASE, connected: false, pending: 1000 }, NOW).text).toBe('Not connected · 1,000+ changes waiting to sync');
    expect(syncLabel({ ...BASE, online: false, pending: 999 }, NOW).text).toBe('Offline — 999 waiting');
  });

  it('shows progress while syncing', () => {
    expect(syncLabel({ ...BASE, running: true, progress: 0.4 }, NOW).text).toBe('Syncing… 40%');
    expect(syncLabel({ ...BASE, running: true }, NOW).text).toBe('Syncing…');
  });

  it('says how long ago the last sync finished', () => {
    expect(syncLabel({ ...BASE, lastSyncAt: '2026-11-24T09:58:00.000Z' }, NOW)).toMatchObject({ text: 'Synced 2 min ago', tone: 'ok' });
    expect(syncLabel({ ...BASE, lastSyncAt: '2026-11-24T10:00:20.000Z' }, NOW).text).toBe('Synced just now');
    expect(syncLabel({ ...BASE, lastSyncAt: '2026-11-24T09:58:00.000Z', pending: 2 }, NOW).text).toBe('Synced 2 min ago · 2 waiting');
  });

  it('surfaces a sync problem with its message', () => {
    expect(syncLabel({ ...BASE, lastError: { code: 'HUBSPOT_AUTH', message: 'Token revoked', phase: 'pulling' } }, NOW)).toMatchObject({ text: 'Sync problem', detail: 'Token revoked' });
  });
});
