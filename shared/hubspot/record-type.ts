import { z } from 'zod';
import type { HandoffState } from '../domain/states';

/**
 * The HubSpot object a handoff lives on. Tickets are the natural home (no
 * revenue meaning, one ticket pipeline even on Free); deals stay supported
 * because workspaces set up before tickets were offered live there.
 *
 * Baton keeps ONE vocabulary for the built-in properties it maps (`dealname`,
 * `pipeline`, `dealstage`, as stored in sync bases since the first release);
 * the gateway renames them to the record type's own names on the wire, so
 * pull, push, merge and the renderer never depend on the record type.
 */
export const RECORD_TYPES = ['tickets', 'deals'] as const;
export const RecordTypeSchema = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordTypeSchema>;

/** What the setup screen preselects (README "Connecting HubSpot" says why). */
export const DEFAULT_RECORD_TYPE: RecordType = 'tickets';

export interface RecordTypeFacts {
  /** Path segment in `/crm/v3/objects/{type}`, `/crm/v3/pipelines/{type}`, `/crm/v4/associations/{type}/…`. */
  objectPath: RecordType;
  /** How people call one record, for messages. */
  singular: string;
  plural: string;
  pipelineProperty: string;
  stageProperty: string;
  nameProperty: string;
  /** HUBSPOT_DEFINED association type ids (HubSpot's associations v4 spec). */
  noteToRecord: number;
  taskToRecord: number;
}

export const RECORD_TYPE: Record<RecordType, RecordTypeFacts> = {
  deals: {
    objectPath: 'deals',
    singular: 'deal',
    plural: 'deals',
    pipelineProperty: 'pipeline',
    stageProperty: 'dealstage',
    nameProperty: 'dealname',
    noteToRecord: 214,
    taskToRecord: 216,
  },
  tickets: {
    objectPath: 'tickets',
    singular: 'ticket',
    plural: 'tickets',
    pipelineProperty: 'hs_pipeline',
    stageProperty: 'hs_pipeline_stage',
    nameProperty: 'subject',
    noteToRecord: 228,
    taskToRecord: 230,
  },
};

/** Baton's canonical names (the deal names) → the record type's own. */
function renames(type: RecordType): Record<string, string> {
  const facts = RECORD_TYPE[type];
  const deals = RECORD_TYPE.deals;
  return { [deals.pipelineProperty]: facts.pipelineProperty, [deals.stageProperty]: facts.stageProperty, [deals.nameProperty]: facts.nameProperty };
}

/** The name HubSpot uses for a canonical property on this record type. */
export function wirePropertyName(type: RecordType, canonical: string): string {
  return renames(type)[canonical] ?? canonical;
}

/** Baton's canonical name for a property HubSpot answered with. */
export function canonicalPropertyName(type: RecordType, wire: string): string {
  for (const [canonical, name] of Object.entries(renames(type))) if (name === wire) return canonical;
  return wire;
}

export function renameKeys<T>(record: Record<string, T>, rename: (name: string) => string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [rename(key), value]));
}

/**
 * Deal stage win probabilities for the stages Baton creates: strictly between
 * 0 and 1, so no handoff stage is HubSpot's closed-won (1.0) or closed-lost
 * (0.0) and none counts in win-rate, revenue or forecast reports. HubSpot takes
 * probabilities in steps of 0.1.
 */
export const DEAL_STAGE_PROBABILITY: Record<HandoffState, string> = {
  IN_PROGRESS: '0.1',
  READY_FOR_HANDOFF: '0.3',
  IN_HANDOFF: '0.6',
  HANDOFF_DONE: '0.9',
};

/** The metadata of a stage Baton creates for a handoff state. */
export function stageMetadata(type: RecordType, state: HandoffState): Record<string, string> {
  if (type === 'deals') return { probability: DEAL_STAGE_PROBABILITY[state] };
  // A done handoff is a closed ticket: HubSpot's help-desk reports count it as resolved, which is what it is.
  return { ticketState: state === 'HANDOFF_DONE' ? 'CLOSED' : 'OPEN' };
}

export const STAGE_CLOSURES = ['open', 'won', 'lost', 'closed'] as const;
export const StageClosureSchema = z.enum(STAGE_CLOSURES);
export type StageClosure = z.infer<typeof StageClosureSchema>;

/**
 * What HubSpot makes of a stage: deal stages at probability 1.0 are closed-won
 * and 0.0 closed-lost (HubSpot's `isClosed`); ticket stages are closed when
 * `ticketState` is CLOSED, with no revenue meaning.
 */
export function stageClosure(type: RecordType, metadata: Record<string, unknown> | undefined): StageClosure {
  const meta = metadata ?? {};
  if (type === 'tickets') return String(meta['ticketState'] ?? 'OPEN').toUpperCase() === 'CLOSED' ? 'closed' : 'open';
  const probability = Number(meta['probability']);
  const closed = String(meta['isClosed'] ?? '') === 'true' || probability === 1 || probability === 0;
  if (!closed) return 'open';
  return probability === 1 ? 'won' : 'lost';
}

/** What a closure means, in words for the stage-mapping screen. */
export function closureMeaning(closure: StageClosure): string {
  switch (closure) {
    case 'won':
      return 'Closed won: HubSpot counts deals here as won revenue in win-rate, revenue and forecast reports.';
    case 'lost':
      return 'Closed lost: HubSpot counts deals here as lost in win-rate and forecast reports.';
    case 'closed':
      return 'Closed: the ticket counts as resolved; no revenue meaning.';
    default:
      return 'Open';
  }
}
