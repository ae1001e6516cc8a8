import type { PullResult, RemoteDeal } from '../../../shared/sync/protocol';
import { SEED_TEMPLATES } from '../../../shared/seed/templates';
import { openBatonDb } from '../data/db';
import { freshDbName } from '../../../test/support/db-fixtures';
import { commitPull } from './commit-pull';

const STAGES = { IN_PROGRESS: 'stage-progress', READY_FOR_HANDOFF: 'stage-ready', IN_HANDOFF: 'stage-handoff', HANDOFF_DONE: 'stage-done' } as const;
const NOW = new Date('2026-11-24T10:00:00.000Z');

function newDeals(count: number): PullResult {
  const deals: RemoteDeal[] = Array.from({ length: count }, (_, i) => ({
    dealId: String(1000 + i),
    batonId: null,
    properties: { dealname: `Deal ${i}`, dealstage: STAGES.IN_PROGRESS, pipeline: 'pipeline-handoffs', baton_client: 'Globex' },
    history: {},
    archived: false,
    updatedAt: '2026-11-24T09:00:00.000Z',
  }));
  return { deals, cursor: { lastModifiedMs: Date.parse('2026-11-24T09:00:00.000Z') }, pipelineId: 'pipeline-handoffs', stageIds: STAGES };
}

describe('commitPull: a first pull importing many deals', () => {
  const template = SEED_TEMPLATES[0];
  if (!template) throw new Error('no seed template');

  it('writes every imported handoff, its history, sync state and outbox entry with one bulk write per table', async () => {
    const db = openBatonDb(freshDbName('commit-pull'));
    const puts = [vi.spyOn(db.handoffs, 'put'), vi.spyOn(db.syncState, 'put')];
    const bulkPuts = [vi.spyOn(db.handoffs, 'bulkPut'), vi.spyOn(db.events, 'bulkPut'), vi.spyOn(db.syncState, 'bulkPut')];
    const summary = await commitPull(db, newDeals(300), [template], template, NOW);
    expect(summary).toMatchObject({ pulled: 300, imported: 300, updated: 0 });
    expect(await db.handoffs.count()).toBe(300);
    expect((await db.events.toArray()).filter((event) => event.kind === 'created')).toHaveLength(300);
    expect(await db.syncState.count()).toBe(300);
    expect((await db.outbox.toArray()).filter((entry) => entry.kind === 'upsert_handoff')).toHaveLength(300);
    const stored = await db.syncState.get('hubspot-1007');
    expect(stored).toMatchObject({ dealId: '1007', syncedAt: NOW.toISOString() });
    for (const spy of puts) expect(spy).not.toHaveBeenCalled();
    for (const spy of bulkPuts) expect(spy).toHaveBeenCalledTimes(1);
    db.close();
  });

  it('imports nothing twice when the same pull is committed again', async () => {
    const db = openBatonDb(freshDbName('commit-pull'));
    await commitPull(db, newDeals(20), [template], template, NOW);
    const again = await commitPull(db, newDeals(20), [template], template, NOW);
    expect(again.imported).toBe(0);
    expect(await db.handoffs.count()).toBe(20);
    expect(await db.outbox.count()).toBe(20);
    db.close();
  });
});
