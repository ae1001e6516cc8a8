import { openBatonDb } from '../data/db';
import { freshDbName } from '../../../test/support/db-fixtures';
import type { NotificationCandidate } from './detect-notifications';
import { NOTIFICATION_LOG_KEY } from './notification-schema';
import { loadNotificationLog, markNotificationsRead, recordNotifications, setNotificationMuted } from './notification-store';

const NOW = new Date('2026-11-24T10:00:00.000Z');

function candidate(key: string, kind: NotificationCandidate['kind'] = 'queue', handoffId = 'h-1'): NotificationCandidate {
  return { key, kind, handoffId, title: `Title ${key}`, body: 'Body' };
}

describe('notification store', () => {
  it('records a silent baseline first, then announces each new key once', async () => {
    const db = openBatonDb(freshDbName('notif'));
    expect(await recordNotifications(db, [candidate('a')], NOW)).toEqual([]);
    expect(await recordNotifications(db, [candidate('a'), candidate('b')], NOW)).toEqual([expect.objectContaining({ id: 'b', read: false, at: NOW.toISOString() })]);
    expect(await recordNotifications(db, [candidate('a'), candidate('b')], NOW)).toEqual([]);
    expect((await loadNotificationLog(db)).items.map((item) => item.id)).toEqual(['b']);
  });

  it('remembers muted kinds without listing them, so unmuting replays nothing', async () => {
    const db = openBatonDb(freshDbName('notif'));
    await recordNotifications(db, [], NOW);
    await setNotificationMuted(db, 'sla', true);
    expect(await recordNotifications(db, [candidate('s1', 'sla'), candidate('q1')], NOW)).toEqual([expect.objectContaining({ id: 'q1' })]);
    await setNotificationMuted(db, 'sla', false);
    expect(await recordNotifications(db, [candidate('s1', 'sla'), candidate('q1')], NOW)).toEqual([]);
    expect(await recordNotifications(db, [candidate('s2', 'sla')], NOW)).toEqual([expect.objectContaining({ id: 's2', kind: 'sla' })]);
  });

  it('marks read by id, by handoff, or all', async () => {
    const db = openBatonDb(freshDbName('notif'));
    await recordNotifications(db, [], NOW);
    await recordNotifications(db, [candidate('a', 'queue', 'h-1'), candidate('b', 'bounced', 'h-2'), candidate('c', 'sla', 'h-3')], NOW);
    await markNotificationsRead(db, { ids: ['a'] });
    await markNotificationsRead(db, { handoffId: 'h-2' });
    expect((await loadNotificationLog(db)).items.map((item) => [item.id, item.read])).toEqual([
      ['c', false],
      ['b', true],
      ['a', true],
    ]);
    await markNotificationsRead(db, 'all');
    expect((await loadNotificationLog(db)).items.every((item) => item.read)).toBe(true);
  });

  it('starts a fresh baseline when the stored log is unreadable, instead of failing or flooding', async () => {
    const db = openBatonDb(freshDbName('notif'));
    await db.syncMeta.put({ key: NOTIFICATION_LOG_KEY, value: { seen: 'not a list' } });
    expect(await recordNotifications(db, [candidate('a')], NOW)).toEqual([]);
    expect(await loadNotificationLog(db)).toEqual({ baselined: true, seen: ['a'], items: [] });
  });
});
