import type { HandlersFor } from '../../shared/ipc/channel';
import type { appChannels } from '../../shared/ipc/app-channels';
import type { HostDeps } from '../host/deps';
import { redact, redactText } from '../log/redact';
import { checkExternalUrl } from '../window/external-url';

type AppDeps = Pick<
  HostDeps,
  'appInfo' | 'logger' | 'notifier' | 'online' | 'clock' | 'confirmOpenExternal' | 'openExternal' | 'setBadgeCount'
>;

/** The handlers of the app channels (everything that is not HubSpot sync). */
export function createAppHandlers(deps: AppDeps): HandlersFor<typeof appChannels> {
  let notificationCounter = 0;
  return {
    'app.info': async () => deps.appInfo,

    'app.openExternal': async ({ url }) => {
      const safeUrl = checkExternalUrl(url);
      if (!(await deps.confirmOpenExternal(safeUrl))) return { opened: false };
      await deps.openExternal(safeUrl);
      return { opened: true };
    },

    'notifications.show': async ({ title, body, handoffId }) => {
      if (deps.notifier.isSupported?.() === false) return { shown: false };
      notificationCounter += 1;
      const id = `${deps.clock().getTime()}-${notificationCounter}`;
      deps.notifier.show(handoffId === undefined ? { id, title, body } : { id, title, body, handoffId });
      return { shown: true };
    },

    'online.status': async () => ({ online: deps.online.isOnline() }),

    'log.write': async ({ level, message, data }) => {
      const entry = redactText(`[renderer] ${message}`);
      const fields = data === undefined ? undefined : (redact(data) as Record<string, unknown>);
      deps.logger[level](entry, fields);
      return { written: true };
    },

    'window.setBadgeCount': async ({ count }) => ({ shown: deps.setBadgeCount(count) }),
  };
}
