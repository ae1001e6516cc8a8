import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import { STATE_LABELS } from '../../../shared/domain/states';
import { sameValue } from '../../../shared/domain/same-value';
import type { UndoEntry } from './undo-entry';

/** An undo slot before it is stamped with its time and sequence number. */
export type UndoPlan = Omit<UndoEntry, 'at' | 'seq'>;

function quoted(handoff: Handoff): string {
  return `“${handoff.title}”`;
}

function edit(after: Handoff, inverse: HandoffCommand, path: string, label: string): UndoPlan {
  return {
    id: 'edit',
    handoffId: after.id,
    label,
    inverse,
    expect: { path, value: valueAt(after, path) },
    fromState: null,
    toState: null,
    previousStateEnteredAt: null,
  };
}

/**
 * How to reverse a change, if it can be: moves (between and within columns) go
 * to the "move" slot; field edits with an exact inverse go to the "edit" slot.
 * Acts that told someone something (accept, bounce, client updates, notes,
 * approvals, exceptions) are not undoable; they have their own counter-acts.
 */
export function planUndo(before: Handoff, after: Handoff, command: HandoffCommand): UndoPlan | null {
  switch (command.type) {
    case 'move':
    case 'reorder': {
      if (before.state !== after.state) {
        return {
          id: 'move',
          handoffId: after.id,
          label: `Undo: moved ${quoted(after)} to ${STATE_LABELS[after.state]}`,
          inverse: { type: 'move', to: before.state, rank: before.rank },
          expect: { path: 'state', value: after.state },
          fromState: before.state,
          toState: after.state,
          previousStateEnteredAt: before.stateEnteredAt,
        };
      }
      if (before.rank === after.rank) return null;
      return {
        id: 'move',
        handoffId: after.id,
        label: `Undo: reordered ${quoted(after)}`,
        inverse: { type: 'reorder', rank: before.rank },
        expect: { path: 'rank', value: after.rank },
        fromState: null,
        toState: null,
        previousStateEnteredAt: null,
      };
    }
    case 'set_title':
      return edit(after, { type: 'set_title', title: before.title }, 'title', `Undo: rename of ${quoted(before)}`);
    case 'set_client':
      return edit(after, { type: 'set_client', client: before.client }, 'client', `Undo: client change on ${quoted(after)}`);
    case 'set_sender':
      return edit(after, { type: 'set_sender', sender: before.sender }, 'sender', `Undo: sender change on ${quoted(after)}`);
    case 'set_receiver':
      return edit(after, { type: 'set_receiver', receiver: before.receiver }, 'receiver', `Undo: receiver change on ${quoted(after)}`);
    case 'set_next_action':
      return edit(after, { type: 'set_next_action', nextAction: before.nextAction }, 'nextAction', `Undo: next action change on ${quoted(after)}`);
    case 'set_hubspot_property':
      return edit(
        after,
        { type: 'set_hubspot_property', property: command.property, value: before.hubspotProperties[command.property] ?? null },
        `hubspotProperties.${command.property}`,
        `Undo: HubSpot property change on ${quoted(after)}`,
      );
    case 'set_criterion':
      return edit(
        after,
        { type: 'set_criterion', criterionId: command.criterionId, met: before.criteria[command.criterionId]?.met ?? false },
        `criteria.${command.criterionId}.met`,
        `Undo: ${command.met ? 'ticked' : 'unticked'} criterion on ${quoted(after)}`,
      );
    case 'add_link':
      return edit(after, { type: 'remove_link', linkId: command.link.id }, 'links', `Undo: link added to ${quoted(after)}`);
    case 'remove_link': {
      const link = before.links.find((candidate) => candidate.id === command.linkId);
      if (!link) return null;
      return edit(after, { type: 'add_link', link: { id: link.id, label: link.label, url: link.url } }, 'links', `Undo: link removed from ${quoted(after)}`);
    }
    case 'add_checklist_item':
      return edit(after, { type: 'remove_checklist_item', itemId: command.id }, 'checklist', `Undo: checklist item added to ${quoted(after)}`);
    case 'toggle_checklist_item':
      return edit(
        after,
        { type: 'toggle_checklist_item', itemId: command.itemId, done: !command.done },
        'checklist',
        `Undo: checklist item ${command.done ? 'ticked' : 'unticked'} on ${quoted(after)}`,
      );
    default:
      return null;
  }
}

/** Reads "title", "criteria.brief_ready.met", "hubspotProperties.deal_x" from a handoff. */
export function valueAt(handoff: Handoff, path: string): unknown {
  let current: unknown = handoff;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The undo still makes sense only if nobody changed what it would put back. */
export function undoStillApplies(entry: UndoEntry, current: Handoff): boolean {
  return current.archivedAt === null && sameValue(valueAt(current, entry.expect.path), entry.expect.value);
}
