import fc from 'fast-check';
import { expect } from 'vitest';
import { createHandoff, runCommand } from '../../../renderer/src/data/commands';
import { runSync } from '../../../renderer/src/sync/sync-runner';
import { loadHeld } from '../../../renderer/src/sync/held-store';
import type { CarriedEvent } from '../../../shared/sync/carrier';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import { HANDOFF_COMMAND_TYPES } from '../../../shared/domain/command-schema';
import type { Handoff } from '../../../shared/domain/handoff';
import type { Owner } from '../../../shared/domain/settings';
import type { Fault } from '../../hubspot-fake';
import { TEMPLATE } from './fixtures';
import { snapshot, type Desktop } from './team-harness';
import type { SharedPortal } from './team-session';

/**
 * One run of the team fault scenario (`team-faults.property.test.ts` draws the steps at random;
 * `team-faults-regressions.test.ts` replays the exact steps of seeds that once failed): 2–3 desktops on one
 * portal, two handoffs, the steps, then HubSpot heals, everyone is online and every desktop syncs twice, and
 * the invariants are checked.
 */

export type Step =
  | { kind: 'command'; who: number; handoff: number; pick: number; salt: number }
  | { kind: 'sync'; who: number }
  | { kind: 'offline'; who: number }
  | { kind: 'fault'; target: number; fault: number; times: number };

export const HANDOFFS = ['h-fresh', 'h-ready'];
const DUE = '2026-12-24T10:00:00.000Z';

/** The requests a sync makes, by what they do. */
export const TARGETS: readonly RegExp[] = [/\/search$/, /\/objects\/tickets\/batch\/(upsert|update|archive|read)$/, /\/objects\/notes\/batch\/create$/, /\/associations\//, /\/objects\/tasks\/batch\//, /\/objects\/notes\/batch\/read$/];
export const FAULTS: readonly (Fault | 'lost')[] = [{ status: 429, retryAfterSeconds: 1 }, { status: 500 }, { status: 503 }, { kind: 'drop' }, { kind: 'timeout' }, 'lost'];

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('command' as const), who: fc.nat(2), handoff: fc.nat(1), pick: fc.nat(HANDOFF_COMMAND_TYPES.length * 2), salt: fc.nat(1000) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), who: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), who: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fault' as const), target: fc.nat(TARGETS.length - 1), fault: fc.nat(FAULTS.length - 1), times: fc.integer({ min: 1, max: 3 }) }) },
);

/**
 * A command of every kind, archive and restore included, with arguments that make sense for the card now (the
 * domain may still refuse it). An act made after an archive reached HubSpot is held on its desktop until a
 * restore (shared/sync/held-acts.ts).
 */
export function commandFor(h: Handoff, pick: number, salt: number, who: string, people: readonly string[]): HandoffCommand {
  const id = `x${salt}-${who}-${pick}`;
  const link = h.links[salt % Math.max(1, h.links.length)];
  const item = h.checklist[salt % Math.max(1, h.checklist.length)];
  const question = h.openQuestions.find((q) => q.resolvedAt === null);
  const exception = h.exceptions.find((e) => e.resolvedAt === null);
  const approval = h.approvals[0];
  const note: HandoffCommand = { type: 'add_note', id, body: `Note ${salt}` };
  const person = people[salt % people.length] ?? null;
  const all: HandoffCommand[] = [
    { type: 'move', to: (['IN_PROGRESS', 'READY_FOR_HANDOFF', 'IN_HANDOFF'] as const)[salt % 3] ?? 'IN_PROGRESS' },
    { type: 'accept' },
    { type: 'bounce', reason: `Why ${salt}?` },
    { type: 'reopen', reason: `Again ${salt}` },
    { type: 'reorder', rank: salt },
    { type: 'set_title', title: `Title ${salt % 7}` },
    { type: 'set_client', client: { name: `Client ${salt % 5}`, hubspotCompanyId: null, hubspotDealId: h.client.hubspotDealId } },
    { type: 'set_sender', sender: person },
    { type: 'set_receiver', receiver: person },
    { type: 'set_next_action', nextAction: salt % 4 === 0 ? null : { text: `Next ${salt}`, dueAt: DUE } },
    { type: 'add_link', link: { id, label: `Link ${salt}`, url: `https://example.com/${salt}` } },
    link ? { type: 'remove_link', linkId: link.id } : note,
    { type: 'set_criterion', criterionId: 'assets_ready', met: salt % 2 === 0 },
    { type: 'approve', criterionId: 'lead_approval' },
    approval ? { type: 'revoke_approval', approvalId: approval.id } : note,
    { type: 'log_client_update', id, body: `Update ${salt}` },
    note,
    { type: 'add_checklist_item', id, text: `Item ${salt}` },
    item ? { type: 'toggle_checklist_item', itemId: item.id, done: !item.done } : note,
    item ? { type: 'remove_checklist_item', itemId: item.id } : note,
    question ? { type: 'resolve_question', questionId: question.id } : note,
    { type: 'raise_exception', id, kind: 'SLA_BREACHED', message: `Late ${salt}` },
    exception ? { type: 'resolve_exception', exceptionId: exception.id, resolution: 'Handled' } : note,
    { type: 'set_hubspot_property', property: 'design_approved_by_client', value: salt % 2 === 0 ? 'true' : null },
    { type: 'archive' },
    { type: 'restore' },
  ];
  // An archived card: a restore often, or the acts the domain allows while archived (the rest are refused and not made).
  if (h.archivedAt !== null && salt % 3 === 0) return { type: 'restore' };
  return all[pick % all.length] ?? note;
}

