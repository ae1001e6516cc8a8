import { applyCommand } from './commands';
import type { CommandResult } from './commands';
import { FIXTURE_NOW, makeCompleteHandoff, makeContext, makeHandoff, makeTemplate } from './fixtures';
import type { Handoff } from './handoff';
import { HandoffSchema } from './handoff';
import { HandoffEventSchema } from './history';
import type { DomainError } from './errors';

function ok(result: CommandResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  expect(HandoffSchema.safeParse(result.handoff).success).toBe(true);
  expect(HandoffEventSchema.safeParse(result.event).success).toBe(true);
  return result;
}

function failed(result: CommandResult): DomainError {
  if (result.ok) throw new Error(`expected a refusal, got a ${result.event.kind} event`);
  return result.error;
}

/** Deep-freezes a handoff so any mutation by a command throws. */
function frozen(handoff: Handoff): Handoff {
  const freeze = (value: unknown): void => {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
      Object.freeze(value);
      Object.values(value).forEach(freeze);
    }
  };
  freeze(handoff);
  return handoff;
}

describe('applyCommand: invariants', () => {
  it('bumps the version by one, stamps updatedAt and emits one event with who/when/what', () => {
    const before = frozen(makeHandoff({ version: 7 }));
    const { handoff, event } = ok(applyCommand(before, { type: 'set_receiver', receiver: 'owner-receiver' }, makeContext()));
    expect(handoff.version).toBe(8);
    expect(handoff.updatedAt).toBe(FIXTURE_NOW);
    expect(handoff.stateEnteredAt).toBe(before.stateEnteredAt);
    expect(event).toEqual({
      id: 'id-1',
      handoffId: 'handoff-1',
      kind: 'field_changed',
      actor: 'owner-actor',
      at: FIXTURE_NOW,
      field: 'receiver',
      before: null,
      after: 'owner-receiver',
      summary: 'Receiver changed from nobody to owner-receiver',
    });
  });

  it('a state change restarts the SLA clock', () => {
    const { handoff } = ok(applyCommand(frozen(makeCompleteHandoff()), { type: 'move', to: 'READY_FOR_HANDOFF' }, makeContext()));
    expect(handoff.stateEnteredAt).toBe(FIXTURE_NOW);
  });

  it('rejects a malformed command with a specific VALIDATION message', () => {
    const handoff = frozen(makeHandoff());
    expect(failed(applyCommand(handoff, { type: 'set_title', title: '   ' }, makeContext()))).toEqual({
      code: 'VALIDATION',
      message: 'title: A handoff needs a title',
      issues: [{ path: 'title', message: 'A handoff needs a title' }],
    });
    expect(failed(applyCommand(handoff, { type: 'teleport' }, makeContext())).message).toMatch(/^type: Unknown command type; expected one of: move, accept/);
    expect(failed(applyCommand(handoff, 'move', makeContext())).message).toBe('A command is an object with a "type", e.g. { "type": "accept" }');
    expect(failed(applyCommand(handoff, { type: 'accept', force: true }, makeContext())).message).toBe('Unrecognized key: "force"');
    expect(failed(applyCommand(handoff, { type: 'set_title', title: 42 }, makeContext())).message).toBe(
      'title: Invalid input: expected string, received number',
    );
    expect(failed(applyCommand(handoff, { type: 'bounce' }, makeContext())).message).toBe('reason: Required (expected string)');
  });

  it('rejects a broken context', () => {
    const error = failed(applyCommand(makeHandoff(), { type: 'archive' }, makeContext({ now: 'tomorrow', actor: '' })));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['actor', 'now']);
  });

  it('rejects a template that is not the one the handoff was created with', () => {
    const error = failed(applyCommand(makeHandoff(), { type: 'archive' }, makeContext({ template: makeTemplate({ version: 2 }) })));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('"fixture-template" version 1');
  });
});

