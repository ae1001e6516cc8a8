import { z } from 'zod';
import { GateIdSchema } from './states';
import { CRITERION_KINDS } from './template';
import type { CriterionKind } from './template';

/**
 * Errors that cross a boundary (gate → UI, command → sync, IPC) are values with
 * a code and a human message, never thrown strings. The schemas let IPC
 * responses carry them and be validated on the other side.
 */
/** NOT_ALLOWED: the acting person may not do this (see authority.ts); GATE_REFUSED may list that too. */
export const DOMAIN_ERROR_CODES = ['GATE_REFUSED', 'INVALID_TRANSITION', 'VALIDATION', 'NOT_FOUND', 'ARCHIVED', 'CONFLICT', 'NOT_ALLOWED'] as const;
export const DomainErrorCodeSchema = z.enum(DOMAIN_ERROR_CODES);
export type DomainErrorCode = z.infer<typeof DomainErrorCodeSchema>;

export const CriterionKindSchema = z.enum(CRITERION_KINDS as readonly [CriterionKind, ...CriterionKind[]]);

/** One requirement a move is missing, with a specific human reason. */
export const UnmetCriterionSchema = z.object({
  criterionId: z.string(),
  gate: GateIdSchema,
  kind: CriterionKindSchema,
  label: z.string(),
  /** e.g. "No receiver is assigned", "Next action is due 2026-11-20 09:00 UTC, which is in the past". */
  reason: z.string(),
});
export type UnmetCriterion = z.infer<typeof UnmetCriterionSchema>;

export const ValidationIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

export const DomainErrorSchema = z.object({
  code: DomainErrorCodeSchema,
  message: z.string(),
  unmet: z.array(UnmetCriterionSchema).optional(),
  issues: z.array(ValidationIssueSchema).optional(),
  /** What the acting person lacks (e.g. "Only the receiver, Maya Chen, can accept …"), listed with any missing proof. */
  authority: z.array(z.string()).optional(),
});
export type DomainError = z.infer<typeof DomainErrorSchema>;

export function domainError(code: DomainErrorCode, message: string, extra: Pick<DomainError, 'unmet' | 'issues' | 'authority'> = {}): DomainError {
  return { code, message, ...extra };
}

/** "client.name", "links.2.url"; empty for the value itself. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((segment) => (typeof segment === 'symbol' ? segment.toString() : String(segment))).join('.');
}

/**
 * Zod's default message for a missing field ("Invalid input: expected string,
 * received undefined") reads like a type error; people need "is required".
 */
function humanIssueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return `Required (expected ${issue.expected})`;
  }
  // "Invalid key in record" hides why; the nested issues say it.
  if ((issue.code === 'invalid_key' || issue.code === 'invalid_element') && issue.issues.length > 0) {
    return `Invalid ${issue.code === 'invalid_key' ? 'key' : 'entry'}: ${issue.issues.map((inner) => inner.message).join('; ')}`;
  }
  return issue.message;
}

/**
 * Turns a zod failure into one VALIDATION error: the message lists every issue
 * as "path: message" (e.g. "title: A handoff needs a title"), `issues` keeps
 * them apart for forms. `subject` prefixes the message ("Command", "Settings").
 */
export function validationError(zodError: z.ZodError, subject?: string): DomainError {
  const issues: ValidationIssue[] = zodError.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: humanIssueMessage(issue),
  }));
  const parts = issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`));
  const body = parts.length > 0 ? parts.join('; ') : 'The input is not valid';
  return {
    code: 'VALIDATION',
    message: subject === undefined ? body : `${subject} is not valid — ${body}`,
    issues,
  };
}
