import { freshDbName } from '../../../test/support/db-fixtures';
import { seededWorkspace } from '../../../test/support/backup-workspace';
import { parseWorkerRequest, parseWorkerResponse, type BackupWorkerRequest } from './backup-protocol';
import { createBackupRunner, type BackupWorkerPort } from './backup-runner';
import { handleBackupRequest, openDatabasesByName, serveBackupRequests, type WorkerDatabases, type WorkerMessageScope } from './backup-worker-handler';
import { openBackupsDb } from './backups-db';
import type { ScheduledBackupJob } from './scheduled-backup';

const JOB: ScheduledBackupJob = { appVersion: '0.1.0', keepDays: 7, startedAt: new Date(2026, 10, 24, 9, 0, 0).toISOString(), onlyIfChanged: false };

type Listener = (event: Event) => void;

/** What the stand-in worker does with a request: answer it (a structured clone crosses back) or fail. */
type WorkerBehaviour = (request: unknown, answer: (message: unknown) => void, fail: (event: Event) => void) => void;

/** The real worker side: the handler the worker entry serves, opening the databases by name. */
const realWorker: WorkerBehaviour = (request, answer) => {
  let deliver: ((event: MessageEvent) => void) | undefined;
  const scope: WorkerMessageScope = {
    addEventListener: (_type, listener) => {
      deliver = listener;
    },
    postMessage: answer,
  };
  serveBackupRequests(scope);
  deliver?.(new MessageEvent('message', { data: request }));
};

/** A Worker stand-in: messages cross as structured clones, as between threads. */
class StandInWorker implements BackupWorkerPort {
  readonly posted: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(private readonly behaviour: WorkerBehaviour = realWorker) {}