describe('moves', () => {
  it('move runs the gate and reports what is missing', () => {
    const error = failed(applyCommand(frozen(makeHandoff()), { type: 'move', to: 'READY_FOR_HANDOFF' }, makeContext()));
    expect(error.code).toBe('GATE_REFUSED');
    expect(error.unmet?.map((item) => item.criterionId)).toEqual(['brief_written', 'assets_link', 'design_approved_by_client']);
  });

  it('move records a transition with before/after states and an optional rank', () => {
    const { handoff, event } = ok(applyCommand(frozen(makeCompleteHandoff()), { type: 'move', to: 'IN_HANDOFF', rank: 2.5 }, makeContext()));
    expect(handoff.state).toBe('IN_HANDOFF');
    expect(handoff.rank).toBe(2.5);
    expect(event).toMatchObject({ kind: 'transition', field: 'state', before: 'IN_PROGRESS', after: 'IN_HANDOFF', summary: 'Moved from In progress to In handoff' });
  });

  it('moving into HANDOFF_DONE is an acceptance', () => {
    const { handoff, event } = ok(applyCommand(makeCompleteHandoff({ state: 'IN_HANDOFF' }), { type: 'move', to: 'HANDOFF_DONE' }, makeContext({ actor: 'owner-receiver' })));
    expect(handoff.state).toBe('HANDOFF_DONE');
    expect(event.kind).toBe('accepted');
  });

  it('a same-column move with a rank is a reorder, without one it changes nothing', () => {
    const handoff = frozen(makeHandoff({ rank: 1 }));
    const reordered = ok(applyCommand(handoff, { type: 'move', to: 'IN_PROGRESS', rank: 3 }, makeContext()));
    expect(reordered.handoff.rank).toBe(3);
    expect(reordered.handoff.stateEnteredAt).toBe(handoff.stateEnteredAt);
    expect(reordered.event).toMatchObject({ kind: 'field_changed', field: 'rank', before: 1, after: 3 });
    expect(failed(applyCommand(handoff, { type: 'move', to: 'IN_PROGRESS' }, makeContext()))).toEqual({
      code: 'VALIDATION',
      message: 'Nothing changed: "Homepage redesign" is already in In progress',
    });
  });

  it('a plain move back from IN_HANDOFF is refused and says to bounce', () => {
    const error = failed(applyCommand(makeHandoff({ state: 'IN_HANDOFF' }), { type: 'move', to: 'IN_PROGRESS' }, makeContext()));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toContain('bounce');
  });

  it('reorder changes only the rank', () => {
    const { handoff, event } = ok(applyCommand(frozen(makeHandoff()), { type: 'reorder', rank: -4 }, makeContext()));
    expect(handoff.rank).toBe(-4);
    expect(event.kind).toBe('field_changed');
    expect(failed(applyCommand(makeHandoff(), { type: 'reorder', rank: 0 }, makeContext())).message).toMatch(/^Nothing changed/);
    expect(failed(applyCommand(makeHandoff(), { type: 'reorder', rank: Infinity }, makeContext())).message).toMatch(/^rank: /);
  });
});

describe('accept', () => {
  it('accepts a handoff in IN_HANDOFF when ACCEPT holds', () => {
    const { handoff, event } = ok(applyCommand(frozen(makeCompleteHandoff({ state: 'IN_HANDOFF' })), { type: 'accept' }, makeContext({ actor: 'owner-receiver' })));
    expect(handoff.state).toBe('HANDOFF_DONE');
    expect(handoff.stateEnteredAt).toBe(FIXTURE_NOW);
    expect(event).toMatchObject({ kind: 'accepted', field: 'state', before: 'IN_HANDOFF', after: 'HANDOFF_DONE' });
  });

  it('acceptance resolves nothing else silently', () => {
    const withQuestion = makeCompleteHandoff({
      state: 'IN_HANDOFF',
      openQuestions: [{ id: 'q1', text: 'Which fonts?', askedBy: 'r', askedAt: FIXTURE_NOW, resolvedAt: null }],
      exceptions: [{ id: 'e1', kind: 'SLA_BREACHED', message: 'Late', raisedAt: FIXTURE_NOW, resolvedAt: null, resolvedBy: null, resolution: null }],
    });
    const { handoff } = ok(applyCommand(frozen(withQuestion), { type: 'accept' }, makeContext({ actor: 'owner-receiver' })));
    expect(handoff.openQuestions).toEqual(withQuestion.openQuestions);
    expect(handoff.exceptions).toEqual(withQuestion.exceptions);
  });

  it('is refused without the approval', () => {
    const error = failed(applyCommand(makeCompleteHandoff({ state: 'IN_HANDOFF', approvals: [] }), { type: 'accept' }, makeContext()));
    expect(error.code).toBe('GATE_REFUSED');
    expect(error.unmet?.[0]?.reason).toBe('Not yet approved by the Dev lead');
  });

  it('only applies to IN_HANDOFF', () => {
    expect(failed(applyCommand(makeCompleteHandoff(), { type: 'accept' }, makeContext()))).toEqual({
      code: 'INVALID_TRANSITION',
      message: 'Only a handoff that is In handoff can be accepted; "Homepage redesign" is In progress',
    });
    expect(failed(applyCommand(makeCompleteHandoff({ state: 'HANDOFF_DONE' }), { type: 'accept' }, makeContext())).message).toBe(
      'Nothing changed: "Homepage redesign" was already accepted',
    );
  });
});

