import { useEffect, useState } from 'react';
import { callHostResult } from '../api/baton';

/** Recorded in backups; a plain browser (no desktop host) says so instead of guessing. */
export const BROWSER_APP_VERSION = 'browser';

export async function loadAppVersion(): Promise<string> {
  const info = await callHostResult('app.info', {});
  return info.ok ? info.value.version : BROWSER_APP_VERSION;
}

export function useAppVersion(): string | null {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadAppVersion().then((found) => {
      if (live) setVersion(found);
    });
    return () => {
      live = false;
    };
  }, []);
  return version;
}
