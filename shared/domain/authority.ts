import type { Handoff } from './handoff';
import type { HandoffCommand } from './command-schema';
import type { Owner } from './settings';
import type { Template } from './template';
import { findPerson, holdsRole, nameList, roleHolders } from './people';

/**
 * WHO may do what — the one rule, next to the gate, asked by `applyCommand`
 * (and so by drag, keyboard, menu, Accept, undo, bulk edits and imports).
 * The gate says whether the proof holds; this says whether the acting person
 * may give it:
 * - entering Handoff done (accept, or a move that lands there) and bouncing
 *   belong to the handoff's receiver;
 * - an approval is given, or revoked, by someone holding the approval's role;
 * - accept, bounce, approve and revoke may be done "on behalf of" the person
 *   who may do them, with a reason, by anyone else — the override is recorded;
 * - everything else (fields, links, notes, other moves) is open to the team.
 * Role checks need the people directory: without `people` they are skipped
 * (old callers keep working); every UI path passes it. A remote act already
 * judged on another desktop (`decided`) is not judged again.
 */
export interface AuthorityInput {
  actor: string;
  template: Template;
  people?: readonly Owner[] | undefined;
}

function receiverRule(handoff: Handoff, actingFor: string, people: readonly Owner[] | undefined, act: 'accept' | 'bounce', onBehalf: boolean): string | null {
  if (handoff.receiver === null) return `Nobody can ${act} "${handoff.title}" yet: it has no receiver`;
  if (actingFor === handoff.receiver) return null;
  const receiver = findPerson(people, handoff.receiver);
  const named = receiver === undefined ? 'its receiver' : `its receiver, ${receiver.name}`;
  if (onBehalf) return `"${handoff.title}" can only be ${act === 'accept' ? 'accepted' : 'bounced'} on behalf of ${named}`;
  const only = receiver === undefined ? 'Only its receiver' : `Only the receiver, ${receiver.name},`;
  return `${only} can ${act} "${handoff.title}" (anyone else only on their behalf, with a reason)`;
}

function roleRule(role: string, actingFor: string, people: readonly Owner[] | undefined, what: string): string | null {
  if (people === undefined) return null;
  if (holdsRole(findPerson(people, actingFor), role)) return null;
  const holders = roleHolders(people, role).map((owner) => owner.name);
  if (holders.length === 0) return `Nobody holds the role "${role}" needed to ${what}: give it to someone in Settings → People`;
  return `Only the ${role} — ${nameList(holders)} — can ${what}`;
}

function selfOverride(actor: string, onBehalfOf: { person: string } | undefined): string | null {
  return onBehalfOf !== undefined && onBehalfOf.person === actor ? 'You cannot act on behalf of yourself; act without "on behalf of"' : null;
}

/** What the acting person lacks to run `command`, as human sentences; empty when they may. */
export function authorityProblems(handoff: Handoff, command: HandoffCommand, input: AuthorityInput): string[] {
  const { actor, people, template } = input;
  const problems: (string | null)[] = [];
  switch (command.type) {
    case 'move':
      if (command.to === 'HANDOFF_DONE' && handoff.state !== 'HANDOFF_DONE') problems.push(receiverRule(handoff, actor, people, 'accept', false));
      break;
    case 'accept':
    case 'bounce': {
      const actingFor = command.onBehalfOf?.person ?? actor;
      problems.push(selfOverride(actor, command.onBehalfOf), receiverRule(handoff, actingFor, people, command.type, command.onBehalfOf !== undefined));
      break;
    }
    case 'approve': {
      const criterion = template.criteria.find((candidate) => candidate.id === command.criterionId);
      if (criterion?.kind !== 'approval') break; // the command itself reports an unknown or wrong criterion
      const actingFor = command.onBehalfOf?.person ?? actor;
      problems.push(selfOverride(actor, command.onBehalfOf), roleRule(criterion.role, actingFor, people, `approve "${criterion.label}"`));
      break;
    }
    case 'revoke_approval': {
      const approval = handoff.approvals.find((candidate) => candidate.id === command.approvalId);
      if (approval === undefined) break;
      const actingFor = command.onBehalfOf?.person ?? actor;
      problems.push(selfOverride(actor, command.onBehalfOf), roleRule(approval.role, actingFor, people, `revoke the ${approval.role}'s approval`));
      break;
    }
    default:
      break;
  }
  return problems.filter((problem): problem is string => problem !== null);
}

/** Whether `personId` may approve for `role` (true when the directory is not known). */
export function mayApprove(role: string, personId: string, people: readonly Owner[] | undefined): boolean {
  return roleRule(role, personId, people, '') === null;
}

/**
 * Taking back an acceptance (undoing the move into Handoff done) is the
 * acceptance's mirror, so it is the receiver's too; other undos need nothing.
 */
export function undoProblems(handoff: Handoff, to: Handoff['state'], input: Pick<AuthorityInput, 'actor' | 'people'>): string[] {
  if (handoff.state !== 'HANDOFF_DONE' || to === 'HANDOFF_DONE' || handoff.receiver === input.actor || handoff.receiver === null) return [];
  const receiver = findPerson(input.people, handoff.receiver);
  return [`Only the receiver${receiver === undefined ? '' : `, ${receiver.name},`} can take back the acceptance of "${handoff.title}"`];
}
