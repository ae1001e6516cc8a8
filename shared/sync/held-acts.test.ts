import { describe, expect, it } from 'vitest';
import { createHandoff } from '../domain/commands';
import type { HandoffCommand } from '../domain/command-schema';
import { TEMPLATE } from '../../test/integration/sync/fixtures';
import type { CarriedEvent } from './carrier';
import { foldLog } from './fold';
import { actsToHold, restoredHere, resumeHeld, withHeld } from './held-acts';

const AT = '2026-11-24T09:00:00.000Z';
const templateOf = () => TEMPLATE;

function created(): CarriedEvent {
  const made = createHandoff(
    { title: 'Checkout', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, templateVersion: 1 },
    { template: TEMPLATE, actor: 'ada', now: AT, newId: () => 'e-created', id: 'h-1' },
  );
  if (!made.ok) throw new Error(made.error.message);
  return { seq: 1, event: made.event, recipe: { kind: 'created' } };
}

function act(id: string, seq: number, actor: string, minute: number, command: HandoffCommand): CarriedEvent {
  return {
    seq,
    event: { id, handoffId: 'h-1', kind: 'field_changed', actor, at: new Date(Date.parse(AT) + minute * 60_000).toISOString(), field: null, before: null, after: null, summary: '' },
    recipe: { kind: 'command', command, ids: [id] },
  };
}

describe('acts held after an archive reached HubSpot', () => {
  const archive = act('e-archive', 2, 'ada', 5, { type: 'archive' });
  const note = act('e-note', 2, 'grace', 6, { type: 'add_note', id: 'n-1', body: 'Looks good.' });
  const title = act('e-title', 3, 'grace', 7, { type: 'set_title', title: 'Checkout v2' });
  const remote = new Set(['e-created', 'e-archive']);

  it('holds the local acts the archived record lacks, each once, in canonical order', () => {
    const local = [created(), note, title];
    expect(actsToHold(local, remote).map((e) => e.event.id)).toEqual(['e-note', 'e-title']);
    expect(withHeld([title], [note, title]).map((e) => e.event.id)).toEqual(['e-note', 'e-title']);
    expect(restoredHere(local, remote)).toBe(false);
    expect(restoredHere([...local, act('e-restore', 4, 'grace', 8, { type: 'restore' })], remote)).toBe(true);
    // A restore HubSpot already holds is no restore made here.
    expect(restoredHere([act('e-restore', 4, 'grace', 8, { type: 'restore' })], new Set(['e-restore']))).toBe(false);
  });

  it('made again after the restore, they keep person, time and id, and fold to the same handoff from any order', () => {
    const restore = act('e-restore', 3, 'ada', 20, { type: 'restore' });
    const log = [created(), archive, restore];
    const resumed = resumeHeld(log, [title, note]);
    expect(resumed.map((e) => [e.event.id, e.seq, e.event.actor, e.event.at])).toEqual([
      ['e-note', 4, 'grace', note.event.at],
      ['e-title', 5, 'grace', title.event.at],
    ]);
    const one = foldLog([...log, ...resumed], templateOf);
    const two = foldLog([...resumed].reverse().concat([...log].reverse()), templateOf);
    expect(one.handoff).toEqual(two.handoff);
    expect(one.handoff?.archivedAt).toBeNull();
    expect(one.handoff?.title).toBe('Checkout v2');
    expect(one.handoff?.notes.map((n) => n.id)).toEqual(['n-1']);
    expect(one.skipped).toEqual([]);
    // Held without their restore, the same acts are refused by the archived card: that is why they wait.
    expect(foldLog([created(), archive, { ...title, seq: 3 }], templateOf).skipped.map((e) => e.event.id)).toEqual(['e-title']);
  });

  it('the fold names the acts refused only because the card was archived then (a second archive is no such act)', () => {
    const again = act('e-archive-2', 2, 'grace', 9, { type: 'archive' });
    const folded = foldLog([created(), archive, note, { ...title, seq: 2 }, again, act('e-restore', 3, 'ada', 20, { type: 'restore' })], templateOf);
    // A note is allowed on an archived card; a title change is not.
    expect(folded.refusedArchived.map((e) => e.event.id)).toEqual(['e-title']);
    expect(folded.skipped.map((e) => e.event.id)).toEqual(['e-title', 'e-archive-2']);
    expect(folded.handoff?.archivedAt).toBeNull();
  });
});
