import { getElectronFake } from '../test/setup/electron-fake';
import { contract } from '../shared/ipc/contract';
import { eventChannel } from '../shared/ipc/events';
import type { BatonApi } from '../shared/ipc/build-api';

describe('preload', () => {
  it('exposes exactly one object, built from the contract, and no ipcRenderer', async () => {
    const electron = await getElectronFake();
    electron.reset();
    vi.resetModules();
    const electronAgain = await getElectronFake();
    await import('./preload');
    expect(electronAgain.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...electronAgain.contextBridge.exposed.keys()]).toEqual(['baton']);
    const api = electronAgain.contextBridge.exposed.get('baton') as BatonApi;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(electronAgain.ipcRenderer);
    expect(Object.isFrozen(api)).toBe(true);

    electronAgain.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { online: false } });
    await expect(api['online.status']({})).resolves.toEqual({ ok: true, value: { online: false } });
    expect(electronAgain.ipcRenderer.invoke).toHaveBeenCalledWith('online.status', {});

    const received: unknown[] = [];
    const stop = api.on('online.changed', (payload) => received.push(payload));
    electronAgain.ipcRenderer.emitter.emit(eventChannel('online.changed'), {}, { online: true });
    stop();
    electronAgain.ipcRenderer.emitter.emit(eventChannel('online.changed'), {}, { online: false });
    expect(received).toEqual([{ online: true }]);
  });
});
