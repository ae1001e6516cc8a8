import { TEMPLATE, PIPELINE, STAGE_IDS, makeCompleteHandoff, makeHandoff } from '../../test/integration/sync/fixtures';
import { dealToHandoffFields, handoffToDealProperties, normalizeDealProperties, parseTemplateKey, stateForStage } from './mapping';
import { criterionPropertyName, mappedPropertyNames, normalizePropertyValue, propertyDefinitionsFor } from './properties';

describe('handoffToDealProperties', () => {
  it('maps core fields, stage and every criterion kind', () => {
    const props = handoffToDealProperties(makeCompleteHandoff({ state: 'IN_HANDOFF', bounceCount: 2 }), TEMPLATE, PIPELINE);
    expect(props).toMatchObject({
      baton_id: 'h-1',
      baton_template: 'sync-test@1',
      dealname: 'Homepage redesign',
      pipeline: 'pipeline-handoffs',
      dealstage: 'stage-handoff',
      hubspot_owner_id: 'owner-1',
      baton_receiver_owner_id: 'owner-2',
      baton_next_action: 'Kick-off call',
      baton_next_action_due: '2027-01-10T10:00:00.000Z',
      baton_bounce_count: '2',
      baton_client: 'Acme',
      assets_ready: 'true',
      brief_link: 'https://example.com/brief',
      receiver_set: 'true',
      next_step: '2027-01-10T10:00:00.000Z',
      client_told: 'true',
      lead_approval: 'true',
      design_approved_by_client: 'true',
    });
  });

  it('maps an empty handoff to false / empty values', () => {
    const props = handoffToDealProperties(makeHandoff({ sender: null }), TEMPLATE, PIPELINE);
    expect(props).toMatchObject({
      hubspot_owner_id: null,
      baton_receiver_owner_id: null,
      baton_next_action: null,
      assets_ready: 'false',
      brief_link: null,
      receiver_set: 'false',
      next_step: null,
      client_told: 'false',
      lead_approval: 'false',
      design_approved_by_client: null,
    });
  });
});

describe('dealToHandoffFields', () => {
  it('reads back only the properties given', () => {
    const fields = dealToHandoffFields({ dealname: 'New name', dealstage: 'stage-ready', assets_ready: 'true', lead_approval: 'false' }, TEMPLATE, STAGE_IDS);
    expect(fields).toEqual({ title: 'New name', state: 'READY_FOR_HANDOFF', criteria: { assets_ready: true, lead_approval: false } });
  });

  it('round-trips what handoffToDealProperties wrote', () => {
    const handoff = makeCompleteHandoff({ state: 'READY_FOR_HANDOFF', bounceCount: 3 });
    const fields = dealToHandoffFields(handoffToDealProperties(handoff, TEMPLATE, PIPELINE), TEMPLATE, STAGE_IDS);
    expect(fields).toMatchObject({
      title: handoff.title,
      state: 'READY_FOR_HANDOFF',
      sender: 'owner-1',
      receiver: 'owner-2',
      nextActionText: 'Kick-off call',
      nextActionDue: '2027-01-10T10:00:00.000Z',
      bounceCount: 3,
      clientName: 'Acme',
      criteria: { assets_ready: true, lead_approval: true },
      contextLinks: { brief_link: 'https://example.com/brief' },
      hubspotProperties: { design_approved_by_client: 'true' },
    });
  });

  it('gives null for a stage outside the pipeline and ignores a non-numeric bounce count', () => {
    expect(dealToHandoffFields({ dealstage: 'appointmentscheduled', baton_bounce_count: 'x' }, TEMPLATE, STAGE_IDS)).toEqual({ state: null });
    expect(stateForStage(null, STAGE_IDS)).toBeNull();
  });
});

describe('properties', () => {
  it('normalises HubSpot spellings', () => {
    expect(normalizePropertyValue('datetime', '2027-01-10T10:00:00Z')).toBe('2027-01-10T10:00:00.000Z');
    expect(normalizePropertyValue('datetime', String(Date.parse('2027-01-10T10:00:00Z')))).toBe('2027-01-10T10:00:00.000Z');
    expect(normalizePropertyValue('bool', 'TRUE')).toBe('true');
    expect(normalizePropertyValue('number', '2.0')).toBe('2');
    expect(normalizePropertyValue('string', '')).toBeNull();
    expect(normalizePropertyValue('string', undefined)).toBeNull();
    expect(normalizeDealProperties({ baton_next_action_due: '2027-01-10T10:00:00Z', extra: 'x' }, ['baton_next_action_due'], TEMPLATE)).toEqual({
      baton_next_action_due: '2027-01-10T10:00:00.000Z',
    });
  });

  it('defines one property per criterion with the right type, plus the unique baton_id', () => {
    const defs = propertyDefinitionsFor([TEMPLATE, TEMPLATE]);
    const byName = new Map(defs.map((d) => [d.name, d]));
    expect(byName.get('baton_id')).toMatchObject({ type: 'string', hasUniqueValue: true, groupName: 'baton' });
    expect(byName.get('assets_ready')).toMatchObject({ type: 'bool', fieldType: 'booleancheckbox' });
    expect(byName.get('lead_approval')).toMatchObject({ type: 'bool' });
    expect(byName.get('brief_link')).toMatchObject({ type: 'string', fieldType: 'text' });
    expect(byName.get('next_step')).toMatchObject({ type: 'datetime' });
    expect(byName.get('baton_next_action_due')).toMatchObject({ type: 'datetime' });
    expect(byName.get('design_approved_by_client')).toMatchObject({ type: 'string' });
    expect(new Set(defs.map((d) => d.name)).size).toBe(defs.length);
    expect(mappedPropertyNames([TEMPLATE])).toEqual(expect.arrayContaining(['dealname', 'dealstage', 'pipeline', 'hubspot_owner_id', 'baton_id']));
    const hubspotCriterion = TEMPLATE.criteria.find((c) => c.kind === 'hubspot_property');
    expect(hubspotCriterion && criterionPropertyName(hubspotCriterion)).toBe('design_approved_by_client');
  });

  it('parses template keys', () => {
    expect(parseTemplateKey('design-to-dev@3')).toEqual({ templateId: 'design-to-dev', templateVersion: 3 });
    expect(parseTemplateKey('nope')).toBeNull();
    expect(parseTemplateKey('x@0')).toBeNull();
    expect(parseTemplateKey(null)).toBeNull();
  });
});
