import { useState } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import { findPerson } from '../../../shared/domain/people';
import { useUi } from '../store/ui-store';
import { useWorkspace } from '../ui/use-workspace';
import { OnBehalfDialog } from './OnBehalfDialog';
import { useCommand } from '../data/use-command';

/**
 * For everyone but the receiver, while a handoff waits for its answer: who
 * can accept or bounce it, and the explicit, recorded override for a PM
 * acting for an absent receiver.
 */
export function ReceiverAnswer({ handoff }: { handoff: Handoff }) {
  const { currentUser, settings } = useWorkspace();
  const run = useCommand(handoff.id);
  const openDialog = useUi((s) => s.openDialog);
  const [accepting, setAccepting] = useState(false);
  if (handoff.state !== 'IN_HANDOFF' || handoff.archivedAt !== null || handoff.receiver === currentUser) return null;
  const receiver = findPerson(settings.owners, handoff.receiver);
  return (
    <section className="section" aria-labelledby="answer-heading">
      <h3 id="answer-heading">Waiting for the receiver</h3>
      {receiver === undefined ? (
        <p className="muted">Only the receiver can accept or bounce this handoff; pick one under Details.</p>
      ) : (
        <>
          <p className="muted">Only {receiver.name} can accept or bounce this handoff. If they are away, you can answer for them with a reason.</p>
          <div className="field-row">
            <button type="button" className="btn btn-sm" onClick={() => setAccepting(true)}>
              Accept on behalf of {receiver.name}…
            </button>
            <button type="button" className="btn btn-sm" onClick={() => openDialog({ kind: 'bounce', handoffId: handoff.id })}>
              Bounce back on behalf of {receiver.name}…
            </button>
          </div>
          {accepting ? (
            <OnBehalfDialog
              title={`Accept “${handoff.title}” on behalf of ${receiver.name}`}
              candidates={[receiver]}
              submitLabel="Accept on their behalf"
              onClose={() => setAccepting(false)}
              onSubmit={(onBehalfOf) => run({ type: 'accept', onBehalfOf }, { quiet: true, success: `Accepted “${handoff.title}” on behalf of ${receiver.name}` })}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