describe('bounce', () => {
  it('sends the handoff back with the reason as an open question and counts the bounce', () => {
    const before = frozen(makeCompleteHandoff({ state: 'IN_HANDOFF', bounceCount: 1 }));
    const { handoff, event } = ok(applyCommand(before, { type: 'bounce', reason: '  Which breakpoints? ' }, makeContext({ actor: 'owner-receiver' })));
    expect(handoff.state).toBe('IN_PROGRESS');
    expect(handoff.bounceCount).toBe(2);
    expect(handoff.stateEnteredAt).toBe(FIXTURE_NOW);
    expect(handoff.openQuestions).toEqual([{ id: 'id-1', text: 'Which breakpoints?', askedBy: 'owner-receiver', askedAt: FIXTURE_NOW, resolvedAt: null }]);
    expect(event).toMatchObject({ id: 'id-2', kind: 'bounced', before: 'IN_HANDOFF', after: 'IN_PROGRESS', summary: 'Bounced back to In progress: "Which breakpoints?"' });
  });

  it('works from READY_FOR_HANDOFF too', () => {
    const { handoff } = ok(applyCommand(makeHandoff({ state: 'READY_FOR_HANDOFF', receiver: 'owner-receiver' }), { type: 'bounce', reason: 'Brief missing' }, makeContext({ actor: 'owner-receiver' })));
    expect(handoff.state).toBe('IN_PROGRESS');
  });

  it('needs a reason', () => {
    expect(failed(applyCommand(makeHandoff({ state: 'IN_HANDOFF' }), { type: 'bounce', reason: ' ' }, makeContext())).message).toBe(
      'reason: A bounce needs a reason',
    );
  });

  it('is refused from IN_PROGRESS and HANDOFF_DONE', () => {
    for (const state of ['IN_PROGRESS', 'HANDOFF_DONE'] as const) {
      expect(failed(applyCommand(makeHandoff({ state }), { type: 'bounce', reason: 'x' }, makeContext())).code).toBe('INVALID_TRANSITION');
    }
  });
});

describe('reopen', () => {
  it('takes an accepted handoff back to IN_PROGRESS with the reason recorded, without counting a bounce', () => {
    const { handoff, event } = ok(
      applyCommand(frozen(makeCompleteHandoff({ state: 'HANDOFF_DONE', bounceCount: 1 })), { type: 'reopen', reason: 'Client changed scope' }, makeContext()),
    );
    expect(handoff.state).toBe('IN_PROGRESS');
    expect(handoff.bounceCount).toBe(1);
    expect(handoff.openQuestions.map((question) => question.text)).toEqual(['Client changed scope']);
    expect(event).toMatchObject({ kind: 'transition', before: 'HANDOFF_DONE', after: 'IN_PROGRESS' });
    expect(event.summary).toContain('Client changed scope');
  });

  it('only reopens accepted handoffs and needs a reason', () => {
    expect(failed(applyCommand(makeHandoff({ state: 'IN_HANDOFF' }), { type: 'reopen', reason: 'x' }, makeContext())).code).toBe('INVALID_TRANSITION');
    expect(failed(applyCommand(makeHandoff({ state: 'HANDOFF_DONE' }), { type: 'reopen', reason: '' }, makeContext())).message).toBe(
      'reason: A reopen needs a reason',
    );
  });
});

