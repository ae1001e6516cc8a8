import type { Handoff } from './handoff';
import type { EventKind, HandoffEvent } from './history';
import type { Template } from './template';
import { domainError } from './errors';
import type { DomainError } from './errors';

/** What a command needs besides the handoff: injected so the domain stays pure. */
export interface CommandContext {
  /** The template version the handoff was created with (checked). */
  template: Template;
  /** Owner id of whoever issues the command (a person, or the sync service's id). */
  actor: string;
  /** ISO 8601 time of the command; becomes `updatedAt` and the event time. */
  now: string;
  /** Mints ids for records the command creates (events, approvals, questions). */
  newId: () => string;
  /**
   * True when the command is an act already judged on another desktop (it
   * arrives through sync): the gate is not run again, so what the sender's or
   * receiver's Baton allowed lands as that act. One event, version + 1 and
   * validation still apply.
   */
  decided?: boolean;
}

export type CommandResult = { ok: true; handoff: Handoff; event: HandoffEvent } | { ok: false; error: DomainError };

/** What one command handler decides: the fields it changes and how to describe that. */
export interface Change {
  patch: Partial<Handoff>;
  kind: EventKind;
  field: string | null;
  before: unknown;
  after: unknown;
  summary: string;
}

export type Outcome = Change | { error: DomainError };

export function refuse(error: DomainError): Outcome {
  return { error };
}

/**
 * Setting a value to what it already is is refused rather than recorded, so
 * history only ever holds real changes and `version` only moves when data did.
 */
export function nothingChanged(what: string): Outcome {
  return refuse(domainError('VALIDATION', `Nothing changed: ${what}`));
}

export function notFound(what: string): Outcome {
  return refuse(domainError('NOT_FOUND', what));
}

/** A record id the caller chose is already taken on this handoff (e.g. a retried command). */
export function idTaken(what: string, id: string): Outcome {
  return refuse(domainError('CONFLICT', `This handoff already has a ${what} with id "${id}"`));
}

export function full(what: string, max: number): Outcome {
  return refuse(domainError('VALIDATION', `A handoff can hold at most ${max.toLocaleString('en-US')} ${what}`));
}
