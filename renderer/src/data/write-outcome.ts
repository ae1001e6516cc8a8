import type { DomainError } from '../../../shared/domain/errors';
import type { Handoff } from '../../../shared/domain/handoff';
import type { DataError } from './data-errors';
import type { Attempt } from './write-support';

/** What a write answers: the handoff as committed, or why nothing was written (a refusal or a storage problem). */
export type WriteError = DomainError | DataError;
export type WriteOutcome = { ok: true; handoff: Handoff } | { ok: false; error: WriteError };

export function toWriteOutcome(result: Attempt<Handoff>): WriteOutcome {
  return result.ok ? { ok: true, handoff: result.value } : { ok: false, error: result.error };
}
