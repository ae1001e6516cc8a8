import fc from 'fast-check';
import { applyCommand, createHandoff } from './commands';
import { makeContext, makeTemplate } from './fixtures';
import type { Handoff } from './handoff';
import { HandoffSchema } from './handoff';
import { EVENT_KINDS, HandoffEventSchema } from './history';
import { DOMAIN_ERROR_CODES } from './errors';
import { GATES, HANDOFF_STATES } from './states';
import type { HandoffState } from './states';
import type { Criterion } from './template';

/**
 * Random sessions of commands against the fixture template (every criterion
 * kind on every gate). The oracle below re-implements the criterion rules
 * independently of the gate module, so a bug there cannot hide itself.
 */
const template = makeTemplate();
const START_MS = Date.parse('2026-11-24T09:00:00.000Z');

function oracleMet(handoff: Handoff, criterion: Criterion, nowMs: number): boolean {
  switch (criterion.kind) {
    case 'checklist':
      return handoff.criteria[criterion.id]?.met === true;
    case 'receiver_assigned':
      return handoff.receiver !== null;
    case 'next_action':
      return handoff.nextAction !== null && handoff.nextAction.text.trim() !== '' && Date.parse(handoff.nextAction.dueAt) > nowMs;
    case 'context_link':
      return handoff.links.length > 0;
    case 'client_notified':
      return handoff.clientUpdates.length > 0;
    case 'approval':
      return handoff.approvals.some((approval) => approval.criterionId === criterion.id);
    case 'hubspot_property':
      return handoff.hubspotProperties[criterion.property] === criterion.equals;
  }
}

/** Gates crossed moving forward from `from` to `to` (GATES[i] guards state i → i+1). */
function oracleGatesCrossed(from: HandoffState, to: HandoffState): readonly string[] {
  const start = HANDOFF_STATES.indexOf(from);
  const end = HANDOFF_STATES.indexOf(to);
  return end > start ? GATES.slice(start, end) : [];
}

function unmetAtCrossing(before: Handoff, to: HandoffState, nowMs: number): string[] {
  const crossed = oracleGatesCrossed(before.state, to);
  return template.criteria.filter((criterion) => crossed.includes(criterion.gate) && !oracleMet(before, criterion, nowMs)).map((criterion) => criterion.id);
}

const criterionIds = [...template.criteria.map((criterion) => criterion.id), 'not_in_template'];
const smallId = fc.constantFrom('a', 'b', 'c');
const text = fc.oneof(fc.constantFrom('Fonts?', 'ok', '  ', ''), fc.string({ maxLength: 8 }));

/** A command, possibly referring to a record by position so it can hit existing ids. */
type Spec = { command: Record<string, unknown>; pick?: 'approval' | 'question' | 'exception' | 'link' | 'checklist'; index?: number } | { garbage: unknown };

/** Commands that build up proof and push the card forward, so sessions really reach the gates. */
const helpfulArb: fc.Arbitrary<Spec> = fc.constantFrom<Spec>(
  { command: { type: 'set_criterion', criterionId: 'brief_written', met: true } },
  { command: { type: 'add_link', link: { id: 'helpful', url: 'https://example.com/brief' } } },
  { command: { type: 'set_hubspot_property', property: 'design_approved_by_client', value: 'true' } },
  { command: { type: 'set_receiver', receiver: 'alice' } },
  { command: { type: 'set_next_action', nextAction: { text: 'Estimate', dueInMinutes: 600 } } },
  { command: { type: 'log_client_update', id: 'helpful', body: 'On its way' } },
  { command: { type: 'approve', criterionId: 'lead_approval' } },
  { command: { type: 'move', to: 'READY_FOR_HANDOFF' } },
  { command: { type: 'move', to: 'IN_HANDOFF' } },
  { command: { type: 'accept' } },
  { command: { type: 'restore' } },
);

