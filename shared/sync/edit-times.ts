import type { HandoffEvent } from '../domain/history';
import type { Template } from '../domain/template';
import { PROP, criterionPropertyName } from '../hubspot/properties';

/** The actor id of changes that came from HubSpot through sync. */
export const HUBSPOT_ACTOR = 'hubspot';

/** The deal properties a local event changed, so a merge can use per-field edit times. */
export function propertiesTouchedBy(event: HandoffEvent, template: Template): string[] {
  const field = event.field ?? '';
  const byKind = (kinds: readonly string[]) => template.criteria.filter((c) => kinds.includes(c.kind)).map(criterionPropertyName);
  switch (event.kind) {
    case 'transition':
    case 'accepted':
      return [PROP.stage];
    case 'bounced':
      return [PROP.stage, PROP.bounceCount];
    case 'link_added':
    case 'link_removed':
      return byKind(['context_link']);
    case 'client_update_logged':
      return byKind(['client_notified']);
    default:
      break;
  }
  if (field === 'state') return [PROP.stage];
  if (field === 'title') return [PROP.name];
  if (field === 'sender') return [PROP.sender];
  if (field === 'receiver') return [PROP.receiver, ...byKind(['receiver_assigned'])];
  if (field === 'nextAction') return [PROP.nextAction, PROP.nextActionDue, ...byKind(['next_action'])];
  if (field === 'client' || field === 'client.name') return [PROP.client];
  if (field === 'bounceCount') return [PROP.bounceCount];
  const [head, rest] = [field.split('.')[0], field.split('.').slice(1).join('.')];
  if ((head === 'criteria' || head === 'approvals') && rest !== '') {
    const criterion = template.criteria.find((c) => c.id === rest);
    return criterion ? [criterionPropertyName(criterion)] : [];
  }
  if (head === 'hubspotProperties' && rest !== '') return [rest];
  return [];
}

/**
 * When Baton last changed each mapped property, from the handoff's own events
 * (changes that came from HubSpot are not local edits and are skipped).
 */
export function localEditTimesFromEvents(events: readonly HandoffEvent[], template: Template): Record<string, string> {
  const times: Record<string, string> = {};
  for (const event of events) {
    if (event.actor === HUBSPOT_ACTOR || event.kind === 'merge_decision') continue;
    for (const name of propertiesTouchedBy(event, template)) {
      const previous = times[name];
      if (previous === undefined || Date.parse(event.at) > Date.parse(previous)) times[name] = event.at;
    }
  }
  return times;
}
