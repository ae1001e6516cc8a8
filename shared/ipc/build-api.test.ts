import { buildBatonApi, type BatonInvoke, type BatonSubscribe } from './build-api';
import { channelNames } from './contract';
import { eventNames } from './events';

function subscriptions() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const subscribe: BatonSubscribe = (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  const emit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { subscribe, emit };
}

describe('buildBatonApi', () => {
  it('has one function per channel plus on, and nothing else', () => {
    const api = buildBatonApi(async () => ({ ok: true, value: null }), () => () => undefined);
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on'].sort());
  });

  it('passes the channel and request through and returns the envelope', async () => {
    const invoke = vi.fn<BatonInvoke>(async () => ({ ok: false, error: { code: 'OFFLINE', message: 'Offline.' } }));
    const api = buildBatonApi(invoke, () => () => undefined);
    await expect(api['app.openExternal']({ url: 'https://example.com' })).resolves.toEqual({
      ok: false,
      error: { code: 'OFFLINE', message: 'Offline.' },
    });
    expect(invoke).toHaveBeenCalledWith('app.openExternal', { url: 'https://example.com' });
  });

  it('turns a transport failure or a non-envelope answer into a typed error', async () => {
    const throwing = buildBatonApi(async () => {
      throw new Error('channel closed');
    }, () => () => undefined);
    await expect(throwing['app.info']({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('channel closed') } });
    const garbage = buildBatonApi(async () => 'hello', () => () => undefined);
    await expect(garbage['app.info']({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers valid events, drops malformed ones, and unsubscribes', () => {
    const { subscribe, emit } = subscriptions();
    const api = buildBatonApi(async () => null, subscribe);
    const received: unknown[] = [];
    const stop = api.on('menu.command', (payload) => received.push(payload.command));
    emit('menu.command', { command: 'find' });
    emit('menu.command', { command: 'rm -rf' });
    emit('menu.command', null);
    stop();
    emit('menu.command', { command: 'new-handoff' });
    expect(received).toEqual(['find']);
  });

  it('refuses unknown events loudly', () => {
    const api = buildBatonApi(async () => null, () => () => undefined);
    expect(() => api.on('nope' as 'menu.command', () => undefined)).toThrow(/Unknown host event/);
    expect(eventNames).toEqual(expect.arrayContaining(['online.changed', 'sync.progress', 'notification.clicked', 'menu.command']));
  });
});
