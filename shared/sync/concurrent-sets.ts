import type { HandoffCommand } from '../domain/command-schema';
import type { Handoff } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import type { Template } from '../domain/template';
import { BATON_ACTOR } from '../domain/people';
import { handoffToDealProperties } from '../hubspot/mapping';
import { PROP } from '../hubspot/properties';
import { stableId } from './apply-remote';
import type { CarriedEvent } from './carrier';

/**
 * Two desktops setting the same scalar without having seen each other's act.
 * Each command that sets a scalar records, where it is made, `prev`: the last
 * command that set the same scalar on that desktop (null: none). When the fold
 * meets a set whose `prev` is not the set whose value it replaces, neither
 * desktop had seen the other's act: the later one in the canonical order wins
 * (as for any act), and a merge decision is listed — derived from the two
 * events alone, so every desktop lists the same one, under the same id.
 */

/** The merge decisions the fold derives carry this id prefix: the fold drops them from its input and derives them again. */
export const CONCURRENT_PREFIX = 'mrgc';

const NO_PIPELINE = { pipelineId: '', stageIds: { IN_PROGRESS: '', READY_FOR_HANDOFF: '', IN_HANDOFF: '', HANDOFF_DONE: '' } };

/** The scalar a command sets, named as its HubSpot property (what revert and the merge list speak); null for every other command. */
export function scalarKeyOf(command: HandoffCommand): string | null {
  switch (command.type) {
    case 'set_title':
      return PROP.name;
    case 'set_client':
      return PROP.client;
    case 'set_sender':
      return PROP.sender;
    case 'set_receiver':
      return PROP.receiver;
    case 'set_next_action':
      return PROP.nextAction;
    case 'set_hubspot_property':
      return command.property;
    case 'set_criterion':
      return command.criterionId;
    default:
      return null;
  }
}

/** The scalar's value as its property holds it. */
export function scalarValue(handoff: Handoff, template: Template, key: string): string | null {
  const properties = handoffToDealProperties(handoff, template, NO_PIPELINE);
  return Object.hasOwn(properties, key) ? (properties[key] ?? null) : (handoff.hubspotProperties[key] ?? null);
}

export function isDerivedDecision(entry: CarriedEvent): boolean {
  return entry.event.kind === 'merge_decision' && entry.event.id.startsWith(`${CONCURRENT_PREFIX}-`);
}

/** The id of the last command in `log` (canonical order) that set `key`, or null. */
export function lastSetter(log: readonly CarriedEvent[], key: string): string | null {
  let last: string | null = null;
  for (const entry of log) if (entry.recipe.kind === 'command' && scalarKeyOf(entry.recipe.command) === key) last = entry.event.id;
  return last;
}

/** One side of the decision: who set which value when (read by the merge list, renderer/src/sync/revert-merge.ts). */
function side(entry: CarriedEvent, value: string | null) {
  return { side: 'baton' as const, value, at: entry.event.at, by: entry.event.actor };
}

/** The merge decision listed when `winner` replaced the value `loser` set without having seen it. */
export function concurrentDecision(handoffId: string, key: string, loser: CarriedEvent, loserValue: string | null, winner: CarriedEvent, winnerValue: string | null): CarriedEvent {
  const event: HandoffEvent = {
    id: stableId(CONCURRENT_PREFIX, loser.event.id, winner.event.id),
    handoffId,
    kind: 'merge_decision',
    actor: BATON_ACTOR,
    at: winner.event.at,
    field: key,
    before: side(loser, loserValue),
    after: side(winner, winnerValue),
    summary:
      `Two desktops changed ${key} at the same time: kept the later value ${JSON.stringify(winnerValue)}; ` +
      `the value ${JSON.stringify(loserValue)} can be restored from here.`,
  };
  return { seq: winner.seq, event, recipe: { kind: 'none' } };
}
