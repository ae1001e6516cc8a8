import type { Handoff } from '../../../shared/domain/handoff';
import { startingRecords } from '../../../shared/domain/handoff';
import type { Template } from '../../../shared/domain/template';
import type { StageIds } from '../../../shared/sync/protocol';

/** A small template that exercises every criterion kind. */
export const TEMPLATE: Template = {
  id: 'sync-test',
  version: 1,
  name: 'Sync test',
  description: '',
  fromTeam: 'Design',
  toTeam: 'Development',
  criteria: [
    { id: 'assets_ready', label: 'Assets ready', gate: 'READY', kind: 'checklist' },
    { id: 'brief_link', label: 'Brief linked', gate: 'READY', kind: 'context_link' },
    { id: 'receiver_set', label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned' },
    { id: 'next_step', label: 'Next action', gate: 'HAND_OVER', kind: 'next_action' },
    { id: 'client_told', label: 'Client told', gate: 'HAND_OVER', kind: 'client_notified' },
    { id: 'lead_approval', label: 'Lead approved', gate: 'ACCEPT', kind: 'approval', role: 'Dev lead' },
    { id: 'design_ok', label: 'Design approved by client', gate: 'READY', kind: 'hubspot_property', property: 'design_approved_by_client', equals: 'true' },
  ],
  sla: {},
  clientUpdateTemplate: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  archivedAt: null,
};

export const STAGE_IDS: StageIds = {
  IN_PROGRESS: 'stage-progress',
  READY_FOR_HANDOFF: 'stage-ready',
  IN_HANDOFF: 'stage-handoff',
  HANDOFF_DONE: 'stage-done',
};

export const PIPELINE = { pipelineId: 'pipeline-handoffs', stageIds: STAGE_IDS };

export function makeHandoff(overrides: Partial<Handoff> = {}): Handoff {
  return {
    id: 'h-1',
    title: 'Homepage redesign',
    client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null },
    templateId: TEMPLATE.id,
    templateVersion: TEMPLATE.version,
    state: 'IN_PROGRESS',
    rank: 1,
    sender: 'owner-1',
    receiver: null,
    nextAction: null,
    ...startingRecords(),
    stateEnteredAt: '2026-11-01T09:00:00.000Z',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** A handoff that passes every gate up to `HANDOFF_DONE` (`now` before 2027). */
export function makeCompleteHandoff(overrides: Partial<Handoff> = {}): Handoff {
  return makeHandoff({
    receiver: 'owner-2',
    nextAction: { text: 'Kick-off call', dueAt: '2027-01-10T10:00:00.000Z' },
    links: [{ id: 'l-1', label: 'Brief', url: 'https://example.com/brief', addedAt: '2026-11-01T09:00:00.000Z', addedBy: 'owner-1' }],
    criteria: { assets_ready: { met: true, by: 'owner-1', at: '2026-11-01T09:00:00.000Z' } },
    clientUpdates: [{ id: 'cu-1', body: 'We are handing over.', by: 'owner-1', at: '2026-11-01T09:00:00.000Z' }],
    hubspotProperties: { design_approved_by_client: 'true' },
    approvals: [{ id: 'a-1', criterionId: 'lead_approval', role: 'Dev lead', by: 'owner-3', at: '2026-11-01T09:00:00.000Z' }],
    ...overrides,
  });
}
