import { eventChannel, events, type EmitEvent } from '../../shared/ipc/events';
import type { Logger } from '../host/deps';

/** Anything that can receive an event: Electron's webContents, or the test host's page. */
export interface EventSink {
  send(channel: string, payload: unknown): void;
}

/**
 * Builds `emit`: validates the payload against the event's schema (a bug here
 * must not put malformed data in front of the UI) and sends it when a window
 * is there to receive it.
 */
export function createEmitter(getSink: () => EventSink | null, logger: Logger): EmitEvent {
  return (event, payload) => {
    const parsed = events[event].safeParse(payload);
    if (!parsed.success) {
      logger.error('Refused to emit a malformed event', { event, issue: parsed.error.issues[0]?.message });
      return;
    }
    getSink()?.send(eventChannel(event), parsed.data);
  };
}
