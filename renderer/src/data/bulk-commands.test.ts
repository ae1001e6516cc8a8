import { createHandoff } from './commands';
import { runBulkCommand } from './bulk-commands';
import { renumberColumn, columnRange } from './column-ranks';
import type { BatonDb } from './db';
import { FIXED_NOW, dbWithTemplates, makeTemplate, rowCounts } from '../../../test/support/db-fixtures';

const TEMPLATE = makeTemplate({ criteria: [{ id: 'designs_final', label: 'Designs final', gate: 'READY', kind: 'checklist' }] });
const LATER = new Date(FIXED_NOW.getTime() + 60_000);

async function setup(count: number): Promise<BatonDb> {
  const db = await dbWithTemplates([TEMPLATE]);
  for (let index = 0; index < count; index += 1) {
    const outcome = await createHandoff(db, { id: `h-${index}`, title: `Card ${index}`, client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id }, 'maya', FIXED_NOW);
    if (!outcome.ok) throw new Error(outcome.error.message);
  }
  return db;
}

describe('runBulkCommand', () => {
  it('changes every card in one transaction, each with its event and outbox entry', async () => {
    const db = await setup(3);
    const outcome = await runBulkCommand(db, ['h-0', 'h-1', 'h-2'], { type: 'set_receiver', receiver: 'jonas' }, 'maya', LATER);
    expect(outcome.ok && outcome.handoffs.map((h) => h.receiver)).toEqual(['jonas', 'jonas', 'jonas']);
    expect(await rowCounts(db)).toEqual({ handoffs: 3, events: 6, outbox: 3 + 6, undo: 0 });
  });

  it('changes nothing when one card is refused by the gate, and lists the refusals', async () => {
    const db = await setup(3);
    await runBulkCommand(db, ['h-1'], { type: 'set_criterion', criterionId: 'designs_final', met: true }, 'maya', LATER);
    const before = await rowCounts(db);
    const outcome = await runBulkCommand(db, ['h-0', 'h-1', 'h-2', 'missing'], { type: 'move', to: 'READY_FOR_HANDOFF' }, 'maya', LATER);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failures.map((f) => [f.handoffId, f.error.code])).toEqual([
      ['missing', 'NOT_FOUND'],
      ['h-0', 'GATE_REFUSED'],
      ['h-2', 'GATE_REFUSED'],
    ]);
    expect(outcome.error.message).toContain('nothing was changed');
    expect(await rowCounts(db)).toEqual(before);
    expect((await db.handoffs.get('h-1'))?.state).toBe('IN_PROGRESS');
  });

  it('appends moved cards to the target column in the given order', async () => {
    const db = await setup(3);
    await runBulkCommand(db, ['h-2', 'h-0'], { type: 'set_criterion', criterionId: 'designs_final', met: true }, 'maya', LATER);
    const moved = await runBulkCommand(db, ['h-2', 'h-0'], { type: 'move', to: 'READY_FOR_HANDOFF' }, 'maya', LATER);
    expect(moved.ok).toBe(true);
    expect((await columnRange(db, 'READY_FOR_HANDOFF').toArray()).map((h) => h.id)).toEqual(['h-2', 'h-0']);
  });
});

describe('renumberColumn', () => {
  it('spreads exhausted ranks out again, keeping the order', async () => {
    const db = await setup(3);
    await db.handoffs.update('h-0', { rank: 1 });
    await db.handoffs.update('h-1', { rank: 1 + Number.EPSILON });
    await db.handoffs.update('h-2', { rank: 1 + 2 * Number.EPSILON });
    await renumberColumn(db, 'IN_PROGRESS');
    const column = await columnRange(db, 'IN_PROGRESS').toArray();
    expect(column.map((h) => [h.id, h.rank])).toEqual([
      ['h-0', 1024],
      ['h-1', 2048],
      ['h-2', 3072],
    ]);
  });
});
