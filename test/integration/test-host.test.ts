import { eventChannel } from '../../shared/ipc/events';
import { createTestHost } from '../host/create-test-host';

describe('createTestHost', () => {
  it('answers through the real dispatcher and handler table', async () => {
    const host = createTestHost({ appInfo: { version: '1.2.3' } });
    await expect(host.dispatch('app.info', {})).resolves.toMatchObject({ ok: true, value: { version: '1.2.3' } });
    await expect(host.dispatch('nope', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(host.dispatch('app.openExternal', { url: 'https://example.com/x' })).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(host.openedUrls).toEqual(['https://example.com/x']);
  });

  it('records notifications and turns a click into an event', async () => {
    const host = createTestHost();
    const sent: [string, unknown][] = [];
    host.addEventSink({ send: (channel, payload) => sent.push([channel, payload]) });
    await host.dispatch('notifications.show', { title: 'Yours', body: 'b', handoffId: 'h-1' });
    const [shown] = host.notifications;
    expect(shown).toMatchObject({ title: 'Yours', handoffId: 'h-1' });
    if (shown !== undefined) host.clickNotification(shown);
    expect(sent).toEqual([[eventChannel('notification.clicked'), { handoffId: 'h-1' }]]);
  });

  it('behaves like the real online source: OS view and request outcomes combined', async () => {
    const host = createTestHost();
    const changes: unknown[] = [];
    host.addEventSink({ send: (_channel, payload) => changes.push(payload) });
    host.online.reportRequestOutcome(false);
    await expect(host.dispatch('online.status', {})).resolves.toEqual({ ok: true, value: { online: false } });
    host.online.reportRequestOutcome(true);
    host.online.setOnline(false);
    host.online.reportRequestOutcome(true);
    expect(host.online.isOnline()).toBe(false);
    host.online.setOnline(true);
    expect(changes).toEqual([{ online: false }, { online: true }, { online: false }, { online: true }]);
  });

  it('keeps secrets and logs in memory and its clock under control', async () => {
    const host = createTestHost({ secrets: { 'hubspot.token': 'pat-na1-x' }, now: '2026-01-01T00:00:00Z' });
    expect(await host.secretStore.get('hubspot.token')).toBe('pat-na1-x');
    host.clock.advance(60_000);
    expect(host.clock().toISOString()).toBe('2026-01-01T00:01:00.000Z');
    await host.dispatch('log.write', { level: 'warn', message: 'hello from the page' });
    expect(host.logs).toEqual([expect.objectContaining({ level: 'warn', message: '[renderer] hello from the page' })]);
  });
});
