import { z } from 'zod';
import type { Template } from '../../../shared/domain/template';
import { WorkspaceSettingsSchema } from '../../../shared/domain/settings';
import type { RemoteDeal } from '../../../shared/sync/protocol';
import type { ReconcileProblem } from '../../../shared/sync/reconcile';
import { decodeTeamRecord, TEAM_RECORD_ID, TeamRecordSchema, type TeamRecord } from '../../../shared/sync/team-carrier';
import { archiveActs, legacyRoleActs, mergeTeam, sameTeam, sameVersion, withTeamRoles, type Renumbered } from '../../../shared/sync/team-fold';
import { withoutLatestFlag, type BatonDb, type StoredTemplate } from '../data/db';
import { loadSettings, SETTINGS_KEY } from '../data/settings';
import { loadTeamActs, saveTeamActs, TEAM_DIRTY_KEY } from '../data/team-acts';
import { SYNC_META } from './sync-meta';

/**
 * The team record on this desktop: what HubSpot last held (`TeamRemote`),
 * folding it into the local templates, acts and roles on pull, and what to
 * push when this desktop has something it lacks (see shared/sync/README.md).
 */

/** What this desktop knows of the team record in HubSpot. */
const TeamRemoteSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), record: TeamRecordSchema }),
  /** Unreadable or cleared in HubSpot: the next push writes the team's settings over it. */
  z.object({ state: z.literal('damaged') }),
  /** Written by a newer Baton: never overwritten from here. */
  z.object({ state: z.literal('newer') }),
]);
type TeamRemote = z.infer<typeof TeamRemoteSchema> | { state: 'unknown' };

async function readTeamRemote(db: BatonDb): Promise<TeamRemote> {
  const parsed = TeamRemoteSchema.safeParse((await db.syncMeta.get(SYNC_META.teamRemote))?.value);
  return parsed.success ? parsed.data : { state: 'unknown' };
}

async function writeTeamRemote(db: BatonDb, remote: z.infer<typeof TeamRemoteSchema>): Promise<void> {
  await db.syncMeta.put({ key: SYNC_META.teamRemote, value: remote });
}

/** The pulled records without the team record, and the team record if it came. */
export function splitTeamRecord(deals: readonly RemoteDeal[]): { team: RemoteDeal | null; deals: RemoteDeal[] } {
  const team = deals.find((d) => d.batonId === TEAM_RECORD_ID && !d.archived) ?? null;
  return { team, deals: deals.filter((d) => d.batonId !== TEAM_RECORD_ID) };
}

export interface TeamApplied {
  /** Every template version now stored (for reconciling the handoffs of the same pull). */
  templates: Template[];
  /** Template versions this pull added or replaced. */
  templatesReceived: number;
  renumbered: Renumbered[];
  problems: ReconcileProblem[];
}

function remoteRecord(remote: TeamRemote): TeamRecord | null {
  return remote.state === 'ok' ? remote.record : null;
}

/** Stores the merged versions through the same rules as local saves: versions never change, the newest is `latest`, archiving follows the acts. */
async function storeTemplates(db: BatonDb, record: TeamRecord): Promise<number> {
  let changed = 0;
  const touched = new Set<string>();
  for (const template of record.templates) {
    const existing = await db.templates.get([template.id, template.version]);
    if (existing && sameVersion(withoutLatestFlag(existing), template)) continue;
    // Absent, or this desktop's content lost a "same version" race: it lives on under the number the merge gave it.
    await db.templates.put({ ...template, archivedAt: existing?.archivedAt ?? null, latest: existing?.latest ?? 0 });
    touched.add(template.id);
    changed += 1;
  }
  const archiving = archiveActs(record.acts);
  for (const id of new Set([...touched, ...archiving.keys()])) {
    const versions = await db.templates.where('id').equals(id).toArray();
    if (versions.length === 0) continue;
    const newest = versions.reduce((max, t) => (t.version > max.version ? t : max));
    const act = archiving.get(id);
    const previous = versions.find((t) => t.latest === 1) ?? newest;
    const archivedAt = act ? (act.archived ? act.at : null) : previous.archivedAt;
    for (const t of versions) {
      const next: Pick<StoredTemplate, 'latest' | 'archivedAt'> = t === newest ? { latest: 1, archivedAt } : { latest: 0, archivedAt: t.archivedAt };
      if (next.latest !== t.latest || next.archivedAt !== t.archivedAt) await db.templates.update([t.id, t.version], next);
    }
  }
  return changed;
}

