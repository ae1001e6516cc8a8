import { useEffect, useRef } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import type { Criterion, Template } from '../../../shared/domain/template';
import { GATES, GATE_STEPS } from '../../../shared/domain/states';
import { checkCriterion, proofTime } from '../../../shared/gate/gate';
import { ApprovalControls } from './ApprovalControls';
import { useCommand } from '../data/use-command';

const KIND_HINT: Record<Criterion['kind'], string> = {
  checklist: '',
  receiver_assigned: 'Pick a receiver under Details.',
  next_action: 'Set a next action with a future due time under Details.',
  context_link: 'Add a link under Context links.',
  client_notified: 'Log a client update below.',
  approval: '',
  hubspot_property: 'Set in HubSpot; Baton reads it on the next sync.',
};

/** The template's proof of completion, gate by gate, with each criterion's live state and reason. */
export function CriteriaSection({ handoff, template, focusCriterionId }: { handoff: Handoff; template: Template | undefined; focusCriterionId?: string }) {
  const run = useCommand(handoff.id);
  const highlightRef = useRef<HTMLLIElement>(null);

  useEffect(() => {
    const node = highlightRef.current;
    if (!node) return;
    node.scrollIntoView?.({ block: 'center' });
    (node.querySelector<HTMLElement>('input, button') ?? node).focus();
  }, [focusCriterionId, template]);

  if (!template) {
    return (
      <section className="section" aria-labelledby="criteria-heading">
        <h3 id="criteria-heading">Proof of completion</h3>
        <p className="muted">Loading the template…</p>
      </section>
    );
  }
  // A finished handoff's proof reads as it was when it was accepted.
  const now = proofTime(handoff, new Date());
  return (
    <section className="section" aria-labelledby="criteria-heading">
      <h3 id="criteria-heading">
        Proof of completion <span className="muted">({template.name}, version {template.version})</span>
      </h3>
      {GATES.map((gate) => {
        const criteria = template.criteria.filter((c) => c.gate === gate);
        if (criteria.length === 0) return null;
        return (
          <div key={gate}>
            <h4 className="gate-title">{GATE_STEPS[gate].label}</h4>
            <ul className="list" aria-label={GATE_STEPS[gate].label}>
              {criteria.map((criterion) => {
                const check = checkCriterion(handoff, criterion, now);
                const highlighted = criterion.id === focusCriterionId;
                return (
                  <li
                    key={criterion.id}
                    ref={highlighted ? highlightRef : undefined}
                    tabIndex={highlighted ? -1 : undefined}
                    className={`criterion ${highlighted ? 'highlight' : ''}`}
                    data-criterion-id={criterion.id}
                  >
                    <span className={`criterion-status ${check.met ? 'met' : 'unmet'}`} aria-hidden="true">
                      {check.met ? '✓' : '○'}
                    </span>
                    <div className="grow" style={{ flex: 1 }}>
                      {criterion.kind === 'checklist' ? (
                        <label className="checkbox-row">
                          <input
                            type="checkbox"
                            checked={check.met}
                            onChange={(event) =>
                              void run(
                                { type: 'set_criterion', criterionId: criterion.id, met: event.target.checked },
                                { success: `${event.target.checked ? 'Ticked' : 'Unticked'} “${criterion.label}”`, undoable: true },
                              )
                            }
                          />
                          {criterion.label}
                        </label>
                      ) : (
                        <div>{criterion.label}</div>
                      )}
                      <div className="muted" style={{ fontSize: 12 }}>
                        <span className="visually-hidden">{check.met ? 'Met.' : 'Not met:'} </span>
                        {check.met ? (criterion.kind === 'checklist' ? '' : 'Met') : check.reason}
                        {!check.met && KIND_HINT[criterion.kind] ? ` — ${KIND_HINT[criterion.kind]}` : ''}
                      </div>
                      {criterion.kind === 'approval' ? <ApprovalControls handoff={handoff} criterion={criterion} /> : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
