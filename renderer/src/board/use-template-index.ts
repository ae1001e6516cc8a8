import { useCallback, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Handoff } from '../../../shared/domain/handoff';
import type { Template } from '../../../shared/domain/template';
import { templateKey } from '../../../shared/domain/template';
import { useDb } from '../data/db-context';

/**
 * Every stored template version, so each card is judged against the version it was
 * created with — one query for the whole board rather than one per card.
 */
export function useTemplateIndex(): { templateFor: (handoff: Handoff) => Template | undefined; byId: Map<string, Template> } {
  const db = useDb();
  const all = useLiveQuery(() => db.templates.toArray(), [db]);
  const index = useMemo(() => {
    const byVersion = new Map<string, Template>();
    const latest = new Map<string, Template>();
    for (const template of all ?? []) {
      byVersion.set(templateKey(template.id, template.version), template);
      const seen = latest.get(template.id);
      if (!seen || seen.version < template.version) latest.set(template.id, template);
    }
    return { byVersion, latest };
  }, [all]);
  const templateFor = useCallback(
    (handoff: Handoff) => index.byVersion.get(templateKey(handoff.templateId, handoff.templateVersion)),
    [index],
  );
  return { templateFor, byId: index.latest };
}
