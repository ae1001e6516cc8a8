import { viewObject } from './object-render';
import { archiveObject, createObject, updateObject, type WriteSource } from './object-writes';
import type { Portal, StoredObject } from './portal';
import { describeValueErrors, validateValues } from './property-values';
import type { Colleague, FakeObjectView, OwnerView } from './types';

/** The HubSpot user id the colleague edits as (the first seeded owner's user). */
const COLLEAGUE_USER_ID = 9_000_001;
const UI_SOURCE: WriteSource = { sourceType: 'CRM_UI', sourceId: `userId:${COLLEAGUE_USER_ID}`, updatedByUserId: COLLEAGUE_USER_ID };

/** Finds a live deal by HubSpot id, or by the value of any unique property (Baton's own id). */
function findDeal(portal: Portal, idOrBatonId: string): StoredObject {
  const byId = portal.findLiveObject('deals', idOrBatonId);
  if (byId) return byId;
  for (const def of portal.properties.deals.values()) {
    if (!def.hasUniqueValue || def.archived) continue;
    const found = portal.findByUniqueValue('deals', def.name, idOrBatonId);
    if (found) return found;
  }
  throw new Error(`Colleague: no live deal with id or unique value "${idOrBatonId}".`);
}

function validated(portal: Portal, props: Record<string, string>, existing: StoredObject | undefined): Map<string, string> {
  const checked = validateValues(portal, 'deals', props, existing);
  if (!checked.ok) throw new Error(`Colleague: ${describeValueErrors(checked.errors)}`);
  return checked.values;
}

export function createColleague(portal: Portal): Colleague {
  return {
    setDealProperties(idOrBatonId: string, props: Record<string, string>): FakeObjectView {
      const deal = findDeal(portal, idOrBatonId);
      return viewObject(updateObject(portal, deal, validated(portal, props, deal), UI_SOURCE));
    },
    moveDealToStage(idOrBatonId: string, stageId: string): FakeObjectView {
      const deal = findDeal(portal, idOrBatonId);
      const pipeline = [...portal.pipelines.deals.values()].find((p) => !p.archived && p.stages.some((s) => s.id === stageId && !s.archived));
      if (!pipeline) throw new Error(`Colleague: no deal stage "${stageId}" in any pipeline.`);
      return viewObject(updateObject(portal, deal, validated(portal, { pipeline: pipeline.id, dealstage: stageId }, deal), UI_SOURCE));
    },
    createDeal(props: Record<string, string>): FakeObjectView {
      return viewObject(createObject(portal, 'deals', validated(portal, props, undefined), UI_SOURCE));
    },
    archiveDeal(idOrBatonId: string): void {
      archiveObject(portal, findDeal(portal, idOrBatonId));
    },
    addOwner(owner: { email: string; firstName: string; lastName: string }): OwnerView {
      return { ...portal.addOwner(owner) };
    },
  };
}
