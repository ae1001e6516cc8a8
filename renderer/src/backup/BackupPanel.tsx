import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import type { BackupError, BackupResult } from '../../../shared/backup/errors';
import { BACKUP_FILE_EXTENSION, type BackupContents } from '../../../shared/backup/format';
import { useDb } from '../data/db-context';
import { deleteAutomaticBackup, listAutomaticBackups, readAutomaticBackup, takeAutomaticBackup, type AutomaticBackupInfo } from './automatic-backups';
import type { BackupsDb } from './backups-db';
import { BackupErrorView } from './BackupErrorView';
import { defaultBackupsDb } from './default-backups-db';
import { backupBlob, exportWorkspace } from './export-workspace';
import { describePersistState, ensurePersistentStorage, type PersistableStorage, type PersistStatus } from './persistent-storage';
import { openedBackups, openedFileError, type OpenedBackupMailbox } from './opened-backup-file';
import { inspectBackup, restoreContents, type RestoreSummary } from './restore-workspace';
import { useAppVersion } from './use-app-version';
import { formatDateTime } from '../ui/time';
import { useWorkspace } from '../ui/use-workspace';

interface PendingRestore {
  /** Where the backup came from, for the confirmation ("baton-….batonbackup", "automatic backup of 2026-11-24"). */
  source: string;
  contents: BackupContents;
  /** Opened from the OS: the user was elsewhere, so the confirmation is brought into view and focus. */
  fromOs?: boolean;
}

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'done'; message: string } | { kind: 'error'; error: BackupError };

function saveFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(backupBlob(text));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Give the download a moment to start before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function summary(counts: BackupContents['tables'] | RestoreSummary['counts']): string {
  const count = (value: number | readonly unknown[]) => (typeof value === 'number' ? value : value.length);
  return `${count(counts.handoffs)} handoffs, ${count(counts.templates)} template versions, ${count(counts.events)} history entries`;
}

export interface BackupPanelProps {
  backups?: BackupsDb;
  storage?: PersistableStorage;
  /** Where backup files opened from the OS arrive (the app's one by default). */
  mailbox?: OpenedBackupMailbox;
}

