import { makeHandoff } from '../../../test/support/db-fixtures';
import { DEFAULT_CLIENT_UPDATE_TEMPLATE, draftClientUpdate } from './draft-client-update';

const context = { ownerName: (id: string | null) => (id === 'sam' ? 'Sam Ortiz' : (id ?? 'Unassigned')), timeZone: 'Europe/Berlin' };
const handoff = makeHandoff({
  title: 'Spring sale landing page',
  receiver: 'sam',
  nextAction: { text: 'Kick-off call', dueAt: '2026-11-26T14:00:00.000Z' },
});

describe('draftClientUpdate', () => {
  it('fills every field from the card, the due time in the workspace zone', () => {
    const draft = draftClientUpdate('Hi {client}, "{title}" is with {receiver}. Next: {nextAction} by {due}.', handoff, context);
    expect(draft).toEqual({ body: 'Hi Acme Co, "Spring sale landing page" is with Sam Ortiz. Next: Kick-off call by Thu, 26 Nov 2026, 15:00.', missing: [] });
  });

  it('fills a field used twice, and leaves unknown placeholders as typed', () => {
    expect(draftClientUpdate('{client} / {client} / {budget}', handoff, context).body).toBe('Acme Co / Acme Co / {budget}');
  });

  it('leaves visible gaps for what the card lacks, and lists them', () => {
    const draft = draftClientUpdate('{receiver} will {nextAction} by {due}.', makeHandoff({ receiver: null, nextAction: null }), context);
    expect(draft).toEqual({ body: '[receiver not assigned] will [next action not set] by [no due date].', missing: ['receiver', 'nextAction', 'due'] });
  });

  it('uses a default text when the template has none', () => {
    expect(draftClientUpdate('  ', handoff, context).body).toBe(draftClientUpdate(DEFAULT_CLIENT_UPDATE_TEMPLATE, handoff, context).body);
    expect(draftClientUpdate('', handoff, context).body).toContain('Spring sale landing page');
  });
});
