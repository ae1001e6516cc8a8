import type { z } from 'zod';
import { validationError } from '../errors';

/** Parses a request body with a zod schema; a mismatch is a HubSpot 400 naming each bad field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    message: `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`,
    code: issue.code === 'invalid_type' ? 'INVALID_TYPE' : 'INVALID_VALUE',
    in: issue.path.join('.'),
  }));
  return fail(`Invalid input JSON: ${errors.map((e) => e.message).join('; ')}`, errors);
}

function fail(message: string, errors: { message: string; code: string; in: string }[]): never {
  throw validationError(message, errors);
}
