import type { Handoff } from '../../../shared/domain/handoff';
import type { Template } from '../../../shared/domain/template';
import type { WorkspaceSettings } from '../../../shared/domain/settings';

export interface BoardFilter {
  /**
   * Case-insensitive words matched against title, client, next action, the
   * sender's and receiver's names (never their ids), checklist text, notes and
   * open questions (bounce reasons).
   */
  text?: string;
  /** Only handoffs I send or receive (settings.currentUser). */
  mine?: boolean;
  /** Exact client name. */
  clientName?: string;
  templateId?: string;
  /** Only handoffs past their SLA in their current column. */
  stalled?: boolean;
  /** Only handoffs with an unresolved exception. */
  withExceptions?: boolean;
  /** Only handoffs in IN_HANDOFF whose receiver is me. */
  awaitingMyAcceptance?: boolean;
  /** Include archived handoffs (excluded by default). */
  archived?: boolean;
}

export interface FilterContext {
  settings: WorkspaceSettings;
  /** Template versions by `${id}@${version}`, needed for the stalled filter (per-template SLAs). */
  templates: ReadonlyMap<string, Template>;
  now: Date;
}

/** Whether a filter needs the templates and settings loaded (they are skipped otherwise). */
export function needsContext(filter: BoardFilter): boolean {
  // Text search reads people's names from the settings.
  return Boolean(filter.mine || filter.stalled || filter.awaitingMyAcceptance || filter.text?.trim());
}

function searchableText(handoff: Handoff, names: ReadonlyMap<string, string>): string {
  const person = (id: string | null): string => (id === null ? '' : (names.get(id) ?? ''));
  return [
    handoff.title,
    handoff.client.name,
    handoff.nextAction?.text ?? '',
    person(handoff.sender),
    person(handoff.receiver),
    ...handoff.checklist.map((item) => item.text),
    ...handoff.notes.map((note) => note.body),
    ...handoff.openQuestions.map((question) => question.text),
  ]
    .join('\n')
    .toLowerCase();
}

/**
 * Builds the predicate once per query (words split, lower-cased) so checking
 * each of many thousand cards does no repeated setup.
 */
export function compileFilter(filter: BoardFilter, context: FilterContext | null, isStalled: (handoff: Handoff, context: FilterContext) => boolean): (handoff: Handoff) => boolean {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter((word) => word !== '');
  const me = context?.settings.currentUser ?? null;
  const names = new Map((context?.settings.owners ?? []).map((owner) => [owner.id, owner.name]));
  return (handoff) => {
    if (!filter.archived && handoff.archivedAt !== null) return false;
    if (filter.clientName !== undefined && filter.clientName !== '' && handoff.client.name !== filter.clientName) return false;
    if (filter.templateId !== undefined && filter.templateId !== '' && handoff.templateId !== filter.templateId) return false;
    if (filter.withExceptions && !handoff.exceptions.some((exception) => exception.resolvedAt === null)) return false;
    if (filter.mine && (me === null || (handoff.sender !== me && handoff.receiver !== me))) return false;
    if (filter.awaitingMyAcceptance && (me === null || handoff.state !== 'IN_HANDOFF' || handoff.receiver !== me)) return false;
    if (words.length > 0) {
      const text = searchableText(handoff, names);
      if (!words.every((word) => text.includes(word))) return false;
    }
    if (filter.stalled && (context === null || !isStalled(handoff, context))) return false;
    return true;
  };
}
