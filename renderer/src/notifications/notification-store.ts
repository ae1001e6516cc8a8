import { useLiveQuery } from 'dexie-react-hooks';
import type { BatonDb } from '../data/db';
import { useDb } from '../data/db-context';
import type { NotificationCandidate } from './detect-notifications';
import {
  EMPTY_LOG,
  MAX_NOTIFICATION_ITEMS,
  MAX_SEEN_KEYS,
  MuteSettingsSchema,
  NO_MUTES,
  NOTIFICATION_LOG_KEY,
  NOTIFICATION_MUTE_KEY,
  NotificationLogSchema,
  type MuteSettings,
  type NotificationItem,
  type NotificationKind,
  type NotificationLog,
} from './notification-schema';

/**
 * A stored log that no longer parses (hand-edited, older shape) restarts as a
 * fresh baseline: what exists now is remembered without a burst of old news.
 */
export function logFrom(value: unknown): NotificationLog {
  const parsed = NotificationLogSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_LOG;
}

export function muteFrom(value: unknown): MuteSettings {
  const parsed = MuteSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : NO_MUTES;
}

export async function loadNotificationLog(db: BatonDb): Promise<NotificationLog> {
  return logFrom((await db.syncMeta.get(NOTIFICATION_LOG_KEY))?.value);
}

export async function loadMuteSettings(db: BatonDb): Promise<MuteSettings> {
  return muteFrom((await db.syncMeta.get(NOTIFICATION_MUTE_KEY))?.value);
}

/**
 * Remembers these candidates and answers the ones to announce now: new keys
 * whose kind is not muted. Check and write are one transaction, so two
 * detections racing (two effects, two windows) cannot announce the same thing
 * twice. The first run ever only records a baseline. A muted kind is still
 * remembered, so unmuting does not replay what happened while muted.
 */
export async function recordNotifications(db: BatonDb, candidates: readonly NotificationCandidate[], now: Date, user?: string): Promise<NotificationItem[]> {
  return db.transaction('rw', db.syncMeta, async () => {
    const log = await loadNotificationLog(db);
    const seen = new Set(log.seen);
    const fresh = candidates.filter((candidate) => !seen.has(candidate.key));
    if (log.baselined && fresh.length === 0) return [];
    const mute = await loadMuteSettings(db);
    const current = new Set(candidates.map((candidate) => candidate.key));
    const announce: NotificationItem[] = log.baselined
      ? fresh
          .filter((candidate) => !mute[candidate.kind])
          .map((candidate) => ({
            id: candidate.key,
            kind: candidate.kind,
            handoffId: candidate.handoffId,
            title: candidate.title,
            body: candidate.body,
            at: now.toISOString(),
            read: false,
            ...(user === undefined ? {} : { for: user }),
          }))
      : [];
    const next: NotificationLog = {
      baselined: true,
      // Oldest keys fall off first; keys still current move to the end, so they are never forgotten.
      seen: [...log.seen.filter((key) => !current.has(key)), ...current].slice(-MAX_SEEN_KEYS),
      items: [...announce.slice().reverse(), ...log.items].slice(0, MAX_NOTIFICATION_ITEMS),
    };
    await db.syncMeta.put({ key: NOTIFICATION_LOG_KEY, value: next });
    return announce;
  });
}

/** Marks the given notifications (or all) as read. */
export async function markNotificationsRead(db: BatonDb, which: { ids: readonly string[] } | { handoffId: string } | 'all'): Promise<void> {
  await db.transaction('rw', db.syncMeta, async () => {
    const log = await loadNotificationLog(db);
    const matches = (item: NotificationItem): boolean =>
      which === 'all' ? true : 'ids' in which ? which.ids.includes(item.id) : item.handoffId === which.handoffId;
    if (!log.items.some((item) => !item.read && matches(item))) return;
    await db.syncMeta.put({ key: NOTIFICATION_LOG_KEY, value: { ...log, items: log.items.map((item) => (matches(item) ? { ...item, read: true } : item)) } });
  });
}

export async function setNotificationMuted(db: BatonDb, kind: NotificationKind, muted: boolean): Promise<MuteSettings> {
  return db.transaction('rw', db.syncMeta, async () => {
    const next = { ...(await loadMuteSettings(db)), [kind]: muted };
    await db.syncMeta.put({ key: NOTIFICATION_MUTE_KEY, value: next });
    return next;
  });
}

/** The notification centre's list, newest first (`undefined` while loading). */
export function useNotificationItems(user?: string): NotificationItem[] | undefined {
  const db = useDb();
  // Items recorded for someone else (before "I am" changed) are not this user's to see.
  return useLiveQuery(async () => (await loadNotificationLog(db)).items.filter((item) => user === undefined || item.for === undefined || item.for === user), [db, user]);
}

export function useMuteSettings(): MuteSettings | undefined {
  const db = useDb();
  return useLiveQuery(() => loadMuteSettings(db), [db]);
}
