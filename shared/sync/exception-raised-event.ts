import type { HandoffException } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import { HUBSPOT_ACTOR } from './edit-times';
import { stableId } from './apply-remote';

/** The history event of an exception a pull raises on a card (one per exception; the same id when a pull is re-applied). */
export function exceptionRaisedByPull(handoffId: string, exception: HandoffException, at: string): HandoffEvent {
  return {
    id: stableId('evt', exception.id),
    handoffId,
    kind: 'exception_raised',
    actor: HUBSPOT_ACTOR,
    at,
    field: `exceptions.${exception.id}`,
    before: null,
    after: exception,
    summary: exception.message.slice(0, 2000),
  };
}
