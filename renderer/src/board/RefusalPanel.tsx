import { STATE_LABELS } from '../../../shared/domain/states';
import { useUi } from '../store/ui-store';
import { Dialog } from '../ui/Dialog';

/**
 * Says exactly why a move was refused (Jira-validator style) and offers a
 * one-click route to fix each missing proof.
 */
export function RefusalPanel() {
  const refusal = useUi((s) => s.refusal);
  const clear = useUi((s) => s.clearRefusal);
  const openDrawer = useUi((s) => s.openDrawer);
  if (!refusal) return null;
  return (
    <Dialog
      role="alertdialog"
      className="refusal"
      title={`Can’t move “${refusal.title}” to ${STATE_LABELS[refusal.to]}`}
      description={refusal.unmet.length > 0 ? `${refusal.unmet.length} proof${refusal.unmet.length === 1 ? ' is' : 's are'} missing. The card stayed where it was.` : refusal.message}
      onClose={clear}
    >
      {refusal.authority && refusal.authority.length > 0 && refusal.unmet.length > 0 ? (
        <ul aria-label="Who can do this">
          {refusal.authority.map((line) => (
            <li key={line}>
              <span aria-hidden="true" className="criterion-status unmet">
                ✕
              </span>
              <div className="grow">{line}</div>
            </li>
          ))}
        </ul>
      ) : null}
      {refusal.unmet.length > 0 ? (
        <ul aria-label="Unmet criteria">
          {refusal.unmet.map((item) => (
            <li key={item.criterionId}>
              <span aria-hidden="true" className="criterion-status unmet">
                ✕
              </span>
              <div className="grow">
                <div>
                  <strong>{item.label}</strong>
                </div>
                <div className="muted">{item.reason}</div>
              </div>
              <button
                type="button"
                className="btn btn-sm"
                aria-label={`Fix: ${item.label}`}
                onClick={() => openDrawer({ handoffId: refusal.handoffId, criterionId: item.criterionId })}
              >
                Fix
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => openDrawer({ handoffId: refusal.handoffId })}>
          Open handoff
        </button>
        <button type="button" className="btn btn-primary" data-autofocus onClick={clear}>
          OK
        </button>
      </div>
    </Dialog>
  );
}
