import type { Handoff, NextAction } from '../domain/handoff';
import { NextActionSchema } from '../domain/handoff';
import type { EventKind, HandoffEvent } from '../domain/history';
import type { Template } from '../domain/template';
import { IdSchema } from '../domain/ids';
import { isSafeLink } from '../domain/links';
import { PROP, criterionPropertyName } from '../hubspot/properties';
import { isBatonOwned } from '../hubspot/mapping';
import { HUBSPOT_ACTOR } from './edit-times';
import type { FieldOutcome } from './merge';
import { appliesRemote } from './merge';

/** Short deterministic ids, so re-applying the same pull mints the same records. */
export function stableId(prefix: string, ...parts: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const char of parts.join('\u0000')) {
    const code = char.codePointAt(0) ?? 0;
    h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ code, 0x5bd1e995) >>> 0;
  }
  return `${prefix}-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

export interface ApplyContext {
  template: Template;
  dealId: string;
}

export interface ApplyResult {
  handoff: Handoff;
  events: HandoffEvent[];
  /** Remote values Baton refused (invalid); the base still takes them so the next push repairs HubSpot. */
  problems: string[];
}

function quote(value: string | null): string {
  return value === null ? 'empty' : `"${value}"`;
}

/**
 * Write the HubSpot-side winners of a merge (except the stage, which goes
 * through the gate separately) into the handoff, one event per change.
 */
export function applyRemoteFields(start: Handoff, outcomes: readonly FieldOutcome[], ctx: ApplyContext): ApplyResult {
  let handoff = start;
  const events: HandoffEvent[] = [];
  const problems: string[] = [];
  const remote = new Map(outcomes.filter(appliesRemote).filter((o) => !isBatonOwned(o.name, ctx.template)).map((o) => [o.name, o]));

  const emit = (outcome: FieldOutcome, kind: EventKind, field: string, before: unknown, after: unknown, summary: string) => {
    events.push({
      id: stableId('evt', handoff.id, outcome.name, kind, outcome.remoteAt, String(outcome.remote)),
      handoffId: handoff.id,
      kind,
      actor: HUBSPOT_ACTOR,
      at: outcome.remoteAt,
      field,
      before,
      after,
      summary: `In HubSpot: ${summary}`,
    });
  };

  const title = remote.get(PROP.name);
  if (title) {
    const value = title.remote?.trim() ?? '';
    if (value === '' || value.length > 300) problems.push(`HubSpot deal name ${quote(title.remote)} is not a valid title (1–300 characters); kept "${handoff.title}".`);
    else {
      emit(title, 'field_changed', 'title', handoff.title, value, `renamed to "${value}"`);
      handoff = { ...handoff, title: value };
    }
  }

  for (const [name, key] of [
    [PROP.sender, 'sender'],
    [PROP.receiver, 'receiver'],
  ] as const) {
    const outcome = remote.get(name);
    if (!outcome) continue;
    if (outcome.remote !== null && !IdSchema.safeParse(outcome.remote).success) {
      problems.push(`HubSpot ${key} ${quote(outcome.remote)} is not a valid owner id; kept the local ${key}.`);
      continue;
    }
    emit(outcome, 'field_changed', key, handoff[key], outcome.remote, `${key} set to ${outcome.remote ?? 'nobody'}`);
    handoff = { ...handoff, [key]: outcome.remote };
  }

  const text = remote.get(PROP.nextAction);
  const due = remote.get(PROP.nextActionDue);
  if (text || due) {
    const current = handoff.nextAction;
    const nextText = text ? text.remote : (current?.text ?? null);
    const nextDue = due ? due.remote : (current?.dueAt ?? null);
    const outcome = text ?? due;
    let next: NextAction | null | undefined;
    if (nextText === null) next = null;
    else {
      const parsed = NextActionSchema.safeParse({ text: nextText, dueAt: nextDue });
      if (parsed.success) next = parsed.data;
      else problems.push(`HubSpot next action ${quote(nextText)} has no valid due time (${quote(nextDue)}); kept the local next action.`);
    }
    if (outcome && next !== undefined && JSON.stringify(next) !== JSON.stringify(current)) {
      emit(outcome, 'field_changed', 'nextAction', current, next, next === null ? 'next action cleared' : `next action set to "${next.text}"`);
      handoff = { ...handoff, nextAction: next };
    }
  }

  const bounces = remote.get(PROP.bounceCount);
  if (bounces) {
    const n = Number(bounces.remote ?? '0');
    if (!Number.isInteger(n) || n < 0) problems.push(`HubSpot bounce count ${quote(bounces.remote)} is not a whole number; kept ${handoff.bounceCount}.`);
    else {
      emit(bounces, 'field_changed', 'bounceCount', handoff.bounceCount, n, `bounce count set to ${n}`);
      handoff = { ...handoff, bounceCount: n };
    }
  }

  const client = remote.get(PROP.client);
  if (client) {
    const name = client.remote?.trim() ?? '';
    if (name === '' || name.length > 200) problems.push(`HubSpot client ${quote(client.remote)} is not a valid client name; kept "${handoff.client.name}".`);
    else {
      emit(client, 'field_changed', 'client.name', handoff.client.name, name, `client set to "${name}"`);
      handoff = { ...handoff, client: { ...handoff.client, name } };
    }
  }

  for (const criterion of ctx.template.criteria) {
    const outcome = remote.get(criterionPropertyName(criterion));
    if (!outcome) continue;
    const value = outcome.remote;
    switch (criterion.kind) {
      case 'checklist': {
        const met = value === 'true';
        const result = { met, by: HUBSPOT_ACTOR, at: outcome.remoteAt };
        emit(outcome, 'criterion_changed', `criteria.${criterion.id}`, handoff.criteria[criterion.id] ?? null, result, `"${criterion.label}" ${met ? 'ticked' : 'unticked'}`);
        handoff = { ...handoff, criteria: { ...handoff.criteria, [criterion.id]: result } };
        break;
      }
      case 'approval': {
        const approved = handoff.approvals.filter((a) => a.criterionId === criterion.id);
        if (value === 'true' && approved.length === 0) {
          const approval = {
            id: stableId('apr', handoff.id, criterion.id, outcome.remoteAt),
            criterionId: criterion.id,
            role: criterion.role,
            by: HUBSPOT_ACTOR,
            at: outcome.remoteAt,
          };
          emit(outcome, 'approval_added', `approvals.${criterion.id}`, null, approval, `"${criterion.label}" approved`);
          handoff = { ...handoff, approvals: [...handoff.approvals, approval] };
        } else if (value !== 'true' && approved.length > 0) {
          emit(outcome, 'approval_revoked', `approvals.${criterion.id}`, approved, null, `"${criterion.label}" approval withdrawn`);
          handoff = { ...handoff, approvals: handoff.approvals.filter((a) => a.criterionId !== criterion.id) };
        }
        break;
      }
      case 'context_link': {
        if (value === null) {
          if (handoff.links.length > 0) {
            emit(outcome, 'link_removed', 'links', handoff.links, [], 'context links removed');
            handoff = { ...handoff, links: [] };
          }
        } else if (!isSafeLink(value) || value.length > 2048) {
          problems.push(`HubSpot link ${quote(value)} for "${criterion.label}" is not a safe https/http/mailto address; it was not attached.`);
        } else {
          const existing = handoff.links.find((link) => link.url === value);
          const link = existing ?? { id: stableId('lnk', handoff.id, value), label: 'From HubSpot', url: value, addedAt: outcome.remoteAt, addedBy: HUBSPOT_ACTOR };
          // The property holds the first link, so the pulled link goes first.
          emit(outcome, 'link_added', 'links', null, link, `context link ${value} attached`);
          handoff = { ...handoff, links: [link, ...handoff.links.filter((l) => l.id !== link.id)] };
        }
        break;
      }
      case 'hubspot_property': {
        const before = handoff.hubspotProperties[criterion.property] ?? null;
        emit(outcome, 'field_changed', `hubspotProperties.${criterion.property}`, before, value, `${criterion.property} set to ${quote(value)}`);
        handoff = { ...handoff, hubspotProperties: { ...handoff.hubspotProperties, [criterion.property]: value } };
        break;
      }
      default:
        break;
    }
  }
  return { handoff, events, problems };
}
