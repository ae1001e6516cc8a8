import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { Handoff } from '../../shared/domain/handoff';
import type { WorkspaceSettings } from '../../shared/domain/settings';
import type { Template } from '../../shared/domain/template';
import { openBatonDb, type BatonDb } from '../../renderer/src/data/db';
import { DbProvider } from '../../renderer/src/data/db-context';
import { saveSettings } from '../../renderer/src/data/settings';
import { freshDbName } from './db-fixtures';
import { resetUi } from '../../renderer/src/store/ui-store';

// Live queries settle on a shared, noisy machine: a ceiling, not a timing assertion.
configure({ asyncUtilTimeout: 5000 });

const HOUR_MS = 3_600_000;

/** An ISO instant `hours` wall-clock hours before the real now (the dashboard reads the real clock). */
export function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * HOUR_MS).toISOString();
}

export interface Seed {
  templates: Template[];
  handoffs?: Handoff[];
  settings?: Partial<WorkspaceSettings>;
}

export async function seededDb(seed: Seed): Promise<BatonDb> {
  const db = openBatonDb(freshDbName('vis'));
  await db.templates.bulkPut(seed.templates.map((template) => ({ ...template, latest: 1 as const })));
  await db.handoffs.bulkPut(seed.handoffs ?? []);
  if (seed.settings) await saveSettings(db, seed.settings);
  return db;
}

/** Test-only: one screen on a fresh database, with a fresh UI store. */
export async function renderWithDb(element: ReactElement, seed: Seed) {
  return renderOnDb(element, await seededDb(seed));
}

/** Test-only: one screen on a database the test already filled, with a fresh UI store. */
export function renderOnDb(element: ReactElement, db: BatonDb) {
  resetUi();
  const user = userEvent.setup();
  const view = render(<DbProvider db={db}>{element}</DbProvider>);
  return { db, user, ...view };
}
