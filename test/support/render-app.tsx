import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/App';
import { openBatonDb, type BatonDb } from '../../renderer/src/data/db';
import { saveSettings } from '../../renderer/src/data/settings';
import { freshDbName } from './db-fixtures';
import type { Handoff } from '../../shared/domain/handoff';
import type { Template } from '../../shared/domain/template';
import type { WorkspaceSettings } from '../../shared/domain/settings';
import { resetUi } from '../../renderer/src/store/ui-store';

// The machine running tests is shared and noisy: give live queries time to settle before
// a findBy/waitFor gives up (this is a ceiling, not a timing assertion).
configure({ asyncUtilTimeout: 5000 });

/**
 * Test-only: the whole app on a fresh fake-IndexedDB database holding exactly
 * the given templates and handoffs, with a fresh UI store.
 */
export async function renderApp(seed: { templates: Template[]; handoffs: Handoff[]; settings?: Partial<WorkspaceSettings> }) {
  const db: BatonDb = openBatonDb(freshDbName('ui'));
  await db.templates.bulkPut(seed.templates.map((template) => ({ ...template, latest: 1 as const })));
  await db.handoffs.bulkPut(seed.handoffs);
  if (seed.settings) await saveSettings(db, seed.settings);
  resetUi();
  const user = userEvent.setup();
  const view = render(<App db={db} />);
  return { db, user, ...view };
}
