import { IpcError } from '../../shared/ipc/errors';
import type { HubSpotGateway } from './hubspot-gateway';

/**
 * The host's half of "never cross-write deals between portals": a pull or push
 * that names the portal its deal ids belong to is refused unless the stored
 * token acts in that portal. The renderer already waits for the person to
 * confirm a switch; this catches every way around that (a restart before the
 * confirmation, an older window), before a single HubSpot write.
 */
export interface PortalGuard {
  /** The portal a gateway's token belongs to, learned from account details it already read. */
  remember(gateway: HubSpotGateway, portalId: number): void;
  /** Throws PORTAL_MISMATCH when `expected` is given and is not the token's portal. */
  check(gateway: HubSpotGateway, expected: number | undefined): Promise<void>;
}

export function createPortalGuard(): PortalGuard {
  // Keyed by gateway (one per token): a new token gets a new gateway, so a cached id never outlives its token.
  const portals = new WeakMap<HubSpotGateway, number>();

  async function portalOf(gateway: HubSpotGateway): Promise<number> {
    const known = portals.get(gateway);
    if (known !== undefined) return known;
    const { portalId } = await gateway.accountDetails();
    portals.set(gateway, portalId);
    return portalId;
  }

  return {
    remember(gateway, portalId) {
      portals.set(gateway, portalId);
    },
    async check(gateway, expected) {
      if (expected === undefined) return;
      const actual = await portalOf(gateway);
      if (actual !== expected) {
        throw new IpcError(
          'PORTAL_MISMATCH',
          `The HubSpot token belongs to account ${actual}, but this workspace is linked to account ${expected}. Nothing was sent: confirm the switch in Settings → HubSpot first.`,
        );
      }
    },
  };
}
