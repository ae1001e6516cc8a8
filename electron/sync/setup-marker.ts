import { BATON_GROUP } from '../../shared/hubspot/properties';
import { RECORD_TYPES } from '../../shared/hubspot/record-type';
import type { RecordType } from '../../shared/hubspot/record-type';
import { HubSpotSetupSchema } from '../../shared/hubspot/setup';
import type { HubSpotSetup } from '../../shared/hubspot/setup';
import type { HubSpotGateway } from './hubspot-gateway';
import { HubSpotError } from './hubspot-error';

/**
 * The setup a portal uses is kept in HubSpot itself, in the description of a
 * `baton_setup` property on the record type: every desktop connected to the
 * portal (and a reconnect after "Disconnect") finds the same record type,
 * pipeline and stage mapping, with nothing stored on one machine that the
 * others would lack.
 */
export const SETUP_PROPERTY = 'baton_setup';
const MARKER = 'baton-setup:';
const MarkedSchema = HubSpotSetupSchema.omit({ recordType: true });

function describe(setup: HubSpotSetup | null): string {
  const why = 'Where Baton keeps handoffs in this account (set by Baton setup). Do not edit.';
  if (setup === null) return `${why} Not in use on this record type.`;
  const { pipelineId, stageIds, ownPipeline } = setup;
  return `${why} ${MARKER}${JSON.stringify({ pipelineId, stageIds, ownPipeline })}`;
}

/** The setup marked on a record type, or null (no marker, an emptied one, or one that does not parse). */
export async function readSetupMarker(gateway: HubSpotGateway, recordType: RecordType): Promise<HubSpotSetup | null> {
  const property = (await gateway.properties(recordType)).find((p) => p.name === SETUP_PROPERTY && !p.archived);
  const text = property?.description ?? '';
  const at = text.indexOf(MARKER);
  if (at < 0) return null;
  try {
    const parsed = MarkedSchema.safeParse(JSON.parse(text.slice(at + MARKER.length)));
    return parsed.success ? { recordType, ...parsed.data } : null;
  } catch {
    return null;
  }
}

async function writeMarker(gateway: HubSpotGateway, recordType: RecordType, setup: HubSpotSetup | null): Promise<void> {
  const description = describe(setup);
  const property = (await gateway.properties(recordType)).find((p) => p.name === SETUP_PROPERTY && !p.archived);
  if (property?.description === description) return;
  if (property) {
    await gateway.updateProperty(recordType, SETUP_PROPERTY, { description });
    return;
  }
  if (setup === null) return;
  await gateway.createProperty(recordType, {
    name: SETUP_PROPERTY,
    label: 'Baton setup (do not edit)',
    type: 'string',
    fieldType: 'text',
    groupName: BATON_GROUP.name,
    description,
  });
}

/** Marks the setup on its record type and clears a marker left on the other one (a move made before anything synced). */
export async function markSetup(gateway: HubSpotGateway, setup: HubSpotSetup): Promise<void> {
  await writeMarker(gateway, setup.recordType, setup);
  for (const other of RECORD_TYPES.filter((t) => t !== setup.recordType)) {
    try {
      if ((await readSetupMarker(gateway, other)) !== null) await writeMarker(gateway, other, null);
    } catch (error) {
      // A token without the other record type's scopes cannot have set Baton up there.
      if (!(error instanceof HubSpotError && error.code === 'HUBSPOT_SCOPE')) throw error;
    }
  }
}