describe('archive and restore', () => {
  const archived = makeCompleteHandoff({ archivedAt: '2026-11-21T00:00:00.000Z' });

  it('archives and restores with events', () => {
    const first = ok(applyCommand(frozen(makeHandoff()), { type: 'archive' }, makeContext()));
    expect(first.handoff.archivedAt).toBe(FIXTURE_NOW);
    expect(first.event).toMatchObject({ kind: 'archived', before: null, after: FIXTURE_NOW });
    const second = ok(applyCommand(first.handoff, { type: 'restore' }, makeContext()));
    expect(second.handoff.archivedAt).toBeNull();
    expect(second.handoff.version).toBe(first.handoff.version + 1);
    expect(second.event.kind).toBe('restored');
  });

  it('an archived handoff cannot move or be edited', () => {
    for (const command of [{ type: 'move', to: 'READY_FOR_HANDOFF' }, { type: 'set_title', title: 'New' }, { type: 'accept' }, { type: 'archive' }]) {
      expect(failed(applyCommand(frozen(archived), command, makeContext())).code).toBe('ARCHIVED');
    }
    expect(failed(applyCommand(archived, { type: 'archive' }, makeContext())).message).toBe('"Homepage redesign" is already archived');
  });

  it('but still takes notes, exceptions and HubSpot values so nothing from outside is lost', () => {
    ok(applyCommand(archived, { type: 'add_note', id: 'n1', body: 'Closed by client' }, makeContext()));
    ok(applyCommand(archived, { type: 'raise_exception', id: 'e1', kind: 'SYNC_FAILED', message: 'HubSpot said 500' }, makeContext()));
    ok(applyCommand(archived, { type: 'set_hubspot_property', property: 'design_approved_by_client', value: 'false' }, makeContext()));
  });

  it('restoring a live handoff changes nothing', () => {
    expect(failed(applyCommand(makeHandoff(), { type: 'restore' }, makeContext())).message).toBe('Nothing changed: "Homepage redesign" is not archived');
  });
});

describe('field commands', () => {
  it('set_title trims and records before/after', () => {
    const { handoff, event } = ok(applyCommand(frozen(makeHandoff()), { type: 'set_title', title: '  Checkout  ' }, makeContext()));
    expect(handoff.title).toBe('Checkout');
    expect(event).toMatchObject({ field: 'title', before: 'Homepage redesign', after: 'Checkout' });
    expect(failed(applyCommand(makeHandoff(), { type: 'set_title', title: 'Homepage redesign' }, makeContext())).message).toBe(
      'Nothing changed: the title is already that',
    );
    expect(failed(applyCommand(makeHandoff(), { type: 'set_title', title: 'x'.repeat(301) }, makeContext())).message).toBe(
      'title: A title is at most 300 characters',
    );
  });

  it('set_client replaces the client (missing CRM ids become null)', () => {
    const before = makeHandoff({ client: { name: 'Acme', hubspotCompanyId: '11', hubspotDealId: null } });
    const { handoff, event } = ok(applyCommand(frozen(before), { type: 'set_client', client: { name: 'Acme', hubspotDealId: '99' } }, makeContext()));
    expect(handoff.client).toEqual({ name: 'Acme', hubspotCompanyId: null, hubspotDealId: '99' });
    expect(event.summary).toBe('Updated the CRM links of client "Acme"');
    expect(failed(applyCommand(before, { type: 'set_client', client: { name: '' } }, makeContext())).message).toBe(
      'client.name: A handoff needs a client name',
    );
    expect(failed(applyCommand(before, { type: 'set_client', client: { name: 'A', owner: 'x' } }, makeContext())).message).toBe(
      'client: Unrecognized key: "owner"',
    );
  });

  it('set_sender / set_receiver accept an owner or null', () => {
    const withReceiver = ok(applyCommand(makeHandoff(), { type: 'set_receiver', receiver: 'r1' }, makeContext())).handoff;
    const cleared = ok(applyCommand(withReceiver, { type: 'set_receiver', receiver: null }, makeContext()));
    expect(cleared.handoff.receiver).toBeNull();
    expect(cleared.event.summary).toBe('Receiver changed from r1 to nobody');
    expect(ok(applyCommand(makeHandoff(), { type: 'set_sender', sender: null }, makeContext())).handoff.sender).toBeNull();
    expect(failed(applyCommand(makeHandoff(), { type: 'set_sender', sender: 'owner-sender' }, makeContext())).code).toBe('VALIDATION');
    expect(failed(applyCommand(makeHandoff(), { type: 'set_receiver', receiver: '' }, makeContext())).message).toBe('receiver: An id cannot be empty');
  });

  it('set_next_action sets, compares instants and clears', () => {
    const next = { text: 'Estimate', dueAt: '2026-12-01T10:00:00+01:00' };
    const set = ok(applyCommand(frozen(makeHandoff()), { type: 'set_next_action', nextAction: next }, makeContext()));
    expect(set.handoff.nextAction).toEqual(next);
    expect(
      failed(applyCommand(set.handoff, { type: 'set_next_action', nextAction: { text: 'Estimate', dueAt: '2026-12-01T09:00:00Z' } }, makeContext())).message,
    ).toBe('Nothing changed: the next action is already that');
    expect(ok(applyCommand(set.handoff, { type: 'set_next_action', nextAction: null }, makeContext())).event.summary).toBe('Cleared the next action');
    expect(failed(applyCommand(makeHandoff(), { type: 'set_next_action', nextAction: { text: 'x', dueAt: 'next week' } }, makeContext())).message).toBe(
      'nextAction.dueAt: Expected an ISO 8601 date-time, e.g. 2026-11-24T09:00:00Z',
    );
  });

  it('set_hubspot_property mirrors a value', () => {
    const { handoff, event } = ok(
      applyCommand(frozen(makeHandoff()), { type: 'set_hubspot_property', property: 'design_approved_by_client', value: 'true' }, makeContext()),
    );
    expect(handoff.hubspotProperties).toEqual({ design_approved_by_client: 'true' });
    expect(event).toMatchObject({ field: 'hubspotProperties.design_approved_by_client', before: null, after: 'true' });
    expect(failed(applyCommand(makeHandoff(), { type: 'set_hubspot_property', property: 'x', value: null }, makeContext())).message).toMatch(/^Nothing changed/);
    expect(failed(applyCommand(makeHandoff(), { type: 'set_hubspot_property', property: 'Bad Name', value: '1' }, makeContext())).message).toMatch(
      /^property: A HubSpot property name is lower-case snake_case/,
    );
  });
});

