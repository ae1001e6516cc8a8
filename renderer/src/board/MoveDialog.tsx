import { HANDOFF_STATES, STATE_LABELS, stateIndex } from '../../../shared/domain/states';
import { useHandoff } from '../data/queries';
import { useUi } from '../store/ui-store';
import { Dialog } from '../ui/Dialog';
import { useMoveHandoff } from '../data/use-command';

/** "Move to ▸" for keyboard and menu users: the same gate as a drag. */
export function MoveDialog({ handoffId }: { handoffId: string }) {
  const handoff = useHandoff(handoffId);
  const close = useUi((s) => s.closeDialog);
  const openDrawer = useUi((s) => s.openDrawer);
  const move = useMoveHandoff();
  if (handoff === undefined) return null;
  if (handoff === null) {
    return (
      <Dialog title="Handoff not found" onClose={close}>
        <p>This handoff no longer exists.</p>
      </Dialog>
    );
  }
  const current = stateIndex(handoff.state);
  return (
    <Dialog title={`Move “${handoff.title}”`} onClose={close} description={`Now in ${STATE_LABELS[handoff.state]}.`}>
      <div role="group" aria-label="Move to" className="list" style={{ marginTop: 12 }}>
        {HANDOFF_STATES.filter((state) => state !== handoff.state).map((state) => (
          <button
            key={state}
            type="button"
            className="btn"
            onClick={() => {
              // The write first: closing the dialog queues a render that would otherwise run before IndexedDB opens it.
              void move(handoff, state);
              close();
            }}
          >
            {stateIndex(state) > current ? '→' : '←'} Move to {STATE_LABELS[state]}
          </button>
        ))}
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            close();
            openDrawer({ handoffId: handoff.id });
          }}
        >
          Open details
        </button>
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
