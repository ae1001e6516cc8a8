import { describe, expect, it } from 'vitest';
import { createHandoff } from '../domain/commands';
import type { HandoffCommand } from '../domain/command-schema';
import type { Template } from '../domain/template';
import { TEMPLATE as SYNC_TEMPLATE } from '../../test/integration/sync/fixtures';
import type { CarriedEvent } from './carrier';
import { isDerivedDecision } from './concurrent-sets';
import { foldLog } from './fold';

const TEMPLATE: Template = SYNC_TEMPLATE;
const AT = '2026-11-24T09:00:00.000Z';
const templateOf = () => TEMPLATE;

function base(): CarriedEvent {
  const created = createHandoff(
    { title: 'Checkout', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, templateVersion: 1 },
    { template: TEMPLATE, actor: 'ada', now: AT, newId: () => 'e-created', id: 'h-1' },
  );
  if (!created.ok) throw new Error(created.error.message);
  return { seq: 1, event: created.event, recipe: { kind: 'created' } };
}

/** A command event as a desktop records it: the fold recomputes everything but its id, actor, time and recipe. */
function act(id: string, seq: number, actor: string, minute: number, command: HandoffCommand, prev?: string | null): CarriedEvent {
  return {
    seq,
    event: { id, handoffId: 'h-1', kind: 'field_changed', actor, at: new Date(Date.parse(AT) + minute * 60_000).toISOString(), field: null, before: null, after: null, summary: '' },
    recipe: { kind: 'command', command, ids: [id] },
    ...(prev === undefined ? {} : { prev }),
  };
}

const decisionsOf = (log: readonly CarriedEvent[]) => foldLog(log, templateOf).log.filter(isDerivedDecision);

describe('two desktops setting the same scalar', () => {
  const ada = act('e-ada', 2, 'ada', 1, { type: 'set_title', title: 'Checkout (Ada)' }, null);
  const grace = act('e-grace', 2, 'grace', 2, { type: 'set_title', title: 'Checkout (Grace)' }, null);

  it('neither had seen the other: the later wins and one merge decision names both values and who set them, whatever the order', () => {
    const one = foldLog([base(), ada, grace], templateOf);
    const other = foldLog([grace, base(), ada], templateOf);
    expect(other.events).toEqual(one.events);
    expect(one.handoff?.title).toBe('Checkout (Grace)');
    const decisions = one.events.filter((e) => e.kind === 'merge_decision');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      field: 'dealname',
      before: { value: 'Checkout (Ada)', by: 'ada' },
      after: { value: 'Checkout (Grace)', by: 'grace' },
    });
    // The decision is a step of history like any other: history length equals version.
    expect(one.handoff?.version).toBe(one.events.length);
  });

  it('re-folding a log that already holds the decision lists it once (replaying the same data changes nothing)', () => {
    const first = foldLog([base(), ada, grace], templateOf);
    const again = foldLog([...first.log, grace, ada], templateOf);
    expect(again.events).toEqual(first.events);
    expect(again.handoff).toEqual(first.handoff);
  });

  it('a set made after seeing the other one is no decision', () => {
    const after = act('e-grace', 3, 'grace', 2, { type: 'set_title', title: 'Checkout (Grace)' }, 'e-ada');
    expect(decisionsOf([base(), ada, after])).toEqual([]);
  });

  it('different fields, equal values, and sets recorded before this existed (no prev) are no decision', () => {
    const client = act('e-client', 2, 'grace', 2, { type: 'set_client', client: { name: 'Acme Corp', hubspotCompanyId: null, hubspotDealId: null } }, null);
    expect(decisionsOf([base(), ada, client])).toEqual([]);
    const same = act('e-same', 2, 'grace', 2, { type: 'set_title', title: 'Checkout (Ada)' }, null);
    expect(decisionsOf([base(), ada, same])).toEqual([]);
    const unknown = act('e-old', 2, 'grace', 2, { type: 'set_title', title: 'Checkout (Grace)' });
    expect(decisionsOf([base(), ada, unknown])).toEqual([]);
  });
});
