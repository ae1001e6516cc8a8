import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandoff, runCommand } from '../../../renderer/src/data/commands';
import { loadSettings, saveSettings } from '../../../renderer/src/data/settings';
import { archiveTemplate, saveTemplate } from '../../../renderer/src/data/templates';
import { mergeHubSpotOwners } from '../../../renderer/src/sync/owner-directory';
import { makeTemplate } from '../../../shared/domain/fixtures';
import { mayApprove } from '../../../shared/domain/authority';
import type { Template } from '../../../shared/domain/template';
import { decodeTeamRecord, TEAM_RECORD_ID, TEAM_RECORD_NAME } from '../../../shared/sync/team-carrier';
import { savedBy } from '../../../shared/sync/team-fold';
import { loadTeamActs } from '../../../renderer/src/data/team-acts';
import { DEFAULT_TOKEN } from '../../hubspot-fake';
import { ADA, GRACE, snapshot, startTeam, sync, type Desktop, type Team } from './team-harness';

/**
 * Templates, their versions and people's roles are the team's: they travel in
 * ONE team record (tickets here, in Baton's pipeline) between two desktops on
 * one fake portal, with the real sync handlers on both sides.
 */
const QA: Template = makeTemplate({
  id: 'tpl-qa',
  name: 'Development → QA (team)',
  createdAt: '2026-11-24T08:00:00.000Z',
  criteria: [
    { id: 'qa_deployed', label: 'Deployed to staging', gate: 'READY', kind: 'checklist' },
    { id: 'qa_lead_ok', label: 'QA lead approval', gate: 'READY', kind: 'approval', role: 'QA lead' },
  ],
});

let team: Team | null = null;
afterEach(async () => {
  await team?.close();
  team = null;
});

function teamTicket(t: Team) {
  return t.fake.state.tickets.find((o) => o.properties['baton_id'] === TEAM_RECORD_ID);
}

function upserts(t: Team): number {
  return t.fake.stats.requests.filter((r) => r.method === 'POST' && r.path.includes('/batch/upsert')).length;
}

async function two(): Promise<[Team, Desktop, Desktop]> {
  team = await startTeam([
    { name: 'ada', owner: ADA },
    { name: 'grace', owner: GRACE },
  ]);
  const [ada, grace] = team.desktops;
  if (!ada || !grace) throw new Error('two desktops');
  for (const d of [ada, grace]) {
    // HubSpot's owners are the people; each desktop says who it is.
    const owners = await d.api['hubspot.owners']({});
    if (!owners.ok) throw new Error(owners.error.message);
    await mergeHubSpotOwners(d.db, owners.value.owners);
    await saveSettings(d.db, { currentUser: d.owner });
  }
  return [team, ada, grace];
}

async function roleOf(d: Desktop, person: string): Promise<string | undefined> {
  return (await loadSettings(d.db)).owners.find((o) => o.id === person)?.role;
}

async function setRole(d: Desktop, person: string, role: string, now: Date): Promise<void> {
  const settings = await loadSettings(d.db);
  await saveSettings(d.db, { owners: settings.owners.map((o) => (o.id === person ? { ...o, role } : o)) }, now);
}

