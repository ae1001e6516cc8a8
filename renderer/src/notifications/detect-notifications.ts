import type { Handoff } from '../../../shared/domain/handoff';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { slaStatus } from '../../../shared/domain/sla';
import { EXCEPTION_KIND_WORDS } from '../../../shared/domain/describe-event';
import { STATE_LABELS } from '../../../shared/domain/states';
import { templateKey, type Template } from '../../../shared/domain/template';
import { holderOf, ownerNamer } from '../../../shared/metrics';
import type { NotificationKind } from './notification-schema';

/** Something worth telling the user about, before "already told?" is checked. */
export interface NotificationCandidate {
  /** Stable for one occurrence: the same stay in the same column gives the same key. */
  key: string;
  kind: NotificationKind;
  handoffId: string;
  title: string;
  body: string;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function bounceReason(handoff: Handoff): string | null {
  // A bounce stamps its open question and the new stay with the same instant.
  const question = handoff.openQuestions.find((item) => item.resolvedAt === null && item.askedAt === handoff.stateEnteredAt);
  return question === undefined ? null : question.text;
}

/**
 * Every notification the current state of these handoffs calls for, for the
 * current user. Keys include when the handoff entered its column, so a card
 * handed over, bounced and handed over again notifies each time, while
 * re-running detection on unchanged data finds the same keys (notified once).
 */
export function notificationCandidates(
  handoffs: readonly Handoff[],
  templatesByKey: ReadonlyMap<string, Template>,
  settings: WorkspaceSettings,
  now: Date,
): NotificationCandidate[] {
  const me = settings.currentUser;
  const name = ownerNamer(settings.owners);
  const found: NotificationCandidate[] = [];
  for (const handoff of handoffs) {
    if (handoff.archivedAt !== null || handoff.state === 'HANDOFF_DONE') continue;
    const where = `${handoff.client.name}`;
    if (handoff.state === 'IN_HANDOFF' && handoff.receiver === me) {
      found.push({
        key: `queue:${handoff.id}:${handoff.stateEnteredAt}`,
        kind: 'queue',
        handoffId: handoff.id,
        title: clip(`Handed to you: ${handoff.title}`, 200),
        body: clip(`${where}, from ${name(handoff.sender)}. Accept it, or bounce it back with what is missing.`, 1000),
      });
    }
    if (handoff.state === 'IN_PROGRESS' && handoff.sender === me) {
      const reason = bounceReason(handoff);
      if (reason !== null) {
        found.push({
          key: `bounced:${handoff.id}:${handoff.stateEnteredAt}`,
          kind: 'bounced',
          handoffId: handoff.id,
          title: clip(`Bounced back: ${handoff.title}`, 200),
          body: clip(`${where}. Reason: ${reason}`, 1000),
        });
      }
    }
    if (handoff.sender === me || handoff.receiver === me) {
      for (const exception of handoff.exceptions) {
        if (exception.resolvedAt !== null) continue;
        found.push({
          key: `exception:${handoff.id}:${exception.id}`,
          kind: 'exception',
          handoffId: handoff.id,
          title: clip(`${EXCEPTION_KIND_WORDS[exception.kind]}: ${handoff.title}`, 200),
          body: clip(`${where}. ${exception.message}`, 1000),
        });
      }
    }
    if (holderOf(handoff) === me) {
      const template = templatesByKey.get(templateKey(handoff.templateId, handoff.templateVersion));
      // Without its template the limit is a guess; the dashboard still lists such cards.
      if (template === undefined) continue;
      const sla = slaStatus(handoff, template, settings, now);
      if (sla.status !== 'warning' && sla.status !== 'breached') continue;
      found.push({
        // One per stay: a warning that turns into a breach is not announced twice.
        key: `sla:${handoff.id}:${handoff.state}:${handoff.stateEnteredAt}`,
        kind: 'sla',
        handoffId: handoff.id,
        title: clip(`${sla.status === 'breached' ? 'Past its SLA' : 'Nearly past its SLA'}: ${handoff.title}`, 200),
        body: clip(`${where}, ${STATE_LABELS[handoff.state]} for ${Math.round(sla.elapsedHours * 10) / 10} of ${sla.limitHours ?? '?'} working hours.`, 1000),
      });
    }
  }
  return found;
}

/** notificationCandidates, for a list that changes a few records at a time. */
export type NotificationJudge = (handoffs: readonly Handoff[], templatesByKey: ReadonlyMap<string, Template>, settings: WorkspaceSettings, now: Date) => NotificationCandidate[];

/**
 * notificationCandidates, remembered per handoff record while the templates, the
 * settings and the minute stay the same: after a write only the records it
 * changed are judged again (a user who sends thousands of open handoffs would
 * otherwise have every one judged after each move).
 */
export function createNotificationJudge(): NotificationJudge {
  let judgedWith: { templatesByKey: ReadonlyMap<string, Template>; settings: WorkspaceSettings; nowMs: number } | null = null;
  let judged = new WeakMap<Handoff, NotificationCandidate[]>();
  return (handoffs, templatesByKey, settings, now) => {
    if (judgedWith === null || judgedWith.templatesByKey !== templatesByKey || judgedWith.settings !== settings || judgedWith.nowMs !== now.getTime()) {
      judgedWith = { templatesByKey, settings, nowMs: now.getTime() };
      judged = new WeakMap();
    }
    return handoffs.flatMap((handoff) => {
      const known = judged.get(handoff);
      if (known !== undefined) return known;
      const found = notificationCandidates([handoff], templatesByKey, settings, now);
      judged.set(handoff, found);
      return found;
    });
  };
}
