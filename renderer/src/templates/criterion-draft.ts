import type { Criterion, CriterionKind } from '../../../shared/domain/template';
import type { GateId } from '../../../shared/domain/states';

/** A criterion being edited: every kind-specific field present, so switching kind loses nothing. */
export interface CriterionDraft {
  /** React key; stable while editing even if the id changes. */
  key: string;
  id: string;
  /** Existing criteria keep their id: it names a HubSpot property and past results. */
  idLocked: boolean;
  label: string;
  gate: GateId;
  kind: CriterionKind;
  help: string;
  role: string;
  property: string;
  equals: string;
}

export const KIND_LABELS: Record<CriterionKind, string> = {
  checklist: 'Checklist item (someone ticks it)',
  receiver_assigned: 'Receiver assigned',
  next_action: 'Next action with a future due time',
  context_link: 'Context link attached',
  client_notified: 'Client update logged',
  approval: 'Approval by a role',
  hubspot_property: 'HubSpot property equals a value',
};

let draftCounter = 0;
function nextKey(): string {
  draftCounter += 1;
  return `draft-${draftCounter}`;
}

export function toDraft(criterion: Criterion): CriterionDraft {
  return {
    key: nextKey(),
    id: criterion.id,
    idLocked: true,
    label: criterion.label,
    gate: criterion.gate,
    kind: criterion.kind,
    help: criterion.help ?? '',
    role: criterion.kind === 'approval' ? criterion.role : '',
    property: criterion.kind === 'hubspot_property' ? criterion.property : '',
    equals: criterion.kind === 'hubspot_property' ? criterion.equals : '',
  };
}

export function newDraft(gate: GateId): CriterionDraft {
  return { key: nextKey(), id: '', idLocked: false, label: '', gate, kind: 'checklist', help: '', role: '', property: '', equals: '' };
}

/** "Design approved by client!" → "design_approved_by_client" (a valid criterion id). */
export function slugifyId(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  if (slug === '') return 'criterion';
  return /^[a-z]/.test(slug) ? slug : `c_${slug}`;
}

/** Drafts → criteria, minting ids for new ones that do not collide with any other. */
export function fromDrafts(drafts: CriterionDraft[]): Criterion[] {
  const taken = new Set(drafts.filter((d) => d.idLocked || d.id !== '').map((d) => d.id));
  return drafts.map((draft) => {
    let id = draft.id;
    if (id === '') {
      const base = slugifyId(draft.label);
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
      taken.add(id);
    }
    const common = { id, label: draft.label, gate: draft.gate, ...(draft.help.trim() ? { help: draft.help.trim() } : {}) };
    switch (draft.kind) {
      case 'approval':
        return { ...common, kind: 'approval', role: draft.role };
      case 'hubspot_property':
        return { ...common, kind: 'hubspot_property', property: draft.property, equals: draft.equals };
      default:
        return { ...common, kind: draft.kind };
    }
  });
}
