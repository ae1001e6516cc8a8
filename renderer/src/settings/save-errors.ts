import { DataErrorAbort } from '../data/data-errors';

/** saveSettings rejects with a typed error; turn it into lines a person can act on. */
export function settingsErrorLines(error: unknown): string[] {
  if (error instanceof DataErrorAbort) return error.error.issues?.length ? error.error.issues : [error.error.message];
  return [error instanceof Error ? error.message : String(error)];
}
