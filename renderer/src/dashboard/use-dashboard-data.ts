import { useLiveQuery } from 'dexie-react-hooks';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import type { Template } from '../../../shared/domain/template';
import { withoutLatestFlag, type BatonDb } from '../data/db';
import { useDb } from '../data/db-context';

/** Everything the dashboard reads: local data only, so it works offline. */
export interface DashboardData {
  handoffs: Handoff[];
  events: HandoffEvent[];
  /** Every stored version: a handoff is judged by the version it was created with. */
  templates: Template[];
}

export async function loadDashboardData(db: BatonDb): Promise<DashboardData> {
  // One read transaction: the three tables describe the same moment.
  return db.transaction('r', [db.handoffs, db.events, db.templates], async () => {
    const [handoffs, events, templates] = await Promise.all([db.handoffs.toArray(), db.events.toArray(), db.templates.toArray()]);
    return { handoffs, events, templates: templates.map(withoutLatestFlag) };
  });
}

/** `undefined` while loading; re-read after every committed write. */
export function useDashboardData(): DashboardData | undefined {
  const db = useDb();
  return useLiveQuery(() => loadDashboardData(db), [db]);
}