describe('record commands', () => {
  it('add_link stamps who and when; refuses unsafe, duplicate and taken ids', () => {
    const { handoff, event } = ok(
      applyCommand(frozen(makeHandoff()), { type: 'add_link', link: { id: 'l1', label: 'Brief', url: 'https://docs.example.com/brief' } }, makeContext()),
    );
    expect(handoff.links).toEqual([{ id: 'l1', label: 'Brief', url: 'https://docs.example.com/brief', addedAt: FIXTURE_NOW, addedBy: 'owner-actor' }]);
    expect(event).toMatchObject({ kind: 'link_added', summary: 'Attached "Brief" (https://docs.example.com/brief)' });
    expect(failed(applyCommand(handoff, { type: 'add_link', link: { id: 'l2', url: 'javascript:alert(1)' } }, makeContext())).message).toBe(
      'link.url: A link must be a full https:// or mailto: address',
    );
    expect(failed(applyCommand(handoff, { type: 'add_link', link: { id: 'l1', url: 'https://other.example.com' } }, makeContext()))).toEqual({
      code: 'CONFLICT',
      message: 'This handoff already has a link with id "l1"',
    });
    expect(failed(applyCommand(handoff, { type: 'add_link', link: { id: 'l3', url: 'https://docs.example.com/brief' } }, makeContext())).message).toBe(
      'The link https://docs.example.com/brief is already attached',
    );
  });

  it('remove_link', () => {
    const handoff = makeCompleteHandoff();
    const { handoff: after, event } = ok(applyCommand(frozen(handoff), { type: 'remove_link', linkId: 'link-1' }, makeContext()));
    expect(after.links).toEqual([]);
    expect(event).toMatchObject({ kind: 'link_removed', before: handoff.links[0], after: null });
    expect(failed(applyCommand(handoff, { type: 'remove_link', linkId: 'nope' }, makeContext()))).toEqual({
      code: 'NOT_FOUND',
      message: 'This handoff has no link with id "nope"',
    });
  });

  it('set_criterion ticks checklist criteria only', () => {
    const { handoff, event } = ok(applyCommand(frozen(makeHandoff()), { type: 'set_criterion', criterionId: 'brief_written', met: true }, makeContext()));
    expect(handoff.criteria.brief_written).toEqual({ met: true, by: 'owner-actor', at: FIXTURE_NOW });
    expect(event).toMatchObject({ kind: 'criterion_changed', field: 'criteria.brief_written', before: null, summary: 'Ticked "Brief written"' });
    const unticked = ok(applyCommand(handoff, { type: 'set_criterion', criterionId: 'brief_written', met: false }, makeContext()));
    expect(unticked.handoff.criteria.brief_written?.met).toBe(false);
    expect(failed(applyCommand(makeHandoff(), { type: 'set_criterion', criterionId: 'brief_written', met: false }, makeContext())).message).toBe(
      'Nothing changed: "Brief written" is already unticked',
    );
    expect(failed(applyCommand(makeHandoff(), { type: 'set_criterion', criterionId: 'receiver_assigned', met: true }, makeContext()))).toEqual({
      code: 'VALIDATION',
      message: `"Receiver assigned" is not a checklist item: it is met by the handoff's data (receiver assigned), not ticked by hand`,
    });
    expect(failed(applyCommand(makeHandoff(), { type: 'set_criterion', criterionId: 'unknown_one', met: true }, makeContext()))).toEqual({
      code: 'NOT_FOUND',
      message: 'Template "Fixture playbook" has no criterion "unknown_one"',
    });
  });

  it('approve and revoke_approval', () => {
    const { handoff, event } = ok(applyCommand(frozen(makeHandoff()), { type: 'approve', criterionId: 'lead_approval' }, makeContext()));
    expect(handoff.approvals).toEqual([{ id: 'id-1', criterionId: 'lead_approval', role: 'Dev lead', by: 'owner-actor', at: FIXTURE_NOW }]);
    expect(event).toMatchObject({ kind: 'approval_added', summary: 'Approved "Accepted by the dev lead" as the Dev lead' });
    expect(failed(applyCommand(handoff, { type: 'approve', criterionId: 'lead_approval' }, makeContext())).message).toBe(
      'Nothing changed: you already approved "Accepted by the dev lead"',
    );
    expect(failed(applyCommand(handoff, { type: 'approve', criterionId: 'brief_written' }, makeContext())).code).toBe('VALIDATION');
    const revoked = ok(applyCommand(handoff, { type: 'revoke_approval', approvalId: 'id-1' }, makeContext()));
    expect(revoked.handoff.approvals).toEqual([]);
    expect(revoked.event.kind).toBe('approval_revoked');
    expect(failed(applyCommand(handoff, { type: 'revoke_approval', approvalId: 'x' }, makeContext())).code).toBe('NOT_FOUND');
  });

  it('log_client_update and add_note', () => {
    const logged = ok(applyCommand(frozen(makeHandoff()), { type: 'log_client_update', id: 'u1', body: 'Designs approved' }, makeContext()));
    expect(logged.handoff.clientUpdates).toEqual([{ id: 'u1', body: 'Designs approved', by: 'owner-actor', at: FIXTURE_NOW }]);
    expect(logged.event.kind).toBe('client_update_logged');
    expect(failed(applyCommand(logged.handoff, { type: 'log_client_update', id: 'u1', body: 'again' }, makeContext())).code).toBe('CONFLICT');
    expect(failed(applyCommand(makeHandoff(), { type: 'log_client_update', id: 'u2', body: '' }, makeContext())).message).toBe(
      'body: A client update needs text',
    );
    const noted = ok(applyCommand(makeHandoff(), { type: 'add_note', id: 'n1', body: 'Call Tuesday' }, makeContext()));
    expect(noted.handoff.notes).toHaveLength(1);
    expect(noted.event.kind).toBe('note_added');
    expect(failed(applyCommand(noted.handoff, { type: 'add_note', id: 'n1', body: 'dup' }, makeContext())).code).toBe('CONFLICT');
  });

  it('checklist items: add, toggle, remove', () => {
    const added = ok(applyCommand(frozen(makeHandoff()), { type: 'add_checklist_item', id: 'c1', text: 'Export SVGs' }, makeContext()));
    expect(added.handoff.checklist).toEqual([{ id: 'c1', text: 'Export SVGs', done: false }]);
    const toggled = ok(applyCommand(frozen(added.handoff), { type: 'toggle_checklist_item', itemId: 'c1', done: true }, makeContext()));
    expect(toggled.handoff.checklist[0]?.done).toBe(true);
    expect(toggled.event).toMatchObject({ kind: 'checklist_changed', summary: 'Checked "Export SVGs"' });
    expect(failed(applyCommand(toggled.handoff, { type: 'toggle_checklist_item', itemId: 'c1', done: true }, makeContext())).code).toBe('VALIDATION');
    const removed = ok(applyCommand(toggled.handoff, { type: 'remove_checklist_item', itemId: 'c1' }, makeContext()));
    expect(removed.handoff.checklist).toEqual([]);
    expect(failed(applyCommand(removed.handoff, { type: 'remove_checklist_item', itemId: 'c1' }, makeContext())).code).toBe('NOT_FOUND');
    expect(failed(applyCommand(added.handoff, { type: 'add_checklist_item', id: 'c1', text: 'x' }, makeContext())).code).toBe('CONFLICT');
  });

  it('resolve_question', () => {
    const bounced = ok(applyCommand(makeHandoff({ state: 'IN_HANDOFF', receiver: 'owner-receiver' }), { type: 'bounce', reason: 'Fonts?' }, makeContext({ actor: 'owner-receiver' }))).handoff;
    const questionId = bounced.openQuestions[0]?.id ?? '';
    const { handoff, event } = ok(applyCommand(frozen(bounced), { type: 'resolve_question', questionId }, makeContext()));
    expect(handoff.openQuestions[0]?.resolvedAt).toBe(FIXTURE_NOW);
    expect(event.kind).toBe('question_resolved');
    expect(failed(applyCommand(handoff, { type: 'resolve_question', questionId }, makeContext())).message).toBe(
      'Nothing changed: the question "Fonts?" is already resolved',
    );
    expect(failed(applyCommand(handoff, { type: 'resolve_question', questionId: 'nope' }, makeContext())).code).toBe('NOT_FOUND');
  });

  it('raise_exception and resolve_exception', () => {
    const raised = ok(applyCommand(frozen(makeHandoff()), { type: 'raise_exception', id: 'e1', kind: 'GATE_BYPASSED', message: 'Deal moved in HubSpot' }, makeContext()));
    expect(raised.handoff.exceptions).toEqual([
      { id: 'e1', kind: 'GATE_BYPASSED', message: 'Deal moved in HubSpot', raisedAt: FIXTURE_NOW, resolvedAt: null, resolvedBy: null, resolution: null },
    ]);
    expect(
      failed(applyCommand(raised.handoff, { type: 'raise_exception', id: 'e2', kind: 'GATE_BYPASSED', message: 'Deal moved in HubSpot' }, makeContext())).message,
    ).toBe('Nothing changed: the same GATE_BYPASSED exception is already open on this handoff');
    expect(failed(applyCommand(raised.handoff, { type: 'raise_exception', id: 'e3', kind: 'LATE', message: 'x' }, makeContext())).message).toMatch(/^kind: /);
    const resolved = ok(applyCommand(frozen(raised.handoff), { type: 'resolve_exception', exceptionId: 'e1', resolution: 'Moved back' }, makeContext()));
    expect(resolved.handoff.exceptions[0]).toMatchObject({ resolvedAt: FIXTURE_NOW, resolvedBy: 'owner-actor', resolution: 'Moved back' });
    expect(failed(applyCommand(raised.handoff, { type: 'resolve_exception', exceptionId: 'e1', resolution: ' ' }, makeContext())).message).toBe(
      'resolution: Resolving an exception needs a note saying how',
    );
    expect(failed(applyCommand(resolved.handoff, { type: 'resolve_exception', exceptionId: 'e1', resolution: 'again' }, makeContext())).code).toBe('VALIDATION');
    expect(failed(applyCommand(resolved.handoff, { type: 'resolve_exception', exceptionId: 'zz', resolution: 'x' }, makeContext())).code).toBe('NOT_FOUND');
  });

  it('refuses to grow a list past the schema limit', () => {
    const links = Array.from({ length: 200 }, (_, index) => ({
      id: `l${index}`,
      label: '',
      url: `https://example.com/${index}`,
      addedAt: FIXTURE_NOW,
      addedBy: 'a',
    }));
    expect(failed(applyCommand(makeHandoff({ links }), { type: 'add_link', link: { id: 'new', url: 'https://example.com/new' } }, makeContext()))).toEqual({
      code: 'VALIDATION',
      message: 'A handoff can hold at most 200 links',
    });
  });
});
