import { useId } from 'react';
import { HANDOFF_STATES, STATE_LABELS } from '../../../shared/domain/states';
import type { HandoffState } from '../../../shared/domain/states';
import { closureMeaning, RECORD_TYPE } from '../../../shared/hubspot/record-type';
import type { RecordType } from '../../../shared/hubspot/record-type';
import type { PipelineOption } from '../../../shared/hubspot/setup';
import { closureLabel } from './setup-choice';

interface Props {
  recordType: RecordType;
  pipelines: readonly PipelineOption[];
  pipelineId: string;
  stageIds: Partial<Record<HandoffState, string>>;
  disabled: boolean;
  onPipeline(pipelineId: string): void;
  onStage(state: HandoffState, stageId: string): void;
}

/**
 * Map an existing pipeline's stages onto the four handoff states. Closed
 * stages are named as such, and what they mean is spelled out: on deals a
 * closed-won or closed-lost stage feeds HubSpot's revenue reports.
 */
export function StageMappingFields({ recordType, pipelines, pipelineId, stageIds, disabled, onPipeline, onStage }: Props) {
  const baseId = useId();
  const pipeline = pipelines.find((p) => p.id === pipelineId);
  const closed = pipeline?.stages.filter((s) => s.closure !== 'open') ?? [];
  const revenueStages = HANDOFF_STATES.map((state) => ({ state, stage: pipeline?.stages.find((s) => s.id === stageIds[state]) })).filter(
    (m) => m.stage && (m.stage.closure === 'won' || m.stage.closure === 'lost'),
  );
  const facts = RECORD_TYPE[recordType];
  if (pipelines.length === 0) return <p className="muted">This account has no {facts.singular} pipeline Baton could use.</p>;
  return (
    <div>
      <div className="field" style={{ maxWidth: 420 }}>
        <label htmlFor={`${baseId}-pipeline`}>Existing {facts.singular} pipeline</label>
        <select id={`${baseId}-pipeline`} className="select" value={pipelineId} disabled={disabled} onChange={(e) => onPipeline(e.target.value)}>
          <option value="">Choose a pipeline…</option>
          {pipelines.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      {pipeline ? (
        <>
          {HANDOFF_STATES.map((state) => (
            <div className="field" style={{ maxWidth: 420 }} key={state}>
              <label htmlFor={`${baseId}-${state}`}>Stage for “{STATE_LABELS[state]}”</label>
              <select id={`${baseId}-${state}`} className="select" value={stageIds[state] ?? ''} disabled={disabled} onChange={(e) => onStage(state, e.target.value)}>
                <option value="">Choose a stage…</option>
                {pipeline.stages.map((s) => {
                  const closure = closureLabel(s.closure);
                  return (
                    <option key={s.id} value={s.id}>
                      {closure ? `${s.label} (${closure})` : s.label}
                    </option>
                  );
                })}
              </select>
            </div>
          ))}
          {closed.length > 0 ? (
            <div role="note">
              <p>Closed stages in “{pipeline.label}”:</p>
              <ul>
                {closed.map((s) => (
                  <li key={s.id}>
                    {s.label} — {closureMeaning(s.closure)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {revenueStages.length > 0 ? (
            <p className="error-text" role="alert">
              {revenueStages.map((m) => `“${STATE_LABELS[m.state]}” is mapped to “${m.stage?.label ?? ''}”`).join('; ')}: every handoff there would count in HubSpot’s win-rate,
              revenue and forecast reports. Map it to an open stage unless that is what you want.
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
