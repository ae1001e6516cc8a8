import { useId } from 'react';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { BackupPanel } from '../backup/BackupPanel';
import { useSettings } from '../data/queries';
import { HubSpotSettingsPanel } from '../sync/HubSpotSettingsPanel';
import { OwnersPanel } from './OwnersPanel';
import { useSaveSettings } from './use-save-settings';
import { WorkingHoursPanel } from './WorkingHoursPanel';

function ThemePanel({ settings }: { settings: WorkspaceSettings }) {
  const save = useSaveSettings();
  const name = useId();
  return (
    <fieldset className="panel" style={{ margin: 0 }}>
      <legend className="visually-hidden">Theme</legend>
      <h2>Theme</h2>
      <div style={{ display: 'flex', gap: 16 }}>
        {(['system', 'light', 'dark'] as const).map((theme) => (
          <label key={theme} className="checkbox-row">
            <input type="radio" name={name} value={theme} checked={settings.theme === theme} onChange={() => void save({ theme }, 'Theme')} />
            {theme === 'system' ? 'Follow the system' : theme === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Workspace settings: who I am, the people directory, working hours, SLAs and theme. */
export function SettingsScreen() {
  const settings = useSettings();
  return (
    <div className="page">
      <div className="page-inner">
        <h1 style={{ fontSize: 18 }}>Settings</h1>
        {settings === undefined ? (
          <p className="muted">Loading…</p>
        ) : (
          <>
            <OwnersPanel settings={settings} />
            <WorkingHoursPanel key={JSON.stringify([settings.workingHours, settings.slaHours])} settings={settings} />
            <ThemePanel settings={settings} />
            <HubSpotSettingsPanel />
            <BackupPanel />
          </>
        )}
      </div>
    </div>
  );
}
