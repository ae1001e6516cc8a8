/**
 * Measurement hooks installed in the page before any app script runs
 * (`page.addInitScript`). They only observe: the app's code is untouched.
 *
 * - `firstCardPaintAt`: performance.now() (ms since navigation start) just after
 *   the first frame that contains a board card has been produced.
 * - `handoffCommits` / `handoffTxStarts`: completion and opening times of every
 *   readwrite IndexedDB transaction that includes the `handoffs` store.
 * - `frames`: requestAnimationFrame timestamps while a recording is on.
 * - `pointerUpProcessing`: how long each pointerup took to handle on the main thread.
 */
export interface BenchProbe {
  firstCardPaintAt: number | null;
  handoffCommits: number[];
  /** When each of those transactions was opened. */
  handoffTxStarts: number[];
  frames: number[];
  recording: boolean;
  pointerUpAt: number | null;
  /** Main-thread time spent dispatching each pointerup (listeners and the microtasks they queue, e.g. React's render), from the Event Timing API. */
  pointerUpProcessing: number[];
}

export function installProbe(): void {
  const probe: BenchProbe = { firstCardPaintAt: null, handoffCommits: [], handoffTxStarts: [], frames: [], recording: false, pointerUpAt: null, pointerUpProcessing: [] };
  (window as unknown as { __benchProbe: BenchProbe }).__benchProbe = probe;

  // Right after the frame is produced: rAF runs before paint, a message posted from it runs after.
  const afterNextPaint = (done: (at: number) => void) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  };

  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-card-id]') === null) return;
    observer.disconnect();
    afterNextPaint((at) => {
      probe.firstCardPaintAt = at;
    });
  });
  observer.observe(document, { childList: true, subtree: true });

  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function patchedTransaction(this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
    const tx = transaction.call(this, stores, mode, options);
    const names = typeof stores === 'string' ? [stores] : Array.from(stores);
    if (mode === 'readwrite' && names.includes('handoffs')) {
      probe.handoffTxStarts.push(performance.now());
      tx.addEventListener('complete', () => probe.handoffCommits.push(performance.now()));
    }
    return tx;
  } as typeof IDBDatabase.prototype.transaction;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (entry.name === 'pointerup') probe.pointerUpProcessing.push(entry.processingEnd - entry.processingStart);
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);

  window.addEventListener('pointerup', () => {
    probe.pointerUpAt = performance.now();
  }, { capture: true });

  const tick = (at: number) => {
    if (probe.recording) probe.frames.push(at);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
