/**
 * Runs `task` when the window is idle, or after `timeoutMs` at the latest
 * (requestIdleCallback); where there is none (jsdom), on the next task.
 */
export function whenIdle(task: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: timeoutMs });
  else setTimeout(task, 0);
}
