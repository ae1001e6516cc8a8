import type { EventKind, HandoffEvent } from '../domain/history';
import type { HandoffState } from '../domain/states';
import { makeHandoff } from '../domain/fixtures';

/**
 * Builders for history in metric tests (and other layers' tests): events as
 * `createHandoff` and the lifecycle commands record them, written by hand so
 * each test can state its timeline literally.
 */
export function createdEvent(handoffId: string, at: string, state: HandoffState = 'IN_PROGRESS'): HandoffEvent {
  return {
    id: `${handoffId}-created`,
    handoffId,
    kind: 'created',
    actor: 'owner-sender',
    at,
    field: null,
    before: null,
    after: makeHandoff({ id: handoffId, state, createdAt: at, stateEnteredAt: at, updatedAt: at }),
    summary: 'Created',
  };
}

export function stateEvent(
  handoffId: string,
  at: string,
  before: HandoffState,
  after: HandoffState,
  kind: EventKind = after === 'HANDOFF_DONE' ? 'accepted' : 'transition',
): HandoffEvent {
  return { id: `${handoffId}-${kind}-${at}`, handoffId, kind, actor: 'owner-actor', at, field: 'state', before, after, summary: `${before} → ${after}` };
}

/**
 * A whole history from a start state and a list of [time, next state, kind?]
 * steps: each step leaves the state the previous one entered.
 */
export function historyOf(
  handoffId: string,
  createdAt: string,
  steps: readonly (readonly [at: string, to: HandoffState, kind?: EventKind])[],
  startState: HandoffState = 'IN_PROGRESS',
): HandoffEvent[] {
  const events = [createdEvent(handoffId, createdAt, startState)];
  let state = startState;
  for (const [at, to, kind] of steps) {
    events.push(stateEvent(handoffId, at, state, to, kind));
    state = to;
  }
  return events;
}
