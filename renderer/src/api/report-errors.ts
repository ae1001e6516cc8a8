import { callHostResult, hasHost } from './baton';

/** Keeps one runaway error loop from flooding the main log. */
const MAX_REPORTS_PER_SESSION = 50;

function describe(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  return typeof reason === 'string' ? reason : 'Unknown error';
}

/**
 * Forwards uncaught renderer errors to the main process log, where the user's
 * log folder keeps them for support. The host redacts tokens and e-mail
 * addresses; the stack stays out (it may hold user text from a card).
 */
export function reportUncaughtErrors(target: EventTarget = window): () => void {
  if (!hasHost()) return () => undefined;
  let reported = 0;
  const report = (message: string): void => {
    if (reported >= MAX_REPORTS_PER_SESSION) return;
    reported += 1;
    void callHostResult('log.write', { level: 'error', message: message.slice(0, 4000) });
  };
  // The window fires these two event types with exactly these classes.
  const onError = (event: Event): void => {
    const { error, message } = event as ErrorEvent;
    report(`Uncaught ${describe(error ?? message)}`);
  };
  const onRejection = (event: Event): void => report(`Unhandled rejection ${describe((event as PromiseRejectionEvent).reason)}`);
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