/** A card whose proof is complete, so the random steps reach hand-over, bounce and acceptance. */
const PREPARE: readonly HandoffCommand[] = [
  { type: 'set_criterion', criterionId: 'assets_ready', met: true },
  { type: 'add_link', link: { id: 'l-brief', label: 'Brief', url: 'https://example.com/brief' } },
  { type: 'set_next_action', nextAction: { text: 'First pass', dueAt: DUE } },
  { type: 'log_client_update', id: 'u-start', body: 'Work has started.' },
  { type: 'set_hubspot_property', property: 'design_approved_by_client', value: 'true' },
  { type: 'move', to: 'READY_FOR_HANDOFF' },
];

interface Made {
  /** Items added by a command that was made (id → handoff), and the ones removed again. */
  added: Map<string, string>;
  removed: Set<string>;
  seen: Seen;
}

/** What a run went through, so the property test can show it covers archives, held acts and restores. */
export interface Seen {
  archives: number;
  restores: number;
  /** Syncs that told of acts held after an archive (or of a held act a restore no longer allowed). */
  heldNotices: number;
}

async function act(portal: SharedPortal, d: Desktop, handoffId: string, command: HandoffCommand, made: Made): Promise<void> {
  portal.advance(1_000);
  const done = await runCommand(d.db, handoffId, command, d.owner, portal.now());
  if (!done.ok) return;
  if (command.type === 'add_link') made.added.set(command.link.id, handoffId);
  if (command.type === 'add_note' || command.type === 'add_checklist_item' || command.type === 'log_client_update') made.added.set(command.id, handoffId);
  if (command.type === 'archive') made.seen.archives += 1;
  if (command.type === 'restore') made.seen.restores += 1;
  if (command.type === 'remove_link') made.removed.add(command.linkId);
  if (command.type === 'remove_checklist_item') made.removed.add(command.itemId);
}

async function syncOn(portal: SharedPortal, d: Desktop, mustSucceed: boolean, seen: Seen): Promise<void> {
  portal.advance(5_000);
  const outcome = await runSync(d.db, d.api, { now: portal.now });
  if (outcome.summary.problems.some((x) => x.held !== undefined || x.heldNotApplied !== undefined)) seen.heldNotices += 1;
  if (mustSucceed && !outcome.ok) throw new Error(`sync on ${d.name} failed: ${outcome.error.code} ${outcome.error.message}`);
  // Held acts (and a held act a restore no longer allows) are told, not failures.
  if (mustSucceed) expect(outcome.summary.problems.filter((x) => x.held === undefined && x.heldNotApplied === undefined)).toEqual([]);
}

/** The list items a held act adds (so they are not lost: they wait on the desktop that made them). */
function heldItemIds(entry: CarriedEvent): string[] {
  if (entry.recipe.kind !== 'command') return [];
  const command = entry.recipe.command;
  if (command.type === 'add_link') return [command.link.id];
  if (command.type === 'add_note' || command.type === 'add_checklist_item' || command.type === 'log_client_update') return [command.id];
  return [];
}

function itemIds(h: Handoff): string[] {
  return [h.links, h.checklist, h.notes, h.clientUpdates, h.openQuestions, h.approvals, h.exceptions].flatMap((list) => list.map((x) => x.id));
}

