import type { Handoff } from '../domain/handoff';
import type { EventKind, HandoffEvent } from '../domain/history';
import { HandoffStateSchema } from '../domain/states';
import type { HandoffState } from '../domain/states';
import { toEpochMs } from '../domain/instant';

/** One uninterrupted stay of one handoff in one column, rebuilt from history. */
export interface StateStay {
  handoffId: string;
  state: HandoffState;
  /** Epoch ms it entered; null when history does not say (see stateStays). */
  enteredAt: number | null;
  /** The event kind that brought it here ('created', 'transition', 'accepted', 'bounced', 'undo'). */
  enteredBy: EventKind | null;
  /** Epoch ms it left; null while it is still there. */
  leftAt: number | null;
  leftBy: EventKind | null;
}

interface StateChange {
  kind: EventKind;
  at: number;
  /** null for `created`, whose event carries the new handoff rather than a state pair. */
  before: HandoffState | null;
  after: HandoffState;
}

/**
 * Reads a state change out of an event: `created` carries the whole new
 * handoff in `after`; transitions, acceptances, bounces, reopens and undos
 * carry `field: 'state'` with the old and new state. Anything else is not one.
 */
function stateChangeOf(event: HandoffEvent): StateChange | null {
  if (event.kind === 'created') {
    const created = event.after;
    const state = typeof created === 'object' && created !== null && 'state' in created ? HandoffStateSchema.safeParse(created.state) : null;
    // A created event without a readable state still means the card started somewhere; new cards start IN_PROGRESS.
    return { kind: event.kind, at: toEpochMs(event.at), before: null, after: state?.success ? state.data : 'IN_PROGRESS' };
  }
  if (event.field !== 'state') return null;
  const before = HandoffStateSchema.safeParse(event.before);
  const after = HandoffStateSchema.safeParse(event.after);
  if (!before.success || !after.success || before.data === after.data) return null;
  return { kind: event.kind, at: toEpochMs(event.at), before: before.data, after: after.data };
}

function changesByHandoff(events: readonly HandoffEvent[]): Map<string, StateChange[]> {
  const byHandoff = new Map<string, StateChange[]>();
  for (const event of events) {
    const change = stateChangeOf(event);
    if (change === null) continue;
    const list = byHandoff.get(event.handoffId) ?? [];
    list.push(change);
    byHandoff.set(event.handoffId, list);
  }
  // Array.prototype.sort is stable, so events recorded in the same millisecond keep their recorded order.
  for (const list of byHandoff.values()) list.sort((a, b) => a.at - b.at);
  return byHandoff;
}

function staysOfOne(handoffId: string, changes: readonly StateChange[], createdAt: number | null): StateStay[] {
  const stays: StateStay[] = [];
  let current: StateStay | null = null;
  for (const change of changes) {
    if (current === null) {
      if (change.before !== null) {
        // The history starts mid-life (e.g. a card that arrived from HubSpot):
        // the first stay began when Baton first saw the card, if we know when.
        const start = createdAt !== null && createdAt <= change.at ? createdAt : null;
        stays.push({ handoffId, state: change.before, enteredAt: start, enteredBy: null, leftAt: change.at, leftBy: change.kind });
      }
    } else {
      const previous = stays.at(-2);
      const undoesLastMove = change.kind === 'undo' && previous !== undefined && previous.state === change.after && previous.leftAt === current.enteredAt;
      if (undoesLastMove) {
        // An undo takes back a move that should not have happened: the card
        // resumes its earlier stay (its SLA clock is restored the same way), and
        // the mistaken stay is not counted as a completion, bounce or stage.
        stays.pop();
        previous.leftAt = null;
        previous.leftBy = null;
        current = previous;
        continue;
      }
      current.leftAt = change.at;
      current.leftBy = change.kind;
    }
    current = { handoffId, state: change.after, enteredAt: change.at, enteredBy: change.kind, leftAt: null, leftBy: null };
    stays.push(current);
  }
  return stays;
}

/**
 * Every stay of every handoff in the events, oldest first per handoff.
 * `handoffs`, when given, supply `createdAt` for histories that do not begin
 * with a `created` event; without either, that first stay's start is unknown
 * (null) and time-based metrics skip it rather than guess.
 */
export function stateStays(events: readonly HandoffEvent[], handoffs: readonly Pick<Handoff, 'id' | 'createdAt'>[] = []): StateStay[] {
  const createdAt = new Map(handoffs.map((handoff) => [handoff.id, toEpochMs(handoff.createdAt)]));
  const stays: StateStay[] = [];
  for (const [handoffId, changes] of changesByHandoff(events)) {
    stays.push(...staysOfOne(handoffId, changes, createdAt.get(handoffId) ?? null));
  }
  return stays;
}
