import { notFound, validationError } from '../errors';
import type { Route } from '../router';

const OWNERS_MAX_PAGE = 500;

export const ownerRoutes: Route[] = [
  {
    method: 'GET', pattern: '/crm/v3/owners', scope: () => 'crm.objects.owners.read',
    handle: ({ portal, query }) => {
      const limit = Number(query.get('limit') ?? '100');
      if (!Number.isInteger(limit) || limit < 1 || limit > OWNERS_MAX_PAGE) throw validationError(`limit must be an integer from 1 to ${OWNERS_MAX_PAGE}, got ${query.get('limit') ?? ''}.`);
      const archived = query.get('archived') === 'true';
      const email = query.get('email')?.toLowerCase();
      const all = portal.owners.filter((o) => o.archived === archived && (email === undefined || o.email.toLowerCase() === email));
      const after = query.get('after');
      const start = after ? all.findIndex((o) => o.id === after) + 1 : 0;
      if (after && start === 0) throw validationError(`after "${after}" is not a valid paging cursor.`);
      const page = all.slice(start, start + limit);
      const last = page[page.length - 1];
      const more = start + limit < all.length && last !== undefined;
      return {
        status: 200,
        body: { results: page.map((o) => ({ ...o, teams: o.teams.map((t) => ({ ...t })) })), ...(more ? { paging: { next: { after: last.id, link: `?after=${last.id}` } } } : {}) },
      };
    },
  },
  {
    method: 'GET', pattern: '/crm/v3/owners/:ownerId', scope: () => 'crm.objects.owners.read',
    handle: ({ portal, params, query }) => {
      const byUserId = query.get('idProperty') === 'userId';
      const owner = portal.owners.find((o) => (byUserId ? String(o.userId) : o.id) === params.ownerId);
      if (!owner) throw notFound(`Owner ${params.ownerId ?? ''} not found.`);
      return { status: 200, body: { ...owner, teams: owner.teams.map((t) => ({ ...t })) } };
    },
  },
];
