import { useRef } from 'react';
import { STATE_LABELS } from '../../../shared/domain/states';
import { useHandoff, useTemplateVersion } from '../data/queries';
import { useUi, type DrawerTarget } from '../store/ui-store';
import { EditableText } from '../ui/EditableText';
import { useFocusTrap } from '../ui/use-focus-trap';
import { ChecklistSection } from './ChecklistSection';
import { ClientUpdatesSection, NotesSection } from './ConversationSection';
import { CriteriaSection } from './CriteriaSection';
import { DetailsSection } from './DetailsSection';
import { HistorySection } from './HistorySection';
import { IssuesSection } from './IssuesSection';
import { LinksSection } from './LinksSection';
import { ReceiverAnswer } from './ReceiverAnswer';
import { useCommand, useMoveHandoff } from '../data/use-command';
import { useWorkspace } from '../ui/use-workspace';

/** The card's side panel: every field editable, focus-trapped, Esc closes. */
export function HandoffDrawer({ target }: { target: DrawerTarget }) {
  const close = useUi((s) => s.closeDrawer);
  const openDialog = useUi((s) => s.openDialog);
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = useFocusTrap(ref, close);
  const handoff = useHandoff(target.handoffId);
  const template = useTemplateVersion(handoff?.templateId ?? '', handoff?.templateVersion ?? 0);
  const run = useCommand(target.handoffId);
  const move = useMoveHandoff();
  const { currentUser, loading: settingsLoading } = useWorkspace();

  return (
    <>
      <div className="drawer-backdrop" onMouseDown={close} aria-hidden="true" />
      <div ref={ref} className="drawer" role="dialog" aria-modal="true" aria-labelledby="drawer-title" tabIndex={-1} onKeyDown={onKeyDown}>
        {handoff === undefined || settingsLoading ? (
          <div className="drawer-header">
            <h2 id="drawer-title">Loading…</h2>
          </div>
        ) : handoff === null ? (
          <div className="drawer-header">
            <h2 id="drawer-title" style={{ flex: 1 }}>
              This handoff no longer exists
            </h2>
            <button type="button" className="btn" onClick={close}>
              Close
            </button>
          </div>
        ) : (
          <>
            <div className="drawer-header drawer-header-wrap">
              <div className="drawer-heading">
                <h2 id="drawer-title" className="visually-hidden">
                  {handoff.title}
                </h2>
                <EditableText
                  label="Title"
                  hideLabel
                  className="title-input"
                  value={handoff.title}
                  onCommit={async (title) => {
                    const outcome = await run({ type: 'set_title', title }, { quiet: true, success: 'Title saved', undoable: true });
                    return outcome.ok ? null : outcome.error.message;
                  }}
                />
                <div className="card-meta">
                  <span className="chip chip-accent">{STATE_LABELS[handoff.state]}</span>
                  {handoff.archivedAt ? <span className="chip">Archived</span> : null}
                  {handoff.bounceCount > 0 ? (
                    <span className="chip">
                      ↩ {handoff.bounceCount} bounce{handoff.bounceCount === 1 ? '' : 's'}
                    </span>
                  ) : null}
                </div>
              </div>
              {handoff.state === 'IN_HANDOFF' && handoff.receiver === currentUser && !handoff.archivedAt ? (
                <>
                  <button type="button" className="btn btn-primary" onClick={() => void move(handoff, 'HANDOFF_DONE')}>
                    Accept
                  </button>
                  <button type="button" className="btn" onClick={() => openDialog({ kind: 'bounce', handoffId: handoff.id })}>
                    Bounce back
                  </button>
                </>
              ) : null}
              <button type="button" className="btn" onClick={() => openDialog({ kind: 'move', handoffId: handoff.id })}>
                Move to…
              </button>
              {handoff.archivedAt ? (
                <button type="button" className="btn" onClick={() => void run({ type: 'restore' }, { success: 'Handoff restored' })}>
                  Restore
                </button>
              ) : (
                <button type="button" className="btn" onClick={() => void run({ type: 'archive' }, { success: 'Handoff archived' })}>
                  Archive
                </button>
              )}
              <button type="button" className="btn btn-icon btn-ghost drawer-close" aria-label="Close details" onClick={close}>
                ✕
              </button>
            </div>
            <div className="drawer-body">
              <ReceiverAnswer handoff={handoff} />
              <IssuesSection handoff={handoff} />
              <CriteriaSection handoff={handoff} template={template} focusCriterionId={target.criterionId} />
              <DetailsSection handoff={handoff} />
              <LinksSection handoff={handoff} />
              <ChecklistSection handoff={handoff} />
              <ClientUpdatesSection handoff={handoff} />
              <NotesSection handoff={handoff} />
              <HistorySection handoffId={handoff.id} />
            </div>
          </>
        )}
      </div>
    </>
  );
}
