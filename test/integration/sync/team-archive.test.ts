import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandoff, runCommand } from '../../../renderer/src/data/commands';
import { decodeCarrier } from '../../../shared/sync/carrier';
import { TEMPLATE } from './fixtures';
import { ADA, GRACE, snapshot, startTeam, sync, type Team } from './team-harness';

/**
 * An archive and a restore made in Baton travel as those acts by that person: the record (with the
 * archive) is written before the deal is deleted, and read back from the deleted deal on the other
 * desktop; a restore makes the deal again with its record. A deal deleted directly in HubSpot stays
 * a HubSpot event, as before.
 */
let team: Team | null = null;
afterEach(async () => {
  await team?.close();
  team = null;
});

async function ok<T extends { ok: boolean }>(result: Promise<T>): Promise<T> {
  const done = await result;
  if (!done.ok) throw new Error(JSON.stringify(done));
  return done;
}

async function start(): Promise<{ team: Team; ada: Team['desktops'][number]; grace: Team['desktops'][number] }> {
  const t = await startTeam([{ name: 'ada', owner: ADA }, { name: 'grace', owner: GRACE }], [TEMPLATE]);
  const [ada, grace] = t.desktops;
  if (!ada || !grace) throw new Error('two desktops');
  await ok(createHandoff(ada.db, { id: 'h-arch', title: 'Launch page', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, sender: ADA }, ADA, t.now()));
  await ok(runCommand(ada.db, 'h-arch', { type: 'add_note', id: 'n-1', body: 'Kick-off done.' }, ADA, t.now()));
  await sync(t, ada);
  await sync(t, grace);
  return { team: t, ada, grace };
}

describe('archive and restore between desktops', () => {
  it('an archive arrives as the same act by the same person at the same time, and so does a restore', async () => {
    const s = await start();
    team = s.team;
    const { ada, grace } = s;
    s.team.advance(60_000);
    const archivedAt = s.team.now().toISOString();
    await ok(runCommand(grace.db, 'h-arch', { type: 'archive' }, GRACE, s.team.now()));
    await sync(s.team, grace);

    // The deal is deleted, and its record (read as archived) holds Grace's archive.
    const deal = s.team.fake.state.tickets.find((t) => t.properties['baton_id'] === 'h-arch');
    expect(deal?.archived).toBe(true);
    const carried = decodeCarrier(deal?.properties ?? {});
    expect(carried.ok === true && carried.carrier.log.some((e) => e.recipe.kind === 'command' && e.recipe.command.type === 'archive')).toBe(true);

    await sync(s.team, ada);
    const onAda = await ada.db.handoffs.get('h-arch');
    expect(onAda?.archivedAt).toBe(archivedAt);
    const archiveEvents = (await ada.db.events.where('handoffId').equals('h-arch').toArray()).filter((e) => e.kind === 'archived');
    expect(archiveEvents).toHaveLength(1);
    expect(archiveEvents[0]).toMatchObject({ actor: GRACE, at: archivedAt });
    expect(await snapshot(ada.db)).toEqual(await snapshot(grace.db));
    // Syncing again changes nothing.
    await sync(s.team, ada);
    await sync(s.team, grace);
    expect(await snapshot(ada.db)).toEqual(await snapshot(grace.db));

    // Ada restores it: the card comes back on Grace's desktop as Ada's restore.
    s.team.advance(60_000);
    const restoredAt = s.team.now().toISOString();
    await ok(runCommand(ada.db, 'h-arch', { type: 'restore' }, ADA, s.team.now()));
    s.team.fake.stats.reset();
    await sync(s.team, ada);
    // HubSpot cannot bring an archived record back through the API: the update meets "not found", the deal is made again by baton_id.
    expect(s.team.fake.stats.requests.map((r) => r.path).filter((p) => p.includes('/batch/update') || p.includes('/batch/upsert'))).toEqual(['/crm/v3/objects/tickets/batch/update', '/crm/v3/objects/tickets/batch/upsert']);
    const live = s.team.fake.state.tickets.filter((t) => t.properties['baton_id'] === 'h-arch' && !t.archived);
    expect(live).toHaveLength(1);
    await sync(s.team, grace);
    const onGrace = await grace.db.handoffs.get('h-arch');
    expect(onGrace?.archivedAt).toBeNull();
    expect(onGrace?.client.hubspotDealId).toBe(live[0]?.id);
    const restores = (await grace.db.events.where('handoffId').equals('h-arch').toArray()).filter((e) => e.kind === 'restored');
    expect(restores).toEqual([expect.objectContaining({ actor: ADA, at: restoredAt })]);
    expect(await grace.db.events.where('handoffId').equals('h-arch').count()).toBe(onGrace?.version);
    await sync(s.team, ada);
    await sync(s.team, grace);
    expect(await snapshot(ada.db)).toEqual(await snapshot(grace.db));

    // Work goes on on the new deal.
    await ok(runCommand(grace.db, 'h-arch', { type: 'add_note', id: 'n-2', body: 'Back on it.' }, GRACE, s.team.now()));
    await sync(s.team, grace);
    await sync(s.team, ada);
    expect((await ada.db.handoffs.get('h-arch'))?.notes.map((n) => n.id)).toEqual(['n-1', 'n-2']);
  });

  it('never deletes the deal before its record holds the archive: a failed record write leaves the deal for the next sync', async () => {
    const s = await start();
    team = s.team;
    await ok(runCommand(s.grace.db, 'h-arch', { type: 'archive' }, GRACE, s.team.now()));
    // Every record write fails (more often than the client retries): nothing may be deleted.
    s.team.fake.faults.failNext({ method: 'POST', path: '/crm/v3/objects/tickets/batch/update' }, { status: 500 }, 20);
    await sync(s.team, s.grace);
    expect(s.team.fake.stats.requests.some((r) => r.path.startsWith('/crm/v3/objects/tickets/batch/archive'))).toBe(false);
    expect(s.team.fake.state.tickets.find((t) => t.properties['baton_id'] === 'h-arch')?.archived).toBe(false);
    s.team.fake.faults.clear();
    await sync(s.team, s.grace);
    await sync(s.team, s.ada);
    expect((await s.ada.db.events.where('handoffId').equals('h-arch').toArray()).filter((e) => e.kind === 'archived')).toEqual([expect.objectContaining({ actor: GRACE })]);
    expect(await snapshot(s.ada.db)).toEqual(await snapshot(s.grace.db));
  });

  it('a deal deleted directly in HubSpot is archived as a HubSpot event, as before', async () => {
    const s = await start();
    team = s.team;
    const deal = s.team.fake.state.tickets.find((t) => t.properties['baton_id'] === 'h-arch');
    if (!deal) throw new Error('no deal');
    const response = await fetch(`${s.team.fake.baseUrl}/crm/v3/objects/tickets/${deal.id}`, { method: 'DELETE', headers: { Authorization: 'Bearer test-token' } });
    expect(response.status).toBe(204);
    await sync(s.team, s.grace);
    const events = (await s.grace.db.events.where('handoffId').equals('h-arch').toArray()).filter((e) => e.kind === 'archived');
    expect(events).toEqual([expect.objectContaining({ actor: 'hubspot' })]);
    expect((await s.grace.db.handoffs.get('h-arch'))?.archivedAt).not.toBeNull();
  });
});
