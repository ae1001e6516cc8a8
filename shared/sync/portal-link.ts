/**
 * Which HubSpot portal (account, "hub id") a workspace's deal links belong to.
 *
 * Deal ids, merge bases and pull cursors only mean something in the portal
 * they came from: HubSpot numbers records per portal, so the same deal id in
 * another portal is a different (or no) deal. A workspace therefore records
 * the portal it is linked to, and a token for any other portal must not sync
 * until the person confirms the switch (which unlinks everything first).
 */

export type PortalLinkDecision =
  /** No portal recorded yet: link the workspace to this one, nothing to undo. */
  | { kind: 'adopt'; portalId: string }
  /** The portal the workspace is already linked to: keep every link as it is. */
  | { kind: 'same'; portalId: string }
  /** Another portal: sync waits until the person confirms linking to `to` instead of `from`. */
  | { kind: 'switch'; from: string; to: string };

/** A portal id as syncMeta stores it: the decimal hub id. */
export function portalKey(portalId: number): string {
  return String(portalId);
}

/**
 * Decides what connecting to `connected` means for a workspace linked to
 * `linked` (syncMeta's value, null when none was recorded). A recorded value
 * that is not the connected id — a damaged one included — is a switch: only
 * proof of the same portal keeps the links.
 */
export function decidePortalLink(linked: string | null, connected: number): PortalLinkDecision {
  const portalId = portalKey(connected);
  if (linked === null) return { kind: 'adopt', portalId };
  if (linked === portalId) return { kind: 'same', portalId };
  return { kind: 'switch', from: linked, to: portalId };
}

/** The linked portal as the host checks it (a number), or null when none is recorded or the record is damaged. */
export function linkedPortalNumber(linked: string | null): number | null {
  if (linked === null || !/^[1-9]\d{0,15}$/.test(linked)) return null;
  const value = Number(linked);
  return Number.isSafeInteger(value) ? value : null;
}
