import { useState } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import type { Criterion } from '../../../shared/domain/template';
import { mayApprove } from '../../../shared/domain/authority';
import { nameList, roleHolders } from '../../../shared/domain/people';
import { useWorkspace } from '../ui/use-workspace';
import { OnBehalfDialog } from './OnBehalfDialog';
import { useCommand } from '../data/use-command';

type ApprovalCriterion = Extract<Criterion, { kind: 'approval' }>;

/**
 * Who approved, and — only for people holding the role — the buttons to
 * approve or revoke. Everyone else reads who can, and may act for a holder
 * only through the recorded "on behalf of" override.
 */
export function ApprovalControls({ handoff, criterion }: { handoff: Handoff; criterion: ApprovalCriterion }) {
  const run = useCommand(handoff.id);
  const { currentUser, ownerName, settings } = useWorkspace();
  const [overriding, setOverriding] = useState(false);
  const people = settings.owners;
  const holders = roleHolders(people, criterion.role);
  const iHold = mayApprove(criterion.role, currentUser, people);
  const approvals = handoff.approvals.filter((approval) => approval.criterionId === criterion.id);
  const finished = handoff.state === 'HANDOFF_DONE' || handoff.archivedAt !== null;

  return (
    <div className="card-badges" style={{ marginTop: 4 }}>
      {approvals.map((approval) => (
        <span key={approval.id} className="chip chip-success">
          Approved by {ownerName(approval.by)}
          {approval.onBehalfOf ? ` for ${ownerName(approval.onBehalfOf.person)}` : ''}
          {iHold && !finished ? (
            <button
              type="button"
              className="linklike"
              style={{ marginLeft: 4 }}
              aria-label={`Revoke approval by ${ownerName(approval.by)}`}
              onClick={() => void run({ type: 'revoke_approval', approvalId: approval.id }, { success: 'Approval revoked' })}
            >
              revoke
            </button>
          ) : null}
        </span>
      ))}
      {finished || approvals.length > 0 ? null : iHold ? (
        <button type="button" className="btn btn-sm" onClick={() => void run({ type: 'approve', criterionId: criterion.id }, { success: `Approved “${criterion.label}”` })}>
          Approve as {ownerName(currentUser)} ({criterion.role})
        </button>
      ) : (
        <>
          <span className="muted" style={{ fontSize: 12 }}>
            {holders.length === 0
              ? `Nobody holds the role “${criterion.role}” yet: give it to someone in Settings → People.`
              : `Only the ${criterion.role} can approve: ${nameList(holders.map((owner) => owner.name))}.`}
          </span>
          {holders.length > 0 ? (
            <button type="button" className="btn btn-sm" onClick={() => setOverriding(true)}>
              Approve on behalf of…
            </button>
          ) : null}
        </>
      )}
      {approvals.flatMap((approval) =>
        approval.onBehalfOf ? (
          <div key={`${approval.id}-why`} className="muted" style={{ fontSize: 12, flexBasis: '100%' }}>
            Why {ownerName(approval.by)} approved for {ownerName(approval.onBehalfOf.person)}: {approval.onBehalfOf.reason}
          </div>
        ) : (
          []
        ),
      )}
      {overriding ? (
        <OnBehalfDialog
          title={`Approve “${criterion.label}” on behalf of the ${criterion.role}`}
          candidates={holders}
          submitLabel="Approve on their behalf"
          onClose={() => setOverriding(false)}
          onSubmit={(onBehalfOf) => run({ type: 'approve', criterionId: criterion.id, onBehalfOf }, { quiet: true })}
        />
      ) : null}
    </div>
  );
}