/** Settings → "Back up / Restore": file backups, automatic daily backups, storage persistence. */
export function BackupPanel({ backups = defaultBackupsDb(), storage, mailbox = openedBackups }: BackupPanelProps) {
  const db = useDb();
  const appVersion = useAppVersion();
  const { timeZone } = useWorkspace();
  const when = (iso: string) => formatDateTime(iso, timeZone);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const listed = useLiveQuery(() => listAutomaticBackups(backups), [backups]);
  const automatic: AutomaticBackupInfo[] = listed?.ok ? listed.value : [];
  const [persist, setPersist] = useState<PersistStatus | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const confirmId = useId();

  useEffect(() => {
    void ensurePersistentStorage(backups, storage).then(setPersist, () => setPersist({ state: 'unsupported', askedAt: null }));
  }, [backups, storage]);

  // A backup the OS opened goes through the same check and confirmation as a picked file.
  useEffect(
    () =>
      mailbox.consume((file) => {
        const read = file.ok ? inspectBackup(file.text) : { ok: false as const, error: openedFileError(file) };
        setPending(read.ok ? { source: file.fileName, contents: read.value, fromOs: true } : null);
        setStatus(read.ok ? { kind: 'idle' } : { kind: 'error', error: read.error });
      }),
    [mailbox],
  );

  useEffect(() => {
    if (pending?.fromOs !== true) return;
    // Cancel, not "Replace workspace": an Enter pressed by habit must not restore.
    cancelButton.current?.focus();
    cancelButton.current?.scrollIntoView?.({ block: 'center' });
  }, [pending]);

  const fail = (result: BackupResult<unknown>): boolean => {
    if (result.ok) return false;
    setStatus({ kind: 'error', error: result.error });
    return true;
  };

  const exportNow = async () => {
    if (appVersion === null) return;
    setStatus({ kind: 'busy', what: 'Backing up…' });
    const exported = await exportWorkspace(db, { appVersion });
    if (fail(exported) || !exported.ok) return;
    saveFile(exported.value.fileName, exported.value.text);
    setStatus({ kind: 'done', message: `Saved ${exported.value.fileName} (${summary(exported.value.counts)}).` });
  };

  const pickFile = async (file: File) => {
    setPending(null);
    setStatus({ kind: 'busy', what: `Checking ${file.name}…` });
    const read = inspectBackup(await file.text());
    if (fail(read) || !read.ok) return;
    setStatus({ kind: 'idle' });
    setPending({ source: file.name, contents: read.value });
  };

  const pickAutomatic = async (backup: AutomaticBackupInfo) => {
    setPending(null);
    const text = await readAutomaticBackup(backups, backup.id);
    if (fail(text) || !text.ok) return;
    const read = inspectBackup(text.value);
    if (fail(read) || !read.ok) return;
    setPending({ source: `the automatic backup of ${when(backup.takenAt)}`, contents: read.value });
  };

  const confirmRestore = async () => {
    if (pending === null || appVersion === null) return;
    setStatus({ kind: 'busy', what: 'Restoring…' });
    // Keep the workspace as it is now, so a restore of the wrong file can be undone.
    const safety = await takeAutomaticBackup(db, backups, { appVersion, kind: 'before-restore' });
    if (fail(safety)) return;
    const restored = await restoreContents(db, pending.contents);
    setPending(null);
    if (fail(restored) || !restored.ok) return;
    setStatus({ kind: 'done', message: `Restored ${summary(restored.value.counts)} from ${pending.source}. The previous workspace is kept as “Before the last restore”.` });
  };

  const remove = async (backup: AutomaticBackupInfo) => {
    fail(await deleteAutomaticBackup(backups, backup.id));
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Back up / Restore</h2>
      <p className="muted">A backup holds every handoff, template, history entry and setting. It never contains your HubSpot token.</p>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <button type="button" className="btn" disabled={appVersion === null || status.kind === 'busy'} onClick={() => void exportNow()}>
          Back up to a file…
        </button>
        <button type="button" className="btn" disabled={status.kind === 'busy'} onClick={() => fileInput.current?.click()}>
          Restore from a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={`${BACKUP_FILE_EXTENSION},application/x-baton-backup,application/json,.json`}
          aria-label="Backup file to restore"
          style={{ display: 'none' }}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void pickFile(file);
          }}
        />
      </div>

      {pending ? (
        <div role="alertdialog" aria-labelledby={confirmId} className="panel" style={{ marginTop: 12 }}>
          <p id={confirmId}>
            Replace this workspace with {pending.source} (taken {when(pending.contents.exportedAt)} by Baton {pending.contents.appVersion}:{' '}
            {summary(pending.contents.tables)})?
          </p>
          <div style={{ display: 'flex', gap: 8 }}>
            <button type="button" className="btn" onClick={() => void confirmRestore()}>
              Replace workspace
            </button>
            <button ref={cancelButton} type="button" className="btn" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      <div aria-live="polite" style={{ marginTop: 8 }}>
        {status.kind === 'busy' ? <p className="muted">{status.what}</p> : null}
        {status.kind === 'done' ? <p>{status.message}</p> : null}
      </div>
      {status.kind === 'error' ? <BackupErrorView error={status.error} /> : null}

      <h3>Automatic backups</h3>
      <p className="muted">Baton backs up this workspace once a day and keeps the last 7 days on this computer.</p>
      {automatic.length === 0 ? (
        <p className="muted">No automatic backups yet.</p>
      ) : (
        <ul aria-label="Automatic backups" style={{ listStyle: 'none', padding: 0 }}>
          {automatic.map((backup) => (
            <li key={backup.id} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 4 }}>
              <span style={{ flex: 1 }}>
                {backup.kind === 'before-restore' ? 'Before the last restore' : 'Daily'} · {when(backup.takenAt)} · {backup.counts.handoffs} handoffs
              </span>
              <button type="button" className="btn" aria-label={`Restore the backup of ${when(backup.takenAt)}`} onClick={() => void pickAutomatic(backup)}>
                Restore…
              </button>
              <button type="button" className="btn" aria-label={`Delete the backup of ${when(backup.takenAt)}`} onClick={() => void remove(backup)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3>Storage</h3>
      <p data-testid="persist-state">{persist === null ? 'Checking…' : describePersistState(persist)}</p>
    </section>
  );
}
