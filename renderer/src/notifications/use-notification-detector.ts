import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import { callHost, hasHost } from '../api/baton';
import { useNowMinute } from '../ui/use-now-minute';
import { withoutLatestFlag, type BatonDb } from '../data/db';
import { useDb } from '../data/db-context';
import { indexTemplates } from '../../../shared/domain/template';
import { useWorkspace } from '../ui/use-workspace';
import { createNotificationJudge } from './detect-notifications';
import { recordNotifications } from './notification-store';
import { useClockExceptions } from '../exceptions/use-clock-exceptions';
import { watchMyOpenHandoffs } from './my-open-handoffs';

/** `user`'s open handoffs, kept current write by write (my-open-handoffs.ts); undefined until first read. */
function useMyOpenHandoffs(db: BatonDb, user: string): { user: string; handoffs: readonly Handoff[] } | undefined {
  const [mine, setMine] = useState<{ user: string; handoffs: readonly Handoff[] }>();
  useEffect(() => watchMyOpenHandoffs(db, user, (handoffs) => setMine({ user, handoffs })), [db, user]);
  return mine;
}

/**
 * Watches local data (every committed write, and the clock each minute for
 * SLAs) and announces what is new for the current user: in the notification
 * centre, and as an OS notification when a desktop host is there. Mount once.
 */
export function useNotificationDetector(): void {
  const db = useDb();
  const { settings, loading } = useWorkspace();
  const nowMs = useNowMinute();
  const user = settings.currentUser;
  const mine = useMyOpenHandoffs(db, user);
  const templates = useLiveQuery(async () => (await db.templates.toArray()).map(withoutLatestFlag), [db]);
  const templatesByKey = useMemo(() => (templates === undefined ? undefined : indexTemplates(templates).byKey), [templates]);
  const [judge] = useState(createNotificationJudge);
  // The clock's exceptions (stalls, overdue actions) are raised by the same always-mounted watcher.
  useClockExceptions();

  useEffect(() => {
    // Until the stored settings are read, "me" may be the default user: judging then could baseline the wrong cards.
    if (loading || mine === undefined || mine.user !== user || templatesByKey === undefined) return;
    const candidates = judge(mine.handoffs, templatesByKey, settings, new Date(nowMs));
    void recordNotifications(db, candidates, new Date(), user).then(
      (announce) => {
        if (!hasHost()) return;
        for (const item of announce) {
          // The in-app centre already holds it; an OS notification that fails is not worth more than that.
          callHost('notifications.show', { title: item.title, body: item.body, handoffId: item.handoffId }).catch(() => undefined);
        }
      },
      // A failed write (closed database, quota) is surfaced by the data layer's own banners; the next change retries.
      () => undefined,
    );
  }, [db, loading, mine, templatesByKey, judge, user, settings, nowMs]);
}
