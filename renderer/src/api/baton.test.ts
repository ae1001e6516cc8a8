import { buildBatonApi } from '../../../shared/ipc/build-api';
import { BatonApiError, callHost, callHostResult, hasHost, isBatonApiError, onHostEvent } from './baton';

describe('renderer host API', () => {
  afterEach(() => {
    delete window.baton;
  });

  it('runs offline-only without a host: calls fail with NO_HOST', async () => {
    expect(hasHost()).toBe(false);
    const error = await callHost('hubspot.status', {}).catch((caught: unknown) => caught);
    expect(isBatonApiError(error, 'NO_HOST')).toBe(true);
    expect((error as BatonApiError).message).toMatch(/desktop app/);
    await expect(callHostResult('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'NO_HOST' } });
    expect(() => onHostEvent('online.changed', () => undefined)()).not.toThrow();
  });

  it('unwraps values and throws typed errors with issues when a host is present', async () => {
    const invoke = vi.fn(async (channel: string) =>
      channel === 'online.status'
        ? { ok: true, value: { online: true } }
        : { ok: false, error: { code: 'BAD_REQUEST', message: 'bad url', issues: [{ path: 'url', message: 'Invalid' }] } },
    );
    window.baton = buildBatonApi(invoke, () => () => undefined);
    expect(hasHost()).toBe(true);
    await expect(callHost('online.status', {})).resolves.toEqual({ online: true });
    const error = await callHost('app.openExternal', { url: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BatonApiError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', issues: [{ path: 'url', message: 'Invalid' }] });
  });
});
