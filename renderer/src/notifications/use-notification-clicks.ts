import { useEffect } from 'react';
import { onHostEvent } from '../api/baton';
import { useDb } from '../data/db-context';
import { useUi } from '../store/ui-store';
import { markNotificationsRead } from './notification-store';

/** A click on an OS notification opens that card (and counts as reading it). Mount once. */
export function useNotificationClicks(): void {
  const db = useDb();
  useEffect(
    () =>
      onHostEvent('notification.clicked', ({ handoffId }) => {
        useUi.getState().openDrawer({ handoffId });
        void markNotificationsRead(db, { handoffId }).catch(() => undefined);
      }),
    [db],
  );
}
