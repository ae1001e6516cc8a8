import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useDb } from '../data/db-context';
import { useWorkspace } from '../ui/use-workspace';
import { requestClientUpdate } from './client-update-store';

/**
 * Every acceptance the current user makes in this window — drag, keyboard,
 * menu or the drawer's Accept button; they all record an `accepted` event —
 * queues a client update draft. Reading the committed history (not hooking
 * each button) means no acceptance path can skip it, and acceptances pulled
 * from HubSpot (someone else's act) do not open dialogs here. Mount once.
 */
export function useAcceptanceWatcher(): void {
  const db = useDb();
  const { currentUser, loading } = useWorkspace();
  const [since] = useState(() => new Date().toISOString());
  const handled = useRef(new Set<string>());
  const accepted = useLiveQuery(
    async () => (await db.events.where('at').aboveOrEqual(since).toArray()).filter((event) => event.kind === 'accepted'),
    [db, since],
  );
  useEffect(() => {
    if (loading || accepted === undefined) return;
    for (const event of accepted) {
      if (handled.current.has(event.id) || event.actor !== currentUser) continue;
      handled.current.add(event.id);
      requestClientUpdate(event.handoffId);
    }
  }, [accepted, currentUser, loading]);
}
