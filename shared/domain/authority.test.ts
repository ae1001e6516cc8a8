import { applyCommand, createHandoff, HANDOFF_COMMAND_TYPES } from './commands';
import type { CommandResult } from './commands';
import { authorityProblems, mayApprove } from './authority';
import { FIXTURE_NOW, makeCompleteHandoff, makeContext, makeHandoff, makeTemplate } from './fixtures';
import type { Owner } from './settings';
import type { HandoffCommand } from './command-schema';

const people: Owner[] = [
  { id: 'owner-sender', name: 'Sam Sender', role: 'PM' },
  { id: 'owner-receiver', name: 'Maya Chen', role: 'dev lead ' },
  { id: 'owner-lead', name: 'Léa Martin', role: 'Dev Lead' },
  { id: 'owner-qa', name: 'Quinn', role: 'QA lead' },
];
const template = makeTemplate();
const inHandoff = makeCompleteHandoff({ state: 'IN_HANDOFF', approvals: [] });
const approved = makeCompleteHandoff({ state: 'IN_HANDOFF' });

function as(actor: string, extra: Parameters<typeof makeContext>[0] = {}) {
  return makeContext({ actor, people, ...extra });
}

function refusal(result: CommandResult) {
  if (result.ok) throw new Error(`expected a refusal, got a ${result.event.kind} event`);
  return result.error;
}

