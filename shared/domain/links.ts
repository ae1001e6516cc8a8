import { z } from 'zod';

/**
 * Context links must be secure web links or mail links (the same rule the host
 * applies before opening one in the OS browser). `javascript:`, `data:` and `file:`
 * links are refused at the schema, so nothing hostile is ever stored.
 */
export const SAFE_LINK_PROTOCOLS = ['https:', 'mailto:'] as const;

export function isSafeLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (SAFE_LINK_PROTOCOLS as readonly string[]).includes(url.protocol);
  } catch {
    return false;
  }
}

export const SafeUrlSchema = z
  .string()
  .trim()
  .max(2048, 'A link is at most 2,048 characters')
  .refine(isSafeLink, { message: 'A link must be a full https:// or mailto: address' });
