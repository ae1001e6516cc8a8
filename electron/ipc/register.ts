import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ChannelTable, HandlersFor } from '../../shared/ipc/channel';
import { IPC_ERROR_CODES } from '../../shared/ipc/errors';
import type { IpcResult } from '../../shared/ipc/result';
import type { Logger } from '../host/deps';
import { isAppUrl, type AppLocation } from '../window/app-location';
import { dispatch } from './dispatch';

export interface RegisterOptions<T extends ChannelTable> {
  handlers: HandlersFor<T>;
  contract: T;
  /** The one window allowed to call; null before it exists or after it closed. */
  getMainWindow: () => BrowserWindow | null;
  location: AppLocation;
  logger: Logger;
}

/** Only Baton's own window, showing Baton's own page, may call the host. */
export function isTrustedSender(event: IpcMainInvokeEvent, getMainWindow: () => BrowserWindow | null, location: AppLocation): boolean {
  const mainWindow = getMainWindow();
  if (mainWindow === null) return false;
  if (BrowserWindow.fromWebContents(event.sender) !== mainWindow) return false;
  return isAppUrl(event.senderFrame?.url, location);
}

/** Registers every contract channel with `ipcMain.handle`; returns a function that removes them. */
export function registerIpcHandlers<T extends ChannelTable>(options: RegisterOptions<T>): () => void {
  const names = Object.keys(options.contract);
  for (const name of names) {
    ipcMain.handle(name, async (event, payload: unknown): Promise<IpcResult> => {
      if (!isTrustedSender(event, options.getMainWindow, options.location)) {
        options.logger.warn('Refused an IPC call from an untrusted sender', { channel: name });
        return {
          ok: false,
          error: { code: IPC_ERROR_CODES.FORBIDDEN_SENDER, message: `Only Baton's own window may call ${name}.` },
        };
      }
      return dispatch(options.handlers, options.contract, name, payload, { logger: options.logger });
    });
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(name);
  };
}
