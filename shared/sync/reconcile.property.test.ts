import fc from 'fast-check';
import { TEMPLATE, PIPELINE, makeHandoff, makeCompleteHandoff } from '../../test/integration/sync/fixtures';
import { handoffToDealProperties } from '../hubspot/mapping';
import { mergeField } from './merge';
import { reconcile } from './reconcile';
import type { LocalRecord } from './reconcile';
import type { RemoteDeal } from './protocol';
import type { Handoff } from '../domain/handoff';

/** JSON with every object's keys sorted, so two equal records give the same text whatever their key order. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const NOW = '2026-11-20T12:00:00.000Z';
const value = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null });
const time = fc.constantFrom('2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z');

describe('merge properties', () => {
  it('always picks one of the two sides, agrees when they agree, and takes the only side that changed', () => {
    fc.assert(
      fc.property(value, value, value, time, time, (base, local, remote, localAt, remoteAt) => {
        const outcome = mergeField('f', { local: { f: local }, remote: { f: remote }, base: { f: base }, localTimeOf: () => localAt, remoteTimeOf: () => remoteAt });
        expect([local, remote]).toContain(outcome.winner);
        if (local === remote) expect(outcome.winner).toBe(local);
        if (local === base) expect(outcome.winner).toBe(remote);
        if (remote === base) expect(outcome.winner).toBe(local);
      }),
    );
  });
});

/** Remote edits a colleague might make, as deal property values (some of them invalid on purpose). */
const remoteEdit = fc.record(
  {
    dealname: fc.constantFrom('Renamed', '', 'Another name'),
    dealstage: fc.constantFrom(...Object.values(PIPELINE.stageIds), 'foreign-stage'),
    hubspot_owner_id: fc.option(fc.constantFrom('owner-1', 'owner-7'), { nil: null }),
    baton_receiver_owner_id: fc.option(fc.constantFrom('owner-2', 'owner-9'), { nil: null }),
    baton_next_action: fc.option(fc.constantFrom('Call', 'Write'), { nil: null }),
    baton_next_action_due: fc.option(fc.constantFrom('2027-02-01T10:00:00Z', 'not a date'), { nil: null }),
    baton_bounce_count: fc.constantFrom('0', '2', '-1', 'x'),
    baton_client: fc.constantFrom('Acme', 'Globex', ''),
    assets_ready: fc.constantFrom('true', 'false'),
    brief_link: fc.option(fc.constantFrom('https://example.com/a', 'javascript:alert(1)'), { nil: null }),
    lead_approval: fc.constantFrom('true', 'false'),
    design_approved_by_client: fc.option(fc.constantFrom('true', 'no'), { nil: null }),
  },
  { requiredKeys: [] },
);

describe('reconcile', () => {
  it('re-applying the same pull to its own result is a no-op, whatever HubSpot sent', () => {
    fc.assert(
      fc.property(fc.boolean(), remoteEdit, fc.boolean(), time, (complete, edit, localEditedLater, remoteAt) => {
        const start = (complete ? makeCompleteHandoff : makeHandoff)({ client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: 'd-1' } });
        const base = handoffToDealProperties(start, TEMPLATE, PIPELINE);
        const local = { ...start, title: 'Local title' };
        const props: Record<string, string | null> = { ...base, ...edit };
        const history = Object.fromEntries(Object.keys(edit).map((k) => [k, [{ value: props[k] ?? null, timestamp: remoteAt }]]));
        const deal: RemoteDeal = { dealId: 'd-1', batonId: start.id, properties: props, history, archived: false, updatedAt: remoteAt };
        const locals: LocalRecord[] = [{ handoff: local, base, localEditTimes: { dealname: localEditedLater ? '2026-11-10T00:00:00.000Z' : '2026-10-01T00:00:00.000Z' } }];
        const input = { ...PIPELINE, deals: [deal], templates: [TEMPLATE], defaultTemplate: TEMPLATE, now: NOW };
        const first = reconcile({ ...input, locals });
        const next = first.writes[0] ? [{ handoff: first.writes[0].handoff, base: first.writes[0].newBase, localEditTimes: locals[0]?.localEditTimes }] : locals;
        const second = reconcile({ ...input, locals: next });
        expect(second.writes).toEqual([]);
        expect(second.exceptions).toEqual([]);
        expect(second.conflicts).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('records every change it makes: the version grows by exactly the events of the write, and a changed record always has one', () => {
    // Compared in sorted-key form: a write may rebuild the record with its keys in another order.
    const withoutBookkeeping = (h: Handoff) => sortedJson({ ...h, client: { ...h.client, hubspotDealId: null }, updatedAt: '', version: 0 });
    fc.assert(
      fc.property(fc.boolean(), remoteEdit, fc.boolean(), time, fc.boolean(), (complete, edit, localEditedLater, remoteAt, linked) => {
        const start = (complete ? makeCompleteHandoff : makeHandoff)({ version: 3, client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: linked ? 'd-1' : null } });
        const base = handoffToDealProperties(start, TEMPLATE, PIPELINE);
        const local = { ...start, title: 'Local title' };
        const props: Record<string, string | null> = { ...base, ...edit };
        const history = Object.fromEntries(Object.keys(edit).map((k) => [k, [{ value: props[k] ?? null, timestamp: remoteAt }]]));
        const deal: RemoteDeal = { dealId: 'd-1', batonId: start.id, properties: props, history, archived: false, updatedAt: remoteAt };
        const locals: LocalRecord[] = [{ handoff: local, base, localEditTimes: { dealname: localEditedLater ? '2026-11-10T00:00:00.000Z' : '2026-10-01T00:00:00.000Z' } }];
        const write = reconcile({ ...PIPELINE, deals: [deal], locals, templates: [TEMPLATE], defaultTemplate: TEMPLATE, now: NOW }).writes[0];
        if (!write) return;
        expect(write.handoff.version).toBe(local.version + write.events.length);
        expect(write.handoff.client.hubspotDealId).toBe('d-1');
        if (withoutBookkeeping(write.handoff) !== withoutBookkeeping(local)) expect(write.events.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
