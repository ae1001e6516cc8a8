import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useDb } from '../data/db-context';
import { useWorkspace } from '../ui/use-workspace';
import { requestClientUpdate } from './client-update-store';

/**
 * Every acceptance of a handoff the current user SENT — whoever accepted it,
 * by whatever path (drag, keyboard, menu, Accept, on behalf, or replayed from
 * another desktop); they all record an `accepted` event — queues a client
 * update draft for the sender, who owns the client relationship; the receiver
 * (often a developer) is not asked to write to the client. Reading the
 * committed history (not hooking each button) means no path can skip it. Mount once.
 */
export function useAcceptanceWatcher(): void {
  const db = useDb();
  const { currentUser, loading } = useWorkspace();
  const [since] = useState(() => new Date().toISOString());
  const handled = useRef(new Set<string>());
  const accepted = useLiveQuery(async () => {
    const events = (await db.events.where('at').aboveOrEqual(since).toArray()).filter((event) => event.kind === 'accepted');
    const handoffs = await db.handoffs.bulkGet(events.map((event) => event.handoffId));
    return events.map((event, index) => ({ id: event.id, handoffId: event.handoffId, sender: handoffs[index]?.sender ?? null }));
  }, [db, since]);
  useEffect(() => {
    if (loading || accepted === undefined) return;
    for (const event of accepted) {
      if (handled.current.has(event.id) || event.sender !== currentUser) continue;
      handled.current.add(event.id);
      requestClientUpdate(event.handoffId);
    }
  }, [accepted, currentUser, loading]);
}
