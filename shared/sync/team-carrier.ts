import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, OwnerIdSchema } from '../domain/ids';
import { OwnerSchema } from '../domain/settings';
import { TemplateSchema } from '../domain/template';
import { CARRIER_PROPERTIES, CHUNK_CHARS, readChunkedJson, shown, splitIntoChunks } from './carrier';

/**
 * The team record: ONE record of the portal's record type in Baton's pipeline
 * that carries what belongs to the team rather than to one handoff — every
 * template version and who holds which role (see README.md in this folder).
 * Every desktop upserts it under the same `baton_id`, so there is only ever
 * one; it rides in the same `baton_record*` properties as a handoff's record,
 * so the incremental search brings it at no extra request.
 */

export const TEAM_RECORD_ID = 'baton-team';
/** What a HubSpot user reads on the record, so nobody takes it for work or deletes it. */
export const TEAM_RECORD_NAME = 'Baton team settings — templates and roles (do not delete)';
export const TEAM_FORMAT = 'baton-team';
export const TEAM_VERSION = 1;

const actBase = {
  /** Unique per act; the union of two logs keeps each act once. */
  id: IdSchema,
  /** Lamport clock: one more than the highest seq the writer had seen, so an act made after seeing another sorts after it. */
  seq: z.number().int().nonnegative(),
  at: IsoDateTimeSchema,
  /** The person who made the change (owner id). */
  by: OwnerIdSchema,
};

/**
 * Changes to team settings that are not immutable versions: who holds which
 * role, and whether a template is archived — for each person (each template)
 * the act that sorts last wins, on every desktop alike — and who saved each
 * template version.
 */
export const TeamActSchema = z.discriminatedUnion('kind', [
  /** `role` '' takes the role away. */
  z.object({ ...actBase, kind: z.literal('role'), person: OwnerIdSchema, role: OwnerSchema.shape.role.unwrap() }),
  z.object({ ...actBase, kind: z.literal('template_archived'), templateId: IdSchema, archived: z.boolean() }),
  /** Who saved a template version (the version itself says when). */
  z.object({ ...actBase, kind: z.literal('template_saved'), templateId: IdSchema, version: z.number().int().positive() }),
]);
export type TeamAct = z.infer<typeof TeamActSchema>;

export const TeamRecordSchema = z.object({
  format: z.literal(TEAM_FORMAT),
  v: z.literal(TEAM_VERSION),
  /** Every template version the team made (the shipped seed versions excepted: every Baton has them); `archivedAt` comes from the acts. */
  templates: z.array(TemplateSchema).max(2000),
  acts: z.array(TeamActSchema).max(20_000),
});
export type TeamRecord = z.infer<typeof TeamRecordSchema>;

export type TeamRead = { ok: true; record: TeamRecord } | { ok: false; newer: boolean; message: string } | { ok: 'absent' };

export class TeamRecordTooLarge extends Error {
  constructor(readonly chars: number) {
    super(
      `The team's templates and roles take ${chars.toLocaleString('en-US')} characters, more than HubSpot's ${CARRIER_PROPERTIES.length} text properties hold ` +
        `(${(CARRIER_PROPERTIES.length * CHUNK_CHARS).toLocaleString('en-US')}); archive and delete old templates so the rest can be shared.`,
    );
    this.name = 'TeamRecordTooLarge';
  }
}

/** The property values that carry the team record (unused carrier properties are cleared with null). */
export function encodeTeamRecord(record: TeamRecord): Record<string, string | null> {
  const json = JSON.stringify(record);
  if (json.length > CARRIER_PROPERTIES.length * CHUNK_CHARS) throw new TeamRecordTooLarge(json.length);
  return splitIntoChunks(json);
}

/** Reads the team record; anything that is not a valid one of this format says what is wrong, and nothing local is touched. */
export function decodeTeamRecord(properties: Readonly<Record<string, string | null | undefined>>): TeamRead {
  const read = readChunkedJson(properties);
  if (read.kind === 'absent') return { ok: 'absent' };
  const { json } = read;
  if (read.kind === 'unreadable') {
    return { ok: false, newer: false, message: `The team's templates and roles in HubSpot (${CARRIER_PROPERTIES[0]} of "${TEAM_RECORD_NAME}") are not readable data (start ${shown(json)}); they were edited outside Baton or cut short.` };
  }
  const { raw } = read;
  const head = z.object({ format: z.string(), v: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== TEAM_FORMAT) {
    return { ok: false, newer: false, message: `The record "${TEAM_RECORD_NAME}" in HubSpot does not hold Baton's team settings (starts ${shown(json)}).` };
  }
  if (head.data.v > TEAM_VERSION) {
    return { ok: false, newer: true, message: `The team's templates and roles in HubSpot were written by a newer Baton (format ${head.data.v}); update Baton on this computer to read them.` };
  }
  const parsed = TeamRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, newer: false, message: `The team's templates and roles in HubSpot are damaged: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}.` };
  }
  return { ok: true, record: parsed.data };
}
