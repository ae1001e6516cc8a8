import { z } from 'zod';
import { associate, targetTypeOf } from '../association-types';
import { errorBody, HubSpotHttpError, validationError } from '../errors';
import type { Portal, StoredObject } from '../portal';
import { describeValueErrors, type PropertyValueError } from '../property-values';
import type { FakeObjectType } from '../types';

/** Property maps as sent by clients: strings, though numbers/booleans/null slip through and HubSpot coerces them. */
export const propertiesInput = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const associationInput = z.object({
  to: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
  types: z.array(z.object({ associationCategory: z.string(), associationTypeId: z.number().int() })).min(1),
});

export const createInput = z.object({
  properties: propertiesInput,
  associations: z.array(associationInput).optional(),
  objectWriteTraceId: z.string().optional(),
});

export type AssociationInput = z.infer<typeof associationInput>;

/** Checks associations in a create body before anything is written. */
export function checkAssociations(portal: Portal, fromType: FakeObjectType, associations: AssociationInput[]): string | undefined {
  for (const a of associations) {
    for (const t of a.types) {
      const toType = targetTypeOf(fromType, t.associationTypeId);
      if (!toType || t.associationCategory !== 'HUBSPOT_DEFINED') return `associationTypeId ${t.associationTypeId} (${t.associationCategory}) is not a valid association from ${fromType}.`;
      if (!portal.findLiveObject(toType, a.to.id)) return `Cannot associate with ${toType} ${a.to.id}: it does not exist.`;
    }
  }
  return undefined;
}

export function applyAssociations(portal: Portal, obj: StoredObject, associations: AssociationInput[]): void {
  for (const a of associations) {
    for (const t of a.types) {
      const toType = targetTypeOf(obj.type, t.associationTypeId);
      if (toType) associate(portal, obj.type, obj.id, toType, a.to.id, t.associationTypeId, t.associationCategory);
    }
  }
}

/** One write's property errors as the HTTP error a single-object endpoint answers. */
export function valueErrorsToHttp(errors: PropertyValueError[]): HubSpotHttpError {
  const details = errors.map((e) => ({ message: e.message, code: e.code, context: { propertyName: [e.name] } }));
  if (errors.some((e) => e.code === 'CONFLICT')) {
    return new HubSpotHttpError(409, errorBody('CONFLICT', errors.map((e) => e.message).join(' '), { errors: details }));
  }
  return validationError(describeValueErrors(errors), details);
}
