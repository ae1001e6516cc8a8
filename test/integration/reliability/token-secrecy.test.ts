// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBatonApi } from '../../../shared/ipc/build-api';
import { contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { HostDeps, Logger } from '../../../electron/host/deps';
import { createHandlers } from '../../../electron/ipc/create-handlers';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createEmitter } from '../../../electron/ipc/emit';
import { createFileLogger } from '../../../electron/log/file-logger';
import { createHandoff, runCommand } from '../../../renderer/src/data/commands';
import { openBatonDb } from '../../../renderer/src/data/db';
import { freshDbName, makeTemplate } from '../../support/db-fixtures';
import { exportWorkspace } from '../../../renderer/src/backup/export-workspace';
import { runSync } from '../../../renderer/src/sync/sync-runner';
import { startHubSpotFake } from '../../hubspot-fake';
import { createControllableOnlineSource, createMemoryLogger, createMemorySecretStore, createRecordingNotifier } from '../../host/memory-deps';

/**
 * Connects with a distinctive HubSpot token and drives every path that could
 * leak it — connect (wrong and right), status, owners, provision, push, pull,
 * HubSpot errors (401, 5xx, garbage), a renderer that tries to log it,
 * disconnect — then searches every place a token must never be: IPC
 * responses, event payloads, the logger, a real log file, a backup file, the
 * local database and every error message.
 */

const TOKEN = 'pat-na1-7f3a9c2e-0b1d-4e5f-9a8b-c0ffee5ec2e7';
const WRONG_TOKEN = 'pat-na1-00000000-dead-beef-0000-5ec2e7000000';
/** Distinctive parts too, so a truncated or re-encoded copy is caught as well. */
const NEEDLES = [TOKEN, TOKEN.slice(8), 'c0ffee5ec2e7', WRONG_TOKEN, WRONG_TOKEN.slice(8), Buffer.from(TOKEN).toString('base64')];

function occurrences(haystack: string): number {
  return NEEDLES.reduce((count, needle) => count + haystack.split(needle).length - 1, 0);
}

