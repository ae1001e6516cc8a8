import { contract } from '../../shared/ipc/contract';
import type { Logger } from '../host/deps';
import { MAX_LOG_DATA_CHARS } from '../log/clip-log-data';
import { createHandlers } from './create-handlers';
import { dispatch } from './dispatch';
import { memoryHostDeps } from '../../test/host/memory-deps';

describe('app handlers', () => {
  it('answers app.info without paths', async () => {
    const deps = memoryHostDeps();
    const result = await dispatch(createHandlers(deps), contract, 'app.info', {});
    expect(result).toEqual({ ok: true, value: deps.appInfo });
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'http://example.com', 'vbscript:x', 'ms-settings:', 'not a url', 'https://user:pw@example.com'])(
    'refuses to open %s',
    async (url) => {
      const deps = memoryHostDeps({ confirmOpenExternal: vi.fn(async () => true) });
      const result = await dispatch(createHandlers(deps), contract, 'app.openExternal', { url });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_URL' } });
      expect(deps.confirmOpenExternal).not.toHaveBeenCalled();
      expect(deps.opened).toEqual([]);
    },
  );

  it.each(['https://app.hubspot.com/contacts/1/deal/2', 'mailto:client@example.com?subject=Handoff'])('opens %s after confirmation', async (url) => {
    const confirm = vi.fn(async () => true);
    const deps = memoryHostDeps({ confirmOpenExternal: confirm });
    const result = await dispatch(createHandlers(deps), contract, 'app.openExternal', { url });
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(confirm).toHaveBeenCalledWith(new URL(url).href);
    expect(deps.opened).toEqual([new URL(url).href]);
  });

  it('does not open a link the user declined', async () => {
    const deps = memoryHostDeps({ confirmOpenExternal: async () => false });
    const result = await dispatch(createHandlers(deps), contract, 'app.openExternal', { url: 'https://example.com' });
    expect(result).toEqual({ ok: true, value: { opened: false } });
    expect(deps.opened).toEqual([]);
  });

  it('shows a notification with its handoff id, and reports unsupported OSes', async () => {
    const deps = memoryHostDeps();
    const handlers = createHandlers(deps);
    const shown = await dispatch(handlers, contract, 'notifications.show', { title: 'New handoff', body: 'Design → Dev', handoffId: 'h-1' });
    expect(shown).toEqual({ ok: true, value: { shown: true } });
    expect(deps.shown).toEqual([expect.objectContaining({ title: 'New handoff', body: 'Design → Dev', handoffId: 'h-1' })]);

    const unsupported = memoryHostDeps();
    unsupported.notifier = { show: vi.fn(), isSupported: () => false };
    const refused = await dispatch(createHandlers(unsupported), contract, 'notifications.show', { title: 'x', body: '' });
    expect(refused).toEqual({ ok: true, value: { shown: false } });
  });

  it('refuses a notification without a title', async () => {
    const result = await dispatch(createHandlers(memoryHostDeps()), contract, 'notifications.show', { title: '  ', body: 'b' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', issues: [{ path: 'title' }] } });
  });

  it('writes renderer log lines redacted', async () => {
    const lines: unknown[] = [];
    const logger: Logger = { info: (...args) => lines.push(args), warn: (...args) => lines.push(args), error: (...args) => lines.push(args) };
    const deps = memoryHostDeps({ logger });
    const result = await dispatch(createHandlers(deps), contract, 'log.write', {
      level: 'error',
      message: 'save failed for jane@agency.com with pat-na1-abc-123',
      data: { token: 'pat-na1-xyz', detail: 'Bearer abc.def' },
    });
    expect(result).toEqual({ ok: true, value: { written: true } });
    const written = JSON.stringify(lines);
    expect(written).toContain('save failed');
    expect(written).not.toMatch(/jane@agency|pat-na1|abc\.def/);
  });

  it('clips oversized renderer log data with a marker, and refuses an oversized message', async () => {
    const lines: [string, Record<string, unknown> | undefined][] = [];
    const logger: Logger = { info: () => undefined, warn: () => undefined, error: (message, data) => lines.push([message, data]) };
    const handlers = createHandlers(memoryHostDeps({ logger }));
    const result = await dispatch(handlers, contract, 'log.write', {
      level: 'error',
      message: 'render failed',
      data: { componentStack: 'at Board\n'.repeat(500_000), token: 'pat-na1-abc' },
    });
    expect(result).toEqual({ ok: true, value: { written: true } });
    const [, fields] = lines[0] ?? [];
    expect(fields?.['clipped']).toMatch(/more than 8192 characters of data; the rest was dropped/);
    expect(JSON.stringify(fields).length).toBeLessThan(MAX_LOG_DATA_CHARS + 500);
    expect(JSON.stringify(fields)).toContain('at Board');

    const tooLong = await dispatch(handlers, contract, 'log.write', { level: 'error', message: 'x'.repeat(4001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', issues: [{ path: 'message' }] } });
    expect(lines).toHaveLength(1);
  });

  it('reports online status and sets the badge', async () => {
    const setBadgeCount = vi.fn(() => true);
    const deps = memoryHostDeps({ setBadgeCount });
    const handlers = createHandlers(deps);
    await expect(dispatch(handlers, contract, 'online.status', {})).resolves.toEqual({ ok: true, value: { online: true } });
    await expect(dispatch(handlers, contract, 'window.setBadgeCount', { count: 3 })).resolves.toEqual({ ok: true, value: { shown: true } });
    expect(setBadgeCount).toHaveBeenCalledWith(3);
    await expect(dispatch(handlers, contract, 'window.setBadgeCount', { count: -1 })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