  postMessage(message: unknown): void {
    this.posted.push(message);
    const request = structuredClone(message);
    queueMicrotask(() =>
      this.behaviour(
        request,
        (answer) => this.emit('message', new MessageEvent('message', { data: structuredClone(answer) })),
        (event) => this.emit(event.type, event),
      ),
    );
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  private emit(type: string, event: Event): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

describe('the backup worker protocol', () => {
  it('the worker refuses a request that does not fit, naming what is wrong', async () => {
    const answer = await handleBackupRequest({ type: 'scheduled-backup', dbName: 'baton', backupsDbName: '', job: { ...JOB, keepDays: 0 } });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatchObject({ code: 'DB_FAILED', message: expect.stringMatching(/^The backup could not be made: the backup worker was sent a request it does not understand/) });
    expect(!answer.ok && answer.error.message).toMatch(/backupsDbName/);
    expect(!answer.ok && answer.error.message).toMatch(/job\.keepDays/);
    expect(parseWorkerRequest('hello').ok).toBe(false);
  });

  it('the window refuses an answer that does not fit, and accepts a well-formed one', () => {
    const garbled = parseWorkerResponse({ ok: true, value: { status: 'taken', backup: { id: 'daily-2026-11-24' } } });
    expect(!garbled.ok && garbled.error).toMatchObject({ code: 'DB_FAILED', message: expect.stringContaining('answered with something Baton does not understand') });
    expect(parseWorkerResponse({ ok: false, error: { code: 'EXPLODED', message: 'x' } }).ok).toBe(false);
    expect(parseWorkerResponse(null).ok).toBe(false);
    expect(parseWorkerResponse({ ok: true, value: { status: 'unchanged', backupId: 'daily-2026-11-24' } })).toEqual({ ok: true, value: { status: 'unchanged', backupId: 'daily-2026-11-24' } });
    const refused = { ok: false, error: { code: 'DB_FAILED', message: 'The backup could not be made: disk full' } };
    expect(parseWorkerResponse(refused)).toEqual(refused);
  });

  it('a backup runs in the worker on the same databases, opened by name, and the worker is ended', async () => {
    const db = await seededWorkspace('worker-run');
    const backups = openBackupsDb(freshDbName('worker-run-backups'));
    const worker = new StandInWorker();
    const result = await createBackupRunner(db, backups, { startWorker: () => worker })(JOB);
    expect(result).toMatchObject({ ok: true, value: { status: 'taken', backup: { id: 'daily-2026-11-24', counts: { handoffs: await db.handoffs.count() } } } });
    expect(worker.posted).toEqual([{ type: 'scheduled-backup', dbName: db.name, backupsDbName: backups.name, job: JOB } satisfies BackupWorkerRequest]);
    expect(worker.terminated).toBe(true);
    expect(await backups.snapshots.count()).toBe(1);
  });

  it('the worker closes the connections it opened, so they never hold up a schema upgrade', async () => {
    const seeded = await seededWorkspace('worker-close');
    const backupsName = freshDbName('worker-close-backups');
    const opened: WorkerDatabases[] = [];
    const answer = await handleBackupRequest({ type: 'scheduled-backup', dbName: seeded.name, backupsDbName: backupsName, job: JOB }, (request) => {
      const databases = openDatabasesByName(request);
      opened.push(databases);
      return databases;
    });
    expect(answer).toMatchObject({ ok: true, value: { status: 'taken' } });
    expect(opened.map(({ db, backups }) => [db.name, db.isOpen(), backups.name, backups.isOpen()])).toEqual([[seeded.name, false, backupsName, false]]);
  });

  it('a worker that crashes, hangs or answers nonsense becomes a typed backup error', async () => {
    const db = await seededWorkspace('worker-fail');
    const backups = openBackupsDb(freshDbName('worker-fail-backups'));

    const crashing = new StandInWorker((_request, _answer, fail) => fail(new ErrorEvent('error', { message: 'Uncaught ReferenceError: x is not defined', cancelable: true })));
    const crashed = await createBackupRunner(db, backups, { startWorker: () => crashing })(JOB);
    expect(!crashed.ok && crashed.error).toEqual({ code: 'DB_FAILED', message: 'The backup could not be made: the background backup worker stopped (Uncaught ReferenceError: x is not defined).' });
    expect(crashing.terminated).toBe(true);

    const silent = new StandInWorker(() => undefined);
    const hung = await createBackupRunner(db, backups, { startWorker: () => silent, timeoutMs: 30 })(JOB);
    expect(!hung.ok && hung.error.message).toMatch(/did not finish within 0 minutes, so it was stopped/);
    expect(silent.terminated).toBe(true);

    const nonsense = await createBackupRunner(db, backups, { startWorker: () => new StandInWorker((_request, answer) => answer({ ok: 'yes' })) })(JOB);
    expect(!nonsense.ok && nonsense.error.message).toMatch(/answered with something Baton does not understand/);
    expect(await backups.snapshots.count()).toBe(0);
  });

  it('where workers cannot run (script will not load, cannot start), backups run in this thread for the rest of the session', async () => {
    const db = await seededWorkspace('worker-unavailable');
    const backups = openBackupsDb(freshDbName('worker-unavailable-backups'));
    // A module worker whose script cannot load reports a plain Event, without a message.
    const unloadable = new StandInWorker((_request, _answer, fail) => fail(new Event('error', { cancelable: true })));
    let started = 0;
    const run = createBackupRunner(db, backups, {
      startWorker: () => {
        started += 1;
        return unloadable;
      },
    });
    expect(await run(JOB)).toMatchObject({ ok: true, value: { status: 'taken' } });
    expect(unloadable.terminated).toBe(true);
    expect(await run({ ...JOB, startedAt: new Date(2026, 10, 25, 9, 0, 0).toISOString() })).toMatchObject({ ok: true, value: { status: 'taken' } });
    expect(started).toBe(1);
    expect(await backups.snapshots.count()).toBe(2);

    const refused = createBackupRunner(db, backups, {
      startWorker: () => {
        throw new DOMException('Refused by the Content-Security-Policy', 'SecurityError');
      },
    });
    expect(await refused({ ...JOB, startedAt: new Date(2026, 10, 26, 9, 0, 0).toISOString() })).toMatchObject({ ok: true, value: { status: 'taken' } });
  });

  it('without Worker support the backup runs in this thread, on the window’s own connections', async () => {
    expect(typeof Worker).toBe('undefined');
    const db = await seededWorkspace('worker-fallback');
    const backups = openBackupsDb(freshDbName('worker-fallback-backups'));
    const result = await createBackupRunner(db, backups)(JOB);
    expect(result).toMatchObject({ ok: true, value: { status: 'taken' } });
    expect(db.isOpen() && backups.isOpen()).toBe(true);
    expect(await backups.snapshots.count()).toBe(1);
  });
});
