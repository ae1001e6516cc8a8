import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand, createHandoff } from '../../../shared/domain/commands';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { Handoff } from '../../../shared/domain/handoff';
import { handoffToDealProperties } from '../../../shared/hubspot/mapping';
import { encodeCarrier, type CarriedEvent } from '../../../shared/sync/carrier';
import { mintedIds } from '../../../shared/sync/fold';
import type { SyncBase } from '../../../shared/sync/protocol';
import { reconcile } from '../../../shared/sync/reconcile';
import { PIPELINE, TEMPLATE } from './fixtures';

/**
 * Convergence of the Baton record across 2–3 desktops sharing one deal: each
 * desktop issues random commands of every kind (refused ones are simply not
 * made), goes offline, syncs (pull, then push) at random, and some pushes are
 * lost to HubSpot faults. After every desktop syncs twice, all hold the same
 * handoff and the same history, history length equals version, and no
 * list item is duplicated. The carrier is really encoded and decoded and
 * merged by the real `reconcile`; HubSpot is the deal's property map.
 *
 * Runs: 100 by default, 1,000 with BATON_LONG=1; BATON_SEED=<n> replays one seed (printed on failure by fast-check).
 */

const RUNS = process.env.BATON_LONG === '1' ? 1000 : 100;
const SEED = process.env.BATON_SEED === undefined ? undefined : Number(process.env.BATON_SEED);
const PEOPLE = ['100001', '100002', '100003'];
const START = Date.parse('2026-11-24T09:00:00.000Z');

interface Desktop {
  owner: string;
  handoff: Handoff | null;
  log: CarriedEvent[];
  base: SyncBase | null;
  online: boolean;
  minted: number;
}

interface World {
  desktops: Desktop[];
  deal: Record<string, string | null> | null;
  clock: number;
}

type Step =
  | { kind: 'command'; who: number; pick: number; salt: number }
  | { kind: 'sync'; who: number; fault: boolean }
  | { kind: 'offline'; who: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('command' as const), who: fc.nat(2), pick: fc.nat(40), salt: fc.nat(1000) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), who: fc.nat(2), fault: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), who: fc.nat(2) }) },
);

/** A command of some kind that makes sense now (the domain may still refuse it). */
function commandFor(h: Handoff, pick: number, salt: number, who: string): HandoffCommand {
  const id = `x${salt}-${who}`;
  const link = h.links[salt % Math.max(1, h.links.length)];
  const item = h.checklist[salt % Math.max(1, h.checklist.length)];
  const question = h.openQuestions.find((q) => q.resolvedAt === null);
  const exception = h.exceptions.find((e) => e.resolvedAt === null);
  const approval = h.approvals[0];
  const all: HandoffCommand[] = [
    { type: 'add_link', link: { id, label: `Link ${salt}`, url: `https://example.com/${salt}` } },
    link ? { type: 'remove_link', linkId: link.id } : { type: 'add_note', id, body: `Note ${salt}` },
    { type: 'add_checklist_item', id, text: `Item ${salt}` },
    item ? { type: 'toggle_checklist_item', itemId: item.id, done: !item.done } : { type: 'add_checklist_item', id, text: `Item ${salt}` },
    item ? { type: 'remove_checklist_item', itemId: item.id } : { type: 'add_note', id, body: `Note ${salt}` },
    { type: 'add_note', id, body: `Note ${salt}` },
    { type: 'log_client_update', id, body: `Update ${salt}` },
    { type: 'set_title', title: `Title ${salt % 7}` },
    { type: 'set_client', client: { name: `Client ${salt % 5}`, hubspotCompanyId: null, hubspotDealId: null } },
    { type: 'set_receiver', receiver: PEOPLE[salt % 3] ?? null },
    { type: 'set_sender', sender: PEOPLE[salt % 3] ?? null },
    { type: 'set_next_action', nextAction: salt % 4 === 0 ? null : { text: `Next ${salt}`, dueAt: new Date(START + 30 * 86_400_000).toISOString() } },
    { type: 'set_criterion', criterionId: 'assets_ready', met: salt % 2 === 0 },
    { type: 'set_hubspot_property', property: 'design_approved_by_client', value: salt % 2 === 0 ? 'true' : null },
    { type: 'approve', criterionId: 'lead_approval' },
    approval ? { type: 'revoke_approval', approvalId: approval.id } : { type: 'approve', criterionId: 'lead_approval' },
    { type: 'move', to: 'READY_FOR_HANDOFF' },
    { type: 'move', to: 'IN_HANDOFF' },
    { type: 'move', to: 'IN_PROGRESS' },
    { type: 'accept' },
    { type: 'bounce', reason: `Why ${salt}?` },
    { type: 'reopen', reason: `Again ${salt}` },
    question ? { type: 'resolve_question', questionId: question.id } : { type: 'add_note', id, body: `Note ${salt}` },
    { type: 'raise_exception', id, kind: 'SLA_BREACHED', message: `Late ${salt}` },
    exception ? { type: 'resolve_exception', exceptionId: exception.id, resolution: 'Handled' } : { type: 'add_note', id, body: `Note ${salt}` },
    { type: 'reorder', rank: salt },
  ];
  return all[pick % all.length] ?? { type: 'add_note', id, body: 'x' };
}

