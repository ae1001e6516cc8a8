import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import type { Template } from '../../../shared/domain/template';
import { runCommand } from '../data/commands';
import { useDb } from '../data/db-context';
import { withoutLatestFlag } from '../data/db';
import { useHandoff } from '../data/queries';
import { newId } from '../data/write-support';
import { useUi } from '../store/ui-store';
import { Dialog } from '../ui/Dialog';
import { DialogActions, RequiredTextArea } from '../ui/RequiredTextArea';
import { useWorkspace, type Workspace } from '../ui/use-workspace';
import { draftClientUpdate, type ClientUpdateField } from './draft-client-update';

const FIELD_WORDS: Record<ClientUpdateField, string> = {
  title: 'title',
  client: 'client',
  receiver: 'receiver',
  nextAction: 'next action',
  due: 'due date',
};

interface ClientUpdateFormProps {
  handoff: Handoff;
  template: Template | null;
  /** The loaded workspace: the draft is made once, so it must not be made from defaults. */
  workspace: Workspace;
  onDone: () => void;
}

function ClientUpdateForm({ handoff, template, workspace, onDone }: ClientUpdateFormProps) {
  const db = useDb();
  const pushToast = useUi((s) => s.pushToast);
  const { currentUser, ownerName, timeZone } = workspace;
  // Drafted once when the dialog opens; from then on the text is the PM's.
  const [draft] = useState(() => draftClientUpdate(template?.clientUpdateTemplate ?? '', handoff, { ownerName, timeZone }));
  const [body, setBody] = useState(draft.body);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async (): Promise<void> => {
    if (body.trim() === '') {
      setError('The update is empty. Write what the client should know, or skip it.');
      return;
    }
    setBusy(true);
    const outcome = await runCommand(db, handoff.id, { type: 'log_client_update', id: newId(), body: body.trim() }, currentUser);
    setBusy(false);
    if (!outcome.ok) {
      // The text stays in the box: nothing the PM wrote is lost.
      setError(outcome.error.message);
      return;
    }
    onDone();
    pushToast({
      message: handoff.client.hubspotDealId === null ? `Client update logged on “${handoff.title}”` : `Client update logged on “${handoff.title}”; it goes to HubSpot as a note on the deal at the next sync`,
      tone: 'info',
      undoable: false,
    });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
      noValidate
    >
      <RequiredTextArea
        label={`Update for ${handoff.client.name}`}
        value={body}
        rows={6}
        maxLength={10_000}
        error={error}
        hint={draft.missing.length > 0 ? `The card has no ${draft.missing.map((field) => FIELD_WORDS[field]).join(', ')}: fill in the bracketed gaps before logging.` : null}
        onChange={(value) => {
          setBody(value);
          setError(null);
        }}
      />
      <DialogActions cancelLabel="Skip" onCancel={onDone} submitLabel="Log client update" busy={busy} />
    </form>
  );
}

/**
 * After an acceptance: the client update drafted from the template, for the PM
 * to edit and confirm. Confirming logs it on the card (which satisfies "client
 * notified") and queues it for HubSpot as a note on the deal; offline it waits
 * in the outbox.
 */
export function ClientUpdateDialog({ handoffId, onDone }: { handoffId: string; onDone: () => void }) {
  const db = useDb();
  const workspace = useWorkspace();
  const handoff = useHandoff(handoffId);
  const templateId = handoff?.templateId ?? null;
  const templateVersion = handoff?.templateVersion ?? null;
  // null: the version is not stored; the default text is drafted instead.
  const template = useLiveQuery(async () => {
    if (templateId === null || templateVersion === null) return undefined;
    const stored = await db.templates.get([templateId, templateVersion]);
    return stored === undefined ? null : withoutLatestFlag(stored);
  }, [db, templateId, templateVersion]);
  const gone = handoff === null;
  useEffect(() => {
    // The card was removed before the dialog could open: nothing to tell the client about.
    if (gone) onDone();
  }, [gone, onDone]);
  // Wait for the card, its template and the people directory, so the draft is made from real data.
  if (handoff === null || handoff === undefined || template === undefined || workspace.loading) return null;
  return (
    <Dialog
      title={handoff.state === 'HANDOFF_DONE' ? `Tell ${handoff.client.name}: “${handoff.title}” was accepted` : `Tell ${handoff.client.name} about “${handoff.title}”`}
      onClose={onDone}
      description="Baton drafted this from the template. Edit it, then log it."
    >
      <ClientUpdateForm handoff={handoff} template={template} workspace={workspace} onDone={onDone} />
    </Dialog>
  );
}
