import { createOnlineSource } from './online-source';

function harness(initial = true) {
  let os = initial;
  let now = 0;
  let tick: (() => void) | null = null;
  let wake: (() => void) | null = null;
  const source = createOnlineSource({
    osOnline: () => os,
    onWake: (listener) => {
      wake = listener;
      return () => {
        wake = null;
      };
    },
    setInterval: (callback) => {
      tick = callback;
      return 1;
    },
    clearInterval: () => {
      tick = null;
    },
    now: () => now,
    pollMs: 1000,
    failureHoldMs: 60_000,
  });
  const changes: boolean[] = [];
  source.subscribe((online) => changes.push(online));
  return {
    source,
    changes,
    setOs: (value: boolean) => {
      os = value;
    },
    advance: (ms: number) => {
      now += ms;
      tick?.();
    },
    wake: () => wake?.(),
    isPolling: () => tick !== null,
  };
}

describe('online source', () => {
  it('follows the OS network state on each poll and on wake', () => {
    const h = harness();
    expect(h.source.isOnline()).toBe(true);
    h.setOs(false);
    h.advance(1000);
    expect(h.changes).toEqual([false]);
    h.setOs(true);
    h.wake();
    expect(h.changes).toEqual([false, true]);
    h.advance(1000);
    expect(h.changes).toEqual([false, true]);
  });

  it('goes offline when a real request fails, and back on success', () => {
    const h = harness();
    h.source.reportRequestOutcome(false);
    expect(h.source.isOnline()).toBe(false);
    h.source.reportRequestOutcome(true);
    expect(h.source.isOnline()).toBe(true);
    expect(h.changes).toEqual([false, true]);
  });

  it('lets sync try again once the failure hold expires', () => {
    const h = harness();
    h.source.reportRequestOutcome(false);
    h.advance(30_000);
    expect(h.source.isOnline()).toBe(false);
    h.advance(30_000);
    expect(h.source.isOnline()).toBe(true);
    expect(h.changes).toEqual([false, true]);
  });

  it('stays offline while the OS is offline even if a request succeeded', () => {
    const h = harness(false);
    h.source.reportRequestOutcome(true);
    expect(h.source.isOnline()).toBe(false);
    expect(h.changes).toEqual([]);
  });

  it('stops polling and notifying when stopped', () => {
    const h = harness();
    h.source.stop();
    expect(h.isPolling()).toBe(false);
    h.source.reportRequestOutcome(false);
    expect(h.changes).toEqual([]);
  });
});
