import { checkExternalUrl } from './external-url';

export interface OpenExternalDeps {
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

/** Validates, asks the user, then opens: the one path by which Baton sends a URL to the OS. */
export async function openExternalWithConfirmation(url: string, deps: OpenExternalDeps): Promise<boolean> {
  const safeUrl = checkExternalUrl(url);
  if (!(await deps.confirm(safeUrl))) return false;
  await deps.open(safeUrl);
  return true;
}
