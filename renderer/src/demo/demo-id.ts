/** Demo handoffs never reach HubSpot: their ids carry this prefix, and their changes get no outbox entries. */
export const DEMO_ID_PREFIX = 'demo-';

export function isDemoHandoffId(id: string): boolean {
  return id.startsWith(DEMO_ID_PREFIX);
}
