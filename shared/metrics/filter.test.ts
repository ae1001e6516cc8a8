import { makeHandoff, createdEvent } from '../domain/fixtures';
import { eventsOf, filterHandoffs } from './filter';

const acme = { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null };
const beta = { name: 'Beta', hubspotCompanyId: null, hubspotDealId: null };

describe('filterHandoffs', () => {
  const handoffs = [
    makeHandoff({ id: 'a', client: acme, templateId: 't1', sender: 'sam', receiver: 'dana' }),
    makeHandoff({ id: 'b', client: beta, templateId: 't1', sender: 'dana', receiver: null }),
    makeHandoff({ id: 'c', client: acme, templateId: 't2', sender: 'lee', receiver: 'sam' }),
    makeHandoff({ id: 'd', client: acme, templateId: 't1', sender: 'sam', archivedAt: '2026-11-21T09:00:00Z' }),
  ];
  const ids = (filter: Parameters<typeof filterHandoffs>[1]) => filterHandoffs(handoffs, filter).map((handoff) => handoff.id);

  it('keeps everything not archived with no filter', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
  });

  it('filters by exact client, template and owner (sender or receiver); empty values mean no filter', () => {
    expect(ids({ clientName: 'Acme' })).toEqual(['a', 'c']);
    expect(ids({ clientName: 'acme' })).toEqual([]);
    expect(ids({ templateId: 't1' })).toEqual(['a', 'b']);
    expect(ids({ owner: 'sam' })).toEqual(['a', 'c']);
    expect(ids({ owner: 'dana', templateId: 't1' })).toEqual(['a', 'b']);
    expect(ids({ clientName: '', templateId: '', owner: '' })).toEqual(['a', 'b', 'c']);
  });

  it('with a period keeps handoffs live at some point in it', () => {
    const period = { from: '2026-11-16T00:00:00Z', to: '2026-11-23T00:00:00Z' };
    const timeline = [
      makeHandoff({ id: 'open-before', createdAt: '2026-11-01T09:00:00Z' }),
      makeHandoff({ id: 'created-after', createdAt: '2026-11-23T00:00:00Z' }),
      makeHandoff({ id: 'archived-before', createdAt: '2026-11-01T09:00:00Z', archivedAt: '2026-11-15T23:59:59Z' }),
      makeHandoff({ id: 'archived-during', createdAt: '2026-11-01T09:00:00Z', archivedAt: '2026-11-16T00:00:00Z' }),
      makeHandoff({ id: 'done-before', createdAt: '2026-11-01T09:00:00Z', state: 'HANDOFF_DONE', stateEnteredAt: '2026-11-10T09:00:00Z' }),
      makeHandoff({ id: 'done-during', createdAt: '2026-11-01T09:00:00Z', state: 'HANDOFF_DONE', stateEnteredAt: '2026-11-18T09:00:00Z' }),
    ];
    expect(filterHandoffs(timeline, { period }).map((handoff) => handoff.id)).toEqual(['open-before', 'archived-during', 'done-during']);
  });

  it('refuses a period that is not one', () => {
    expect(() => filterHandoffs(handoffs, { period: { from: '2026-11-23T00:00:00Z', to: '2026-11-16T00:00:00Z' } })).toThrow('The period must end after it starts');
  });
});

describe('eventsOf', () => {
  it('keeps only the events of the given handoffs', () => {
    const events = [createdEvent('a', '2026-11-02T09:00:00Z'), createdEvent('b', '2026-11-02T09:00:00Z')];
    expect(eventsOf(events, [{ id: 'b' }]).map((event) => event.handoffId)).toEqual(['b']);
    expect(eventsOf(events, [])).toEqual([]);
  });
});
