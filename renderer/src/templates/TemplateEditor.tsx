import { useId, useState } from 'react';
import type { Template } from '../../../shared/domain/template';
import { TemplateSchema } from '../../../shared/domain/template';
import { GATES, GATE_STEPS } from '../../../shared/domain/states';
import { useDb } from '../data/db-context';
import { archiveTemplate, saveTemplate } from '../data/templates';
import { useUi } from '../store/ui-store';
import { fromDrafts, newDraft, toDraft, type CriterionDraft } from './criterion-draft';
import { CriterionEditor } from './CriterionEditor';

type Errors = Record<string, string>;

/** Maps "criteria.2.role" style paths to the editor's error slots. */
function errorsFromIssues(issues: { path: string; message: string }[], drafts: CriterionDraft[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const match = /^criteria\.(\d+)\.(\w+)/.exec(issue.path);
    const key = match ? `${drafts[Number(match[1])]?.key ?? ''}.${match[2] === 'id' ? 'label' : match[2]}` : issue.path.split('.')[0] || 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Edits a template; Save stores a new version and leaves existing handoffs on theirs. */
export function TemplateEditor({ template, isNew, onSaved, onCancel }: { template: Template; isNew: boolean; onSaved: (t: Template) => void; onCancel: () => void }) {
  const db = useDb();
  const pushToast = useUi((s) => s.pushToast);
  const [name, setName] = useState(template.name);
  const [description, setDescription] = useState(template.description);
  const [fromTeam, setFromTeam] = useState(template.fromTeam);
  const [toTeam, setToTeam] = useState(template.toTeam);
  const [clientUpdate, setClientUpdate] = useState(template.clientUpdateTemplate);
  const [drafts, setDrafts] = useState<CriterionDraft[]>(() => template.criteria.map(toDraft));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), description: useId(), from: useId(), to: useId(), update: useId() };

  const update = (key: string, patch: Partial<CriterionDraft>) => setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const moveDraft = (key: string, delta: -1 | 1) =>
    setDrafts((all) => {
      const index = all.findIndex((d) => d.key === key);
      const target = index + delta;
      const item = all[index];
      if (index < 0 || target < 0 || target >= all.length || !item) return all;
      const next = all.filter((d) => d.key !== key);
      next.splice(target, 0, item);
      return next;
    });

  const save = async (): Promise<void> => {
    const candidate = {
      ...template,
      name,
      description,
      fromTeam,
      toTeam,
      clientUpdateTemplate: clientUpdate,
      criteria: fromDrafts(drafts),
    };
    const parsed = TemplateSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(errorsFromIssues(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })), drafts));
      return;
    }
    setErrors({});
    setBusy(true);
    const outcome = await saveTemplate(db, parsed.data);
    setBusy(false);
    if (!outcome.ok) {
      setErrors({ form: outcome.error.message });
      return;
    }
    pushToast({
      message: outcome.template.version === template.version && !isNew ? 'No changes to save' : `Saved “${outcome.template.name}” as version ${outcome.template.version}`,
      tone: 'info',
      undoable: false,
    });
    onSaved(outcome.template);
  };

  return (
    <form
      className="panel"
      noValidate
      aria-label={isNew ? 'New template' : `Edit template ${template.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{isNew ? 'New template' : `Edit “${template.name}”`}</h2>
      <p className="muted" style={{ marginBottom: 16 }}>
        {isNew
          ? 'A template defines, before any work starts, the proof each gate needs.'
          : `This is version ${template.version}. Saving creates version ${template.version + 1}; handoffs already using version ${template.version} keep it.`}
      </p>
      <div className="field">
        <label htmlFor={ids.name}>Name</label>
        <input id={ids.name} className="input" value={name} aria-invalid={errors.name ? 'true' : 'false'} aria-describedby={errors.name ? `${ids.name}-e` : undefined} onChange={(e) => {
            setName(e.target.value);
            // The message is about the old value: typing a name clears it.
            if (errors.name) setErrors(({ name: _cleared, ...rest }) => rest);
          }} />
        {errors.name ? (
          <div id={`${ids.name}-e`} className="error-text" role="alert">
            {errors.name}
          </div>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={ids.description}>Description</label>
        <textarea id={ids.description} className="textarea" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.from}>From team</label>
          <input id={ids.from} className="input" value={fromTeam} onChange={(e) => setFromTeam(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>To team</label>
          <input id={ids.to} className="input" value={toTeam} onChange={(e) => setToTeam(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.update}>Client update on acceptance</label>
        <textarea id={ids.update} className="textarea" value={clientUpdate} onChange={(e) => setClientUpdate(e.target.value)} />
        <span className="muted" style={{ fontSize: 12 }}>
          {'{title}, {client}, {receiver}, {nextAction} and {due} are filled in.'}
        </span>
      </div>
      {GATES.map((gate) => {
        const inGate = drafts.filter((d) => d.gate === gate);
        return (
          <fieldset key={gate} style={{ border: 0, padding: 0, margin: '16px 0 0' }}>
            <legend className="gate-title">
              {GATE_STEPS[gate].label} — {inGate.length} criteri{inGate.length === 1 ? 'on' : 'a'}
            </legend>
            <ul className="list" style={{ gap: 8 }}>
              {inGate.map((draft, index) => (
                <CriterionEditor
                  key={draft.key}
                  draft={draft}
                  index={index}
                  count={inGate.length}
                  errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith(`${draft.key}.`)).map(([k, v]) => [k.slice(draft.key.length + 1), v]))}
                  onChange={(patch) => update(draft.key, patch)}
                  onMove={(delta) => {
                    // Reorder within the gate: swap with the neighbour of the same gate.
                    const neighbour = inGate[index + delta];
                    if (!neighbour) return;
                    const steps = drafts.indexOf(neighbour) - drafts.indexOf(draft);
                    for (let i = 0; i < Math.abs(steps); i++) moveDraft(draft.key, delta);
                  }}
                  onRemove={() => setDrafts((all) => all.filter((d) => d.key !== draft.key))}
                />
              ))}
            </ul>
            <button type="button" className="btn btn-sm" style={{ marginTop: 8 }} onClick={() => setDrafts((all) => [...all, newDraft(gate)])}>
              + Add criterion to “{GATE_STEPS[gate].label}”
            </button>
          </fieldset>
        );
      })}
      {errors.form ? (
        <div className="error-text" role="alert">
          {errors.form}
        </div>
      ) : null}
      {Object.keys(errors).length > 0 && !errors.form ? (
        <div className="error-text" role="alert">
          Some fields need attention before this template can be saved.
        </div>
      ) : null}
      <div className="dialog-actions">
        {!isNew ? (
          <button
            type="button"
            className="btn btn-danger"
            style={{ marginRight: 'auto' }}
            onClick={() =>
              void archiveTemplate(db, template.id).then((outcome) => {
                pushToast(outcome.ok ? { message: `Archived “${template.name}”`, tone: 'info', undoable: false } : { message: outcome.error.message, tone: 'error', undoable: false });
                if (outcome.ok) onCancel();
              })
            }
          >
            Archive template
          </button>
        ) : null}
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {isNew ? 'Create template' : `Save as version ${template.version + 1}`}
        </button>
      </div>
    </form>
  );
}
