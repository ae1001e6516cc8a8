import { RECORD_TYPE, RECORD_TYPES } from '../../shared/hubspot/record-type';
import { COMMON_SCOPES, RECORD_TYPE_SCOPES, missingScopes, scopeList } from '../../shared/hubspot/scopes';
import type { SetupChoice } from '../../shared/hubspot/setup';
import { HubSpotError } from './hubspot-error';

/**
 * The scope checks against the token's actual grants (from HubSpot's token
 * introspection), so a missing scope is named with every other missing one
 * before anything is written, instead of by the first call that needs it.
 */

function scopeError(missing: string[], message: string): HubSpotError {
  return new HubSpotError({ code: 'HUBSPOT_SCOPE', status: 403, scope: missing[0] ?? null, detail: missing.join(' '), message });
}

/** At connect: the scopes every setup needs, plus those of at least one record type. */
export function checkConnectScopes(granted: readonly string[]): void {
  if (RECORD_TYPES.some((type) => missingScopes(granted, type).length === 0)) return;
  const common = COMMON_SCOPES.filter((scope) => !granted.includes(scope));
  // Record-type scopes are named only when neither record type is covered: one of them is enough.
  const coveredType = RECORD_TYPES.some((type) => RECORD_TYPE_SCOPES[type].every((scope) => granted.includes(scope)));
  const perType = coveredType ? [] : RECORD_TYPES.map((type) => ({ type, lacking: RECORD_TYPE_SCOPES[type].filter((scope) => !granted.includes(scope)) }));
  const typeText = perType.map((t) => `${scopeList(t.lacking)} (to keep handoffs on ${RECORD_TYPE[t.type].plural})`).join(', or ');
  const parts = [...(common.length > 0 ? [scopeList(common)] : []), ...(perType.length > 0 ? [`${common.length > 0 ? 'and ' : ''}either ${typeText}`] : [])];
  throw scopeError([...common, ...perType.flatMap((t) => t.lacking)], `This token is missing HubSpot scopes Baton needs: ${parts.join(' ')}. Add them to the Service Key or private app in HubSpot, then connect again.`);
}

/** Before setup on a record type: every scope its calls need. */
export function checkRecordTypeScopes(granted: readonly string[] | null, choice: SetupChoice): void {
  if (granted === null) return;
  const missing = missingScopes(granted, choice.recordType);
  if (missing.length === 0) return;
  throw scopeError(missing, `Keeping handoffs on HubSpot ${RECORD_TYPE[choice.recordType].plural} needs scopes this token lacks: ${scopeList(missing)}. Add them to the Service Key or private app in HubSpot, or choose the other record type.`);
}
