import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { PIPELINE_LABEL } from '../../../shared/hubspot/properties';
import { RECORD_TYPE, RECORD_TYPES } from '../../../shared/hubspot/record-type';
import type { RecordType } from '../../../shared/hubspot/record-type';
import type { HubSpotSetup, SetupOptions } from '../../../shared/hubspot/setup';
import type { ProvisionResult } from '../../../shared/sync/protocol';
import { StageMappingFields } from './StageMappingFields';
import { initialDraft, mappablePipelines, toChoice, withPipeline, type SetupDraft } from './setup-choice';
import { useSyncScheduler } from './sync-context';
import type { SetupOptionsOutcome } from './sync-scheduler';

const RECORD_TYPE_HINT: Record<RecordType, string> = {
  tickets: 'Recommended: tickets carry no revenue meaning, and every HubSpot account has a ticket pipeline.',
  deals: 'Deals feed HubSpot’s sales reports; the stages Baton creates stay open, so no handoff counts as won or lost revenue.',
};

function describeSetup(setup: HubSpotSetup, options: SetupOptions): string {
  const facts = RECORD_TYPE[setup.recordType];
  if (setup.ownPipeline) return `Handoffs live on HubSpot ${facts.plural} in Baton’s own “${PIPELINE_LABEL}” pipeline.`;
  const label = options.recordTypes.find((r) => r.recordType === setup.recordType)?.pipelines.find((p) => p.id === setup.pipelineId)?.label;
  return `Handoffs live on HubSpot ${facts.plural} in ${label ? `your “${label}” pipeline` : 'an existing pipeline'}, with its stages mapped to the four handoff states.`;
}

function describeProvision(result: ProvisionResult): string {
  if (result.created.length === 0) return 'HubSpot is set up for Baton; everything it needs was already there.';
  return `Set up HubSpot: created ${result.created.join(', ')}.`;
}

/**
 * The HubSpot setup: where handoffs live (tickets or deals) and in which
 * pipeline (Baton's own, where the account's tier allows one, or an existing
 * one whose stages the person maps). A refused pipeline is explained and the
 * mapping offered in its place.
 */
export function HubSpotSetupFlow({ disabled }: { disabled: boolean }) {
  const scheduler = useSyncScheduler();
  const [options, setOptions] = useState<SetupOptions | null>(null);
  const [draft, setDraft] = useState<SetupDraft | null>(null);
  const [busy, setBusy] = useState<'setup' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const baseId = useId();

  const apply = useCallback((outcome: SetupOptionsOutcome) => {
    if (outcome.ok) {
      setOptions(outcome.options);
      setDraft((d) => d ?? initialDraft(outcome.options));
    } else setError(outcome.error.message);
  }, []);

  // Read the portal's record types and pipelines once the setup can be used.
  useEffect(() => {
    if (disabled || options !== null || !scheduler) return;
    let live = true;
    void scheduler.setupOptions().then((outcome) => {
      if (live) apply(outcome);
    });
    return () => {
      live = false;
    };
  }, [disabled, options, scheduler, apply]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!scheduler || !draft) return;
    const choice = toChoice(draft);
    if (typeof choice === 'string') {
      setError(choice);
      return;
    }
    setBusy('setup');
    setError(null);
    setNotice(null);
    const outcome = await scheduler.provision(choice);
    setBusy(null);
    if (outcome.ok) {
      setNotice(describeProvision(outcome.result));
      setOptions((o) => (o ? { ...o, current: outcome.result.setup } : o));
      return;
    }
    setError(outcome.error.code === 'HUBSPOT_SCOPE' ? `The token is missing a permission (scope) Baton needs: ${outcome.error.message}` : outcome.error.message);
    // The tier allows no new pipeline: offer the mapping right away, with a first guess.
    if (outcome.error.code === 'PIPELINE_REFUSED' && options) {
      const first = mappablePipelines(options, draft.recordType)[0];
      setDraft(withPipeline({ ...draft, mode: 'map' }, options, first?.id ?? ''));
    }
  };

  const off = disabled || busy !== null || !draft;
  const typeOption = (type: RecordType) => options?.recordTypes.find((r) => r.recordType === type);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={{ marginTop: 12 }} aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`}>Set up HubSpot for Baton</h3>
      {options?.current ? <p>{describeSetup(options.current, options)}</p> : null}
      {!options && !disabled && error === null ? <p className="muted">Reading your HubSpot pipelines…</p> : null}
      {options && draft ? (
        <>
          <fieldset>
            <legend>Keep handoffs on</legend>
            {RECORD_TYPES.map((type) => {
              const missing = typeOption(type)?.missingScopes ?? [];
              return (
                <div key={type}>
                  <label>
                    <input
                      type="radio"
                      name={`${baseId}-type`}
                      checked={draft.recordType === type}
                      disabled={off || missing.length > 0}
                      onChange={() => setDraft({ recordType: type, mode: draft.mode, pipelineId: '', stageIds: {} })}
                    />{' '}
                    HubSpot {RECORD_TYPE[type].plural}
                  </label>
                  <p className="muted">{missing.length > 0 ? `Needs the scopes ${missing.join(', ')}, which this token lacks.` : RECORD_TYPE_HINT[type]}</p>
                </div>
              );
            })}
          </fieldset>
          <fieldset>
            <legend>Pipeline</legend>
            <label>
              <input type="radio" name={`${baseId}-mode`} checked={draft.mode === 'create'} disabled={off} onChange={() => setDraft({ ...draft, mode: 'create' })} /> Create Baton’s own
              “Handoffs” pipeline (Starter, Professional and Enterprise accounts)
            </label>
            <br />
            <label>
              <input
                type="radio"
                name={`${baseId}-mode`}
                checked={draft.mode === 'map'}
                disabled={off}
                onChange={() => setDraft(withPipeline({ ...draft, mode: 'map' }, options, draft.pipelineId || (mappablePipelines(options, draft.recordType)[0]?.id ?? '')))}
              />{' '}
              Use an existing pipeline and map its stages (Free accounts have one pipeline per record type)
            </label>
          </fieldset>
          {draft.mode === 'map' ? (
            <StageMappingFields
              recordType={draft.recordType}
              pipelines={mappablePipelines(options, draft.recordType)}
              pipelineId={draft.pipelineId}
              stageIds={draft.stageIds}
              disabled={off}
              onPipeline={(id) => setDraft(withPipeline(draft, options, id))}
              onStage={(state, id) => setDraft({ ...draft, stageIds: { ...draft.stageIds, [state]: id } })}
            />
          ) : null}
        </>
      ) : null}
      <button type="submit" className="btn" disabled={off}>
        {busy === 'setup' ? 'Setting up…' : 'Set up HubSpot'}
      </button>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="muted" role="status">
          {notice}
        </p>
      ) : null}
    </form>
  );
}
