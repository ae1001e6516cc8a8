import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandoff, runCommand } from '../../../renderer/src/data/commands';
import { saveSettings } from '../../../renderer/src/data/settings';
import { makeTemplate } from '../../support/db-fixtures';
import type { Template } from '../../../shared/domain/template';
import { decodeCarrier } from '../../../shared/sync/carrier';
import { ADA, GRACE, snapshot, startTeam, sync, type Team } from './team-harness';

/**
 * Two desktops, one portal: Ada hands a handoff to Grace, Grace bounces it,
 * Ada answers and hands it over again, Grace accepts. Grace's desktop starts
 * without the template: it arrives with the handoff.
 */
const TEMPLATE: Template = makeTemplate({
  id: 'tpl-team',
  criteria: [
    { id: 'designs_final', label: 'Designs final', gate: 'READY', kind: 'checklist' },
    { id: 'lead_ok', label: 'Lead approval', gate: 'READY', kind: 'approval', role: 'Design lead' },
    { id: 'receiver', label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned' },
  ],
});

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

describe('a handoff between two desktops', () => {
  it('arrives whole, and every answer arrives as the act it was, by whom', async () => {
    team = await startTeam([{ name: 'ada', owner: ADA }, { name: 'grace', owner: GRACE }]);
    const [ada, grace] = team.desktops;
    if (!ada || !grace) throw new Error('two desktops');
    await ada.db.templates.add({ ...TEMPLATE, latest: 1 });
    const at = () => team?.now() ?? new Date();

    await ok(createHandoff(ada.db, { id: 'h-team', title: 'Checkout redesign', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, sender: ADA }, ADA, at()));
    const run = (command: Parameters<typeof runCommand>[2], actor: string, db = ada.db) => ok(runCommand(db, 'h-team', command, actor, at()));
    await run({ type: 'add_link', link: { id: 'l-1', label: 'Brief', url: 'https://example.com/brief' } }, ADA);
    await run({ type: 'add_link', link: { id: 'l-2', label: 'Figma', url: 'https://example.com/figma' } }, ADA);
    await run({ type: 'add_link', link: { id: 'l-3', label: 'Copy deck', url: 'https://example.com/copy' } }, ADA);
    await run({ type: 'add_checklist_item', id: 'c-1', text: 'Export icons' }, ADA);
    await run({ type: 'toggle_checklist_item', itemId: 'c-1', done: true }, ADA);
    await run({ type: 'add_note', id: 'n-1', body: 'Mobile first, please.' }, ADA);
    await run({ type: 'log_client_update', id: 'u-1', body: 'Designs are with development.' }, ADA);
    await run({ type: 'set_criterion', criterionId: 'designs_final', met: true }, ADA);
    // Only a holder of the role approves: Ada leads design on her desktop's People.
    await saveSettings(ada.db, { currentUser: ADA, owners: [{ id: ADA, name: 'Ada Lovelace', role: 'Design lead' }] });
    await run({ type: 'approve', criterionId: 'lead_ok' }, ADA);
    await run({ type: 'set_receiver', receiver: GRACE }, ADA);
    await run({ type: 'set_next_action', nextAction: { text: 'First test pass', dueAt: '2026-12-24T10:00:00.000Z' } }, ADA);
    await run({ type: 'move', to: 'READY_FOR_HANDOFF' }, ADA);
    await run({ type: 'move', to: 'IN_HANDOFF' }, ADA);
    await sync(team, ada);

    const deal = team.fake.state.tickets.find((d) => d.properties['baton_id'] === 'h-team');
    expect(deal).toBeDefined();
    const carried = decodeCarrier(deal?.properties ?? {});
    expect(carried.ok).toBe(true);

    await sync(team, grace);
    const received = await grace.db.handoffs.get('h-team');
    const sent = await ada.db.handoffs.get('h-team');
    expect(received?.state).toBe('IN_HANDOFF');
    expect(received?.receiver).toBe(GRACE);
    expect(received?.links.map((l) => l.label)).toEqual(['Brief', 'Figma', 'Copy deck']);
    expect(received?.checklist).toEqual(sent?.checklist);
    expect(received?.notes).toEqual(sent?.notes);
    expect(received?.clientUpdates).toEqual(sent?.clientUpdates);
    expect(received?.approvals).toEqual(sent?.approvals);
    expect(received?.approvals[0]?.by).toBe(ADA);
    expect(await grace.db.templates.get([TEMPLATE.id, 1])).toBeDefined();
    expect((await grace.db.events.where('handoffId').equals('h-team').count())).toBe(received?.version);

    // Grace bounces; Ada gets it back in progress with the reason as an open question.
    await run({ type: 'bounce', reason: 'Which payment providers?' }, GRACE, grace.db);
    await sync(team, grace);
    await sync(team, ada);
    const bounced = await ada.db.handoffs.get('h-team');
    expect(bounced?.state).toBe('IN_PROGRESS');
    expect(bounced?.openQuestions.map((q) => [q.text, q.askedBy])).toEqual([['Which payment providers?', GRACE]]);
    expect(bounced?.exceptions).toEqual([]);
    const bounceEvent = (await ada.db.events.where('handoffId').equals('h-team').toArray()).find((e) => e.kind === 'bounced');
    expect(bounceEvent?.actor).toBe(GRACE);

    // Ada answers and hands over again; Grace accepts.
    const question = bounced?.openQuestions[0]?.id ?? '';
    await run({ type: 'add_note', id: 'n-2', body: 'Stripe and PayPal.' }, ADA);
    await run({ type: 'resolve_question', questionId: question }, ADA);
    await run({ type: 'move', to: 'READY_FOR_HANDOFF' }, ADA);
    await run({ type: 'move', to: 'IN_HANDOFF' }, ADA);
    await sync(team, ada);
    await sync(team, grace);
    await run({ type: 'accept' }, GRACE, grace.db);
    const acceptedAt = team.now().toISOString();
    await sync(team, grace);
    await sync(team, ada);
    const done = await ada.db.handoffs.get('h-team');
    expect(done?.state).toBe('HANDOFF_DONE');
    const accepted = (await ada.db.events.where('handoffId').equals('h-team').toArray()).find((e) => e.kind === 'accepted');
    expect(accepted?.actor).toBe(GRACE);
    expect(accepted?.at).toBe(acceptedAt);

    // Both desktops hold the same records.
    await sync(team, ada);
    await sync(team, grace);
    // Settled: another round sends nothing and changes nothing.
    const [again1, again2] = [await sync(team, ada), await sync(team, grace)];
    expect([again1.summary.pushed, again2.summary.pushed, again1.summary.updated, again2.summary.updated]).toEqual([0, 0, 0, 0]);
    const [a, g] = [await snapshot(ada.db), await snapshot(grace.db)];
    expect(g.handoffs).toEqual(a.handoffs);
    expect(g.events).toEqual(a.events);

    // A HubSpot user reads the story on the ticket's timeline: one note per act, made by the desktop where it was made, none twice.
    const ticketId = deal?.id ?? '';
    const noteIds = new Set(team.fake.state.associations.filter((x) => x.fromType === 'notes' && x.toId === ticketId).map((x) => x.fromId));
    const bodies = team.fake.state.notes.filter((n) => noteIds.has(n.id)).map((n) => n.properties['hs_note_body'] ?? '');
    const headline = (b: string) => /<strong>([^<]+)<\/strong>/.exec(b)?.[1] ?? b;
    expect(bodies.map(headline).sort()).toEqual(['Bounced back', 'Client update', 'Handed over', 'Handed over', 'Handoff accepted']);
    const markers = bodies.map((b) => /\[baton-ref:[^\]]+\]/.exec(b)?.[0]);
    expect(new Set(markers).size).toBe(bodies.length);
    const bounceNote = bodies.find((b) => b.includes('Bounced back')) ?? '';
    expect(bounceNote).toContain('by Grace Hopper');
    expect(bounceNote).toContain('Reason: Which payment providers?');
    expect(bodies.find((b) => b.includes('Handoff accepted'))).toContain('by Grace Hopper');
    const handOver = bodies.find((b) => b.includes('Handed over')) ?? '';
    expect(handOver).toContain('to Grace Hopper by Ada Lovelace');
    for (const line of ['Brief — https://example.com/brief', 'Figma — https://example.com/figma', 'Copy deck — https://example.com/copy']) expect(handOver).toContain(line);
    for (const b of bodies) expect(b).not.toMatch(/10000[12]|\d{4}-\d\d-\d\dT/);
  });
});
