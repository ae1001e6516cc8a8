import { useId } from 'react';
import { CRITERION_KINDS } from '../../../shared/domain/template';
import { GATES, GATE_STEPS } from '../../../shared/domain/states';
import type { GateId } from '../../../shared/domain/states';
import type { CriterionKind } from '../../../shared/domain/template';
import { KIND_LABELS, type CriterionDraft } from './criterion-draft';

interface CriterionEditorProps {
  draft: CriterionDraft;
  index: number;
  count: number;
  errors: Partial<Record<string, string>>;
  onChange: (patch: Partial<CriterionDraft>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One criterion: label, gate, kind and the fields that kind needs. */
export function CriterionEditor({ draft, index, count, errors, onChange, onMove, onRemove }: CriterionEditorProps) {
  const base = useId();
  const name = draft.label || `Criterion ${index + 1}`;
  const err = (field: string) =>
    errors[field] ? (
      <div id={`${base}-${field}-error`} className="error-text" role="alert">
        {errors[field]}
      </div>
    ) : null;
  const invalid = (field: string) => ({
    'aria-invalid': errors[field] ? ('true' as const) : ('false' as const),
    'aria-describedby': errors[field] ? `${base}-${field}-error` : undefined,
  });
  return (
    <li className="criterion-editor" aria-label={name}>
      <div className="field-row">
        <div className="field" style={{ flex: 1.6 }}>
          <label htmlFor={`${base}-label`}>Label</label>
          <input id={`${base}-label`} className="input" value={draft.label} {...invalid('label')} onChange={(e) => onChange({ label: e.target.value })} />
          {err('label')}
        </div>
        {/* Wide enough for the longest gate name ("Mark ready for handoff") not to be cut. */}
        <div className="field" style={{ flex: 1.4, minWidth: 200 }}>
          <label htmlFor={`${base}-gate`}>Gate</label>
          <select id={`${base}-gate`} className="select" value={draft.gate} onChange={(e) => onChange({ gate: e.target.value as GateId })}>
            {GATES.map((gate) => (
              <option key={gate} value={gate}>
                {GATE_STEPS[gate].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ flex: 1.5 }}>
          <label htmlFor={`${base}-kind`}>Kind</label>
          <select id={`${base}-kind`} className="select" value={draft.kind} onChange={(e) => onChange({ kind: e.target.value as CriterionKind })}>
            {CRITERION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {draft.kind === 'approval' ? (
        <div className="field">
          <label htmlFor={`${base}-role`}>Approver role</label>
          <input id={`${base}-role`} className="input" placeholder="e.g. Development lead" value={draft.role} {...invalid('role')} onChange={(e) => onChange({ role: e.target.value })} />
          {err('role')}
        </div>
      ) : null}
      {draft.kind === 'hubspot_property' ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${base}-property`}>HubSpot property</label>
            <input id={`${base}-property`} className="input" placeholder="design_approved_by_client" value={draft.property} {...invalid('property')} onChange={(e) => onChange({ property: e.target.value })} />
            {err('property')}
          </div>
          <div className="field">
            <label htmlFor={`${base}-equals`}>Must equal</label>
            <input id={`${base}-equals`} className="input" placeholder="true" value={draft.equals} {...invalid('equals')} onChange={(e) => onChange({ equals: e.target.value })} />
            {err('equals')}
          </div>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${base}-help`}>Help shown when unmet (optional)</label>
        <input id={`${base}-help`} className="input" value={draft.help} onChange={(e) => onChange({ help: e.target.value })} />
      </div>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <span className="muted" style={{ fontSize: 12, flex: 1 }}>
          {/* The id is an internal key (proof on handoffs and HubSpot refer to it): say what it means, never show it. */}
          {draft.idLocked ? 'Renaming keeps the proof already given on handoffs.' : 'New criterion — added when you save.'}
        </span>
        <button type="button" className="btn btn-sm" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="btn btn-sm" aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="btn btn-sm btn-danger" aria-label={`Remove ${name}`} onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}
