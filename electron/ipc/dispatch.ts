import type { ChannelTable, HandlersFor } from '../../shared/ipc/channel';
import { IPC_ERROR_CODES, IpcError, issuesFromZod } from '../../shared/ipc/errors';
import type { IpcResult } from '../../shared/ipc/result';
import type { Logger } from '../host/deps';
import { redactText } from '../log/redact';

export interface DispatchOptions {
  /** Where handler failures are recorded (redacted: never the payload). */
  logger?: Logger;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 100));
  return typeof value;
}

/**
 * Runs one IPC call against the handler table: the only way requests reach a
 * handler, used by `ipcMain.handle` in main and by the end-to-end test host.
 * It never throws: an unknown channel, a malformed request, a handler failure
 * or a handler answering outside its schema all come back as typed errors.
 */
export async function dispatch<T extends ChannelTable>(
  handlers: HandlersFor<T>,
  contract: T,
  channelName: unknown,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<IpcResult> {
  if (typeof channelName !== 'string' || !Object.hasOwn(contract, channelName) || !Object.hasOwn(handlers, channelName)) {
    return {
      ok: false,
      error: { code: IPC_ERROR_CODES.UNKNOWN_CHANNEL, message: `Baton's host has no channel named ${describe(channelName)}.` },
    };
  }
  const spec = contract[channelName];
  const handler = handlers[channelName];
  if (spec === undefined || handler === undefined) {
    return { ok: false, error: { code: IPC_ERROR_CODES.UNKNOWN_CHANNEL, message: `Baton's host has no channel named ${describe(channelName)}.` } };
  }

  const request = spec.request.safeParse(payload);
  if (!request.success) {
    const issues = issuesFromZod(request.error);
    const first = issues[0];
    const summary = first === undefined ? 'it did not match' : `${first.path === '' ? 'the request' : first.path}: ${first.message}`;
    return {
      ok: false,
      error: { code: IPC_ERROR_CODES.BAD_REQUEST, message: `The request to ${channelName} is malformed (${summary}).`, issues },
    };
  }

  let answer: unknown;
  try {
    // The handler's parameter type is the parsed request type of this very
    // channel; TypeScript cannot correlate the two through the string key.
    answer = await (handler as (validated: unknown) => Promise<unknown>)(request.data);
  } catch (error) {
    if (error instanceof IpcError) return { ok: false, error: error.toInfo() };
    options.logger?.error('IPC handler failed', {
      channel: channelName,
      error: error instanceof Error ? `${error.name}: ${redactText(error.message)}` : typeof error,
    });
    return {
      ok: false,
      error: { code: IPC_ERROR_CODES.INTERNAL, message: `Baton's host failed while handling ${channelName}. The details are in the log.` },
    };
  }

  const response = spec.response.safeParse(answer);
  if (!response.success) {
    options.logger?.error('IPC handler answered outside its schema', {
      channel: channelName,
      issues: issuesFromZod(response.error).slice(0, 5),
    });
    return {
      ok: false,
      error: { code: IPC_ERROR_CODES.INTERNAL, message: `Baton's host produced an invalid answer for ${channelName}. The details are in the log.` },
    };
  }
  return { ok: true, value: response.data };
}
