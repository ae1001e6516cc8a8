import type { HubSpotOwner, Readable } from '../../shared/sync/protocol';
import type { Owner } from '../../shared/domain/settings';
import type { HubSpotGateway } from './hubspot-gateway';

/** Every owner of the account (paged), in the shape the renderer's pickers use. */
export async function listOwners(gateway: HubSpotGateway): Promise<HubSpotOwner[]> {
  const owners = await gateway.owners();
  return owners.map((o) => ({
    id: o.id,
    email: o.email ?? null,
    firstName: o.firstName ?? null,
    lastName: o.lastName ?? null,
    userId: o.userId ?? null,
    archived: o.archived ?? false,
  }));
}

/** Ids HubSpot accepts as `hubspot_owner_id` (active owners only). */
export function activeOwnerIds(owners: readonly HubSpotOwner[]): Set<string> {
  return new Set(owners.filter((o) => !o.archived).map((o) => o.id));
}

function ownerName(owner: HubSpotOwner): string | null {
  const name = [owner.firstName, owner.lastName].filter((part): part is string => part !== null && part.trim() !== '').join(' ');
  return name !== '' ? name : owner.email;
}

/**
 * Names and zone for the deal's timeline notes: the workspace's People first
 * (the names its people know each other by), HubSpot's owner list for anyone
 * else; UTC when the renderer sent no zone.
 */
export function readableFor(sent: Readable | undefined, owners: readonly HubSpotOwner[]): Readable {
  const people: Owner[] = [...(sent?.people ?? [])];
  const known = new Set(people.map((p) => p.id));
  for (const owner of owners) {
    const name = ownerName(owner);
    if (name !== null && !known.has(owner.id)) people.push({ id: owner.id, name });
  }
  return { people, timeZone: sent?.timeZone ?? 'UTC' };
}
