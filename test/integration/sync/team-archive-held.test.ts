import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandoff, runCommand } from '../../../renderer/src/data/commands';
import { runSync, type SyncRunOutcome } from '../../../renderer/src/sync/sync-runner';
import { loadHeld } from '../../../renderer/src/sync/held-store';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import { TEMPLATE } from './fixtures';
import { ADA, GRACE, snapshot, type Desktop } from './team-harness';
import { startSharedPortal, type SharedPortal } from './team-session';

/**
 * Acts made after an archive already reached HubSpot (shared/sync/held-acts.ts): Ada archives (her push writes
 * the record and deletes the deal) while Grace, not yet synced, accepts and adds a note. Grace's desktop takes
 * the archive as Ada's act, holds her own acts (shown, never lost), and both desktops hold the same handoff.
 * When the handoff is restored, Grace's acts are made again after the restore and reach every desktop.
 */

let portal: SharedPortal | null = null;
beforeAll(async () => {
  portal = await startSharedPortal();
});
afterAll(async () => {
  await portal?.close();
});

const DUE = '2026-12-24T10:00:00.000Z';

async function act(p: SharedPortal, d: Desktop, command: HandoffCommand): Promise<void> {
  p.advance(1_000);
  const done = await runCommand(d.db, 'h-held', command, d.owner, p.now());
  if (!done.ok) throw new Error(`${command.type} refused: ${done.error.message}`);
}

async function syncOn(p: SharedPortal, d: Desktop): Promise<SyncRunOutcome & { ok: true }> {
  p.advance(5_000);
  const outcome = await runSync(d.db, d.api, { now: p.now });
  if (!outcome.ok) throw new Error(`sync failed: ${outcome.error.message}`);
  return outcome;
}

async function handedOver(p: SharedPortal): Promise<{ ada: Desktop; grace: Desktop }> {
  p.reset();
  const [ada, grace] = await p.join(
    [
      { id: ADA, name: 'Ada Lovelace' },
      { id: GRACE, name: 'Grace Hopper', role: 'Dev lead' },
    ],
    [ADA, GRACE],
    [TEMPLATE],
  );
  if (!ada || !grace) throw new Error('two desktops');
  const created = await createHandoff(ada.db, { id: 'h-held', title: 'Launch page', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, sender: ADA, receiver: GRACE }, ADA, p.now());
  if (!created.ok) throw new Error(created.error.message);
  for (const command of [
    { type: 'set_criterion', criterionId: 'assets_ready', met: true },
    { type: 'add_link', link: { id: 'l-brief', label: 'Brief', url: 'https://example.com/brief' } },
    { type: 'set_next_action', nextAction: { text: 'First pass', dueAt: DUE } },
    { type: 'log_client_update', id: 'u-start', body: 'Work has started.' },
    { type: 'set_hubspot_property', property: 'design_approved_by_client', value: 'true' },
    { type: 'move', to: 'READY_FOR_HANDOFF' },
    { type: 'move', to: 'IN_HANDOFF' },
  ] satisfies HandoffCommand[]) {
    await act(p, ada, command);
  }
  await syncOn(p, ada);
  await syncOn(p, grace);
  return { ada, grace };
}

