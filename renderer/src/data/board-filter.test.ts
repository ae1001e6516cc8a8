import { loadBoardColumns } from './queries';
import { seedDemoWorkspace } from './workspace';
import { openBatonDb, type BatonDb } from './db';
import { saveSettings } from './settings';
import { HANDOFF_STATES } from '../../../shared/domain/states';
import type { BoardFilter } from './board-filter';
import { freshDbName } from '../../../test/support/db-fixtures';
import { runCommand } from './commands';

const NOW = new Date('2026-11-24T15:00:00.000Z');

async function demoDb(): Promise<BatonDb> {
  const db = openBatonDb(freshDbName());
  await saveSettings(db, { currentUser: 'pm-ana' });
  await seedDemoWorkspace(db, NOW);
  return db;
}

async function titles(db: BatonDb, filter: BoardFilter): Promise<string[]> {
  const board = await loadBoardColumns(db, filter, NOW);
  return HANDOFF_STATES.flatMap((state) => board[state].map((h) => h.title)).sort();
}

describe('board filters', () => {
  it('text matches title, client and next action, all words, any case', async () => {
    const db = await demoDb();
    expect(await titles(db, { text: 'SPRING sale' })).toEqual(['Spring sale landing page']);
    expect(await titles(db, { text: 'luma' })).toEqual(['Subscription box intake', 'Summer lookbook page']);
    expect(await titles(db, { text: 'litmus' })).toEqual(['Black Friday email templates']);
    expect(await titles(db, { text: 'no such words' })).toEqual([]);
  });

  it('mine and awaiting my acceptance use settings.currentUser', async () => {
    const db = await demoDb();
    const mine = await titles(db, { mine: true });
    expect(mine).toEqual(expect.arrayContaining(['Spring sale landing page', 'Acme Co onboarding', 'New product catalogue import']));
    expect(mine).not.toContain('Loyalty programme microsite');
    expect(await titles(db, { awaitingMyAcceptance: true })).toEqual(['Spring sale landing page']);
  });

  it('client, template, exceptions and stalled', async () => {
    const db = await demoDb();
    expect(await titles(db, { clientName: 'Acme Co' })).toEqual(['Acme Co onboarding', 'Black Friday email templates']);
    expect(await titles(db, { templateId: 'qa-to-launch' })).toEqual(['Holiday campaign launch', 'Product page A/B test launch']);
    expect(await titles(db, { withExceptions: true })).toEqual(['Wholesale portal onboarding']);
    expect(await titles(db, { stalled: true })).toEqual(['Loyalty programme microsite']);
    expect(await titles(db, { stalled: true, clientName: 'Acme Co' })).toEqual([]);
  });

  it('archived handoffs are hidden unless asked for', async () => {
    const db = await demoDb();
    const outcome = await runCommand(db, 'demo-lookbook', { type: 'archive' }, 'pm-ana', NOW);
    expect(outcome.ok).toBe(true);
    expect(await titles(db, {})).not.toContain('Summer lookbook page');
    expect(await titles(db, { archived: true })).toContain('Summer lookbook page');
  });
});
