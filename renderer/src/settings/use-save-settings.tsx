import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { useDb } from '../data/db-context';
import { saveSettings } from '../data/settings';
import { useUi } from '../store/ui-store';
import { settingsErrorLines } from './save-errors';

/** Saves a partial settings patch; resolves with error lines (empty when saved). */
export function useSaveSettings(): (patch: Partial<WorkspaceSettings>, what: string) => Promise<string[]> {
  const db = useDb();
  const pushToast = useUi((s) => s.pushToast);
  return async (patch, what) => {
    try {
      await saveSettings(db, patch);
      pushToast({ message: `${what} saved`, tone: 'info', undoable: false });
      return [];
    } catch (error) {
      return settingsErrorLines(error);
    }
  };
}

export function ErrorLines({ lines, id }: { lines: string[]; id?: string }) {
  if (lines.length === 0) return null;
  return (
    <div id={id} className="error-text" role="alert">
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