function success(result: CommandResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

const behalf = { person: 'owner-receiver', reason: 'Maya is on leave; she agreed by phone' };

describe('authority: acceptance belongs to the receiver', () => {
  it('the sender is refused on every path into Handoff done, naming the receiver', () => {
    const paths: HandoffCommand[] = [{ type: 'accept' }, { type: 'move', to: 'HANDOFF_DONE' }, { type: 'move', to: 'HANDOFF_DONE', rank: 3 }];
    for (const command of paths) {
      const error = refusal(applyCommand(approved, command, as('owner-sender')));
      expect(error.code).toBe('NOT_ALLOWED');
      expect(error.message).toBe('Only the receiver, Maya Chen, can accept "Homepage redesign" (anyone else only on their behalf, with a reason).');
    }
    // A move across several columns lands in Handoff done too.
    const early = makeCompleteHandoff({ state: 'IN_PROGRESS' });
    expect(refusal(applyCommand(early, { type: 'move', to: 'HANDOFF_DONE' }, as('owner-sender'))).authority).toEqual([
      'Only the receiver, Maya Chen, can accept "Homepage redesign" (anyone else only on their behalf, with a reason)',
    ]);
    expect(success(applyCommand(early, { type: 'move', to: 'HANDOFF_DONE' }, as('owner-receiver'))).handoff.state).toBe('HANDOFF_DONE');
  });

  it('lists missing proof and missing authority together', () => {
    const unproven = makeHandoff({ state: 'IN_HANDOFF', receiver: 'owner-receiver' });
    const error = refusal(applyCommand(unproven, { type: 'accept' }, as('owner-qa')));
    expect(error.code).toBe('GATE_REFUSED');
    expect(error.unmet?.map((item) => item.criterionId)).toEqual(['lead_approval']);
    expect(error.authority).toHaveLength(1);
    expect(error.message).toMatch(/1 requirement is missing — Accepted by the dev lead: Not yet approved by the Dev lead\. Also: Only the receiver, Maya Chen, can accept/);
  });

  it("the receiver's Accept is one act: it gives the receiver's own approval the accept gate asks for", () => {
    const { handoff, event } = success(applyCommand(inHandoff, { type: 'accept' }, as('owner-receiver')));
    expect(handoff.state).toBe('HANDOFF_DONE');
    expect(handoff.approvals).toEqual([{ id: 'id-1', criterionId: 'lead_approval', role: 'Dev lead', by: 'owner-receiver', at: FIXTURE_NOW }]);
    expect(event.summary).toBe('Accepted by the receiver: moved to Handoff done, approving as the Dev lead');
    // The same by drag.
    expect(success(applyCommand(inHandoff, { type: 'move', to: 'HANDOFF_DONE' }, as('owner-receiver'))).handoff.approvals).toHaveLength(1);
  });

  it('a receiver who does not hold the role still needs the role-holder', () => {
    const qaReceiver = { ...inHandoff, receiver: 'owner-qa' };
    const error = refusal(applyCommand(qaReceiver, { type: 'accept' }, as('owner-qa')));
    expect(error.code).toBe('GATE_REFUSED');
    expect(error.authority).toBeUndefined();
  });

  it('nobody accepts a handoff without a receiver', () => {
    const error = refusal(applyCommand({ ...approved, receiver: null }, { type: 'accept' }, as('owner-sender')));
    expect(error.message).toContain('Nobody can accept "Homepage redesign" yet: it has no receiver');
  });

  it('a PM accepts on behalf of the receiver only with a reason, recorded on the event', () => {
    const { handoff, event } = success(applyCommand(inHandoff, { type: 'accept', onBehalfOf: behalf }, as('owner-sender')));
    expect(handoff.state).toBe('HANDOFF_DONE');
    expect(event.onBehalfOf).toEqual(behalf);
    expect(event.actor).toBe('owner-sender');
    expect(handoff.approvals[0]).toMatchObject({ by: 'owner-sender', onBehalfOf: behalf });
    expect(refusal(applyCommand(inHandoff, { type: 'accept', onBehalfOf: { person: 'owner-receiver', reason: '  ' } }, as('owner-sender'))).code).toBe('VALIDATION');
    expect(refusal(applyCommand(inHandoff, { type: 'accept', onBehalfOf: { ...behalf, person: 'owner-qa' } }, as('owner-sender'))).message).toContain(
      '"Homepage redesign" can only be accepted on behalf of its receiver, Maya Chen.',
    );
    expect(refusal(applyCommand(inHandoff, { type: 'accept', onBehalfOf: behalf }, as('owner-receiver'))).message).toContain('You cannot act on behalf of yourself');
  });
});

describe('authority: bounce belongs to the receiver', () => {
  it('refuses the sender and records an override', () => {
    expect(refusal(applyCommand(approved, { type: 'bounce', reason: 'No specs' }, as('owner-sender'))).message).toContain('Only the receiver, Maya Chen, can bounce');
    expect(success(applyCommand(approved, { type: 'bounce', reason: 'No specs' }, as('owner-receiver'))).handoff.bounceCount).toBe(1);
    const { event } = success(applyCommand(approved, { type: 'bounce', reason: 'No specs', onBehalfOf: behalf }, as('owner-sender')));
    expect(event.onBehalfOf).toEqual(behalf);
  });
});

describe('authority: approvals are given and revoked by role-holders', () => {
  it('refuses a non-holder, naming who can', () => {
    const error = refusal(applyCommand(inHandoff, { type: 'approve', criterionId: 'lead_approval' }, as('owner-sender')));
    expect(error).toMatchObject({ code: 'NOT_ALLOWED', message: 'Only the Dev lead — Maya Chen or Léa Martin — can approve "Accepted by the dev lead".' });
  });

  it('a holder approves (roles compare case-insensitively, trimmed)', () => {
    expect(success(applyCommand(inHandoff, { type: 'approve', criterionId: 'lead_approval' }, as('owner-lead'))).handoff.approvals).toHaveLength(1);
    expect(success(applyCommand(inHandoff, { type: 'approve', criterionId: 'lead_approval' }, as('owner-receiver'))).handoff.approvals).toHaveLength(1);
  });

  it('says so when nobody holds the role', () => {
    const error = refusal(applyCommand(inHandoff, { type: 'approve', criterionId: 'lead_approval' }, as('owner-sender', { people: people.slice(0, 1) })));
    expect(error.message).toBe('Nobody holds the role "Dev lead" needed to approve "Accepted by the dev lead": give it to someone in Settings → People.');
  });

  it('only a holder revokes; a PM may override for a holder', () => {
    expect(refusal(applyCommand(approved, { type: 'revoke_approval', approvalId: 'approval-1' }, as('owner-qa'))).code).toBe('NOT_ALLOWED');
    expect(success(applyCommand(approved, { type: 'revoke_approval', approvalId: 'approval-1' }, as('owner-lead'))).handoff.approvals).toEqual([]);
    const override = { person: 'owner-lead', reason: 'Léa asked me to' };
    const { event } = success(applyCommand(approved, { type: 'revoke_approval', approvalId: 'approval-1', onBehalfOf: override }, as('owner-qa')));
    expect(event.onBehalfOf).toEqual(override);
    const approval = success(applyCommand(inHandoff, { type: 'approve', criterionId: 'lead_approval', onBehalfOf: override }, as('owner-sender')));
    expect(approval.handoff.approvals[0]).toMatchObject({ by: 'owner-sender', onBehalfOf: override });
    expect(refusal(applyCommand(inHandoff, { type: 'approve', criterionId: 'lead_approval', onBehalfOf: { ...override, person: 'owner-qa' } }, as('owner-sender'))).code).toBe('NOT_ALLOWED');
  });

  it('without the people directory role checks are skipped (old callers), the receiver rule is not', () => {
    expect(success(applyCommand(inHandoff, { type: 'approve', criterionId: 'lead_approval' }, makeContext({ actor: 'owner-sender' }))).ok).toBe(true);
    expect(refusal(applyCommand(approved, { type: 'accept' }, makeContext({ actor: 'owner-sender' }))).message).toBe(
      'Only its receiver can accept "Homepage redesign" (anyone else only on their behalf, with a reason).',
    );
    expect(mayApprove('Dev lead', 'owner-sender', undefined)).toBe(true);
    expect(mayApprove('Dev lead', 'owner-sender', people)).toBe(false);
    expect(mayApprove('dev LEAD', 'owner-lead', people)).toBe(true);
  });
});

describe('authority: every other command is open to the team', () => {
  it('asks nothing of the actor for the remaining command types', () => {
    const ruled = new Set(['accept', 'bounce', 'approve', 'revoke_approval', 'move']);
    const open = HANDOFF_COMMAND_TYPES.filter((type) => !ruled.has(type));
    const samples: Record<string, HandoffCommand> = {
      reopen: { type: 'reopen', reason: 'x' },
      reorder: { type: 'reorder', rank: 1 },
      archive: { type: 'archive' },
      restore: { type: 'restore' },
      set_title: { type: 'set_title', title: 'x' },
      set_client: { type: 'set_client', client: { name: 'x', hubspotCompanyId: null, hubspotDealId: null } },
      set_sender: { type: 'set_sender', sender: null },
      set_receiver: { type: 'set_receiver', receiver: null },
      set_next_action: { type: 'set_next_action', nextAction: null },
      set_hubspot_property: { type: 'set_hubspot_property', property: 'x', value: null },
      add_link: { type: 'add_link', link: { id: 'l', label: '', url: 'https://example.com' } },
      remove_link: { type: 'remove_link', linkId: 'l' },
      set_criterion: { type: 'set_criterion', criterionId: 'brief_written', met: true },
      log_client_update: { type: 'log_client_update', id: 'u', body: 'x' },
      add_note: { type: 'add_note', id: 'n', body: 'x' },
      add_checklist_item: { type: 'add_checklist_item', id: 'c', text: 'x' },
      toggle_checklist_item: { type: 'toggle_checklist_item', itemId: 'c', done: true },
      remove_checklist_item: { type: 'remove_checklist_item', itemId: 'c' },
      resolve_question: { type: 'resolve_question', questionId: 'q' },
      raise_exception: { type: 'raise_exception', id: 'e', kind: 'SYNC_FAILED', message: 'x' },
      resolve_exception: { type: 'resolve_exception', exceptionId: 'e', resolution: 'x' },
    };
    expect(open.sort()).toEqual(Object.keys(samples).sort());
    for (const type of open) {
      const command = samples[type];
      if (command === undefined) throw new Error(`no sample for ${type}`);
      expect(authorityProblems(approved, command, { actor: 'someone-else', template, people })).toEqual([]);
    }
    // Moves that do not enter Handoff done are open too.
    expect(authorityProblems(makeCompleteHandoff(), { type: 'move', to: 'IN_HANDOFF' }, { actor: 'owner-qa', template, people })).toEqual([]);
  });
});

describe('authority: creating or importing straight into Handoff done', () => {
  const input = { title: 'Imported', client: { name: 'Acme' }, templateId: template.id, templateVersion: 1, receiver: 'owner-receiver', state: 'HANDOFF_DONE' as const };
  const lenient = makeTemplate({ criteria: [] });
  it('is an acceptance: the receiver only', () => {
    expect(refusal(createHandoff(input, { ...as('owner-sender', { template: lenient }), id: 'h' })).code).toBe('NOT_ALLOWED');
    expect(success(createHandoff(input, { ...as('owner-receiver', { template: lenient }), id: 'h' })).handoff.state).toBe('HANDOFF_DONE');
  });
});

describe('decided: a remote act already judged elsewhere', () => {
  it('skips both the gate and the authority check, and still records one event with version + 1', () => {
    const unproven = makeHandoff({ state: 'IN_HANDOFF', receiver: 'owner-receiver', version: 4 });
    const result = success(applyCommand(unproven, { type: 'accept' }, as('owner-sender', { decided: true })));
    expect(result.handoff.state).toBe('HANDOFF_DONE');
    expect(result.handoff.version).toBe(5);
    expect(result.event.kind).toBe('accepted');
    expect(success(applyCommand(inHandoff, { type: 'approve', criterionId: 'lead_approval' }, as('owner-qa', { decided: true }))).handoff.approvals).toHaveLength(1);
    const created = createHandoff(
      { title: 'Remote', client: { name: 'Acme' }, templateId: template.id, templateVersion: 1, state: 'HANDOFF_DONE' },
      { ...as('owner-sender', { decided: true }), id: 'h' },
    );
    expect(success(created).handoff.state).toBe('HANDOFF_DONE');
  });

  it('still validates and keeps structural rules', () => {
    expect(refusal(applyCommand(inHandoff, { type: 'bounce', reason: ' ' }, as('owner-sender', { decided: true }))).code).toBe('VALIDATION');
    expect(refusal(applyCommand(makeHandoff({ state: 'HANDOFF_DONE' }), { type: 'move', to: 'IN_HANDOFF' }, as('owner-sender', { decided: true }))).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});
