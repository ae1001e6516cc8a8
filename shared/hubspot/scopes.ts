import type { RecordType } from './record-type';

/**
 * The scopes Baton's calls need, as HubSpot's published API specs name them
 * (v3 objects/pipelines/properties/owners, v4 associations). Notes and tasks
 * are secured by the contacts scopes; there is no notes or tasks scope.
 */
export const COMMON_SCOPES: readonly string[] = [
  // Notes and tasks: read (duplicate check) and write; also grants the v4 association reads.
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  // Senders and receivers are HubSpot owners.
  'crm.objects.owners.read',
];

export const RECORD_TYPE_SCOPES: Record<RecordType, readonly string[]> = {
  deals: ['crm.objects.deals.read', 'crm.objects.deals.write', 'crm.schemas.deals.read', 'crm.schemas.deals.write'],
  // The `tickets` scope covers ticket records and the ticket pipelines and properties endpoints.
  tickets: ['tickets'],
};

/** Scopes a record type needs that the token was not granted (common ones included), in a stable order. */
export function missingScopes(granted: readonly string[], type: RecordType): string[] {
  const have = new Set(granted);
  return [...COMMON_SCOPES, ...RECORD_TYPE_SCOPES[type]].filter((scope) => !have.has(scope));
}

/** "a, b and c" for messages. */
export function scopeList(scopes: readonly string[]): string {
  if (scopes.length <= 1) return scopes.join('');
  return `${scopes.slice(0, -1).join(', ')} and ${scopes[scopes.length - 1] ?? ''}`;
}