describe('the team record', () => {
  it('brings a template nobody uses yet, and each new version, to the other desktop', async () => {
    const [t, ada, grace] = await two();
    expect((await saveTemplate(ada.db, QA)).ok).toBe(true);
    await sync(t, ada);
    const ticket = teamTicket(t);
    expect(ticket?.properties['subject']).toBe(TEAM_RECORD_NAME);
    expect(ticket?.properties['hs_pipeline_stage']).toBe(t.fake.state.pipelines('tickets').find((p) => p.label === 'Handoffs')?.stages.find((s) => s.label === 'Handoff done')?.id);
    const carried = decodeTeamRecord(ticket?.properties ?? {});
    expect(carried.ok === true && carried.record.templates.map((x) => `${x.id}@${x.version}`)).toEqual(['tpl-qa@1']);

    await sync(t, grace);
    expect(await grace.db.templates.get(['tpl-qa', 1])).toMatchObject({ name: QA.name, latest: 1 });
    // The team record is no handoff: nothing of it shows on the board.
    expect(await grace.db.handoffs.filter((h) => !h.id.startsWith('demo-')).count()).toBe(0);

    // Grace edits it (version 2) and uses it; Ada gets the version before any handoff names it.
    const edited = await saveTemplate(grace.db, { ...QA, description: 'Staging link in the brief.' }, t.now());
    expect(edited.ok && edited.template.version).toBe(2);
    await sync(t, grace);
    await sync(t, ada);
    expect(await ada.db.templates.get(['tpl-qa', 2])).toMatchObject({ description: 'Staging link in the brief.', latest: 1 });
    expect(await ada.db.templates.get(['tpl-qa', 1])).toMatchObject({ latest: 0 });
    // Who saved each version travels too.
    const saved = savedBy(await loadTeamActs(ada.db));
    expect([saved.get('tpl-qa@1')?.by, saved.get('tpl-qa@2')?.by]).toEqual([ADA, GRACE]);

    // Archiving is the team's too.
    expect((await archiveTemplate(ada.db, 'tpl-qa', t.now())).ok).toBe(true);
    await sync(t, ada);
    await sync(t, grace);
    expect((await grace.db.templates.get(['tpl-qa', 2]))?.archivedAt).not.toBeNull();

    // Settled: another round writes nothing and changes nothing.
    const before = upserts(t);
    const [a, g] = [await sync(t, ada), await sync(t, grace)];
    expect(upserts(t)).toBe(before);
    expect([a.summary.updated, g.summary.updated, a.summary.problems, g.summary.problems]).toEqual([0, 0, [], []]);
  });

  it('shares a role set once, and the other desktop’s authority honours it', async () => {
    const [t, ada, grace] = await two();
    await saveTemplate(ada.db, QA);
    await setRole(ada, GRACE, 'QA lead', t.now());
    await sync(t, ada);
    await sync(t, grace);
    expect(await roleOf(grace, GRACE)).toBe('QA lead');
    const people = (await loadSettings(grace.db)).owners;
    expect(mayApprove('QA lead', GRACE, people)).toBe(true);
    expect(mayApprove('QA lead', ADA, people)).toBe(false);

    // Grace approves on her desktop: the authority rule there reads the role that arrived.
    const created = await createHandoff(grace.db, { id: 'h-qa', title: 'Release 4.2', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: QA.id, sender: GRACE }, GRACE, t.now());
    expect(created.ok).toBe(true);
    await sync(t, grace);
    await sync(t, ada);
    // On Ada's desktop the same rule names the same person.
    const refused = await runCommand(ada.db, 'h-qa', { type: 'approve', criterionId: 'qa_lead_ok' }, ADA, t.now());
    expect(!refused.ok && refused.error.message).toMatch(/Only the QA lead — Grace Hopper — can approve/);
    const approved = await runCommand(grace.db, 'h-qa', { type: 'approve', criterionId: 'qa_lead_ok' }, GRACE, t.now());
    expect(approved.ok).toBe(true);
    await sync(t, grace);
    await sync(t, ada);
    expect(await snapshot(ada.db)).toEqual(await snapshot(grace.db));

    // A person who reaches People later (from HubSpot's owner list) gets the team's role too.
    await grace.db.settings.put({ key: 'workspace', value: { ...(await loadSettings(grace.db)), currentUser: ADA, owners: [{ id: ADA, name: 'Ada Lovelace' }] } });
    expect(await roleOf(grace, GRACE)).toBeUndefined();
    const owners = await grace.api['hubspot.owners']({});
    if (!owners.ok) throw new Error(owners.error.message);
    await mergeHubSpotOwners(grace.db, owners.value.owners);
    expect(await roleOf(grace, GRACE)).toBe('QA lead');
    expect(await roleOf(grace, ADA)).toBeUndefined();
  });

  it('converges when both desktops change roles at the same time, and replaying changes nothing', async () => {
    const [t, ada, grace] = await two();
    await setRole(ada, GRACE, 'QA lead', t.now());
    await setRole(grace, GRACE, 'Dev lead', t.now());
    await setRole(grace, ADA, 'PM lead', t.now());
    for (const d of [ada, grace, ada, grace]) await sync(t, d);
    const people = async (d: Desktop) => (await loadSettings(d.db)).owners.map((o) => [o.id, o.role ?? '']).sort();
    expect(await people(grace)).toEqual(await people(ada));
    expect(await roleOf(ada, ADA)).toBe('PM lead');
    // Both acts have seq 1: the later by time then id wins, the same on both desktops.
    expect(['QA lead', 'Dev lead']).toContain(await roleOf(ada, GRACE));
    const before = upserts(t);
    await sync(t, ada);
    await sync(t, grace);
    expect(upserts(t)).toBe(before);
    expect(await people(grace)).toEqual(await people(ada));
  });

  it('keeps both contents when two desktops made the same new version', async () => {
    const [t, ada, grace] = await two();
    await saveTemplate(ada.db, QA);
    await sync(t, ada);
    await sync(t, grace);
    await saveTemplate(ada.db, { ...QA, name: 'QA (Ada’s edit)' }, new Date('2026-11-24T09:10:00.000Z'));
    await saveTemplate(grace.db, { ...QA, name: 'QA (Grace’s edit)' }, new Date('2026-11-24T09:20:00.000Z'));
    for (const d of [ada, grace, ada, grace]) await sync(t, d);
    const versions = async (d: Desktop) => (await d.db.templates.where('id').equals('tpl-qa').sortBy('version')).map((x) => [x.version, x.name, x.latest]);
    expect(await versions(ada)).toEqual([
      [1, QA.name, 0],
      [2, 'QA (Ada’s edit)', 0],
      [3, 'QA (Grace’s edit)', 1],
    ]);
    expect(await versions(grace)).toEqual(await versions(ada));
  });

  it('reports a damaged team record and loses nothing local; the next change repairs it', async () => {
    const [t, ada, grace] = await two();
    await saveTemplate(ada.db, QA);
    await setRole(ada, GRACE, 'QA lead', t.now());
    await sync(t, ada);
    const ticket = teamTicket(t);
    const damaged = await fetch(`${t.fake.baseUrl}/crm/v3/objects/tickets/${ticket?.id ?? ''}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { baton_record: '{"format":"baton-team","v":1,"templ' } }),
    });
    expect(damaged.status).toBe(200);
    const outcome = await sync(t, grace);
    expect(outcome.summary.problems.map((p) => p.message)).toEqual([expect.stringMatching(/not readable data .*Nothing on this computer was changed/)]);
    expect(await grace.db.templates.get(['tpl-qa', 1])).toBeUndefined();
    expect(await grace.db.handoffs.filter((h) => !h.id.startsWith('demo-')).count()).toBe(0);
    // Ada's desktop still holds everything; her next sync sees the damage and writes the team's settings again.
    await sync(t, ada);
    expect(await ada.db.templates.get(['tpl-qa', 1])).toBeDefined();
    expect(await roleOf(ada, GRACE)).toBe('QA lead');
    await sync(t, grace);
    expect(await grace.db.templates.get(['tpl-qa', 1])).toBeDefined();
    expect(await roleOf(grace, GRACE)).toBe('QA lead');
    const [a, g] = [await snapshot(ada.db), await snapshot(grace.db)];
    expect(g).toEqual(a);
  });

  it('refuses, saying so, team settings larger than the record holds, and keeps them all here', async () => {
    const [t, ada] = await two();
    // The same ten criterion ids in every template: ten HubSpot properties, 700,000+ characters of playbooks.
    const criteria = Array.from({ length: 10 }, (_, i) => ({ id: `big_${i}`, label: `Step ${i} `.padEnd(200, '.'), gate: 'READY' as const, kind: 'checklist' as const, help: 'h'.repeat(1000) }));
    const big = Array.from({ length: 60 }, (_, i) => ({ ...makeTemplate({ id: `tpl-big-${i}`, name: `Big ${i}`, description: 'd'.repeat(2000), criteria }), latest: 1 as const }));
    await ada.db.templates.bulkAdd(big.slice(1));
    // Saving one through the Templates screen's path makes the team record due, with every version held here.
    expect((await saveTemplate(ada.db, big[0] ?? QA)).ok).toBe(true);
    const outcome = await sync(t, ada);
    expect(outcome.summary.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^The team's templates and roles take [\d,]+ characters, more than HubSpot's 8 text properties hold/)]);
    expect(teamTicket(t)).toBeUndefined();
    expect(await ada.db.templates.where('id').startsWith('tpl-big-').count()).toBe(60);
  });
});
