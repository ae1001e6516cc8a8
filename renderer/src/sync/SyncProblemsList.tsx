import type { ReconcileProblem } from '../../../shared/sync/reconcile';

type Listed = Pick<ReconcileProblem, 'dealId' | 'message'> & Partial<Pick<ReconcileProblem, 'held' | 'heldNotApplied'>>;

/**
 * What the last sync could not do, in two lists: records that could not be merged (a failure to look into), and
 * changes made here that wait because their handoff was archived before they reached HubSpot (nothing failed:
 * restoring the handoff sends them; `shared/sync/held-acts.ts`).
 */
/** One list of problems under its own lead-in (at most 20 shown). */
function ProblemNote({ lead, label, problems }: { lead: string; label?: string; problems: readonly Listed[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="note" aria-label={label} style={{ marginTop: 12 }}>
      <p>{lead}</p>
      <ul>
        {problems.slice(0, 20).map((problem) => (
          <li key={`${problem.dealId}:${problem.message}`} className="muted">
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SyncProblemsList({ problems }: { problems: readonly Listed[] }) {
  const waiting = problems.filter((p) => p.held !== undefined || p.heldNotApplied !== undefined);
  const failed = problems.filter((p) => p.held === undefined && p.heldNotApplied === undefined);
  return (
    <>
      <ProblemNote lead={`${failed.length} HubSpot deal${failed.length === 1 ? '' : 's'} could not be merged in the last sync (everything else was):`} problems={failed} />
      <ProblemNote lead="Changes made on this computer to archived handoffs:" label="Changes waiting for a restore" problems={waiting} />
    </>
  );
}
