import { createSyncHandlers } from '../../../electron/sync/sync-handlers';
import type { SecretStore } from '../../../electron/host/deps';
import { SEED_TEMPLATES } from '../../../shared/seed/templates';
import { TEMPLATE, makeHandoff } from './fixtures';
import { LocalStore } from './local-store';
import type { RecordType } from '../../../shared/hubspot/record-type';
import type { SetupChoice } from '../../../shared/hubspot/setup';

/**
 * Opt-in contract test against a REAL HubSpot portal: the same handlers the app
 * uses, with no base-path override. It runs only when a token is given:
 *
 *   BATON_HUBSPOT_LIVE_TOKEN=pat-... npx vitest run --project unit test/integration/sync/live-hubspot.test.ts
 *
 * Optional: BATON_HUBSPOT_LIVE_RECORD_TYPE=deals (default tickets). Use a
 * sandbox or developer test portal: it sets Baton up there (its own
 * "Handoffs" pipeline where the tier allows, else the first existing pipeline
 * mapped in stage order), writes one record by batch upsert, a note and a
 * task, edits the record as a colleague would (a direct PATCH) and pulls that
 * change back, then archives what it wrote.
 */
const token = process.env['BATON_HUBSPOT_LIVE_TOKEN'] ?? '';
const recordType: RecordType = process.env['BATON_HUBSPOT_LIVE_RECORD_TYPE'] === 'deals' ? 'deals' : 'tickets';

if (!token) {
  console.info('[live HubSpot] skipped: set BATON_HUBSPOT_LIVE_TOKEN to run the contract test against a real portal');
}

describe.skipIf(!token)('live HubSpot contract (opt-in)', () => {
  const secrets = new Map<string, string>();
  const secretStore: SecretStore = {
    get: async (key) => secrets.get(key) ?? null,
    set: async (key, value) => {
      secrets.set(key, value);
    },
    delete: async (key) => {
      secrets.delete(key);
    },
  };
  const handlers = createSyncHandlers({
    secretStore,
    online: { isOnline: () => true, reportRequestOutcome: () => undefined, subscribe: () => () => undefined },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    clock: () => new Date(),
    emitProgress: () => undefined,
  });
  // The local store pushes with the integration template: its criteria need their properties too.
  const TEMPLATES = [...SEED_TEMPLATES, TEMPLATE];
  const runId = `live-${Date.now().toString(36)}`;
  let recordId = '';
  let owner = '';

  async function hubspot(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`https://api.hubapi.com${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return response.status === 204 ? null : response.json();
  }

  it('verifies the token (and its scopes) and names the portal it acts on', async () => {
    const info = await handlers['hubspot.connect']({ token });
    expect(info.portalId).toBeGreaterThan(0);
    expect(JSON.stringify(info)).not.toContain(token);
  });

  it('reads owners', async () => {
    const { owners } = await handlers['hubspot.owners']({});
    expect(Array.isArray(owners)).toBe(true);
    owner = owners.find((o) => !o.archived)?.id ?? '';
  });

  it('sets up on the chosen record type, own pipeline or (tier refusal) the first existing one; a second run creates nothing', async () => {
    let choice: SetupChoice = { mode: 'create', recordType };
    try {
      await handlers['hubspot.provision']({ templates: TEMPLATES, choice });
    } catch (error) {
      expect(error).toMatchObject({ code: 'PIPELINE_REFUSED' });
      const options = await handlers['hubspot.setupOptions']({});
      const pipeline = options.recordTypes.find((r) => r.recordType === recordType)?.pipelines[0];
      const open = pipeline?.stages.filter((s) => s.closure === 'open') ?? [];
      const done = pipeline?.stages.find((s) => s.closure === 'closed') ?? open[3];
      if (!pipeline || open.length < 3 || !done) throw new Error('No pipeline with enough stages to map', { cause: error });
      choice = { mode: 'map', recordType, pipelineId: pipeline.id, stageIds: { IN_PROGRESS: open[0]?.id ?? '', READY_FOR_HANDOFF: open[1]?.id ?? '', IN_HANDOFF: open[2]?.id ?? '', HANDOFF_DONE: done.id } };
      await handlers['hubspot.provision']({ templates: TEMPLATES, choice });
    }
    const second = await handlers['hubspot.provision']({ templates: TEMPLATES, choice });
    expect(second.created).toEqual([]);
    expect(second.setup.recordType).toBe(recordType);
  }, 120_000);

  it('pushes a handoff by batch upsert with a note and a task, without duplicates on a retried push', async () => {
    const store = new LocalStore();
    store.put(
      makeHandoff({
        id: runId,
        title: `Baton live test ${runId}`,
        sender: owner || 'nobody',
        receiver: owner || null,
        nextAction: { text: 'Live test task', dueAt: new Date(Date.now() + 86_400_000).toISOString() },
        clientUpdates: [{ id: `${runId}-cu`, body: 'Live test note', by: owner || 'nobody', at: new Date().toISOString() }],
      }),
    );
    store.enqueue(runId, 'upsert_handoff');
    store.enqueue(runId, 'log_client_update', `${runId}-cu`);
    store.enqueue(runId, 'sync_next_action_task');
    const items = store.pushItems();
    const first = await handlers['sync.push']({ items });
    expect(first.acks.map((a) => a.status)).toEqual(['ok', 'ok', 'ok']);
    recordId = first.acks[0]?.status === 'ok' ? first.acks[0].dealId : '';
    const again = await handlers['sync.push']({ items });
    expect(again.acks.map((a) => a.status)).toEqual(['ok', 'ok', 'ok']);
    const notes = (await hubspot('GET', `/crm/v4/objects/${recordType}/${recordId}/associations/notes`)) as { results: unknown[] };
    const tasks = (await hubspot('GET', `/crm/v4/objects/${recordType}/${recordId}/associations/tasks`)) as { results: unknown[] };
    expect(notes.results).toHaveLength(1);
    expect(tasks.results).toHaveLength(1);
  }, 120_000);

  it('pulls a colleague’s change back', async () => {
    const name = recordType === 'tickets' ? 'subject' : 'dealname';
    await hubspot('PATCH', `/crm/v3/objects/${recordType}/${recordId}`, { properties: { [name]: `Renamed ${runId}` } });
    // Search is eventually consistent: a few tries, seconds apart.
    let found: string | null | undefined;
    for (let attempt = 0; attempt < 10 && found !== `Renamed ${runId}`; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const result = await handlers['sync.pull']({ cursor: { lastModifiedMs: Date.now() - 10 * 60_000 }, knownDealIds: [recordId], templates: TEMPLATES });
      found = result.deals.find((d) => d.dealId === recordId)?.properties['dealname'];
    }
    expect(found).toBe(`Renamed ${runId}`);
  }, 120_000);

  afterAll(async () => {
    if (recordId) await hubspot('DELETE', `/crm/v3/objects/${recordType}/${recordId}`);
  });
});
