import { describe, expect, it } from 'vitest';
import { applyCommand, createHandoff } from '../domain/commands';
import type { HandoffCommand } from '../domain/command-schema';
import type { Handoff } from '../domain/handoff';
import { makeTemplate } from '../../test/support/db-fixtures';
import { CARRIER_PROPERTIES, CHUNK_CHARS, CarrierTooLarge, decodeCarrier, encodeCarrier, type CarriedEvent } from './carrier';
import { foldLog, mintedIds } from './fold';

const TEMPLATE = makeTemplate();
const AT = '2026-11-24T09:00:00.000Z';

/** A handoff made by commands, with its log as a desktop records it. */
function history(commands: readonly HandoffCommand[], actor = 'ada'): { handoff: Handoff; log: CarriedEvent[] } {
  let n = 0;
  const newId = () => `id-${(n += 1)}`;
  const created = createHandoff(
    { title: 'Checkout', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, templateVersion: 1 },
    { template: TEMPLATE, actor, now: AT, newId, id: 'h-1' },
  );
  if (!created.ok) throw new Error(created.error.message);
  let handoff = created.handoff;
  const log: CarriedEvent[] = [{ seq: 1, event: created.event, recipe: { kind: 'created' } }];
  commands.forEach((command, i) => {
    const applied = applyCommand(handoff, command, { template: TEMPLATE, actor, now: new Date(Date.parse(AT) + (i + 1) * 60_000).toISOString(), newId });
    if (!applied.ok) throw new Error(applied.error.message);
    handoff = applied.handoff;
    log.push({ seq: handoff.version, event: applied.event, recipe: { kind: 'command', command, ids: mintedIds(command, handoff, applied.event.id) } });
  });
  return { handoff, log };
}

const templateOf = () => TEMPLATE;

describe('the Baton record on a deal', () => {
  it('round-trips: what is decoded folds back to the very same handoff and history', () => {
    const { handoff, log } = history([
      { type: 'add_link', link: { id: 'l-1', label: 'Brief', url: 'https://example.com/brief' } },
      { type: 'add_note', id: 'n-1', body: 'Mobile first' },
      { type: 'set_criterion', criterionId: 'designs_final', met: true },
      // Only the receiver bounces: Ada hands it to herself so one actor can make the whole history.
      { type: 'set_receiver', receiver: 'ada' },
      { type: 'move', to: 'READY_FOR_HANDOFF' },
      { type: 'bounce', reason: 'Which breakpoints?' },
    ]);
    const properties = encodeCarrier(handoff, TEMPLATE, log, {});
    const read = decodeCarrier(properties);
    if (read.ok !== true) throw new Error('not decoded');
    expect(read.carrier.handoffId).toBe(handoff.id);
    expect(read.carrier.template).toEqual(TEMPLATE);
    const folded = foldLog(read.carrier.log, templateOf);
    expect(folded.handoff).toEqual(handoff);
    expect(folded.events.map((e) => e.id)).toEqual(log.map((e) => e.event.id));
    expect(folded.events).toEqual(log.map((e) => e.event));
  });

  it('splits a long history across the record properties, each within HubSpot’s 65,536 characters', () => {
    const notes: HandoffCommand[] = Array.from({ length: 40 }, (_, i) => ({ type: 'add_note', id: `n-${i}`, body: `${'x'.repeat(9_000)} ${i}` }));
    const { handoff, log } = history(notes);
    const properties = encodeCarrier(handoff, TEMPLATE, log, {});
    const used = CARRIER_PROPERTIES.filter((name) => properties[name] !== null);
    expect(used.length).toBeGreaterThan(1);
    for (const name of used) expect(properties[name]?.length).toBeLessThanOrEqual(CHUNK_CHARS);
    const read = decodeCarrier(properties);
    expect(read.ok === true && foldLog(read.carrier.log, templateOf).handoff?.notes.length).toBe(40);
  });

  it('refuses a record larger than the properties hold, saying so', () => {
    const notes: HandoffCommand[] = Array.from({ length: 70 }, (_, i) => ({ type: 'add_note', id: `n-${i}`, body: `${'y'.repeat(9_900)} ${i}` }));
    const { handoff, log } = history(notes);
    expect(() => encodeCarrier(handoff, TEMPLATE, log, {})).toThrow(CarrierTooLarge);
    expect(() => encodeCarrier(handoff, TEMPLATE, log, {})).toThrow(/more than HubSpot's 8 text properties hold/);
  });

  it('says "absent" for a deal without a record, and what is wrong with a corrupt or foreign one', () => {
    expect(decodeCarrier({ dealname: 'x' })).toEqual({ ok: 'absent' });
    expect(decodeCarrier({ baton_record: '{"format":"baton-handoff","v":1,"hand' })).toEqual({ ok: false, message: expect.stringContaining('is not readable data') });
    expect(decodeCarrier({ baton_record: '{"hello":"world"}' })).toEqual({ ok: false, message: expect.stringContaining('is not a Baton handoff record') });
    expect(decodeCarrier({ baton_record: '{"format":"baton-handoff","v":9}' })).toEqual({ ok: false, message: expect.stringContaining('written by a newer Baton (format 9)') });
    expect(decodeCarrier({ baton_record: '{"format":"baton-handoff","v":1,"handoffId":"h-1","title":"x","mirrored":{},"template":{},"log":[]}' })).toEqual({ ok: false, message: expect.stringContaining('is damaged') });
  });

  it('folds two desktops’ logs to the same result whichever way round, each act once', () => {
    const { log: base } = history([{ type: 'add_link', link: { id: 'l-1', label: 'Brief', url: 'https://example.com/brief' } }]);
    const created = base[0];
    const link = base[1];
    if (!created || !link) throw new Error('log');
    const mine: CarriedEvent = { seq: 3, event: { ...link.event, id: 'e-mine', at: '2026-11-24T10:00:00.000Z' }, recipe: { kind: 'command', command: { type: 'add_note', id: 'n-a', body: 'A' }, ids: ['e-mine'] } };
    const theirs: CarriedEvent = { seq: 3, event: { ...link.event, id: 'e-theirs', at: '2026-11-24T10:00:00.000Z', actor: 'grace' }, recipe: { kind: 'command', command: { type: 'remove_link', linkId: 'l-1' }, ids: ['e-theirs'] } };
    const a = foldLog([created, link, mine, theirs], templateOf);
    const b = foldLog([theirs, mine, link, created], templateOf);
    expect(a.handoff).toEqual(b.handoff);
    expect(a.events).toEqual(b.events);
    expect(a.handoff?.links).toEqual([]);
    expect(a.handoff?.notes.map((n) => n.id)).toEqual(['n-a']);
    expect(a.handoff?.version).toBe(a.events.length);
  });
});
