import { useMemo } from 'react';
import { useSettings } from '../data/queries';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { safeTimeZone } from './time';

export interface Workspace {
  settings: WorkspaceSettings;
  /** True until the settings row has been read from disk. */
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
    const names = new Map(settings.owners.map((owner) => [owner.id, owner.name]));
    return {
      settings,
      loading: stored === undefined,
      currentUser: settings.currentUser,
      timeZone: safeTimeZone(settings.workingHours.timeZone),
      ownerName: (id: string | null) => (id === null ? 'Unassigned' : (names.get(id) ?? id)),
    };
  }, [stored]);
}
