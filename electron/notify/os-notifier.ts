import { Notification } from 'electron';
import type { Notifier, NotifierSupport, OsNotification } from '../host/deps';

export interface OsNotifierOptions {
  /** Brings Baton's window to the front. */
  focusWindow(): void;
  /** Tells the renderer which card to open (`notification.clicked`). */
  onClick(handoffId: string): void;
}

/**
 * OS notifications through Electron's `Notification`. Shown notifications are
 * kept referenced until closed: otherwise they can be garbage-collected and
 * their click handler never fires.
 */
export function createOsNotifier(options: OsNotifierOptions): Notifier & NotifierSupport {
  const live = new Set<Notification>();
  return {
    isSupported: () => Notification.isSupported(),
    show(notification: OsNotification) {
      if (!Notification.isSupported()) return;
      const shown = new Notification({ title: notification.title, body: notification.body });
      live.add(shown);
      shown.on('click', () => {
        options.focusWindow();
        if (notification.handoffId !== undefined) options.onClick(notification.handoffId);
        live.delete(shown);
      });
      shown.on('close', () => {
        live.delete(shown);
      });
      shown.show();
    },
  };
}