describe('acts made after an archive reached HubSpot', () => {
  it('are held on their desktop and shown, both desktops agree, and a restore sends them as the same acts', async () => {
    if (!portal) throw new Error('no portal');
    const p = portal;
    const { ada, grace } = await handedOver(p);

    // Ada archives and syncs: the record holds the archive, the deal is deleted.
    await act(p, ada, { type: 'archive' });
    const archivedAt = p.now().toISOString();
    await syncOn(p, ada);
    expect(p.fake.state.tickets.find((t) => t.properties['baton_id'] === 'h-held')?.archived).toBe(true);

    // Grace has not synced: she approves, accepts and adds a note on the card she still sees.
    await act(p, grace, { type: 'approve', criterionId: 'lead_approval' });
    await act(p, grace, { type: 'accept' });
    const acceptedAt = p.now().toISOString();
    await act(p, grace, { type: 'add_note', id: 'n-grace', body: 'Looks good to me.' });

    const pulled = await syncOn(p, grace);
    // Her desktop shows the archive as Ada's act, and what waits, in plain words.
    const onGrace = await grace.db.handoffs.get('h-held');
    expect(onGrace?.archivedAt).toBe(archivedAt);
    const archive = (await grace.db.events.where('handoffId').equals('h-held').toArray()).filter((e) => e.kind === 'archived');
    expect(archive).toEqual([expect.objectContaining({ actor: ADA, at: archivedAt })]);
    const notice = pulled.summary.problems.find((x) => x.held !== undefined);
    expect(notice?.held).toBe(3);
    expect(notice?.message).toMatch(/^3 changes made on this computer to "Launch page" have not reached the team: Ada Lovelace archived it on .+ before they were sent \(.+\)\. Restore it to send them\.$/);
    expect(notice?.message).not.toMatch(/\d{4}-\d\d-\d\dT|100001|100002/);
    expect((await loadHeld(grace.db)).get('h-held')?.map((e) => [e.event.kind, e.event.actor])).toEqual([['approval_added', GRACE], ['accepted', GRACE], ['note_added', GRACE]]);

    // Both desktops hold the same handoff and history, however often they sync.
    for (let i = 0; i < 2; i += 1) {
      await syncOn(p, ada);
      await syncOn(p, grace);
    }
    expect(await snapshot(grace.db)).toEqual(await snapshot(ada.db));
    expect(p.fake.state.tickets.filter((t) => t.properties['baton_id'] === 'h-held' && !t.archived)).toHaveLength(0);

    // Ada restores: the deal is made again; Grace's acts follow the restore as hers, at their times.
    await act(p, ada, { type: 'restore' });
    await syncOn(p, ada);
    const afterRestore = await syncOn(p, grace);
    expect(afterRestore.summary.problems).toEqual([]);
    expect((await loadHeld(grace.db)).has('h-held')).toBe(false);
    await syncOn(p, ada);
    await syncOn(p, grace);
    const [onAda, again] = [await ada.db.handoffs.get('h-held'), await grace.db.handoffs.get('h-held')];
    expect(onAda?.archivedAt).toBeNull();
    expect(onAda?.state).toBe('HANDOFF_DONE');
    expect(onAda?.notes.map((n) => n.id)).toEqual(['n-grace']);
    const accepted = (await ada.db.events.where('handoffId').equals('h-held').toArray()).filter((e) => e.kind === 'accepted');
    expect(accepted).toEqual([expect.objectContaining({ actor: GRACE, at: acceptedAt })]);
    expect(again).toEqual(onAda);
    expect(await snapshot(grace.db)).toEqual(await snapshot(ada.db));
    expect(await ada.db.events.where('handoffId').equals('h-held').count()).toBe(onAda?.version);
    expect(p.fake.state.tickets.filter((t) => t.properties['baton_id'] === 'h-held' && !t.archived)).toHaveLength(1);
  }, 60_000);

  it('a restore made on the desktop that holds the acts sends them with the deal it makes again; a note on the archived card waits too', async () => {
    if (!portal) throw new Error('no portal');
    const p = portal;
    const { ada, grace } = await handedOver(p);
    await act(p, ada, { type: 'archive' });
    await syncOn(p, ada);
    // Ada adds a note on her archived card: its deal is gone, so it waits on her desktop too.
    await act(p, ada, { type: 'add_note', id: 'n-ada', body: 'Archived: client paused the project.' });
    await act(p, grace, { type: 'set_next_action', nextAction: { text: 'Review the copy', dueAt: DUE } });
    const nextSetAt = p.now().toISOString();
    await syncOn(p, grace);
    const onAda = await syncOn(p, ada);
    expect(onAda.summary.problems).toEqual([expect.objectContaining({ held: 1, message: expect.stringMatching(/^A change made on this computer to "Launch page" has not reached the team: Ada Lovelace archived it on .+ before it was sent \(.+\)\. Restore it to send it\.$/) })]);
    expect(await snapshot(grace.db)).toEqual(await snapshot(ada.db));

    // Grace restores it herself: her held act follows her restore, and the deal is made again with both.
    await act(p, grace, { type: 'restore' });
    await syncOn(p, grace);
    expect(p.fake.state.tickets.filter((t) => t.properties['baton_id'] === 'h-held' && !t.archived)).toHaveLength(1);
    await syncOn(p, ada);
    await syncOn(p, grace);
    await syncOn(p, ada);
    const [a, g] = [await ada.db.handoffs.get('h-held'), await grace.db.handoffs.get('h-held')];
    expect(a?.archivedAt).toBeNull();
    expect(a?.nextAction?.text).toBe('Review the copy');
    expect(a?.notes.map((n) => n.id)).toEqual(['n-ada']);
    const set = (await ada.db.events.where('handoffId').equals('h-held').toArray()).filter((e) => e.kind === 'field_changed' && e.field === 'nextAction' && e.at === nextSetAt);
    expect(set).toEqual([expect.objectContaining({ actor: GRACE })]);
    expect(g).toEqual(a);
    expect(await snapshot(grace.db)).toEqual(await snapshot(ada.db));
    expect([...(await loadHeld(ada.db)).keys(), ...(await loadHeld(grace.db)).keys()]).toEqual([]);
  }, 60_000);
});
