import type { Handoff } from '../../../shared/domain/handoff';

export const CLIENT_UPDATE_FIELDS = ['title', 'client', 'receiver', 'nextAction', 'due'] as const;
export type ClientUpdateField = (typeof CLIENT_UPDATE_FIELDS)[number];

/** Used when a template has no client update text of its own. */
export const DEFAULT_CLIENT_UPDATE_TEMPLATE = 'Hi {client}, "{title}" is now with {receiver}. Next: {nextAction} by {due}.';

/** Stand-ins for facts the card does not have: visible, so the PM fills them in before sending. */
const GAPS: Record<ClientUpdateField, string> = {
  title: '[title]',
  client: '[client]',
  receiver: '[receiver not assigned]',
  nextAction: '[next action not set]',
  due: '[no due date]',
};

export interface ClientUpdateDraft {
  body: string;
  /** Placeholders used by the template that the card could not fill. */
  missing: ClientUpdateField[];
}

export interface DraftContext {
  ownerName: (id: string | null) => string;
  timeZone: string;
}

function formatDue(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // A fixed, unambiguous style: this text goes to a client, not to this machine's locale.
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

function isField(name: string): name is ClientUpdateField {
  return (CLIENT_UPDATE_FIELDS as readonly string[]).includes(name);
}

/**
 * The client update Baton drafts when a handoff is accepted: the template's
 * text with {title}, {client}, {receiver}, {nextAction} and {due} filled in
 * from the card. Unknown {words} are left as typed; facts the card lacks
 * become visible gaps and are listed in `missing`.
 */
export function draftClientUpdate(templateText: string, handoff: Handoff, context: DraftContext): ClientUpdateDraft {
  const values: Record<ClientUpdateField, string | null> = {
    title: handoff.title,
    client: handoff.client.name,
    receiver: handoff.receiver === null ? null : context.ownerName(handoff.receiver),
    nextAction: handoff.nextAction?.text ?? null,
    due: handoff.nextAction === null ? null : formatDue(handoff.nextAction.dueAt, context.timeZone),
  };
  const missing = new Set<ClientUpdateField>();
  const text = templateText.trim() === '' ? DEFAULT_CLIENT_UPDATE_TEMPLATE : templateText;
  const body = text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!isField(name)) return whole;
    const value = values[name];
    if (value === null) {
      missing.add(name);
      return GAPS[name];
    }
    return value;
  });
  return { body, missing: CLIENT_UPDATE_FIELDS.filter((field) => missing.has(field)) };
}
