import { HandoffExceptionSchema, HandoffSchema } from './handoff';
import { TemplateSchema } from './template';
import { validationError } from './errors';
import { makeCompleteHandoff, makeTemplate } from './fixtures';
import { SEED_TEMPLATES } from '../seed/templates';

function message(schema: { safeParse: (value: unknown) => { success: true } | { success: false; error: Parameters<typeof validationError>[0] } }, value: unknown): string {
  const parsed = schema.safeParse(value);
  return parsed.success ? 'valid' : validationError(parsed.error).message;
}

describe('HandoffSchema', () => {
  it('accepts a complete handoff', () => {
    expect(message(HandoffSchema, makeCompleteHandoff())).toBe('valid');
  });

  it('rejects malformed handoffs with specific messages', () => {
    expect(message(HandoffSchema, makeCompleteHandoff({ title: ' ' }))).toBe('title: A handoff needs a title');
    expect(message(HandoffSchema, { ...makeCompleteHandoff(), state: 'DONE' })).toBe(
      'state: Invalid option: expected one of "IN_PROGRESS"|"READY_FOR_HANDOFF"|"IN_HANDOFF"|"HANDOFF_DONE"',
    );
    expect(message(HandoffSchema, makeCompleteHandoff({ updatedAt: '24/11/2026' }))).toBe('updatedAt: Expected an ISO 8601 date-time, e.g. 2026-11-24T09:00:00Z');
    expect(
      message(HandoffSchema, makeCompleteHandoff({ links: [{ id: 'l', label: '', url: 'file:///etc/passwd', addedAt: '2026-11-24T09:00:00Z', addedBy: 'a' }] })),
    ).toBe('links.0.url: A link must be a full https:// or mailto: address');
    expect(message(HandoffSchema, makeCompleteHandoff({ criteria: { 'Bad Key': { met: true, by: 'a', at: '2026-11-24T09:00:00Z' } } }))).toMatch(
      /^criteria\.Bad Key: Invalid key: A criterion id is snake_case/,
    );
    const { title: _title, ...untitled } = makeCompleteHandoff();
    expect(message(HandoffSchema, untitled)).toBe('title: Required (expected string)');
  });
});

describe('HandoffExceptionSchema', () => {
  it('knows the deal-left-pipeline kind that sync raises, and names the kinds when refusing one', () => {
    const exception = { id: 'x', message: 'Moved to the Sales pipeline in HubSpot', raisedAt: '2026-11-24T09:00:00Z' };
    expect(message(HandoffExceptionSchema, { ...exception, kind: 'DEAL_LEFT_PIPELINE' })).toBe('valid');
    expect(message(HandoffExceptionSchema, { ...exception, kind: 'LEFT' })).toBe(
      'kind: Invalid option: expected one of "GATE_BYPASSED"|"SYNC_FAILED"|"SLA_BREACHED"|"NEXT_ACTION_OVERDUE"|"DEAL_LEFT_PIPELINE"',
    );
  });
});

describe('TemplateSchema', () => {
  it('accepts the fixture and the seeds', () => {
    expect(message(TemplateSchema, makeTemplate())).toBe('valid');
    for (const template of SEED_TEMPLATES) expect(message(TemplateSchema, template)).toBe('valid');
  });

  it('rejects malformed templates with specific messages', () => {
    expect(message(TemplateSchema, makeTemplate({ name: '' }))).toBe('name: A template needs a name');
    expect(message(TemplateSchema, { ...makeTemplate(), criteria: [{ id: 'x', label: 'X', gate: 'READY', kind: 'telepathy' }] })).toMatch(/^criteria\.0\.kind: /);
    expect(message(TemplateSchema, { ...makeTemplate(), criteria: [{ id: 'x', label: 'X', gate: 'LATER', kind: 'checklist' }] })).toMatch(/^criteria\.0\.gate: /);
    expect(message(TemplateSchema, { ...makeTemplate(), criteria: [{ id: 'x', label: 'X', gate: 'READY', kind: 'approval' }] })).toBe(
      'criteria.0.role: Required (expected string)',
    );
    expect(message(TemplateSchema, { ...makeTemplate(), sla: { DONE: 3 } })).toBe('sla: Unrecognized key: "DONE"');
    const twice = makeTemplate({
      criteria: [
        { id: 'same', label: 'A', gate: 'READY', kind: 'checklist' },
        { id: 'same', label: 'B', gate: 'ACCEPT', kind: 'checklist' },
      ],
    });
    expect(message(TemplateSchema, twice)).toBe('criteria.1.id: Criterion id "same" is used twice in this template');
  });
});
