import type { Client, Handoff, NextAction } from './handoff';
import type { HandoffCommand } from './command-schema';
import { nothingChanged } from './command-context';
import type { Outcome } from './command-context';

/** Commands that set one scalar field of a handoff. */
type Command<K extends HandoffCommand['type']> = Extract<HandoffCommand, { type: K }>;

function fieldChange<F extends keyof Handoff>(field: F, before: Handoff[F], after: Handoff[F], summary: string): Outcome {
  return { patch: { [field]: after }, kind: 'field_changed', field, before, after, summary };
}

function personLabel(owner: string | null): string {
  return owner === null ? 'nobody' : owner;
}

export function setTitle(handoff: Handoff, command: Command<'set_title'>): Outcome {
  if (command.title === handoff.title) return nothingChanged('the title is already that');
  return fieldChange('title', handoff.title, command.title, `Renamed from "${handoff.title}" to "${command.title}"`);
}

function sameClient(a: Client, b: Client): boolean {
  return a.name === b.name && a.hubspotCompanyId === b.hubspotCompanyId && a.hubspotDealId === b.hubspotDealId;
}

export function setClient(handoff: Handoff, command: Command<'set_client'>): Outcome {
  const client: Client = { ...command.client };
  if (sameClient(client, handoff.client)) return nothingChanged('the client is already that');
  const summary =
    client.name === handoff.client.name ? `Updated the CRM links of client "${client.name}"` : `Client changed from "${handoff.client.name}" to "${client.name}"`;
  return fieldChange('client', handoff.client, client, summary);
}

export function setSender(handoff: Handoff, command: Command<'set_sender'>): Outcome {
  if (command.sender === handoff.sender) return nothingChanged(`the sender is already ${personLabel(handoff.sender)}`);
  return fieldChange('sender', handoff.sender, command.sender, `Sender changed from ${personLabel(handoff.sender)} to ${personLabel(command.sender)}`);
}

export function setReceiver(handoff: Handoff, command: Command<'set_receiver'>): Outcome {
  if (command.receiver === handoff.receiver) return nothingChanged(`the receiver is already ${personLabel(handoff.receiver)}`);
  return fieldChange(
    'receiver',
    handoff.receiver,
    command.receiver,
    `Receiver changed from ${personLabel(handoff.receiver)} to ${personLabel(command.receiver)}`,
  );
}

function sameNextAction(a: NextAction | null, b: NextAction | null): boolean {
  if (a === null || b === null) return a === b;
  // The same instant written with another offset is the same due time.
  return a.text === b.text && Date.parse(a.dueAt) === Date.parse(b.dueAt);
}

export function setNextAction(handoff: Handoff, command: Command<'set_next_action'>): Outcome {
  const next = command.nextAction === null ? null : { ...command.nextAction };
  if (sameNextAction(next, handoff.nextAction)) return nothingChanged('the next action is already that');
  const summary = next === null ? 'Cleared the next action' : `Next action set to "${next.text}", due ${next.dueAt}`;
  return fieldChange('nextAction', handoff.nextAction, next, summary);
}

/** Mirrors a HubSpot property value (pulled by sync or set by hand) for hubspot_property criteria. */
export function setHubspotProperty(handoff: Handoff, command: Command<'set_hubspot_property'>): Outcome {
  const before = handoff.hubspotProperties[command.property] ?? null;
  if (before === command.value) return nothingChanged(`HubSpot property "${command.property}" is already ${JSON.stringify(command.value)}`);
  return {
    patch: { hubspotProperties: { ...handoff.hubspotProperties, [command.property]: command.value } },
    kind: 'field_changed',
    field: `hubspotProperties.${command.property}`,
    before,
    after: command.value,
    summary:
      command.value === null
        ? `HubSpot property "${command.property}" cleared`
        : `HubSpot property "${command.property}" set to "${command.value}"`,
  };
}
