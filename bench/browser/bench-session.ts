import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/support/launch-chromium';
import { BOARD_VIEWPORT } from '../../test/e2e/support/board-page';
import { createTestHost } from '../../test/host/create-test-host';
import { installBatonBridge } from '../../test/host/install-bridge';
import type { BackupUnderTest, BenchPageApi } from '../page/bench-page-api';
import { SEED_PAGE, SEED_SCRIPT } from './build-bench';
import { installProbe, type BenchProbe } from './instrumentation';

/**
 * One workspace in its own Chromium profile. The e2e suite's Chromium, flags
 * and host bridge, but a persistent profile (`launchPersistentContext`) so
 * IndexedDB lives on disk as in the desktop app; a fresh incognito context
 * would keep it in memory and flatter every figure.
 */
export interface BenchSession {
  page: Page;
  cdp: CDPSession;
  /** Errors thrown in the page (uncaught or console.error): a bench on a broken app is void. */
  errors: string[];
  /** Seeds `count` handoffs through the app's data layer from the bench page. */
  seed(count: number): Promise<number>;
  /** Opens the app and resolves once its board has painted cards. */
  openApp(): Promise<void>;
  /** Reloads; resolves with ms from navigation start to the first frame with cards. */
  reloadToFirstCards(): Promise<number>;
  /** JS heap in use after a full garbage collection, in bytes. */
  heapUsedAfterGc(): Promise<number>;
  /** Loads the bench page script into the current (app) page so `window.batonBench` exists. */
  loadBenchScript(): Promise<void>;
  bareToArray(): ReturnType<BenchPageApi['bareToArray']>;
  barePut(id: string): ReturnType<BenchPageApi['barePut']>;
  commandMove(id: string, to: string): ReturnType<BenchPageApi['commandMove']>;
  movesDuringBackup(backup: BackupUnderTest, intervalMs: number, maxMoves: number): ReturnType<BenchPageApi['movesDuringBackup']>;
  /** Waits until the board no longer shows card `id` in column `from` (its live query read a write back); resolves with how long that took. */
  readBack(id: string, from: string): Promise<number>;
  importVsBulkPut(count: number, run: number): ReturnType<BenchPageApi['importVsBulkPut']>;
  probe(): Promise<BenchProbe>;
  close(): Promise<void>;
}

/** The page's globals the bench reads (each page.evaluate body is shipped to the page on its own). */
interface BenchWindow {
  batonBench: BenchPageApi;
  __benchProbe: BenchProbe;
}

export async function openBenchSession(baseUrl: string): Promise<BenchSession> {
  const profile = await mkdtemp(join(tmpdir(), 'baton-bench-profile-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    viewport: BOARD_VIEWPORT,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  await installBatonBridge(page, createTestHost());
  // tsx (esbuild keepNames) wraps named functions in `__name(...)`; functions shipped to the page need it too.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await page.addInitScript(installProbe);
  const cdp = await context.newCDPSession(page);
  const appUrl = new URL('index.html', baseUrl).href;

  const waitForFirstCards = async (): Promise<number> => {
    const handle = await page.waitForFunction(() => (window as unknown as BenchWindow).__benchProbe.firstCardPaintAt, undefined, { timeout: 180_000, polling: 50 });
    const value: unknown = await handle.jsonValue();
    if (typeof value !== 'number') throw new Error('The board never painted a card');
    return value;
  };

  const session: BenchSession = {
    page,
    cdp,
    errors,
    async seed(count) {
      await page.goto(new URL(SEED_PAGE, baseUrl).href);
      await page.waitForFunction(() => 'batonBench' in window);
      const result = await page.evaluate((n) => (window as unknown as BenchWindow).batonBench.seedWorkspace(n), count);
      return result.count;
    },
    async openApp() {
      await page.goto(appUrl);
      await waitForFirstCards();
    },
    async reloadToFirstCards() {
      await page.reload({ waitUntil: 'commit' });
      return waitForFirstCards();
    },
    async heapUsedAfterGc() {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return usage.usedSize;
    },
    async loadBenchScript() {
      await page.addScriptTag({ url: new URL(SEED_SCRIPT, baseUrl).href });
      await page.waitForFunction(() => 'batonBench' in window);
    },
    bareToArray() {
      return page.evaluate(() => (window as unknown as BenchWindow).batonBench.bareToArray());
    },
    barePut(id) {
      return page.evaluate((handoffId) => (window as unknown as BenchWindow).batonBench.barePut(handoffId), id);
    },
    commandMove(id, to) {
      return page.evaluate(([handoffId, state]) => (window as unknown as BenchWindow).batonBench.commandMove(handoffId, state), [id, to] as const);
    },
    movesDuringBackup(backup, intervalMs, maxMoves) {
      return page.evaluate(([what, interval, most]) => (window as unknown as BenchWindow).batonBench.movesDuringBackup(what, interval, most), [backup, intervalMs, maxMoves] as const);
    },
    async readBack(id, from) {
      const started = performance.now();
      const selector = `section[data-state="${from}"] [data-card-id="${id}"]`;
      await page.waitForSelector(selector, { state: 'detached', timeout: 30_000 }).catch((error: unknown) => {
        throw new Error(`The board still shows card ${id} in ${from} 30 s after it was moved out`, { cause: error });
      });
      return performance.now() - started;
    },
    importVsBulkPut(count, run) {
      return page.evaluate(([n, r]) => (window as unknown as BenchWindow).batonBench.importVsBulkPut(n, r), [count, run] as const);
    },
    probe() {
      return page.evaluate(() => (window as unknown as BenchWindow).__benchProbe);
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
  return session;
}
