/**
 * Measurement hooks installed in the page before any app script runs
 * (`page.addInitScript`). They only observe: the app's code is untouched.
 *
 * - `firstCardPaintAt`: performance.now() (ms since navigation start) just after
 *   the first frame that contains a board card has been produced.
 * - `handoffCommits` / `handoffTxStarts`: completion and opening times of every
 *   readwrite IndexedDB transaction that includes the `handoffs` store.
 * - `frames`: requestAnimationFrame timestamps while a recording is on.
 * - `inputs`: for each pointerup, keydown and click, when its dispatch started and
 *   ended (a window capture listener first, a window bubble listener added during
 *   the dispatch last: every app listener and the microtasks they queue, such as
 *   React's render of the event, run in between).
 */
export interface BenchProbe {
  firstCardPaintAt: number | null;
  handoffCommits: number[];
  /** When each of those transactions was opened. */
  handoffTxStarts: number[];
  frames: number[];
  recording: boolean;
  inputs: InputDispatch[];
}

/** One input event's dispatch on the main thread (performance.now() times). */
export interface InputDispatch {
  type: string;
  /** The key for keydown, else ''. */
  key: string;
  startedAt: number;
  /** null until the dispatch has finished. */
  endedAt: number | null;
}

export function installProbe(): void {
  // Inside: this function is shipped to the page on its own, without the module around it.
  const TIMED_INPUTS = ['pointerup', 'keydown', 'click'] as const;
  const probe: BenchProbe = { firstCardPaintAt: null, handoffCommits: [], handoffTxStarts: [], frames: [], recording: false, inputs: [] };
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

  for (const type of TIMED_INPUTS) {
    let pendingEnd: (() => void) | null = null;
    window.addEventListener(
      type,
      (event) => {
        // A dispatch whose propagation was stopped never ended on window: it is left without an end.
        if (pendingEnd !== null) window.removeEventListener(type, pendingEnd);
        const entry: InputDispatch = { type, key: event instanceof KeyboardEvent ? event.key : '', startedAt: performance.now(), endedAt: null };
        probe.inputs.push(entry);
        const end = () => {
          entry.endedAt = performance.now();
          pendingEnd = null;
        };
        pendingEnd = end;
        // Added during the dispatch, so it runs last, in the bubble phase on window.
        window.addEventListener(type, end, { once: true });
      },
      { capture: true },
    );
  }

  const tick = (at: number) => {
    if (probe.recording) probe.frames.push(at);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
