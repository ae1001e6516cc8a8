import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import { HANDOFF_STATES, type HandoffState } from '../../../shared/domain/states';
import type { Template } from '../../../shared/domain/template';
import { callHost, hasHost } from '../api/baton';
import { useNowMinute } from '../ui/use-now-minute';
import { withoutLatestFlag, type BatonDb } from '../data/db';
import { useDb } from '../data/db-context';
import { indexTemplates } from '../../../shared/domain/template';
import { useWorkspace } from '../ui/use-workspace';
import { notificationCandidates } from './detect-notifications';
import { recordNotifications } from './notification-store';
import { useClockExceptions } from '../exceptions/use-clock-exceptions';

interface MyHandoffs {
  user: string;
  handoffs: Handoff[];
  templates: Template[];
}

/** The columns a notification can be about: nothing is announced for finished handoffs. */
const OPEN_STATES: readonly HandoffState[] = HANDOFF_STATES.filter((state) => state !== 'HANDOFF_DONE');

/**
 * Only the current user's open cards (sender or receiver), read from the
 * [receiver+state] and [sender+state] indexes: the years of finished handoffs a
 * PM accumulates are never read on each change.
 */
export async function loadMyHandoffs(db: BatonDb, user: string): Promise<MyHandoffs> {
  return db.transaction('r', [db.handoffs, db.templates], async () => {
    const keys = OPEN_STATES.map((state) => [user, state]);
    const [received, sent, templates] = await Promise.all([
      db.handoffs.where('[receiver+state]').anyOf(keys).toArray(),
      db.handoffs.where('[sender+state]').anyOf(keys).toArray(),
      db.templates.toArray(),
    ]);
    const byId = new Map([...received, ...sent].map((handoff) => [handoff.id, handoff]));
    return { user, handoffs: [...byId.values()], templates: templates.map(withoutLatestFlag) };
  });
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
  const mine = useLiveQuery(() => loadMyHandoffs(db, user), [db, user]);
  // The clock's exceptions (stalls, overdue actions) are raised by the same always-mounted watcher.
  useClockExceptions();

  useEffect(() => {
    // Until the stored settings are read, "me" may be the default user: judging then could baseline the wrong cards.
    if (loading || mine === undefined || mine.user !== user) return;
    const candidates = notificationCandidates(mine.handoffs, indexTemplates(mine.templates).byKey, settings, new Date(nowMs));
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
  }, [db, loading, mine, user, settings, nowMs]);
}
