import { buildBatonApi } from '../../../shared/ipc/build-api';
import { reportUncaughtErrors } from './report-errors';

describe('reportUncaughtErrors', () => {
  afterEach(() => {
    delete window.baton;
  });

  function installRecordingHost(): { channel: string; payload: unknown }[] {
    const calls: { channel: string; payload: unknown }[] = [];
    window.baton = buildBatonApi(
      async (channel, payload) => {
        calls.push({ channel, payload });
        return { ok: true, value: { written: true } };
      },
      () => () => undefined,
    );
    return calls;
  }

  // A stand-in for the window: jsdom would report errors dispatched on the real one as test failures.
  function errorEvent(error: unknown, message = ''): Event {
    return Object.assign(new Event('error'), { error, message });
  }

  it('forwards uncaught errors and unhandled rejections to the main log', () => {
    const calls = installRecordingHost();
    const target = new EventTarget();
    const stop = reportUncaughtErrors(target);
    target.dispatchEvent(errorEvent(new TypeError('x is undefined'), 'x is undefined'));
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new Error('save failed') }));
    target.dispatchEvent(errorEvent(undefined, 'Script error.'));
    stop();
    target.dispatchEvent(errorEvent(new Error('after stop')));
    expect(calls).toEqual([
      { channel: 'log.write', payload: { level: 'error', message: 'Uncaught TypeError: x is undefined' } },
      { channel: 'log.write', payload: { level: 'error', message: 'Unhandled rejection Error: save failed' } },
      { channel: 'log.write', payload: { level: 'error', message: 'Uncaught Script error.' } },
    ]);
  });

  it('caps the number of reports so an error loop cannot flood the log', () => {
    const calls = installRecordingHost();
    const target = new EventTarget();
    const stop = reportUncaughtErrors(target);
    for (let i = 0; i < 80; i += 1) target.dispatchEvent(errorEvent(new Error(`boom ${i}`)));
    stop();
    expect(calls).toHaveLength(50);
  });

  it('does nothing without a desktop host', () => {
    const target = new EventTarget();
    const add = vi.spyOn(target, 'addEventListener');
    const stop = reportUncaughtErrors(target);
    stop();
    expect(add).not.toHaveBeenCalled();
  });
});
