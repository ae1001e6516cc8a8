import { describeEvent } from './describe-event';
import { formatLocalTime } from './local-time';
import type { HandoffEvent } from './history';
import type { Owner } from './settings';

const people: Owner[] = [
  { id: 'owner-41f943b2', name: 'Maya Chen' },
  { id: '100002', name: 'Léa Martin' },
];
const options = { people, timeZone: 'Europe/Berlin' };

function event(overrides: Partial<HandoffEvent>): HandoffEvent {
  return { id: 'e', handoffId: 'h', kind: 'field_changed', actor: 'owner-41f943b2', at: '2026-12-01T09:00:00.000Z', field: null, before: null, after: null, summary: '', ...overrides };
}

describe('describeEvent: people are names, times are local, codes are words', () => {
  it('names the people of a receiver or sender change', () => {
    expect(describeEvent(event({ field: 'receiver', before: null, after: '100002', summary: 'Receiver changed from nobody to 100002' }), options)).toBe(
      'Receiver changed from nobody to Léa Martin',
    );
    expect(describeEvent(event({ field: 'sender', before: 'owner-41f943b2', after: 'gone-1' }), options)).toBe('Sender changed from Maya Chen to someone not in People');
  });

  it('names a mirrored HubSpot property in words, and a checkbox as yes or no', () => {
    const field = 'hubspotProperties.design_approved_by_client';
    expect(describeEvent(event({ field, before: null, after: 'true', summary: 'HubSpot property "design_approved_by_client" set to "true"' }), options)).toBe(
      'HubSpot field “Design approved by client” set to yes',
    );
    expect(describeEvent(event({ field, before: 'true', after: null }), options)).toBe('HubSpot field “Design approved by client” cleared');
    expect(describeEvent(event({ field: 'hubspotProperties.launch_tier', before: null, after: 'Gold' }), options)).toBe('HubSpot field “Launch tier” set to "Gold"');
  });

  it('says due times locally', () => {
    const e = event({ field: 'nextAction', after: { text: 'Kick-off call', dueAt: '2026-12-08T09:30:00.000Z' }, summary: 'Next action set to "Kick-off call", due 2026-12-08T09:30:00.000Z' });
    expect(describeEvent(e, options)).toBe('Next action set to "Kick-off call", due Tue 8 Dec, 10:30');
  });

  it('turns exception codes into words and names who resolved them', () => {
    const exception = { id: 'x', kind: 'GATE_BYPASSED', message: 'Moved in HubSpot', raisedAt: '2026-12-01T09:00:00.000Z', resolvedAt: null, resolvedBy: null, resolution: null };
    expect(describeEvent(event({ kind: 'exception_raised', after: exception, summary: 'Exception raised (GATE_BYPASSED): Moved in HubSpot' }), options)).toBe(
      'Exception raised — Gate bypassed in HubSpot: Moved in HubSpot',
    );
    const resolved = { ...exception, resolvedAt: '2026-12-01T10:00:00.000Z', resolvedBy: '100002', resolution: 'Moved it back' };
    expect(describeEvent(event({ kind: 'exception_resolved', before: exception, after: resolved, summary: 'Resolved the GATE_BYPASSED exception: Moved it back' }), options)).toBe(
      'Resolved "Gate bypassed in HubSpot" by Léa Martin: Moved it back',
    );
  });

  it('records an override with both names and the reason', () => {
    const e = event({ kind: 'accepted', field: 'state', before: 'IN_HANDOFF', after: 'HANDOFF_DONE', summary: 'Accepted by the receiver: moved to Handoff done', onBehalfOf: { person: 'owner-41f943b2', reason: 'On leave' }, actor: '100002' });
    expect(describeEvent(e, options)).toBe('Accepted by Léa Martin on behalf of Maya Chen: On leave (Accepted by the receiver: moved to Handoff done)');
  });

  it('names who gave a revoked approval; HubSpot is a name too', () => {
    const approval = { id: 'a', criterionId: 'qa', role: 'QA lead', by: '100002', at: '2026-12-01T09:00:00.000Z' };
    expect(describeEvent(event({ kind: 'approval_revoked', before: approval, summary: 'Revoked' }), options)).toBe("Revoked the QA lead's approval given by Léa Martin");
  });
});

describe('formatLocalTime', () => {
  it('reads like "Tue 9 Dec, 10:30" in the workspace zone, with the year only when it differs', () => {
    expect(formatLocalTime('2026-12-09T09:30:00.000Z', 'Europe/Berlin')).toBe('Wed 9 Dec, 10:30');
    expect(formatLocalTime('2026-12-09T09:30:00.000Z', 'America/New_York', '2026-06-01T00:00:00Z')).toBe('Wed 9 Dec, 04:30');
    expect(formatLocalTime('2027-01-05T09:30:00.000Z', 'UTC', '2026-12-01T00:00:00Z')).toBe('Tue 5 Jan 2027, 09:30');
  });
});