const specArb: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 100, arbitrary: helpfulArb },
  { weight: 6, arbitrary: fc.record({ command: fc.record({ type: fc.constant('move'), to: fc.constantFrom(...HANDOFF_STATES) }) }) },
  { weight: 1, arbitrary: fc.record({ command: fc.record({ type: fc.constant('move'), to: fc.constantFrom(...HANDOFF_STATES), rank: fc.double() }) }) },
  { weight: 3, arbitrary: fc.constant({ command: { type: 'accept' } }) },
  { weight: 2, arbitrary: fc.record({ command: fc.record({ type: fc.constant('bounce'), reason: text }) }) },
  { weight: 1, arbitrary: fc.record({ command: fc.record({ type: fc.constant('reopen'), reason: text }) }) },
  { weight: 1, arbitrary: fc.record({ command: fc.record({ type: fc.constant('reorder'), rank: fc.integer({ min: -3, max: 3 }) }) }) },
  { weight: 1, arbitrary: fc.record({ command: fc.record({ type: fc.constant('set_title'), title: text }) }) },
  { weight: 3, arbitrary: fc.record({ command: fc.record({ type: fc.constant('set_receiver'), receiver: fc.constantFrom('alice', 'bob', null) }) }) },
  { weight: 1, arbitrary: fc.record({ command: fc.record({ type: fc.constant('set_sender'), sender: fc.constantFrom('carol', null) }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      command: fc.record({
        type: fc.constant('set_next_action'),
        // Due relative to the clock at the time the command runs (see materialize).
        nextAction: fc.option(fc.record({ text, dueInMinutes: fc.integer({ min: -2 * 24 * 60, max: 3 * 24 * 60 }) })),
      }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      command: fc.record({
        type: fc.constant('add_link'),
        link: fc.record({ id: smallId, url: fc.constantFrom('https://example.com/a', 'https://example.com/b', 'javascript:alert(1)', 'not a url') }),
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ command: fc.constant({ type: 'remove_link' }), pick: fc.constant('link' as const), index: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ command: fc.record({ type: fc.constant('set_criterion'), criterionId: fc.constantFrom(...criterionIds), met: fc.boolean() }) }) },
  { weight: 3, arbitrary: fc.record({ command: fc.record({ type: fc.constant('approve'), criterionId: fc.constantFrom(...criterionIds) }) }) },
  { weight: 1, arbitrary: fc.record({ command: fc.constant({ type: 'revoke_approval' }), pick: fc.constant('approval' as const), index: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ command: fc.record({ type: fc.constant('log_client_update'), id: smallId, body: text }) }) },
  { weight: 1, arbitrary: fc.record({ command: fc.record({ type: fc.constant('add_note'), id: smallId, body: text }) }) },
  { weight: 1, arbitrary: fc.record({ command: fc.record({ type: fc.constant('add_checklist_item'), id: smallId, text }) }) },
  { weight: 1, arbitrary: fc.record({ command: fc.record({ type: fc.constant('toggle_checklist_item'), done: fc.boolean() }), pick: fc.constant('checklist' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ command: fc.constant({ type: 'remove_checklist_item' }), pick: fc.constant('checklist' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ command: fc.constant({ type: 'resolve_question' }), pick: fc.constant('question' as const), index: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      command: fc.record({ type: fc.constant('raise_exception'), id: smallId, kind: fc.constantFrom('SLA_BREACHED', 'SYNC_FAILED', 'LATE'), message: text }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ command: fc.record({ type: fc.constant('resolve_exception'), resolution: text }), pick: fc.constant('exception' as const), index: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      command: fc.record({ type: fc.constant('set_hubspot_property'), property: fc.constantFrom('design_approved_by_client', 'other_prop'), value: fc.constantFrom('true', 'false', null) }),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom({ command: { type: 'archive' } }, { command: { type: 'restore' } }) },
  { weight: 1, arbitrary: fc.record({ garbage: fc.anything() }) },
);

const ID_FIELDS = { approval: 'approvalId', question: 'questionId', exception: 'exceptionId', link: 'linkId', checklist: 'itemId' } as const;

function withDueDate(command: Record<string, unknown>, nowMs: number): Record<string, unknown> {
  const next = command.nextAction;
  if (typeof next !== 'object' || next === null || !('dueInMinutes' in next)) return command;
  const { dueInMinutes, ...rest } = next as { dueInMinutes: number };
  return { ...command, nextAction: { ...rest, dueAt: new Date(nowMs + dueInMinutes * 60_000).toISOString() } };
}

function materialize(spec: Spec, handoff: Handoff, nowMs: number): unknown {
  if ('garbage' in spec) return spec.garbage;
  if (spec.pick === undefined) return withDueDate(spec.command, nowMs);
  const records = {
    approval: handoff.approvals,
    question: handoff.openQuestions,
    exception: handoff.exceptions,
    link: handoff.links,
    checklist: handoff.checklist,
  }[spec.pick];
  const record = records.length === 0 ? undefined : records[(spec.index ?? 0) % records.length];
  return { ...spec.command, [ID_FIELDS[spec.pick]]: record?.id ?? 'missing' };
}

const sessionArb = fc.record({
  steps: fc.array(
    fc.record({
      spec: specArb,
      // Mostly minutes apart, sometimes days, so next actions both hold and expire.
      advanceMinutes: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 120 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 * 24 * 60 }) }),
    }),
    { minLength: 20, maxLength: 60 },
  ),
});

function newHandoff(): Handoff {
  const result = createHandoff(
    { title: 'Property handoff', client: { name: 'Acme' }, templateId: template.id, templateVersion: template.version },
    { ...makeContext({ now: new Date(START_MS).toISOString() }), id: 'h1' },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.handoff;
}

describe('command properties', () => {
  it('(1) no sequence of commands crosses a gate with an unmet criterion — so never reaches HANDOFF_DONE unproven', () => {
    let reachedDone = 0;
    let crossings = 0;
    fc.assert(
      fc.property(sessionArb, ({ steps }) => {
        let handoff = newHandoff();
        let nowMs = START_MS;
        // Acting as 'alice', one of the receivers the generator assigns, so acceptances happen.
        const ctx = makeContext({ actor: 'alice' });
        for (const step of steps) {
          nowMs += step.advanceMinutes * 60_000;
          const command = materialize(step.spec, handoff, nowMs);
          const result = applyCommand(handoff, command, { ...ctx, now: new Date(nowMs).toISOString() });
          if (!result.ok) continue;
          if (result.handoff.state !== handoff.state) {
            const forward = HANDOFF_STATES.indexOf(result.handoff.state) > HANDOFF_STATES.indexOf(handoff.state);
            if (forward) {
              crossings += 1;
              expect(unmetAtCrossing(handoff, result.handoff.state, nowMs)).toEqual([]);
            } else {
              // Going back is only ever to IN_PROGRESS (bounce, reopen, sender takes back).
              expect(result.handoff.state).toBe('IN_PROGRESS');
            }
            if (result.handoff.state === 'HANDOFF_DONE') reachedDone += 1;
          }
          handoff = result.handoff;
        }
      }),
      { numRuns: 200 },
    );
    // The generator must actually exercise the gates, or this property proves nothing.
    expect(crossings).toBeGreaterThan(20);
    expect(reachedDone).toBeGreaterThan(0);
  });

  it('(1b) creating straight into a later column is gated the same way', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HANDOFF_STATES),
        fc.constantFrom('alice', null),
        fc.option(fc.integer({ min: -48, max: 48 })),
        (state, receiver, dueInHours) => {
          const lenient = makeTemplate({ criteria: template.criteria.filter((criterion) => criterion.kind === 'receiver_assigned' || criterion.kind === 'next_action') });
          const now = new Date(START_MS).toISOString();
          const nextAction = dueInHours === null ? null : { text: 'Go', dueAt: new Date(START_MS + dueInHours * 3_600_000).toISOString() };
          const result = createHandoff(
            { title: 't', client: { name: 'c' }, templateId: lenient.id, templateVersion: 1, state, receiver, nextAction },
            { ...makeContext({ template: lenient, now, actor: 'alice' }), id: 'h' },
          );
          const draft = { ...newHandoff(), receiver, nextAction };
          const unmet = lenient.criteria.filter((criterion) => oracleGatesCrossed('IN_PROGRESS', state).includes(criterion.gate) && !oracleMet(draft, criterion, START_MS));
          expect(result.ok).toBe(unmet.length === 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('(2) a refused command changes nothing and says why; (3) an accepted one emits exactly one event and bumps the version by one', () => {
    fc.assert(
      fc.property(sessionArb, ({ steps }) => {
        let handoff = newHandoff();
        let nowMs = START_MS;
        // Acting as 'alice', one of the receivers the generator assigns, so acceptances happen.
        const ctx = makeContext({ actor: 'alice' });
        for (const step of steps) {
          nowMs += step.advanceMinutes * 60_000;
          const now = new Date(nowMs).toISOString();
          const snapshot = JSON.stringify(handoff);
          const result = applyCommand(handoff, materialize(step.spec, handoff, nowMs), { ...ctx, now });
          // Whatever happened, the input is untouched: commands are pure.
          expect(JSON.stringify(handoff)).toBe(snapshot);
          if (!result.ok) {
            expect(DOMAIN_ERROR_CODES).toContain(result.error.code);
            expect(result.error.message.trim().length).toBeGreaterThan(5);
            expect(result.error.message).not.toMatch(/undefined|\[object Object\]/);
            if (result.error.code === 'GATE_REFUSED') expect(result.error.unmet?.length).toBeGreaterThan(0);
            continue;
          }
          expect(Object.keys(result)).toEqual(['ok', 'handoff', 'event']);
          expect(HandoffEventSchema.safeParse(result.event).success).toBe(true);
          expect(EVENT_KINDS).toContain(result.event.kind);
          expect(result.event).toMatchObject({ handoffId: handoff.id, actor: ctx.actor, at: now });
          expect(result.handoff.version).toBe(handoff.version + 1);
          expect(result.handoff.updatedAt).toBe(now);
          expect(result.handoff.stateEnteredAt).toBe(result.handoff.state === handoff.state ? handoff.stateEnteredAt : now);
          const parsed = HandoffSchema.safeParse(result.handoff);
          expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
          handoff = result.handoff;
        }
      }),
      { numRuns: 200 },
    );
  });
});
