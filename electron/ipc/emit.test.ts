import { eventChannel, type EventName } from '../../shared/ipc/events';
import { createEmitter } from './emit';

describe('createEmitter', () => {
  it('sends valid events on the event channel and refuses malformed ones', () => {
    const sent: [string, unknown][] = [];
    const errors: string[] = [];
    const emit = createEmitter(() => ({ send: (channel, payload) => sent.push([channel, payload]) }), {
      info: () => undefined,
      warn: () => undefined,
      error: (message) => errors.push(message),
    });
    emit('notification.clicked', { handoffId: 'h-1' });
    emit('notification.clicked' as EventName, { handoffId: '' } as never);
    expect(sent).toEqual([[eventChannel('notification.clicked'), { handoffId: 'h-1' }]]);
    expect(errors).toHaveLength(1);
  });

  it('does nothing without a window', () => {
    const emit = createEmitter(() => null, { info: () => undefined, warn: () => undefined, error: () => undefined });
    expect(() => emit('online.changed', { online: true })).not.toThrow();
  });
});