function act(world: World, d: Desktop, command: HandoffCommand): void {
  if (!d.handoff) return;
  world.clock += 1000;
  const newId = () => `${d.owner}-${(d.minted += 1)}`;
  const applied = applyCommand(d.handoff, command, { template: TEMPLATE, actor: d.owner, now: new Date(world.clock).toISOString(), newId });
  if (!applied.ok) return;
  d.handoff = applied.handoff;
  d.log = [...d.log, { seq: applied.handoff.version, event: applied.event, recipe: { kind: 'command', command, ids: mintedIds(command, applied.handoff, applied.event.id) } }];
}

function pull(world: World, d: Desktop): boolean {
  if (world.deal === null) return false;
  world.clock += 1000;
  const out = reconcile({
    ...PIPELINE,
    deals: [{ dealId: 'd-1', batonId: 'h-team', properties: world.deal, history: {}, archived: false, updatedAt: new Date(world.clock).toISOString() }],
    locals: d.handoff ? [{ handoff: d.handoff, base: d.base, log: d.log }] : [],
    templates: [TEMPLATE],
    defaultTemplate: null,
    now: new Date(world.clock).toISOString(),
  });
  expect(out.problems).toEqual([]);
  const write = out.writes[0];
  if (!write) return false;
  d.handoff = write.handoff;
  d.log = write.log ?? d.log;
  d.base = write.newBase;
  return write.needsPush === true;
}

function push(world: World, d: Desktop, fault: boolean): void {
  if (!d.handoff || fault) return;
  const mirrored = handoffToDealProperties(d.handoff, TEMPLATE, PIPELINE);
  const current: SyncBase = { ...mirrored, ...encodeCarrier(d.handoff, TEMPLATE, d.log, mirrored) };
  // As push-deals does: only what differs from this desktop's base is sent; HubSpot keeps the rest.
  const base = d.base;
  const sent = Object.fromEntries(Object.entries(current).filter(([name, value]) => base === null || !Object.hasOwn(base, name) || base[name] !== value));
  world.deal = { ...(world.deal ?? {}), ...sent };
  d.base = { ...(base ?? {}), ...sent };
  // As the push ack does: linking the deal is bookkeeping, no event.
  d.handoff = { ...d.handoff, client: { ...d.handoff.client, hubspotDealId: 'd-1' } };
}

function syncOnce(world: World, d: Desktop, fault = false): void {
  pull(world, d);
  push(world, d, fault);
}

function comparable(d: Desktop) {
  return { handoff: d.handoff, events: d.log.map((e) => e.event.id) };
}

describe('team convergence through the Baton record', () => {
  it(`holds over ${RUNS} seeded runs: identical handoffs and histories, nothing lost or duplicated`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }), fc.array(stepArb, { minLength: 5, maxLength: 60 }), (count, steps) => {
        const world: World = { desktops: PEOPLE.slice(0, count).map((owner) => ({ owner, handoff: null, log: [], base: null, online: true, minted: 0 })), deal: null, clock: START };
        const [first] = world.desktops;
        if (!first) return;
        const created = createHandoff(
          { title: 'Team handoff', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, templateVersion: 1, sender: first.owner },
          { template: TEMPLATE, actor: first.owner, now: new Date(START).toISOString(), newId: () => 'evt-created', id: 'h-team' },
        );
        if (!created.ok) throw new Error(created.error.message);
        first.handoff = created.handoff;
        first.log = [{ seq: 1, event: created.event, recipe: { kind: 'created' } }];
        push(world, first, false);

        for (const step of steps) {
          const d = world.desktops[step.who % count];
          if (!d) continue;
          if (step.kind === 'offline') d.online = !d.online;
          else if (step.kind === 'sync') {
            if (d.online) syncOnce(world, d, step.fault);
          } else if (d.handoff) act(world, d, commandFor(d.handoff, step.pick, step.salt, d.owner));
        }
        // Everyone back online; every desktop syncs twice.
        for (let round = 0; round < 2; round += 1) for (const d of world.desktops) syncOnce(world, d);

        // Settled: one more pull anywhere finds nothing HubSpot lacks (no push ping-pong between desktops).
        for (const d of world.desktops) expect(pull(world, d)).toBe(false);
        const [reference, ...others] = world.desktops.map(comparable);
        for (const other of others) expect(other).toEqual(reference);
        for (const d of world.desktops) {
          const h = d.handoff;
          if (!h) throw new Error('a desktop never got the handoff');
          expect(d.log).toHaveLength(h.version);
          expect(new Set(d.log.map((e) => e.event.id)).size).toBe(d.log.length);
          for (const list of [h.links, h.checklist, h.notes, h.clientUpdates, h.openQuestions, h.approvals, h.exceptions]) {
            expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
          }
        }
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });
});
