import type { ReconcileProblem } from '../../../shared/sync/reconcile';

type Listed = Pick<ReconcileProblem, 'dealId' | 'message'> & Partial<Pick<ReconcileProblem, 'held' | 'heldNotApplied'>>;

/**
 * What the last sync could not do, in two lists: records that could not be merged (a failure to look into), and
 * changes made here that wait because their handoff was archived before they reached HubSpot (nothing failed:
 * restoring the handoff sends them; `shared/sync/held-acts.ts`).
 */
export function SyncProblemsList({ problems }: { problems: readonly Listed[] }) {
  const waiting = problems.filter((p) => p.held !== undefined || p.heldNotApplied !== undefined);
  const failed = problems.filter((p) => p.held === undefined && p.heldNotApplied === undefined);
  return (
    <>
      {failed.length > 0 ? (
        <div role="note" style={{ marginTop: 12 }}>
          <p>
            {failed.length} HubSpot deal{failed.length === 1 ? '' : 's'} could not be merged in the last sync (everything else was):
          </p>
          <ul>
            {failed.slice(0, 20).map((problem) => (
              <li key={`${problem.dealId}:${problem.message}`} className="muted">
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {waiting.length > 0 ? (
        <div role="note" aria-label="Changes waiting for a restore" style={{ marginTop: 12 }}>
          <p>Changes made on this computer to archived handoffs:</p>
          <ul>
            {waiting.slice(0, 20).map((problem) => (
              <li key={`${problem.dealId}:${problem.message}`} className="muted">
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
