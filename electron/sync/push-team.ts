import type { PipelineIds } from '../../shared/hubspot/mapping';
import type { RecordType } from '../../shared/hubspot/record-type';
import { PROP } from '../../shared/hubspot/properties';
import { syncError } from '../../shared/sync/protocol';
import type { TeamPushAck } from '../../shared/sync/protocol';
import { encodeTeamRecord, TEAM_RECORD_ID, TEAM_RECORD_NAME, TeamRecordTooLarge } from '../../shared/sync/team-carrier';
import type { TeamRecord } from '../../shared/sync/team-carrier';
import type { HubSpotGateway } from './hubspot-gateway';
import { HubSpotError, toSyncError } from './hubspot-error';

export interface TeamPushContext {
  gateway: HubSpotGateway;
  recordType: RecordType;
  pipeline: PipelineIds;
}

/**
 * Writes the team record: one upsert keyed by `baton_id` = "baton-team", so
 * every desktop writes the same record and a retry never makes a second. It
 * sits in the pipeline's done stage (closed for tickets, never won revenue
 * for deals) under a name that tells a HubSpot user what it is.
 */
export async function pushTeam(record: TeamRecord, ctx: TeamPushContext): Promise<TeamPushAck> {
  let carrier: Record<string, string | null>;
  try {
    carrier = encodeTeamRecord(record);
  } catch (error) {
    if (!(error instanceof TeamRecordTooLarge)) throw error;
    return { status: 'failed', error: syncError('HUBSPOT_VALIDATION', error.message) };
  }
  const properties: Record<string, string> = {
    [PROP.batonId]: TEAM_RECORD_ID,
    [PROP.name]: TEAM_RECORD_NAME,
    [PROP.pipeline]: ctx.pipeline.pipelineId,
    [PROP.stage]: ctx.pipeline.stageIds.HANDOFF_DONE,
    // HubSpot clears a property with "".
    ...Object.fromEntries(Object.entries(carrier).map(([name, value]) => [name, value ?? ''])),
  };
  try {
    const result = await ctx.gateway.batchWrite(ctx.recordType, 'upsert', [{ id: TEAM_RECORD_ID, idProperty: PROP.batonId, properties, objectWriteTraceId: TEAM_RECORD_ID }]);
    const error = result.errors?.[0];
    if (result.results.length === 0 || error) {
      return { status: 'failed', error: syncError('HUBSPOT_VALIDATION', `HubSpot refused the team's templates and roles: ${error?.message ?? 'no record in its answer'}`) };
    }
    return { status: 'ok' };
  } catch (error) {
    const sync = toSyncError(error);
    const permanent = error instanceof HubSpotError && !error.retryable && sync.code === 'HUBSPOT_VALIDATION';
    return { status: permanent ? 'failed' : 'retry', error: sync };
  }
}