describe('the HubSpot token never leaks', () => {
  it('appears nowhere: IPC answers, events, logs, log file, backup, database, error messages', async () => {
    let virtual = Date.parse('2026-11-24T09:00:00.000Z');
    const fake = await startHubSpotFake({ tokens: [TOKEN], clock: () => virtual });
    const logDir = mkdtempSync(join(tmpdir(), 'baton-token-'));
    const memory = createMemoryLogger();
    const file = createFileLogger({ directory: logDir, maxBytes: 4_000, maxFiles: 5 });
    const logger: Logger = {
      info: (m, d) => (memory.info(m, d), file.info(m, d)),
      warn: (m, d) => (memory.warn(m, d), file.warn(m, d)),
      error: (m, d) => (memory.error(m, d), file.error(m, d)),
    };
    const events: unknown[] = [];
    const emit = createEmitter(() => ({ send: (channel, payload) => events.push({ channel, payload }) }), logger);
    const secretStore = createMemorySecretStore();
    const deps: HostDeps = {
      appInfo: { name: 'Baton', version: '0.1.0', platform: 'linux', arch: 'x64', versions: { electron: 't', chrome: 't', node: 't' }, packaged: false },
      secretStore,
      logger,
      notifier: createRecordingNotifier(),
      online: createControllableOnlineSource(true),
      clock: () => new Date(virtual),
      emit,
      confirmOpenExternal: async () => true,
      openExternal: async () => undefined,
      setBadgeCount: () => true,
      hubspotBasePath: fake.baseUrl,
      syncTuning: { timeoutMs: 5_000, random: () => 0.5, now: () => virtual, sleep: async (ms) => void (virtual += ms) },
    };
    const handlers = createHandlers(deps);
    const answers: IpcResult[] = [];
    const call = async (channel: string, payload: unknown): Promise<IpcResult> => {
      const answer = await dispatch(handlers, contract, channel, payload, { logger });
      answers.push(answer);
      return answer;
    };
    const api = buildBatonApi(call, () => () => undefined);
    const db = openBatonDb(freshDbName('token'));
    await db.templates.add({ ...makeTemplate(), latest: 1 });
    const errors: string[] = [];

    try {
      // A wrong token, then a token with stray whitespace around it, then the right one.
      const wrong = await call('hubspot.connect', { token: WRONG_TOKEN });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'HUBSPOT_AUTH' } });
      expect((await call('hubspot.connect', { token: `  ${TOKEN}\n` })).ok).toBe(true);
      expect(secretStore.entries.get('hubspot.token')).toBe(TOKEN);
      await call('hubspot.status', {});
      await call('hubspot.owners', {});

      // The setup choice, as the setup screen sends it; then provision, push and pull through the renderer's runner.
      expect((await call('hubspot.provision', { templates: [], choice: { mode: 'create', recordType: 'deals' } })).ok).toBe(true);
      const first = await runSync(db, api, { now: () => new Date(virtual) });
      expect(first.ok).toBe(true);
      await createHandoff(db, { id: 'h-1', title: 'Spring sale', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'tpl-design-dev', sender: '100001' }, '100001', new Date(virtual));
      virtual += 60_000;
      expect((await runSync(db, api, { now: () => new Date(virtual) })).ok).toBe(true);

      // HubSpot failing in every way, on pull and on push.
      await runCommand(db, 'h-1', { type: 'set_title', title: 'Spring sale v2' }, '100001', new Date(virtual));
      for (const fault of [
        { kind: 'json', status: 401, body: { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' } },
        { status: 500 },
        { kind: 'malformed', body: '{"results": [' },
        { kind: 'drop' },
      ] as const) {
        fake.faults.failNext({ path: '/crm/v3/objects/deals/search' }, fault, 8);
        virtual += 60_000;
        const outcome = await runSync(db, api, { now: () => new Date(virtual) });
        if (!outcome.ok) errors.push(outcome.error.message);
        fake.faults.clear();
        fake.faults.failNext({ path: /batch\/(update|upsert)$/ }, fault, 8);
        virtual += 60_000;
        const pushed = await runSync(db, api, { now: () => new Date(virtual) });
        if (!pushed.ok) errors.push(pushed.error.message);
        fake.faults.clear();
      }
      for (const entry of await db.outbox.toArray()) errors.push(entry.lastError ?? '');

      // A renderer (buggy or hostile) tries to write the token into the log.
      await call('log.write', { level: 'error', message: `connect failed for ${TOKEN}`, data: { token: TOKEN, nested: { header: `Bearer ${TOKEN}`, text: TOKEN } } });

      const backup = await exportWorkspace(db, { appVersion: '0.1.0' });
      if (!backup.ok) throw new Error(backup.error.message);
      await call('hubspot.disconnect', {});
      expect(secretStore.entries.size).toBe(0);

      const files = readdirSync(logDir).map((name) => readFileSync(join(logDir, name), 'utf8'));
      const places: Record<string, string> = {
        'IPC answers': JSON.stringify(answers),
        'event payloads': JSON.stringify(events),
        'logger entries': JSON.stringify(memory.entries),
        'log files': files.join('\n'),
        'backup file': backup.value.text,
        'local database': JSON.stringify(await Promise.all(db.allTables.map((table) => table.toArray()))),
        'error messages': JSON.stringify(errors),
      };
      const found = Object.fromEntries(Object.entries(places).map(([place, text]) => [place, occurrences(text)]));
      const searched = Object.values(places).reduce((sum, text) => sum + text.length, 0);
      console.info(
        `[reliability] token-secrecy: ${answers.length} IPC answers, ${events.length} events, ${memory.entries.length} log entries, ${files.length} log files, 1 backup, ${errors.length} error messages searched (${Math.round(searched / 1024)} KB): ${Object.values(found).reduce((a, b) => a + b, 0)} token occurrences`,
      );
      expect(found).toEqual(Object.fromEntries(Object.keys(places).map((place) => [place, 0])));
      // The search is not vacuous: it finds the token where it is, and what it searched was really produced.
      expect(occurrences(`x${TOKEN}x`)).toBeGreaterThan(0);
      expect(memory.entries.length).toBeGreaterThan(0);
      expect(files.join('').length).toBeGreaterThan(0);
      expect(errors.filter((message) => message.length > 0).length).toBeGreaterThan(0);
    } finally {
      db.close();
      await fake.close();
      rmSync(logDir, { recursive: true, force: true });
    }
  });
});
