import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Handoff } from '../../../shared/domain/handoff';
import { indexTemplates, type Template } from '../../../shared/domain/template';
import { useDb } from '../data/db-context';

/**
 * Every stored template version, so each card is judged against the version it was
 * created with — one query for the whole board rather than one per card.
 */
export function useTemplateIndex(): { templateFor: (handoff: Handoff) => Template | undefined; byId: ReadonlyMap<string, Template> } {
  const db = useDb();
  const all = useLiveQuery(() => db.templates.toArray(), [db]);
  const index = useMemo(() => indexTemplates(all ?? []), [all]);
  return { templateFor: index.forHandoff, byId: index.latest };
}
