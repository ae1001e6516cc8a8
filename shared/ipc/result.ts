import { z } from 'zod';
import { IpcErrorInfoSchema, type IpcErrorInfo } from './errors';

/**
 * The envelope every IPC call answers with. Errors are values, not rejected
 * promises: Electron flattens a rejected `ipcMain.handle` into a bare string,
 * losing the code.
 */
export type IpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: IpcErrorInfo };

export const IpcResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: IpcErrorInfoSchema }),
]);

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(error: IpcErrorInfo): IpcResult<never> {
  return { ok: false, error };
}
