import { validationError } from '../errors';
import { iso, type Portal } from '../portal';
import type { RouteResult } from '../router';

export const MAX_BATCH_INPUTS = 100;

/** One failed input of a batch, as HubSpot's StandardError. */
export interface BatchError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: { message: string; code?: string; context?: Record<string, string[]> }[];
  links: Record<string, string>;
}

export function batchError(category: string, message: string, context: Record<string, string[]>, errors: BatchError['errors'] = []): BatchError {
  return { status: 'error', category, message, context, errors, links: {} };
}

/** `okStatus` when every input worked; 207 with `errors` and `numErrors` otherwise. */
export function batchAnswer(portal: Portal, startedAt: number, okStatus: number, results: unknown[], errors: BatchError[]): RouteResult {
  const times = { startedAt: iso(startedAt), completedAt: iso(portal.now()), requestedAt: iso(startedAt) };
  if (errors.length === 0) return { status: okStatus, body: { status: 'COMPLETE', results, ...times } };
  return { status: 207, body: { status: 'COMPLETE', results, numErrors: errors.length, errors, ...times } };
}

export function checkBatchSize(inputs: unknown[], max = MAX_BATCH_INPUTS): void {
  if (inputs.length > max) {
    throw validationError(`Too many inputs: ${inputs.length}. A batch takes at most ${max} inputs.`, [
      { message: `inputs: at most ${max} items`, code: 'TOO_MANY_INPUTS', in: 'inputs' },
    ]);
  }
}
