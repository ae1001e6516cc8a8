import type { OnlineSource } from '../host/deps';

export interface OnlineSourceOptions {
  /** The OS's view (Electron's `net.isOnline()`). */
  osOnline(): boolean;
  /** Subscribes to wake-ups (powerMonitor 'resume'/'unlock-screen'); returns an unsubscribe. */
  onWake(listener: () => void): () => void;
  /** Timer seams, so tests drive polling without waiting. */
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
  pollMs?: number;
  /** After a failed request we report offline for this long, then let sync try again. */
  failureHoldMs?: number;
}

export interface StoppableOnlineSource extends OnlineSource {
  stop(): void;
}

/**
 * Online = the OS has a network AND real requests are not failing. The OS view
 * alone is optimistic (a captive portal is "online"), so a failed request
 * flips us offline until a request succeeds, the network changes, or the hold
 * expires and sync may try again.
 */
export function createOnlineSource(options: OnlineSourceOptions): StoppableOnlineSource {
  const pollMs = options.pollMs ?? 15_000;
  const failureHoldMs = options.failureHoldMs ?? 60_000;
  const listeners = new Set<(online: boolean) => void>();
  let osOnline = options.osOnline();
  let failedAt: number | null = null;
  let last = osOnline;

  const compute = (): boolean => {
    if (failedAt !== null && options.now() - failedAt >= failureHoldMs) failedAt = null;
    return osOnline && failedAt === null;
  };
  const publish = (): void => {
    const online = compute();
    if (online === last) return;
    last = online;
    for (const listener of [...listeners]) listener(online);
  };
  const refreshOs = (): void => {
    const now = options.osOnline();
    // A change in the OS's network state is a new network: forget old failures.
    if (now !== osOnline) failedAt = null;
    osOnline = now;
    publish();
  };

  const timer = options.setInterval(refreshOs, pollMs);
  const stopWake = options.onWake(refreshOs);

  return {
    isOnline: () => {
      const online = compute();
      if (online !== last) publish();
      return online;
    },
    reportRequestOutcome(ok) {
      failedAt = ok ? null : options.now();
      publish();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stop() {
      options.clearInterval(timer);
      stopWake();
      listeners.clear();
    },
  };
}
