import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { ownerNamer } from '../../../shared/metrics';
import { formatDateTime } from '../ui/time';
import type { NotificationCandidate } from './detect-notifications';

/**
 * What arrived from another desktop with a sync and is news for me: an
 * acceptance of a handoff I sent, by whom and when. (Bounces and hand-overs
 * are announced from the card's state by detect-notifications.ts.) My own
 * acts never arrive this way, and one made under my id elsewhere is skipped.
 */
export function arrivedCandidates(arrived: readonly { handoff: Handoff; events: readonly HandoffEvent[] }[], settings: WorkspaceSettings): NotificationCandidate[] {
  const me = settings.currentUser;
  const name = ownerNamer(settings.owners);
  const found: NotificationCandidate[] = [];
  for (const { handoff, events } of arrived) {
    if (handoff.sender !== me) continue;
    for (const event of events) {
      if (event.kind !== 'accepted' || event.actor === me) continue;
      found.push({
        key: `accepted:${handoff.id}:${event.id}`,
        kind: 'accepted',
        handoffId: handoff.id,
        title: `Accepted by ${name(event.actor)}: ${handoff.title}`.slice(0, 200),
        body: `${handoff.client.name}. ${name(event.actor)} accepted it on ${formatDateTime(event.at, settings.workingHours.timeZone)}.`.slice(0, 1000),
      });
    }
  }
  return found;
}
