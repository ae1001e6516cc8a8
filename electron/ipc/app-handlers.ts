import type { HandlersFor } from '../../shared/ipc/channel';
import type { appChannels } from '../../shared/ipc/app-channels';
import type { HostDeps } from '../host/deps';
import { clipLogData, MAX_LOG_DATA_CHARS } from '../log/clip-log-data';
import { redact, redactText } from '../log/redact';
import { checkExternalUrl } from '../window/external-url';

/** The renderer's log fields, clipped to MAX_LOG_DATA_CHARS (with a marker saying so) and redacted. */
function loggableFields(data: Record<string, unknown>): Record<string, unknown> {
  const { data: kept, clipped } = clipLogData(data);
  const fields = clipped ? { clipped: `The renderer sent more than ${MAX_LOG_DATA_CHARS} characters of data; the rest was dropped.`, data: kept } : kept;
  return redact(fields) as Record<string, unknown>;
}

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
      deps.logger[level](entry, data === undefined ? undefined : loggableFields(data));
      return { written: true };
    },

    'window.setBadgeCount': async ({ count }) => ({ shown: deps.setBadgeCount(count) }),
  };
}
