import type { Owner } from './settings';

/**
 * Actors that are not people. 'hubspot' is the sync service's actor id
 * (HUBSPOT_ACTOR in shared/sync/edit-times.ts; repeated here so the domain
 * does not depend on sync); 'baton' is Baton itself acting on the clock
 * (exceptions raised and resolved automatically).
 */
export const SYSTEM_ACTOR_NAMES: Readonly<Record<string, string>> = { hubspot: 'HubSpot', baton: 'Baton' };
export const BATON_ACTOR = 'baton';

function normalRole(role: string): string {
  return role.trim().toLocaleLowerCase('en-US');
}

/** A person holds a role when their role equals it, compared case-insensitively after trimming. */
export function holdsRole(owner: Pick<Owner, 'role'> | undefined, role: string): boolean {
  if (owner?.role === undefined) return false;
  const held = normalRole(owner.role);
  return held !== '' && held === normalRole(role);
}

/** Everyone in the directory who holds `role`, in directory order. */
export function roleHolders(people: readonly Owner[], role: string): Owner[] {
  return people.filter((owner) => holdsRole(owner, role));
}

export function findPerson(people: readonly Owner[] | undefined, id: string | null): Owner | undefined {
  if (id === null || people === undefined) return undefined;
  return people.find((owner) => owner.id === id);
}

/**
 * A person's name for reading. Ids never reach the screen: an id that is not
 * (or no longer) in the directory reads "someone not in People".
 */
export function personName(id: string | null, people: readonly Owner[] | undefined, nobody = 'nobody'): string {
  if (id === null) return nobody;
  const system = SYSTEM_ACTOR_NAMES[id];
  if (system !== undefined) return system;
  return findPerson(people, id)?.name ?? 'someone not in People';
}

/** "Maya Chen", "Maya Chen or Léa Martin", "Ann, Bob or Cy". */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}
