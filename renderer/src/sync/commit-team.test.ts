import type { PullResult, RemoteDeal } from '../../../shared/sync/protocol';
import { makeTemplate } from '../../../shared/domain/fixtures';
import { encodeTeamRecord, TEAM_FORMAT, TEAM_RECORD_ID, TEAM_VERSION } from '../../../shared/sync/team-carrier';
import { openBatonDb } from '../data/db';
import { commitPull } from './commit-pull';
import { teamToPush } from './commit-team';
import { saveTemplate } from '../data/templates';

const STAGES = { IN_PROGRESS: 'stage-progress', READY_FOR_HANDOFF: 'stage-ready', IN_HANDOFF: 'stage-handoff', HANDOFF_DONE: 'stage-done' } as const;
const NOW = new Date('2026-11-24T10:00:00.000Z');
const TEMPLATE = makeTemplate({ id: 'tpl-waiting', name: 'Design → Development (team)' });

function pullOf(deals: RemoteDeal[]): PullResult {
  return { deals, cursor: { lastModifiedMs: Date.parse('2026-11-24T09:00:00.000Z') }, pipelineId: 'pipeline-handoffs', stageIds: STAGES };
}

function deal(dealId: string, batonId: string, properties: Record<string, string | null>): RemoteDeal {
  return { dealId, batonId, properties: { pipeline: 'pipeline-handoffs', ...properties }, history: {}, archived: false, updatedAt: '2026-11-24T09:00:00.000Z' };
}

const NAMING_MISSING = deal('2000', 'h-waits', { dealname: 'Checkout', dealstage: STAGES.IN_PROGRESS, baton_template: `${TEMPLATE.id}@1` });
const TEAM = deal('2001', TEAM_RECORD_ID, { dealname: 'Baton team settings', dealstage: STAGES.HANDOFF_DONE, ...encodeTeamRecord({ format: TEAM_FORMAT, v: TEAM_VERSION, templates: [TEMPLATE], acts: [] }) });

describe('commitPull with the team record', () => {
  it('keeps a record whose template is missing waiting, never files it under another, and files it when the template arrives', async () => {
    const db = openBatonDb(`commit-team-${crypto.randomUUID()}`);
    const other = makeTemplate({ id: 'tpl-other' });
    await db.templates.add({ ...other, latest: 1 });

    const first = await commitPull(db, pullOf([NAMING_MISSING]), [other], other, NOW);
    expect(first.problems).toEqual([expect.objectContaining({ dealId: '2000', waitsFor: { templateId: TEMPLATE.id, version: 1 }, message: expect.stringMatching(/not on this computer yet; it will be imported when the template arrives/) })]);
    expect(await db.handoffs.count()).toBe(0);

    // Nobody touches the record in HubSpot again: only the team record comes, bringing the template.
    const second = await commitPull(db, pullOf([TEAM]), [other], other, NOW);
    expect(second.problems).toEqual([]);
    expect(second.templatesReceived).toBe(1);
    const filed = await db.handoffs.get('h-waits');
    expect(filed).toMatchObject({ title: 'Checkout', templateId: TEMPLATE.id, templateVersion: 1 });
    // The team record itself is no handoff.
    expect(await db.handoffs.count()).toBe(1);
    expect(second.pulled).toBe(0);

    const third = await commitPull(db, pullOf([]), [other], other, NOW);
    expect([third.problems, third.imported, third.updated]).toEqual([[], 0, 0]);
    // What arrived is not sent back; this desktop's own template, which the team record lacks, is (the team record exists now).
    expect((await teamToPush(db))?.templates.map((t) => t.id)).toEqual(['tpl-other', TEMPLATE.id]);
    db.close();
  });

  it('sends this desktop’s templates when HubSpot has no team record yet, and nothing for the shipped seeds alone', async () => {
    const db = openBatonDb(`commit-team-${crypto.randomUUID()}`);
    await commitPull(db, pullOf([]), [], null, NOW);
    expect(await teamToPush(db)).toBeNull();
    // Merely holding a template (restored, or from before templates travelled) creates no team record…
    await db.templates.add({ ...TEMPLATE, latest: 1 });
    expect(await teamToPush(db)).toBeNull();
    // …saving one here does, and carries every version this desktop holds.
    expect((await saveTemplate(db, makeTemplate({ id: 'tpl-new', name: 'New playbook' }))).ok).toBe(true);
    expect((await teamToPush(db))?.templates.map((t) => t.id)).toEqual(['tpl-new', TEMPLATE.id]);
    db.close();
  });
});
