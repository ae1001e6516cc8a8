import { buildLanes } from './lanes';
import { makeHandoff } from '../../../test/support/db-fixtures';

const client = (name: string) => ({ name, hubspotCompanyId: null, hubspotDealId: null });

describe('swimlanes', () => {
  const columns = {
    IN_PROGRESS: [makeHandoff({ id: 'a', client: client('Northwind') }), makeHandoff({ id: 'b', client: client('Acme') })],
    READY_FOR_HANDOFF: [makeHandoff({ id: 'c', client: client('Acme'), templateId: 'tpl-qa' })],
    IN_HANDOFF: [],
    HANDOFF_DONE: [],
  };

  it('puts everything in one lane without swimlanes', () => {
    const { lanes, items } = buildLanes(columns, 'none', () => '');
    expect(lanes.map((l) => l.key)).toEqual(['all']);
    expect(items['all::IN_PROGRESS']).toEqual(['a', 'b']);
  });

  it('groups by client, alphabetically, keeping column order within a lane', () => {
    const { lanes, items } = buildLanes(columns, 'client', () => '');
    expect(lanes.map((l) => l.title)).toEqual(['Acme', 'Northwind']);
    expect(items['client:Acme::IN_PROGRESS']).toEqual(['b']);
    expect(items['client:Acme::READY_FOR_HANDOFF']).toEqual(['c']);
    expect(items['client:Northwind::IN_HANDOFF']).toEqual([]);
  });

  it('groups by template name', () => {
    const { lanes } = buildLanes(columns, 'template', (id) => (id === 'tpl-qa' ? 'Development → QA' : 'Design → Development'));
    expect(lanes.map((l) => l.title)).toEqual(['Design → Development', 'Development → QA']);
  });
});
