import { HANDOFF_STATES } from '../../../shared/domain/states';
import { SEED_TEMPLATES } from '../../../shared/seed/templates';
import { openBatonDb, withoutLatestFlag } from './db';
import { createHandoff, runCommand } from './commands';
import { DEMO_HANDOFF_COUNT } from '../demo/demo-handoffs';
import { ensureWorkspace, isDemoPresent, removeDemoWorkspace, seedDemoWorkspace } from './workspace';
import { loadBoardColumns } from './queries';
import { loadSettings } from './settings';
import { freshDbName } from '../../../test/support/db-fixtures';
import { slaStatus } from '../../../shared/domain/sla';

const NOW = new Date('2026-11-24T15:00:00.000Z');

describe('workspace setup and the demo workspace', () => {
  it('first run seeds the templates and the demo; later runs do not', async () => {
    const db = openBatonDb(freshDbName());
    expect(await ensureWorkspace(db, NOW)).toEqual({ firstRun: true });
    expect(await db.templates.count()).toBe(SEED_TEMPLATES.length);
    expect(await db.handoffs.count()).toBe(DEMO_HANDOFF_COUNT);
    expect(await isDemoPresent(db)).toBe(true);
    expect(await ensureWorkspace(db, NOW)).toEqual({ firstRun: false });
    expect(await db.handoffs.count()).toBe(DEMO_HANDOFF_COUNT);
  });

  it('fills every column with realistic, gate-consistent demo handoffs', async () => {
    const db = openBatonDb(freshDbName());
    await seedDemoWorkspace(db, NOW);
    expect(DEMO_HANDOFF_COUNT).toBeGreaterThanOrEqual(12);
    const board = await loadBoardColumns(db, {}, NOW);
    for (const state of HANDOFF_STATES) expect(board[state].length).toBeGreaterThan(0);
    const all = HANDOFF_STATES.flatMap((state) => board[state]);
    expect(all.map((h) => h.title)).toEqual(expect.arrayContaining(['Spring sale landing page', 'Acme Co onboarding']));
    expect(all.some((h) => h.openQuestions.some((q) => q.resolvedAt === null) && h.bounceCount > 0)).toBe(true);
    expect(all.some((h) => h.exceptions.some((x) => x.resolvedAt === null))).toBe(true);
    // One is stalled by the shared SLA rules.
    const settings = await loadSettings(db);
    const templates = new Map((await db.templates.toArray()).map((t) => [t.id, withoutLatestFlag(t)]));
    const stalled = all.filter((h) => {
      const template = templates.get(h.templateId);
      return template !== undefined && slaStatus(h, template, settings, NOW).status === 'breached';
    });
    expect(stalled.map((h) => h.title)).toEqual(['Loyalty programme microsite']);
    // Every demo card has its history, and nothing was queued for HubSpot.
    const withHistory = new Set((await db.events.toArray()).map((event) => event.handoffId));
    expect(all.every((h) => withHistory.has(h.id))).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(all.every((h) => h.nextAction === null || Date.parse(h.nextAction.dueAt) > 0)).toBe(true);
  });

  it('adds the demo people to settings so names show, and removes them with the demo', async () => {
    const db = openBatonDb(freshDbName());
    await seedDemoWorkspace(db, NOW);
    expect((await loadSettings(db)).owners.map((o) => o.name)).toContain('Maya Chen');
    await removeDemoWorkspace(db);
    expect((await loadSettings(db)).owners.map((o) => o.name)).not.toContain('Maya Chen');
  });

  it('changes to demo handoffs are recorded but never queued for HubSpot', async () => {
    const db = openBatonDb(freshDbName());
    await seedDemoWorkspace(db, NOW);
    const outcome = await runCommand(db, 'demo-lookbook', { type: 'set_title', title: 'Summer lookbook' }, 'local-user', NOW);
    expect(outcome.ok).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });

  it('removes only the demo: real handoffs, their history and outbox stay', async () => {
    const db = openBatonDb(freshDbName());
    await ensureWorkspace(db, NOW);
    const real = await createHandoff(
      db,
      { title: 'Real work', client: { name: 'Real client', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'design-to-dev' },
      'local-user',
      NOW,
    );
    expect(real.ok).toBe(true);
    await runCommand(db, 'demo-lookbook', { type: 'set_title', title: 'Summer lookbook' }, 'local-user', NOW);
    await removeDemoWorkspace(db);
    expect(await isDemoPresent(db)).toBe(false);
    const remaining = await db.handoffs.toArray();
    expect(remaining.map((h) => h.title)).toEqual(['Real work']);
    expect(new Set((await db.events.toArray()).map((e) => e.handoffId))).toEqual(new Set(remaining.map((h) => h.id)));
    expect(await db.outbox.count()).toBe(1);
    expect(await db.undo.count()).toBe(0);
    expect(await db.templates.count()).toBe(SEED_TEMPLATES.length);
    // Removing is final: the next start does not bring the demo back.
    expect(await ensureWorkspace(db, NOW)).toEqual({ firstRun: false });
    expect(await isDemoPresent(db)).toBe(false);
  });

  it('seeding twice does not duplicate the demo', async () => {
    const db = openBatonDb(freshDbName());
    await seedDemoWorkspace(db, NOW);
    await seedDemoWorkspace(db, NOW);
    expect(await db.handoffs.count()).toBe(DEMO_HANDOFF_COUNT);
  });
});
