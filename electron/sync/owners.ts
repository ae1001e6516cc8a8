import type { HubSpotOwner } from '../../shared/sync/protocol';
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
