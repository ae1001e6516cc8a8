import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandoff, runCommand } from '../../../renderer/src/data/commands';
import { holdsValue, mergeDecisionOf, revertCommand } from '../../../renderer/src/sync/revert-merge';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import { TEMPLATE } from './fixtures';
import { ADA, GRACE, snapshot, startTeam, sync, type Desktop, type Team } from './team-harness';

/**
 * Two desktops set the same field while neither had seen the other's change:
 * the later act wins on both, and both list the same merge decision (both
 * values, who set each), which either can revert as a normal synced change.
 */
let team: Team | null = null;
afterEach(async () => {
  await team?.close();
  team = null;
});

async function decisions(desktop: Desktop) {
  const events = await desktop.db.events.where('handoffId').equals('h-c').toArray();
  return events.flatMap((e) => {
    const view = mergeDecisionOf(e);
    return view ? [view] : [];
  });
}

describe('the same field set on two desktops at once', () => {
  it('lists one merge decision on both, showing both values and who set them, and reverts as a normal change', async () => {
    team = await startTeam([{ name: 'ada', owner: ADA }, { name: 'grace', owner: GRACE }], [TEMPLATE]);
    const [ada, grace] = team.desktops;
    if (!ada || !grace) throw new Error('two desktops');
    const at = () => team?.now() ?? new Date();
    const run = async (desktop: Desktop, command: HandoffCommand) => {
      const done = await runCommand(desktop.db, 'h-c', command, desktop.owner, at());
      if (!done.ok) throw new Error(done.error.message);
      team?.advance(1_000);
    };
    const created = await createHandoff(ada.db, { id: 'h-c', title: 'Checkout', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, sender: ADA }, ADA, at());
    expect(created.ok).toBe(true);
    await run(ada, { type: 'set_title', title: 'Checkout v1' });
    await sync(team, ada);
    await sync(team, grace);

    // Offline from each other: both retitle it; each also changes a field the other leaves alone.
    await run(grace, { type: 'set_title', title: 'Checkout (Grace)' });
    await run(grace, { type: 'set_next_action', nextAction: { text: 'Test pass', dueAt: '2026-12-24T10:00:00.000Z' } });
    await run(ada, { type: 'set_title', title: 'Checkout (Ada)' });
    await run(ada, { type: 'set_client', client: { name: 'Acme Corp', hubspotCompanyId: null, hubspotDealId: null } });
    for (const desktop of [ada, grace, ada, grace]) await sync(team, desktop);

    const [onAda, onGrace] = [await decisions(ada), await decisions(grace)];
    expect(onAda).toHaveLength(1);
    expect(onGrace.map((d) => d.event)).toEqual(onAda.map((d) => d.event));
    const decision = onAda[0];
    if (!decision) throw new Error('no decision');
    const handoff = await ada.db.handoffs.get('h-c');
    expect(decision.property).toBe('dealname');
    const sides = [decision.winner, decision.loser].map((s) => [s.by, s.value]);
    expect(sides).toEqual(expect.arrayContaining([[ADA, 'Checkout (Ada)'], [GRACE, 'Checkout (Grace)']]));
    expect(handoff?.title).toBe(decision.winner.value);
    expect(handoff).toMatchObject({ client: { name: 'Acme Corp' }, nextAction: { text: 'Test pass' } });
    const [a, g] = [await snapshot(ada.db), await snapshot(grace.db)];
    expect(g.handoffs).toEqual(a.handoffs);
    expect(g.events).toEqual(a.events);
    expect(a.events.filter((e) => e.handoffId === 'h-c')).toHaveLength(handoff?.version ?? -1);

    // The loser's desktop reverts: a normal command that travels; a change made after seeing the other is no new decision.
    const loser = decision.loser.by === ADA ? ada : grace;
    const current = await loser.db.handoffs.get('h-c');
    if (!current) throw new Error('missing');
    const revert = revertCommand(current, TEMPLATE, decision.property, decision.loser.value);
    if (!revert) throw new Error('no revert');
    await run(loser, revert);
    for (const desktop of [loser, loser === ada ? grace : ada]) await sync(team, desktop);
    for (const desktop of [ada, grace]) {
      const after = await desktop.db.handoffs.get('h-c');
      if (!after) throw new Error('missing');
      expect(after.title).toBe(decision.loser.value);
      expect(holdsValue(after, TEMPLATE, decision.property, decision.loser.value)).toBe(true);
      expect(await decisions(desktop)).toHaveLength(1);
    }
    const [a2, g2] = [await snapshot(ada.db), await snapshot(grace.db)];
    expect(g2.handoffs).toEqual(a2.handoffs);
    expect(g2.events).toEqual(a2.events);
  });
});
