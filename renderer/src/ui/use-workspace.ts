import { useMemo } from 'react';
import { useSettings } from '../data/queries';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { personName } from '../../../shared/domain/people';
import { safeTimeZone } from './time';

export interface Workspace {
  settings: WorkspaceSettings;
  /** True until the settings row has been read from disk: views wait rather than paint the defaults ("Me") first. */
  loading: boolean;
  currentUser: string;
  timeZone: string;
  ownerName: (id: string | null) => string;
}

/** Settings plus the derived values almost every screen needs. */
export function useWorkspace(): Workspace {
  const stored = useSettings();
  return useMemo(() => {
    const settings = stored ?? DEFAULT_SETTINGS;
    return {
      settings,
      loading: stored === undefined,
      currentUser: settings.currentUser,
      timeZone: safeTimeZone(settings.workingHours.timeZone),
      // Never an id on screen: unknown ids read "someone not in People", HubSpot reads "HubSpot".
      ownerName: (id: string | null) => personName(id, settings.owners, 'Unassigned'),
    };
  }, [stored]);
}