/**
 * Folds the team record (the one just pulled, else the one HubSpot last held)
 * into this desktop: template versions, acts and the roles they decide. Runs
 * inside the pull's transaction (templates, settings, syncMeta).
 */
export async function applyTeamRecord(db: BatonDb, pulled: RemoteDeal | null, now: Date): Promise<TeamApplied> {
  const problems: ReconcileProblem[] = [];
  let remote = await readTeamRemote(db);
  if (pulled !== null) {
    const read = decodeTeamRecord(pulled.properties);
    let known: z.infer<typeof TeamRemoteSchema>;
    if (read.ok === true) known = { state: 'ok', record: read.record };
    else if (read.ok === 'absent') known = { state: 'damaged' };
    else {
      known = { state: read.newer ? 'newer' : 'damaged' };
      problems.push({ dealId: pulled.dealId, handoffId: null, message: `${read.message} Nothing on this computer was changed.` });
    }
    await writeTeamRemote(db, known);
    remote = known;
  }
  const settings = await loadSettings(db);
  const localActs = await loadTeamActs(db);
  const fromRemote = remoteRecord(remote);
  // Roles set before roles travelled become acts once the team shares its settings, so they reach the team.
  const legacy = fromRemote === null ? [] : legacyRoleActs(settings.owners, [...localActs, ...fromRemote.acts], settings.currentUser, now.toISOString());
  const local = { templates: (await db.templates.toArray()).map(withoutLatestFlag), acts: [...localActs, ...legacy] };
  const { record, renumbered } = mergeTeam(local, ...(fromRemote ? [fromRemote] : []));
  const templatesReceived = await storeTemplates(db, record);
  if (record.acts.length !== localActs.length) await saveTeamActs(db, record.acts);
  const owners = withTeamRoles(settings.owners, record.acts);
  if (JSON.stringify(owners) !== JSON.stringify(settings.owners)) {
    // Written as it is, not through saveSettings: arriving roles are the team's acts already, not new ones made here.
    await db.settings.put({ key: SETTINGS_KEY, value: WorkspaceSettingsSchema.parse({ ...settings, owners }) });
  }
  return { templates: (await db.templates.toArray()).map(withoutLatestFlag), templatesReceived, renumbered, problems };
}

/** The team record to write, when this desktop holds versions or acts HubSpot's lacks; null when there is nothing to send. */
export async function teamToPush(db: BatonDb): Promise<TeamRecord | null> {
  const remote = await readTeamRemote(db);
  if (remote.state === 'newer') return null;
  const local = { templates: (await db.templates.toArray()).map(withoutLatestFlag), acts: await loadTeamActs(db) };
  const fromRemote = remoteRecord(remote);
  const desired = mergeTeam(local, ...(fromRemote ? [fromRemote] : [])).record;
  if (fromRemote !== null) return sameTeam(desired, fromRemote) ? null : desired;
  if (desired.templates.length === 0 && desired.acts.length === 0) return null;
  // A damaged record is written over; with none seen yet, only a change made here creates it.
  if (remote.state === 'damaged') return desired;
  const changedHere = (await db.syncMeta.get(TEAM_DIRTY_KEY))?.value === true || local.acts.length > 0;
  return changedHere ? desired : null;
}

/** HubSpot now holds `record`. */
export async function teamPushed(db: BatonDb, record: TeamRecord): Promise<void> {
  await db.transaction('rw', db.syncMeta, async () => {
    await writeTeamRemote(db, { state: 'ok', record });
    await db.syncMeta.delete(TEAM_DIRTY_KEY);
  });
}
