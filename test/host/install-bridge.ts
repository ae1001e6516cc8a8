import type { Page } from 'playwright-core';
import { bridgeScript } from './bridge-script';
import type { TestHost } from './create-test-host';

export interface InstalledBridge {
  /** Stops delivering events to this page. */
  dispose(): void;
}

/**
 * Gives `page` the same `window.baton` the Electron preload builds, routed to
 * the test host's handler table through the very `dispatch` main uses.
 * Install before the first `page.goto`.
 */
export async function installBatonBridge(page: Page, host: TestHost): Promise<InstalledBridge> {
  await page.exposeBinding('__batonInvoke', (_source, channel: unknown, request: unknown) => host.dispatch(channel, request));
  await page.addInitScript({ content: await bridgeScript() });
  const removeSink = host.addEventSink({
    send(channel, payload) {
      if (page.isClosed()) return;
      page
        .evaluate(([eventChannel, eventPayload]) => {
          (window as unknown as { __batonDeliver?: (c: string, p: unknown) => void }).__batonDeliver?.(eventChannel, eventPayload);
        }, [channel, payload] as const)
        // The page may be navigating or closing; an event lost then is lost in Electron too.
        .catch(() => undefined);
    },
  });
  page.once('close', removeSink);
  return { dispose: removeSink };
}
