import { useId, useState } from 'react';
import { createHandoff } from '../data/commands';
import { useDb } from '../data/db-context';
import { useTemplates } from '../data/queries';
import { useUi } from '../store/ui-store';
import { Dialog } from '../ui/Dialog';
import { localInputToIso } from '../ui/time';
import { useWorkspace } from '../ui/use-workspace';
import { useClientNames } from './use-clients';

type Field = 'title' | 'client' | 'template' | 'nextAction' | 'due' | 'form';

function fieldOfIssuePath(path: string): Field {
  if (path.startsWith('title')) return 'title';
  if (path.startsWith('client')) return 'client';
  if (path.startsWith('template')) return 'template';
  if (path.startsWith('nextAction.dueAt')) return 'due';
  if (path.startsWith('nextAction')) return 'nextAction';
  return 'form';
}

/** New handoff: title, client, template (latest version), receiver and first next action. */
export function CreateHandoffDialog() {
  const db = useDb();
  const close = useUi((s) => s.closeDialog);
  const openDrawer = useUi((s) => s.openDrawer);
  const pushToast = useUi((s) => s.pushToast);
  const templates = useTemplates();
  const clients = useClientNames();
  const { settings, currentUser, timeZone } = useWorkspace();
  const [title, setTitle] = useState('');
  const [client, setClient] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [receiver, setReceiver] = useState('');
  const [nextText, setNextText] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const ids = { title: useId(), client: useId(), template: useId(), receiver: useId(), next: useId(), due: useId(), clients: useId() };
  const chosenTemplate = templateId || templates?.[0]?.id || '';

  const submit = async (): Promise<void> => {
    const found: Partial<Record<Field, string>> = {};
    if (title.trim() === '') found.title = 'Give the handoff a title, e.g. “Homepage designs → development”.';
    if (client.trim() === '') found.client = 'Name the client this work is for.';
    if (!chosenTemplate) found.template = 'Pick a template; it defines the proof each gate needs.';
    let nextAction: { text: string; dueAt: string } | null = null;
    if (nextText.trim() !== '' || due !== '') {
      const dueAt = localInputToIso(due, timeZone);
      if (nextText.trim() === '') found.nextAction = 'Describe the next action, or clear its due time.';
      if (dueAt === null) found.due = 'Pick when the next action is due.';
      if (nextText.trim() !== '' && dueAt !== null) nextAction = { text: nextText.trim(), dueAt };
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const outcome = await createHandoff(
      db,
      {
        title: title.trim(),
        client: { name: client.trim(), hubspotCompanyId: null, hubspotDealId: null },
        templateId: chosenTemplate,
        sender: currentUser,
        receiver: receiver || null,
        nextAction,
      },
      currentUser,
    );
    setBusy(false);
    if (!outcome.ok) {
      const issues = 'issues' in outcome.error && Array.isArray(outcome.error.issues) ? outcome.error.issues : [];
      const mapped: Partial<Record<Field, string>> = {};
      for (const issue of issues) {
        const text = typeof issue === 'string' ? issue.split(': ').slice(1).join(': ') || issue : issue.message;
        const path = typeof issue === 'string' ? issue.split(':')[0] ?? '' : issue.path;
        mapped[fieldOfIssuePath(path)] ??= text;
      }
      if (Object.keys(mapped).length === 0) mapped.form = outcome.error.message;
      setErrors(mapped);
      return;
    }
    close();
    pushToast({ message: `Created “${outcome.handoff.title}”`, tone: 'info', undoable: false });
    openDrawer({ handoffId: outcome.handoff.id });
  };

  const describedBy = (field: Field) => (errors[field] ? `${field}-error` : undefined);
  const error = (field: Field) =>
    errors[field] ? (
      <div id={`${field}-error`} className="error-text" role="alert">
        {errors[field]}
      </div>
    ) : null;

  return (
    <Dialog title="New handoff" onClose={close} wide>
      <form
        noValidate
        style={{ marginTop: 12 }}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={ids.title}>Title</label>
          <input id={ids.title} className="input" data-autofocus value={title} aria-invalid={errors.title ? 'true' : 'false'} aria-describedby={describedBy('title')} onChange={(e) => setTitle(e.target.value)} />
          {error('title')}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.client}>Client</label>
            <input id={ids.client} className="input" list={ids.clients} value={client} aria-invalid={errors.client ? 'true' : 'false'} aria-describedby={describedBy('client')} onChange={(e) => setClient(e.target.value)} />
            <datalist id={ids.clients}>
              {clients.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            {error('client')}
          </div>
          <div className="field">
            <label htmlFor={ids.template}>Template</label>
            <select id={ids.template} className="select" value={chosenTemplate} aria-invalid={errors.template ? 'true' : 'false'} aria-describedby={describedBy('template')} onChange={(e) => setTemplateId(e.target.value)}>
              {(templates ?? []).length === 0 ? <option value="">No templates yet</option> : null}
              {(templates ?? []).map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name} (v{template.version})
                </option>
              ))}
            </select>
            {error('template')}
          </div>
        </div>
        <div className="field">
          <label htmlFor={ids.receiver}>Receiver</label>
          <select id={ids.receiver} className="select" value={receiver} onChange={(e) => setReceiver(e.target.value)}>
            <option value="">Not decided yet</option>
            {settings.owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field-row">
          <div className="field" style={{ flex: 2 }}>
            <label htmlFor={ids.next}>Next action (optional)</label>
            <input id={ids.next} className="input" value={nextText} aria-invalid={errors.nextAction ? 'true' : 'false'} aria-describedby={describedBy('nextAction')} onChange={(e) => setNextText(e.target.value)} />
            {error('nextAction')}
          </div>
          <div className="field">
            <label htmlFor={ids.due}>Due ({timeZone})</label>
            <input id={ids.due} type="datetime-local" className="input" value={due} aria-invalid={errors.due ? 'true' : 'false'} aria-describedby={describedBy('due')} onChange={(e) => setDue(e.target.value)} />
            {error('due')}
          </div>
        </div>
        {error('form')}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Create handoff
          </button>
        </div>
      </form>
    </Dialog>
  );
}
