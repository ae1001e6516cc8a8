import type { Handoff } from '../../shared/domain/handoff';
import { makeHandoff as makeSharedHandoff, makeTemplate as makeSharedTemplate } from '../../shared/domain/fixtures';
import type { Template } from '../../shared/domain/template';
import { openBatonDb, type BatonDb } from '../../renderer/src/data/db';

/** Test-only builders. A fresh database name per test keeps tests independent. */
let dbCounter = 0;
export function freshDbName(label = 'test'): string {
  dbCounter += 1;
  return `baton-${label}-${dbCounter}-${Math.random().toString(36).slice(2, 10)}`;
}

export const FIXED_NOW = new Date('2026-11-24T10:00:00.000Z');

/**
 * The renderer tests' workspace: the shared builders (`shared/domain/fixtures.ts`,
 * the one set) with a small design → development playbook and a card on it, so
 * board and drawer tests read like the app. Only the defaults differ, never the shape.
 */
export function makeTemplate(overrides: Partial<Template> = {}): Template {
  return makeSharedTemplate({
    id: 'tpl-design-dev',
    name: 'Design → Development',
    description: 'Design hands finished screens to development.',
    criteria: [
      { id: 'designs_final', label: 'Designs final', gate: 'READY', kind: 'checklist' },
      { id: 'receiver', label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned' },
    ],
    createdAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  });
}

export function makeHandoff(overrides: Partial<Handoff> = {}): Handoff {
  return makeSharedHandoff({
    id: 'h-1',
    title: 'Spring sale landing page',
    client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null },
    templateId: 'tpl-design-dev',
    rank: 1024,
    sender: 'maya',
    ...overrides,
  });
}

/** A fresh database holding `templates` (latest version flagged), nothing else. */
export async function dbWithTemplates(templates: Template[] = [makeTemplate()]): Promise<BatonDb> {
  const db = openBatonDb(freshDbName());
  await db.templates.bulkAdd(templates.map((template) => ({ ...template, latest: 1 as const })));
  return db;
}

/** Row counts of the tables a change writes, to assert "nothing was written". */
export async function rowCounts(db: BatonDb): Promise<Record<'handoffs' | 'events' | 'outbox' | 'undo', number>> {
  return {
    handoffs: await db.handoffs.count(),
    events: await db.events.count(),
    outbox: await db.outbox.count(),
    undo: await db.undo.count(),
  };
}
