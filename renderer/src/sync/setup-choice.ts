import { HANDOFF_STATES } from '../../../shared/domain/states';
import type { HandoffState } from '../../../shared/domain/states';
import { DEFAULT_RECORD_TYPE, RECORD_TYPE } from '../../../shared/hubspot/record-type';
import type { RecordType, StageClosure } from '../../../shared/hubspot/record-type';
import type { PipelineOption, SetupChoice, SetupOptions } from '../../../shared/hubspot/setup';

/** The setup screen's draft, before it is a valid `SetupChoice`. */
export interface SetupDraft {
  recordType: RecordType;
  mode: 'create' | 'map';
  pipelineId: string;
  stageIds: Partial<Record<HandoffState, string>>;
}

/** Existing pipelines a person may map (Baton's own is set up with "create"). */
export function mappablePipelines(options: SetupOptions, recordType: RecordType): PipelineOption[] {
  return options.recordTypes.find((r) => r.recordType === recordType)?.pipelines.filter((p) => !p.isBatonPipeline) ?? [];
}

/**
 * A first guess at the mapping, in stage order: the first three open stages
 * for the three working states, and for "Handoff done" a closed ticket stage
 * or, on deals, the last open one (never a closed-won or closed-lost stage).
 */
export function suggestStages(pipeline: PipelineOption | undefined): Partial<Record<HandoffState, string>> {
  if (!pipeline) return {};
  const open = pipeline.stages.filter((s) => s.closure === 'open');
  const closedTicket = pipeline.stages.find((s) => s.closure === 'closed');
  const working = open.slice(0, 3);
  const done = closedTicket ?? open[3];
  if (working.length < 3 || !done) return {};
  const [a, b, c] = working;
  return { IN_PROGRESS: a?.id, READY_FOR_HANDOFF: b?.id, IN_HANDOFF: c?.id, HANDOFF_DONE: done.id };
}

/** The draft the screen opens with: the setup in use, else tickets (or deals when tickets lack scopes) in a new pipeline. */
export function initialDraft(options: SetupOptions): SetupDraft {
  const current = options.current;
  if (current) return { recordType: current.recordType, mode: current.ownPipeline ? 'create' : 'map', pipelineId: current.ownPipeline ? '' : current.pipelineId, stageIds: current.ownPipeline ? {} : { ...current.stageIds } };
  const usable = options.recordTypes.filter((r) => r.missingScopes.length === 0).map((r) => r.recordType);
  const recordType = usable.includes(DEFAULT_RECORD_TYPE) ? DEFAULT_RECORD_TYPE : (usable[0] ?? DEFAULT_RECORD_TYPE);
  return { recordType, mode: 'create', pipelineId: '', stageIds: {} };
}

/** The draft for another pipeline: its id and a suggested mapping. */
export function withPipeline(draft: SetupDraft, options: SetupOptions, pipelineId: string): SetupDraft {
  const pipeline = mappablePipelines(options, draft.recordType).find((p) => p.id === pipelineId);
  return { ...draft, pipelineId, stageIds: suggestStages(pipeline) };
}

/** The choice to send, or a sentence saying what is still missing. */
export function toChoice(draft: SetupDraft): SetupChoice | string {
  if (draft.mode === 'create') return { mode: 'create', recordType: draft.recordType };
  if (draft.pipelineId === '') return `Choose the ${RECORD_TYPE[draft.recordType].singular} pipeline to use.`;
  const { IN_PROGRESS, READY_FOR_HANDOFF, IN_HANDOFF, HANDOFF_DONE } = draft.stageIds;
  if (!IN_PROGRESS || !READY_FOR_HANDOFF || !IN_HANDOFF || !HANDOFF_DONE) return 'Choose a stage for each of the four handoff states.';
  const stageIds = { IN_PROGRESS, READY_FOR_HANDOFF, IN_HANDOFF, HANDOFF_DONE };
  if (new Set(HANDOFF_STATES.map((s) => stageIds[s])).size !== HANDOFF_STATES.length) return 'Choose a different stage for each handoff state, so Baton can tell them apart.';
  return { mode: 'map', recordType: draft.recordType, pipelineId: draft.pipelineId, stageIds };
}

/** Short words for a stage's closure, shown beside its name. */
export function closureLabel(closure: StageClosure): string | null {
  switch (closure) {
    case 'won':
      return 'closed won';
    case 'lost':
      return 'closed lost';
    case 'closed':
      return 'closed';
    default:
      return null;
  }
}
