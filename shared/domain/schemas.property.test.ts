import fc from 'fast-check';
import type { z } from 'zod';
import { HandoffSchema } from './handoff';
import { TemplateSchema } from './template';
import { WorkspaceSettingsSchema, DEFAULT_SETTINGS } from './settings';
import { HandoffCommandSchema, NewHandoffInputSchema } from './commands';
import { validationError } from './errors';
import { makeCompleteHandoff, makeTemplate } from './fixtures';

/**
 * (4) Every schema that guards input answers malformed data with specific
 * messages and never throws, whatever it is fed.
 */
const schemas: [string, z.ZodType][] = [
  ['handoff', HandoffSchema],
  ['template', TemplateSchema],
  ['settings', WorkspaceSettingsSchema],
  ['command', HandoffCommandSchema],
  ['new handoff', NewHandoffInputSchema],
];

function expectSpecificError(schema: z.ZodType, value: unknown): boolean {
  const parsed = schema.safeParse(value);
  if (parsed.success) return true;
  const error = validationError(parsed.error);
  expect(error.code).toBe('VALIDATION');
  expect(error.issues?.length).toBeGreaterThan(0);
  for (const issue of error.issues ?? []) {
    expect(issue.message.trim().length).toBeGreaterThan(3);
    expect(issue.message).not.toMatch(/\[object Object\]/);
  }
  return false;
}

describe('schemas never crash on arbitrary input', () => {
  it.each(schemas)('%s', (_name, schema) => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }), (value) => {
        expectSpecificError(schema, value);
      }),
      { numRuns: 200 },
    );
  });
});

/** Valid objects with one top-level field replaced by something random. */
const validExamples: [string, z.ZodType, Record<string, unknown>][] = [
  ['handoff', HandoffSchema, makeCompleteHandoff()],
  ['template', TemplateSchema, makeTemplate()],
  ['settings', WorkspaceSettingsSchema, DEFAULT_SETTINGS],
  ['command', HandoffCommandSchema, { type: 'set_next_action', nextAction: { text: 'Call', dueAt: '2026-12-01T09:00:00Z' } }],
];

describe('a corrupted field is named in the error', () => {
  it.each(validExamples)('%s', (_name, schema, example) => {
    expect(schema.safeParse(example).success).toBe(true);
    const keys = Object.keys(example);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, junk) => {
        const corrupted = { ...example, [key]: junk };
        const parsed = schema.safeParse(corrupted);
        if (parsed.success) return;
        const error = validationError(parsed.error);
        // Every issue points at the field that was corrupted (or, for the
        // command's discriminator, at "type"), never somewhere unrelated.
        for (const issue of error.issues ?? []) {
          expect(issue.path === key || issue.path.startsWith(`${key}.`)).toBe(true);
        }
        expect(error.message).toContain(key);
      }),
      { numRuns: 200 },
    );
  });
});
