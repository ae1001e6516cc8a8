import { createHandoff, describeEvent, NewHandoffInputSchema } from './commands';
import { FIXTURE_NOW, makeContext, makeTemplate } from './fixtures';
import { HandoffSchema } from './handoff';
import { HandoffEventSchema } from './history';

const input = { title: 'Homepage redesign', client: { name: 'Acme' }, templateId: 'fixture-template', templateVersion: 1 };

function context(overrides: Parameters<typeof makeContext>[0] = {}) {
  return { ...makeContext(overrides), id: 'new-handoff' };
}

describe('createHandoff', () => {
  it('builds a valid version-1 handoff in IN_PROGRESS with a created event', () => {
    const result = createHandoff(input, context());
    if (!result.ok) throw new Error(result.error.message);
    expect(HandoffSchema.parse(result.handoff)).toEqual(result.handoff);
    expect(result.handoff).toMatchObject({
      id: 'new-handoff',
      state: 'IN_PROGRESS',
      version: 1,
      rank: 0,
      sender: null,
      receiver: null,
      nextAction: null,
      bounceCount: 0,
      createdAt: FIXTURE_NOW,
      updatedAt: FIXTURE_NOW,
      stateEnteredAt: FIXTURE_NOW,
      archivedAt: null,
      client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null },
    });
    expect(HandoffEventSchema.parse(result.event)).toEqual(result.event);
    expect(result.event).toMatchObject({
      kind: 'created',
      handoffId: 'new-handoff',
      actor: 'owner-actor',
      before: null,
      summary: 'Created "Homepage redesign" for Acme in In progress',
    });
    expect(describeEvent(result.event)).toBe('Created "Homepage redesign" for Acme in In progress');
  });

  it('creating straight into a later column runs the gate', () => {
    const refused = createHandoff({ ...input, state: 'READY_FOR_HANDOFF' }, context());
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('GATE_REFUSED');
    expect(refused.error.unmet?.map((item) => item.criterionId)).toEqual(['brief_written', 'assets_link', 'design_approved_by_client']);

    const lenient = makeTemplate({ criteria: [{ id: 'receiver_assigned', label: 'Receiver', gate: 'HAND_OVER', kind: 'receiver_assigned' }] });
    const skipped = createHandoff({ ...input, state: 'IN_HANDOFF', receiver: 'r1' }, context({ template: lenient }));
    expect(skipped.ok && skipped.handoff.state).toBe('IN_HANDOFF');
    const missing = createHandoff({ ...input, state: 'IN_HANDOFF' }, context({ template: lenient }));
    expect(!missing.ok && missing.error.message).toContain('No receiver is assigned');
  });

  it('rejects malformed input with specific messages', () => {
    const result = createHandoff({ title: '', client: { name: ' ' }, templateId: 'fixture-template', templateVersion: 0, colour: 'red' }, context());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.issues).toEqual([
      { path: 'title', message: 'A handoff needs a title' },
      { path: 'client.name', message: 'A handoff needs a client name' },
      { path: 'templateVersion', message: 'A template version is a positive whole number' },
      { path: '', message: 'Unrecognized key: "colour"' },
    ]);
    expect(result.error.message).toBe(
      'title: A handoff needs a title; client.name: A handoff needs a client name; templateVersion: A template version is a positive whole number; Unrecognized key: "colour"',
    );
  });

  it('rejects a template other than the one named, an archived template and a bad id', () => {
    const wrong = createHandoff({ ...input, templateVersion: 3 }, context());
    expect(!wrong.ok && wrong.error.code).toBe('VALIDATION');
    const archived = createHandoff(input, context({ template: makeTemplate({ archivedAt: FIXTURE_NOW }) }));
    expect(!archived.ok && archived.error.message).toBe('Template "Fixture playbook" is archived; new handoffs cannot use it');
    const badId = createHandoff(input, { ...makeContext(), id: '' });
    expect(!badId.ok && badId.error.message).toBe('The new handoff id is not valid — An id cannot be empty');
  });

  it('the input schema fills defaults', () => {
    expect(NewHandoffInputSchema.parse(input)).toEqual({
      ...input,
      client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null },
      sender: null,
      receiver: null,
      nextAction: null,
      state: 'IN_PROGRESS',
      rank: 0,
    });
  });
});
