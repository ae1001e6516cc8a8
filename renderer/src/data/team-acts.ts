import { TeamActSchema, type TeamAct } from '../../../shared/sync/team-carrier';
import type { BatonDb } from './db';

/**
 * The team's acts (who set whose role, who archived a template), kept in the
 * settings table beside the workspace settings, so a role change and its act
 * are written in one transaction and travel in backups like the roles do.
 */
export const TEAM_ACTS_KEY = 'teamActs';

/** The stored acts; a damaged entry (hand-edited) is left out rather than costing the others. */
export async function loadTeamActs(db: BatonDb): Promise<TeamAct[]> {
  const row = await db.settings.get(TEAM_ACTS_KEY);
  if (!Array.isArray(row?.value)) return [];
  return row.value.flatMap((value: unknown) => {
    const parsed = TeamActSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function saveTeamActs(db: BatonDb, acts: readonly TeamAct[]): Promise<void> {
  await db.settings.put({ key: TEAM_ACTS_KEY, value: acts });
}

/** Adds acts made here; runs inside the caller's transaction (which must include `settings`). */
export async function addTeamActs(db: BatonDb, acts: readonly TeamAct[]): Promise<void> {
  if (acts.length === 0) return;
  await saveTeamActs(db, [...(await loadTeamActs(db)), ...acts]);
}

/**
 * syncMeta flag: a template version was saved here since the team record was
 * last written. Until this desktop has seen a team record in HubSpot, only
 * such a change (or an act) makes it write one: a workspace that merely holds
 * templates (restored, or from before templates travelled) does not create it.
 */
export const TEAM_DIRTY_KEY = 'hubspot.teamDirty';

/** Marks the team's templates as changed; runs inside the caller's transaction (which must include `syncMeta`). */
export async function markTeamChanged(db: BatonDb): Promise<void> {
  await db.syncMeta.put({ key: TEAM_DIRTY_KEY, value: true });
}
