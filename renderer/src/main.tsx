import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { reportUncaughtErrors } from './api/report-errors';
import { openBatonDb } from './data/db';
import { ensureWorkspace } from './data/workspace';
import { startBackupServices } from './backup/start-backup-services';
import { scheduleColumnCountCheck } from './data/column-counts-check';
import './styles/app.css';

const root = document.getElementById('root');
reportUncaughtErrors();

if (root) {
  const db = openBatonDb();
  const reactRoot = createRoot(root);
  // Seed templates (and the demo on first run) before the first paint, so the board
  // never flashes "empty" on a workspace that is about to be filled.
  ensureWorkspace(db)
    .then(
      () => undefined,
      // The app still opens: whatever is already saved stays usable and the user sees why setup failed.
      (error: unknown) =>
        `Baton could not prepare this workspace (templates or demo data): ${error instanceof Error ? error.message : String(error)}. Your saved handoffs are untouched; restart Baton to try again.`,
    )
    .then((startupError) => {
      // Today's automatic backup and persistent storage (asked once); after setup, so the backup holds the seeded workspace.
      startBackupServices(db);
      // A column total that drifted (a write that bypassed Baton) is set right in idle time.
      scheduleColumnCountCheck(db);
      reactRoot.render(
        <StrictMode>
          <App db={db} startupError={startupError} />
        </StrictMode>,
      );
    });
}
