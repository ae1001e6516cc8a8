import { z } from 'zod';
import { DomainErrorSchema, validationError } from './errors';

describe('validationError', () => {
  const schema = z.object({ title: z.string().min(1, 'A handoff needs a title'), links: z.array(z.object({ url: z.string() })) });

  it('joins issues as "path: message" and keeps them apart', () => {
    const parsed = schema.safeParse({ title: '', links: [{ url: 3 }] });
    if (parsed.success) throw new Error('expected failure');
    const error = validationError(parsed.error);
    expect(error).toEqual({
      code: 'VALIDATION',
      message: 'title: A handoff needs a title; links.0.url: Invalid input: expected string, received number',
      issues: [
        { path: 'title', message: 'A handoff needs a title' },
        { path: 'links.0.url', message: 'Invalid input: expected string, received number' },
      ],
    });
    expect(DomainErrorSchema.parse(error)).toEqual(error);
  });

  it('says "Required" for a missing field and can name the subject', () => {
    const parsed = schema.safeParse({ links: [] });
    if (parsed.success) throw new Error('expected failure');
    expect(validationError(parsed.error, 'The handoff').message).toBe('The handoff is not valid — title: Required (expected string)');
  });
});
