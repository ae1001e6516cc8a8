import type { Handoff } from '../../../shared/domain/handoff';
import { slaStatus } from '../../../shared/domain/sla';
import { templateKey } from '../../../shared/domain/template';
import type { FilterContext } from './board-filter';

/**
 * Past its SLA in the current column (working hours, per-template override or
 * workspace default), judged by the shared SLA rules: what the board's
 * "Stalled" filter shows. The dashboard's stalled list (`shared/metrics/stalled.ts`)
 * also lists cards nearing their limit (warnings); this is breaches only.
 */
export function isSlaBreached(handoff: Handoff, context: FilterContext): boolean {
  const template = context.templates.get(templateKey(handoff.templateId, handoff.templateVersion));
  // Without its template the limit is unknown; a card is not called stalled on a guess.
  if (!template) return false;
  return slaStatus(handoff, template, context.settings, context.now).status === 'breached';
}
