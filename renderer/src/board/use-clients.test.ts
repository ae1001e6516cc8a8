import { loadClientNames } from './use-clients';
import { dbWithTemplates, makeHandoff } from '../../../test/support/db-fixtures';

describe('loadClientNames', () => {
  it('lists each client once, in index order, however many cards each has', async () => {
    const db = await dbWithTemplates();
    expect(await loadClientNames(db)).toEqual([]);
    const clients = ['Globex', 'Acme Co', 'Zeta', 'Acme Co', 'acme co', 'Globex', 'Ünver & Söhne', 'Acme Co'];
    await db.handoffs.bulkAdd(clients.map((name, index) => makeHandoff({ id: `h-${index}`, client: { name, hubspotCompanyId: null, hubspotDealId: null } })));
    expect(await loadClientNames(db)).toEqual(['Acme Co', 'Globex', 'Zeta', 'acme co', 'Ünver & Söhne']);
    expect(await loadClientNames(db)).toEqual(await db.handoffs.orderBy('client.name').uniqueKeys());
    db.close();
  });
});
