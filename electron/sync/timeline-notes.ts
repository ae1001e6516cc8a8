import type { Handoff } from '../../shared/domain/handoff';
import type { HandoffEvent } from '../../shared/domain/history';
import { formatLocalTime } from '../../shared/domain/local-time';
import { personName } from '../../shared/domain/people';
import type { OutboxEntry } from '../../shared/sync/outbox';
import { syncError } from '../../shared/sync/protocol';
import type { Readable, SyncError } from '../../shared/sync/protocol';

/**
 * The deal's timeline as a HubSpot user reads it, without Baton: one note per
 * act (a hand-over with its context links, a bounce with its reason, an
 * acceptance, a client update), with people's names and times in the
 * workspace's zone. HubSpot documents `hs_note_body` only as the note's text
 * (at most 65,536 characters) and renders it as rich text, so the body is
 * plain paragraphs (`<p>`, `<strong>`) and the duplicate marker is visible
 * text, not hidden markup that sanitizing could strip.
 */

export const NOTE_BODY_LIMIT = 65_536;

export type NoteBody = { body: string; at: string } | { skip: string } | { error: SyncError };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function noteMarker(ref: string): string {
  return `[baton-ref:${escapeHtml(ref)}]`;
}

/** The marker that makes a retried push find the note it wrote before (exact, so `cu-1` never matches `cu-10`). */
export function noteRef(entry: OutboxEntry): string {
  return (entry.kind === 'log_client_update' || entry.kind === 'log_bounce') && entry.refId ? entry.refId : entry.id;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/** Paragraphs, then the marker; cut (saying so) before HubSpot's limit, the marker always kept. */
function compose(paragraphs: readonly string[], ref: string): string {
  const marker = `<p><small>Logged from Baton · ${noteMarker(ref)}</small></p>`;
  const cut = paragraph('… (shortened: the whole handoff is in Baton)');
  let body = '';
  for (const p of paragraphs) {
    if (body.length + p.length + marker.length + cut.length > NOTE_BODY_LIMIT) return `${body}${cut}${marker}`;
    body += p;
  }
  return `${body}${marker}`;
}

function lastEvent(events: readonly HandoffEvent[], match: (e: HandoffEvent) => boolean): HandoffEvent | undefined {
  return [...events].filter(match).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)).at(-1);
}

function behalf(event: HandoffEvent | undefined, readable: Readable): string {
  const on = event?.onBehalfOf;
  return on ? ` on behalf of ${personName(on.person, readable.people)} (${on.reason})` : '';
}

function contextLines(handoff: Handoff, readable: Readable): string[] {
  const links = handoff.links.map((l) => paragraph(`${l.label.trim() === '' ? 'Link' : l.label} — ${l.url}`));
  const next = handoff.nextAction ? [paragraph(`Next action: ${handoff.nextAction.text}, due ${formatLocalTime(handoff.nextAction.dueAt, readable.timeZone)}.`)] : [];
  return [
    ...(links.length > 0 ? [`<p><strong>Context links</strong></p>`, ...links] : [paragraph('No context links are attached.')]),
    ...next,
  ];
}

/** The note an outbox entry asks for, or why there is none. `events` is the handoff's history as this desktop holds it. */
export function timelineNote(entry: OutboxEntry, handoff: Handoff, events: readonly HandoffEvent[], readable: Readable, now: string): NoteBody {
  const ref = noteRef(entry);
  const name = (id: string | null) => personName(id, readable.people);
  const when = (at: string) => formatLocalTime(at, readable.timeZone, now);
  switch (entry.kind) {
    case 'log_client_update': {
      const update = handoff.clientUpdates.find((u) => u.id === entry.refId);
      if (!update) {
        return { error: syncError('HUBSPOT_VALIDATION', `The client update logged on "${handoff.title}" is no longer on it, so there is nothing to log in HubSpot.`) };
      }
      return { body: compose([`<p><strong>Client update</strong> by ${escapeHtml(name(update.by))}, ${escapeHtml(when(update.at))}</p>`, paragraph(update.body)], ref), at: update.at };
    }
    case 'log_bounce': {
      const question = handoff.openQuestions.find((q) => q.id === entry.refId);
      // The bounce did not survive a merge with another desktop's act: there is no bounce to tell.
      if (!question) return { skip: 'bounce not in the handoff' };
      const event = lastEvent(events, (e) => e.kind === 'bounced' && e.at === question.askedAt);
      return {
        body: compose(
          [
            `<p><strong>Bounced back</strong> by ${escapeHtml(name(question.askedBy))}${escapeHtml(behalf(event, readable))}, ${escapeHtml(when(question.askedAt))}: "${escapeHtml(handoff.title)}" is back in progress.</p>`,
            paragraph(`Reason: ${question.text}`),
          ],
          ref,
        ),
        at: question.askedAt,
      };
    }
    case 'log_hand_over': {
      const event = lastEvent(events, (e) => e.kind === 'transition' && e.after === 'IN_HANDOFF');
      const at = event?.at ?? now;
      const by = event ? ` by ${name(event.actor)}` : '';
      return {
        body: compose([`<p><strong>Handed over</strong> to ${escapeHtml(name(handoff.receiver))}${escapeHtml(by)}, ${escapeHtml(when(at))}: "${escapeHtml(handoff.title)}".</p>`, ...contextLines(handoff, readable)], ref),
        at,
      };
    }
    case 'log_handoff_receipt': {
      const event = lastEvent(events, (e) => e.kind === 'accepted');
      const at = event?.at ?? now;
      const by = event ? name(event.actor) : name(handoff.receiver);
      const next = handoff.nextAction ? [paragraph(`Next action: ${handoff.nextAction.text}, due ${when(handoff.nextAction.dueAt)}.`)] : [];
      return {
        body: compose([`<p><strong>Handoff accepted</strong> by ${escapeHtml(by)}${escapeHtml(behalf(event, readable))}, ${escapeHtml(when(at))}: "${escapeHtml(handoff.title)}" can be acted on without re-asking.</p>`, ...next], ref),
        at,
      };
    }
    default:
      return { skip: `${entry.kind} is not a note` };
  }
}
