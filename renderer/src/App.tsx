import type { BatonDb } from './data/db';
import { DbProvider } from './data/db-context';
import { BoardScreen } from './board/BoardScreen';
import { BounceDialog } from './board/BounceDialog';
import { CreateHandoffDialog } from './board/CreateHandoffDialog';
import { DemoBanner } from './board/DemoBanner';
import { MoveDialog } from './board/MoveDialog';
import { RefusalPanel } from './board/RefusalPanel';
import { TopBar } from './board/TopBar';
import { HandoffDrawer } from './drawer/HandoffDrawer';
import { SettingsScreen } from './settings/SettingsScreen';
import { HelpDialog } from './shortcuts/HelpDialog';
import { useMenuCommands } from './shortcuts/use-menu-commands';
import { useShortcuts } from './shortcuts/use-shortcuts';
import { useUndoAction } from './shortcuts/use-undo';
import { TemplatesScreen } from './templates/TemplatesScreen';
import { useUi } from './store/ui-store';
import { ConnectionBanner } from './ui/ConnectionBanner';
import { Toasts } from './ui/Toasts';
import { useApplyTheme } from './ui/use-theme';
import { useWorkspace } from './ui/use-workspace';

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

function Shell({ startupError }: { startupError?: string }) {
  const view = useUi((s) => s.view);
  const drawer = useUi((s) => s.drawer);
  const { settings } = useWorkspace();
  const undo = useUndoAction();
  useApplyTheme(settings.theme);
  useShortcuts();
  useMenuCommands();
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
      <main className="main" aria-label={view === 'board' ? 'Board' : view === 'templates' ? 'Templates' : 'Settings'}>
        {view === 'board' ? <BoardScreen /> : view === 'templates' ? <TemplatesScreen /> : <SettingsScreen />}
      </main>
      {drawer ? <HandoffDrawer key={`${drawer.handoffId}:${drawer.criterionId ?? ''}`} target={drawer} /> : null}
      <Dialogs />
      <RefusalPanel />
      <Toasts onUndo={() => void undo()} />
    </div>
  );
}

/** The whole renderer, given an open database (tests pass a fresh one). */
export function App({ db, startupError }: { db: BatonDb; startupError?: string }) {
  return (
    <DbProvider db={db}>
      <Shell startupError={startupError} />
    </DbProvider>
  );
}
