import { Client } from '@hubspot/api-client';
import { startHubSpotPortals, type HubSpotPortals } from './portals';

const A = { portalId: 1_111_111, tokens: ['token-a'] };
const B = { portalId: 2_222_222, tokens: ['token-b'] };

let hub: HubSpotPortals;
beforeAll(async () => {
  hub = await startHubSpotPortals([A, B]);
});
afterAll(async () => {
  await hub.close();
});

function client(token: string): Client {
  return new Client({ accessToken: token, basePath: hub.baseUrl, numberOfApiCallRetries: 0 });
}

describe('several portals behind one API host', () => {
  it('acts in the portal the token belongs to, with the same record ids in each', async () => {
    const details = async (token: string) => (await client(token).apiRequest({ method: 'GET', path: '/account-info/v3/details' })).json() as Promise<{ portalId: number }>;
    expect((await details('token-a')).portalId).toBe(A.portalId);
    expect((await details('token-b')).portalId).toBe(B.portalId);

    const inA = await client('token-a').crm.deals.basicApi.create({ properties: { dealname: 'Only in A' }, associations: [] });
    const inB = await client('token-b').crm.deals.basicApi.create({ properties: { dealname: 'Only in B' }, associations: [] });
    // HubSpot numbers records per portal: the same id names two unrelated deals.
    expect(inB.id).toBe(inA.id);
    expect(hub.portals[0]?.state.deals.map((d) => d.properties['dealname'])).toEqual(['Only in A']);
    expect(hub.portals[1]?.state.deals.map((d) => d.properties['dealname'])).toEqual(['Only in B']);
    expect((await client('token-b').crm.deals.basicApi.getById(inA.id, ['dealname'])).properties['dealname']).toBe('Only in B');
  });

  it('introspects a token in its own portal and refuses an unknown token with HubSpot\'s 401', async () => {
    const info = await fetch(`${hub.baseUrl}/oauth/v2/private-apps/get/access-token-info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tokenKey: 'token-b' }),
    });
    expect(await info.json()).toMatchObject({ hubId: B.portalId });

    const unknown = await client('token-c').apiRequest({ method: 'GET', path: '/account-info/v3/details' });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
  });
});
