import type { Handoff } from './handoff';
import { startingRecords } from './handoff';
import type { Template } from './template';
import type { CommandContext } from './command-context';
import type { EventKind, HandoffEvent } from './history';
import type { HandoffState } from './states';

/**
 * Builders for tests (here and in other layers): one template that uses every
 * criterion kind on every gate, and a handoff that satisfies none of it.
 */
export const FIXTURE_NOW = '2026-11-24T10:00:00.000Z';

export function makeTemplate(overrides: Partial<Template> = {}): Template {
  return {
    id: 'fixture-template',
    version: 1,
    name: 'Fixture playbook',
    description: '',
    fromTeam: 'Design',
    toTeam: 'Development',
    criteria: [
      { id: 'brief_written', label: 'Brief written', gate: 'READY', kind: 'checklist' },
      { id: 'assets_link', label: 'Assets uploaded', gate: 'READY', kind: 'context_link' },
      {
        id: 'design_approved_by_client',
        label: 'Design approved by client',
        gate: 'READY',
        kind: 'hubspot_property',
        property: 'design_approved_by_client',
        equals: 'true',
      },
      { id: 'receiver_assigned', label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned' },
      { id: 'next_action_set', label: 'Next action scheduled', gate: 'HAND_OVER', kind: 'next_action' },
      { id: 'client_notified', label: 'Client notified', gate: 'HAND_OVER', kind: 'client_notified' },
      { id: 'lead_approval', label: 'Accepted by the dev lead', gate: 'ACCEPT', kind: 'approval', role: 'Dev lead' },
    ],
    sla: {},
    clientUpdateTemplate: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    archivedAt: null,
    ...overrides,
  };
}

export function makeHandoff(overrides: Partial<Handoff> = {}): Handoff {
  return {
    id: 'handoff-1',
    title: 'Homepage redesign',
    client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null },
    templateId: 'fixture-template',
    templateVersion: 1,
    state: 'IN_PROGRESS',
    rank: 0,
    sender: 'owner-sender',
    receiver: null,
    nextAction: null,
    ...startingRecords(),
    stateEnteredAt: '2026-11-20T09:00:00.000Z',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** A handoff of `makeTemplate()` with every criterion of every gate met at FIXTURE_NOW. */
export function makeCompleteHandoff(overrides: Partial<Handoff> = {}): Handoff {
  return makeHandoff({
    receiver: 'owner-receiver',
    nextAction: { text: 'Estimate the build', dueAt: '2026-12-01T09:00:00.000Z' },
    links: [{ id: 'link-1', label: 'Figma', url: 'https://figma.com/file/1', addedAt: '2026-11-20T09:00:00.000Z', addedBy: 'owner-sender' }],
    criteria: { brief_written: { met: true, by: 'owner-sender', at: '2026-11-20T09:00:00.000Z' } },
    approvals: [{ id: 'approval-1', criterionId: 'lead_approval', role: 'Dev lead', by: 'owner-lead', at: '2026-11-20T09:00:00.000Z' }],
    clientUpdates: [{ id: 'update-1', body: 'Designs are with development.', by: 'owner-sender', at: '2026-11-20T09:00:00.000Z' }],
    hubspotProperties: { design_approved_by_client: 'true' },
    ...overrides,
  });
}

/** A context whose ids count up ("id-1", "id-2", …) so results are deterministic. */
export function makeContext(overrides: Partial<CommandContext> = {}): CommandContext {
  let counter = 0;
  return {
    template: makeTemplate(),
    actor: 'owner-actor',
    now: FIXTURE_NOW,
    newId: () => {
      counter += 1;
      return `id-${counter}`;
    },
    ...overrides,
  };
}

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
