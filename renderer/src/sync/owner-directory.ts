import { OwnerSchema, type Owner } from '../../../shared/domain/settings';
import type { HubSpotOwner } from '../../../shared/sync/protocol';
import type { BatonDb } from '../data/db';
import { loadSettings, saveSettings } from '../data/settings';
import { loadTeamActs } from '../data/team-acts';
import { withTeamRoles } from '../../../shared/sync/team-fold';

/** How a HubSpot owner appears in Baton's people directory. */
export function ownerFromHubSpot(owner: HubSpotOwner): Owner {
  const name = [owner.firstName, owner.lastName].filter((part) => part !== null && part.trim() !== '').join(' ').trim();
  const candidate = { id: owner.id, name: (name || owner.email || `HubSpot owner ${owner.id}`).slice(0, 200), ...(owner.email ? { email: owner.email } : {}) };
  // An address HubSpot accepts but our schema does not must not cost us the person.
  return OwnerSchema.safeParse(candidate).success ? candidate : { id: candidate.id, name: candidate.name };
}

/**
 * Merges HubSpot owners into the local directory: existing people keep their
 * role and are renamed to what HubSpot says; new active owners are added;
 * local-only people (and archived owners already listed) stay. Resolves with
 * how many people were added or changed.
 */
export async function mergeHubSpotOwners(db: BatonDb, owners: readonly HubSpotOwner[]): Promise<number> {
  const settings = await loadSettings(db);
  const teamActs = await loadTeamActs(db);
  const byId = new Map(settings.owners.map((o) => [o.id, o]));
  let changed = 0;
  for (const remote of owners) {
    const fresh = ownerFromHubSpot(remote);
    const existing = byId.get(remote.id);
    if (!existing) {
      if (remote.archived) continue;
      // A person new to this desktop gets the role the team gave them (Settings → People on any desktop).
      byId.set(remote.id, withTeamRoles([fresh], teamActs)[0] ?? fresh);
      changed += 1;
      continue;
    }
    const merged: Owner = { ...existing, name: fresh.name, ...(fresh.email ? { email: fresh.email } : {}) };
    if (merged.name !== existing.name || merged.email !== existing.email) {
      byId.set(remote.id, merged);
      changed += 1;
    }
  }
  if (changed > 0) await saveSettings(db, { owners: [...byId.values()] });
  return changed;
}