/** Replays `steps` on `count` desktops of a freshly reset portal, then checks every invariant (fails the test if one breaks). */
export async function runScenario(p: SharedPortal, count: number, steps: readonly Step[]): Promise<Seen> {
  p.reset();
  const third = p.fake.colleague.addOwner({ email: 'lin@example.com', firstName: 'Lin', lastName: 'Park' }).id;
  const owners = ['100001', '100002', third].slice(0, count);
  const people: Owner[] = [
    { id: '100001', name: 'Ada Lovelace' },
    { id: '100002', name: 'Grace Hopper', role: 'Dev lead' },
    { id: third, name: 'Lin Park' },
  ];
  const desktops = await p.join(people, owners, [TEMPLATE]);
  const [first] = desktops;
  if (!first) throw new Error('no desktop');
  const made: Made = { added: new Map(), removed: new Set(), seen: { archives: 0, restores: 0, heldNotices: 0 } };
  for (const id of HANDOFFS) {
    const created = await createHandoff(first.db, { id, title: id, client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, sender: first.owner, receiver: owners[1] ?? null }, first.owner, p.now());
    if (!created.ok) throw new Error(created.error.message);
  }
  for (const command of PREPARE) await act(p, first, 'h-ready', command, made);
  for (const d of desktops) await syncOn(p, d, true, made.seen);

  for (const step of steps) {
    if (step.kind === 'fault') {
      const path = TARGETS[step.target] ?? /never/;
      const fault = FAULTS[step.fault] ?? 'lost';
      if (fault === 'lost') p.loseAnswer(path);
      // A held request costs real time (the client's timeout): one at a time.
      else p.fake.faults.failNext({ path }, fault, 'kind' in fault && fault.kind === 'timeout' ? 1 : step.times);
      continue;
    }
    const index = step.who % count;
    const d = desktops[index];
    if (!d) continue;
    // Offline as the OS reports it: a sync then refuses at once and everything stays queued.
    if (step.kind === 'offline') d.host.online.setOnline(!d.host.online.isOnline());
    else if (step.kind === 'sync') await syncOn(p, d, false, made.seen);
    else {
      const handoffId = HANDOFFS[step.handoff] ?? 'h-fresh';
      const h = await d.db.handoffs.get(handoffId);
      if (h) await act(p, d, handoffId, commandFor(h, step.pick, step.salt, d.owner, owners), made);
    }
  }

  // HubSpot is well again and everyone is online: every desktop syncs twice. After an archive, acts held (or
  // refused by the archived card in a fold) take one round more: the archive and restore reach the desktop that
  // made them (round 2 at the latest), whose push then carries them again after the restore.
  p.heal();
  for (let round = 0; round < 2; round += 1) for (const d of desktops) await syncOn(p, d, true, made.seen);
  if (made.seen.archives > 0 || made.seen.heldNotices > 0) for (const d of desktops) await syncOn(p, d, true, made.seen);

  const [reference, ...others] = await Promise.all(desktops.map((d) => snapshot(d.db)));
  if (!reference) throw new Error('no snapshot');
  for (const other of others) {
    expect(other.handoffs, 'every desktop holds the same handoffs').toEqual(reference.handoffs);
    expect(other.events, 'every desktop holds the same history').toEqual(reference.events);
  }
  expect(reference.handoffs.map((h) => h.id).sort(), 'both handoffs are there').toEqual([...HANDOFFS].sort());
  // Acts held on a desktop (made after an archive reached HubSpot) wait only on a handoff that is archived.
  const held = await Promise.all(desktops.map((d) => loadHeld(d.db)));
  const heldItems = new Set(held.flatMap((byHandoff) => [...byHandoff.values()].flat().flatMap((e) => heldItemIds(e))));
  for (const h of reference.handoffs) {
    expect(reference.events.filter((e) => e.handoffId === h.id), `history length equals version on ${h.id}`).toHaveLength(h.version);
    const ids = itemIds(h);
    expect(new Set(ids).size, `no list item twice on ${h.id}`).toBe(ids.length);
    if (h.archivedAt === null) for (const byHandoff of held) expect(byHandoff.get(h.id) ?? [], `nothing held on the live ${h.id}`).toEqual([]);
    for (const [id, handoffId] of made.added) if (handoffId === h.id && !made.removed.has(id) && !heldItems.has(id)) expect(ids, `item ${id} not lost on ${h.id}`).toContain(id);
  }
  const tickets = p.fake.state.tickets.filter((t) => !t.archived);
  expect(new Set(tickets.map((t) => t.properties['baton_id'])).size, 'one live ticket per handoff').toBe(tickets.length);
  const markers = p.fake.state.notes.map((n) => /\[baton-ref:[^\]]+\]/.exec(n.properties['hs_note_body'] ?? '')?.[0] ?? n.id);
  expect(new Set(markers).size, 'no note twice in HubSpot').toBe(markers.length);
  return made.seen;
}
