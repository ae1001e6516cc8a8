import { lazy, Suspense } from 'react';
import type { BatonDb } from './data/db';
import { DbProvider } from './data/db-context';
import { BoardScreen } from './board/BoardScreen';
import { BounceDialog } from './board/BounceDialog';
import { CreateHandoffDialog } from './board/CreateHandoffDialog';
import { DemoBanner } from './demo/DemoBanner';
import { MoveDialog } from './board/MoveDialog';
import { RefusalPanel } from './board/RefusalPanel';
import { TopBar } from './TopBar';
import { HandoffDrawer } from './drawer/HandoffDrawer';
import { SettingsScreen } from './settings/SettingsScreen';
import { SyncProvider } from './sync/sync-context';
import { HelpDialog } from './shortcuts/HelpDialog';
import { useMenuCommands } from './shortcuts/use-menu-commands';
import { useShortcuts } from './shortcuts/use-shortcuts';
import { useUndoAction } from './shortcuts/use-undo';
import { TemplatesScreen } from './templates/TemplatesScreen';
import { ClientUpdateHost } from './client-update/ClientUpdateHost';
import { useOpenedBackupFiles } from './backup/opened-backup-file';
import { useNotificationDetector } from './notifications/use-notification-detector';
import { useNotificationClicks } from './notifications/use-notification-clicks';
import { useUi } from './store/ui-store';
import { ConnectionBanner } from './ui/ConnectionBanner';
import { Toasts } from './ui/Toasts';
import { useApplyTheme } from './ui/use-theme';
import { useWorkspace } from './ui/use-workspace';

// The dashboard brings the charting library: load it when first opened, so the board starts fast.
const DashboardScreen = lazy(() => import('./dashboard/DashboardScreen').then((module) => ({ default: module.DashboardScreen })));

function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return <CreateHandoffDialog />;
    case 'help':
      return <HelpDialog />;
    case 'bounce':
      return <BounceDialog handoffId={dialog.handoffId} />;
    case 'move':
      return <MoveDialog handoffId={dialog.handoffId} />;
  }
}

/**
 * The always-on watcher of local data for notifications, in a component of its own: its state
 * changes after every committed write, and in the shell that re-rendered the whole app each time.
 */
function NotificationDetector() {
  useNotificationDetector();
  return null;
}

function Shell({ startupError }: { startupError?: string }) {
  const view = useUi((s) => s.view);
  const drawer = useUi((s) => s.drawer);
  const { settings } = useWorkspace();
  const undo = useUndoAction();
  useApplyTheme(settings.theme);
  useShortcuts();
  useNotificationClicks();
  useMenuCommands();
  useOpenedBackupFiles();
  return (
    <div className="app">
      <TopBar />
      {startupError ? (
        <div className="banner error-banner" role="alert">
          {startupError}
        </div>
      ) : null}
      <ConnectionBanner />
      <DemoBanner />
      <main className="main" aria-label={view === 'board' ? 'Board' : view === 'templates' ? 'Templates' : view === 'dashboard' ? 'Dashboard' : 'Settings'}>
        {view === 'board' ? <BoardScreen /> : view === 'templates' ? <TemplatesScreen /> : view === 'dashboard' ? (
          <Suspense fallback={<p className="page muted">Loading the dashboard…</p>}>
            <DashboardScreen />
          </Suspense>
        ) : (
          <SettingsScreen />
        )}
      </main>
      {drawer ? <HandoffDrawer key={`${drawer.handoffId}:${drawer.criterionId ?? ''}`} target={drawer} /> : null}
      <Dialogs />
      <ClientUpdateHost />
      <RefusalPanel />
      <Toasts onUndo={() => void undo()} />
      <NotificationDetector />
    </div>
  );
}

/** The whole renderer, given an open database (tests pass a fresh one). */
export function App({ db, startupError }: { db: BatonDb; startupError?: string }) {
  return (
    <DbProvider db={db}>
      <SyncProvider>
        <Shell startupError={startupError} />
      </SyncProvider>
    </DbProvider>
  );
}
