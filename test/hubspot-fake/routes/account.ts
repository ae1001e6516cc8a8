import { z } from 'zod';
import { errorBody, HubSpotHttpError } from '../errors';
import type { Route } from '../router';
import { parseBody } from './body';

export interface AccountFacts {
  portalId: number;
  tokens: readonly string[];
  scopes: readonly string[] | undefined;
}

/** Every scope the fake checks, by HubSpot's real names: what a token is granted when the options name none. */
export const ALL_SCOPES = [
  'crm.objects.deals.read', 'crm.objects.deals.write', 'crm.schemas.deals.read', 'crm.schemas.deals.write',
  'tickets', 'crm.schemas.tickets.read', 'crm.schemas.tickets.write',
  'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.schemas.contacts.read', 'crm.schemas.contacts.write',
  'crm.objects.owners.read',
];

export function accountRoutes(facts: AccountFacts): Route[] {
  return [
    {
      // The portal lives in UTC so the daily limit's midnight reset and these details agree.
      method: 'GET', pattern: '/account-info/v3/details',
      handle: () => ({
        status: 200,
        body: {
          portalId: facts.portalId, accountType: 'STANDARD', timeZone: 'Etc/UTC', companyCurrency: 'EUR', additionalCurrencies: [],
          utcOffset: '+00:00', utcOffsetMilliseconds: 0, uiDomain: 'app-eu1.hubspot.com', dataHostingLocation: 'eu1',
        },
      }),
    },
    {
      // Private-app / service-key token introspection; it takes the token in the body, not the header.
      method: 'POST', pattern: '/oauth/v2/private-apps/get/access-token-info', public: true,
      handle: ({ body }) => {
        const { tokenKey } = parseBody(z.object({ tokenKey: z.string().min(1) }), body);
        if (!facts.tokens.includes(tokenKey)) {
          throw new HubSpotHttpError(401, errorBody('INVALID_AUTHENTICATION', 'The access token provided is invalid, expired or revoked.'));
        }
        return { status: 200, body: { userId: 9_000_001, hubId: facts.portalId, appId: 4_242_424, scopes: [...(facts.scopes ?? ALL_SCOPES)] } };
      },
    },
  ];
}
