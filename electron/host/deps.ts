/**
 * The Electron-specific capabilities the IPC handlers need, as interfaces.
 * `main.ts` passes real implementations (safeStorage, Notification, net);
 * tests and the end-to-end test host pass in-process ones. Nothing here
 * imports `electron`.
 */

import type { AppInfo } from '../../shared/ipc/app-channels';
import type { OpenedBackupFile } from '../../shared/ipc/backup-channels';
import type { EmitEvent } from '../../shared/ipc/events';
import type { SyncHostDeps } from '../sync/sync-handlers';
import type { Clock, Logger, OnlineSource, SecretStore } from './capabilities';

export type { Clock, Logger, OnlineSource, SecretStore } from './capabilities';

export interface OsNotification {
  id: string;
  title: string;
  body: string;
  /** The card a click on the notification opens. */
  handoffId?: string;
}

export interface Notifier {
  show(notification: OsNotification): void;
}

/** Whether the notifier can show anything on this OS (Electron's `Notification.isSupported()`). */
export interface NotifierSupport {
  isSupported(): boolean;
}

/** Backup files the OS asked Baton to open, already read and checked; the renderer takes each once. */
export interface OpenedBackupFiles {
  take(): OpenedBackupFile | null;
}

/** Everything the IPC handler table needs from the host, injected so it runs in plain Node. */
export interface HostDeps {
  appInfo: AppInfo;
  secretStore: SecretStore;
  logger: Logger;
  notifier: Notifier & Partial<NotifierSupport>;
  online: OnlineSource;
  clock: Clock;
  /** Sends an event to the renderer (webContents.send in main, page.evaluate in the test host). */
  emit: EmitEvent;
  /** Asks the user whether to leave Baton for this (already validated) URL. */
  confirmOpenExternal(url: string): Promise<boolean>;
  /** Hands a validated URL to the OS (shell.openExternal). */
  openExternal(url: string): Promise<void>;
  /** Shows a count on the dock/taskbar icon; answers false where the OS has no badge. */
  setBadgeCount(count: number): boolean;
  /** Absent where nothing opens files from the OS (the test hosts): the renderer is then told there is none. */
  openedBackupFiles?: OpenedBackupFiles;
  /** HubSpot API base URL; the test host points it at the fake server on 127.0.0.1. */
  hubspotBasePath?: string;
  /** The HubSpot account's rate-limit tier; the sync service's safe defaults otherwise. */
  hubspotRateLimit?: SyncHostDeps['rateLimit'];
  /** Sync timing knobs (sleep, clock, retries) so tests stay fast; production leaves this unset. */
  syncTuning?: SyncHostDeps['tuning'];
}
