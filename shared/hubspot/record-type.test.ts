import { canonicalPropertyName, DEAL_STAGE_PROBABILITY, RECORD_TYPE, stageClosure, stageMetadata, wirePropertyName } from './record-type';
import { missingScopes, scopeList } from './scopes';
import { HANDOFF_STATES } from '../domain/states';

describe('record type', () => {
  it('renames Baton’s canonical built-in properties to a ticket’s own, and back', () => {
    expect(['dealname', 'pipeline', 'dealstage', 'baton_id'].map((n) => wirePropertyName('tickets', n))).toEqual(['subject', 'hs_pipeline', 'hs_pipeline_stage', 'baton_id']);
    expect(['subject', 'hs_pipeline', 'hs_pipeline_stage', 'baton_id'].map((n) => canonicalPropertyName('tickets', n))).toEqual(['dealname', 'pipeline', 'dealstage', 'baton_id']);
    expect(wirePropertyName('deals', 'dealstage')).toBe('dealstage');
  });

  it('uses HubSpot’s association type ids for notes and tasks on each record type', () => {
    expect([RECORD_TYPE.deals.noteToRecord, RECORD_TYPE.deals.taskToRecord, RECORD_TYPE.tickets.noteToRecord, RECORD_TYPE.tickets.taskToRecord]).toEqual([214, 216, 228, 230]);
  });

  it('creates no deal stage at closed won or lost, and closes only the done ticket stage', () => {
    for (const state of HANDOFF_STATES) {
      const probability = Number(DEAL_STAGE_PROBABILITY[state]);
      expect(probability > 0 && probability < 1).toBe(true);
      expect(stageClosure('deals', stageMetadata('deals', state))).toBe('open');
    }
    expect(HANDOFF_STATES.map((s) => stageClosure('tickets', stageMetadata('tickets', s)))).toEqual(['open', 'open', 'open', 'closed']);
  });

  it('reads HubSpot’s closed stages: probability 1.0 won, 0.0 lost, isClosed, ticketState', () => {
    expect(stageClosure('deals', { probability: '1.0', isClosed: 'true' })).toBe('won');
    expect(stageClosure('deals', { probability: '0.0' })).toBe('lost');
    expect(stageClosure('deals', { probability: '0.5', isClosed: 'false' })).toBe('open');
    expect(stageClosure('tickets', { ticketState: 'CLOSED' })).toBe('closed');
    expect(stageClosure('tickets', undefined)).toBe('open');
  });
});

describe('scopes', () => {
  it('names what a record type lacks, common scopes first', () => {
    expect(missingScopes(['tickets', 'crm.objects.owners.read'], 'tickets')).toEqual(['crm.objects.contacts.read', 'crm.objects.contacts.write']);
    expect(missingScopes(['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.owners.read', 'tickets'], 'tickets')).toEqual([]);
    expect(scopeList(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
