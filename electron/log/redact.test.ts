import fc from 'fast-check';
import { redact, redactText } from './redact';

describe('redact', () => {
  it.each([
    ['token pat-na1-a1b2c3d4-e5f6-7890-abcd-ef0123456789 failed', 'pat-na1'],
    ['Authorization: Bearer eyJhbGciOi.payload.sig', 'eyJhbGciOi'],
    ['sent to jane.doe+pm@agency.co.uk', 'jane.doe'],
    ['{"access_token":"abc123secret"}', 'abc123secret'],
    ['token=abc123secret&x=1', 'abc123secret'],
  ])('strips secrets from %s', (text, secret) => {
    const out = redactText(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('blanks values under secret-sounding keys, deeply', () => {
    const out = redact({
      token: 'anything',
      nested: { Authorization: 'x', hubspotApiKey: 'y', list: [{ clientSecret: 'z', note: 'call bob@client.com' }] },
      count: 3,
      ok: true,
      none: null,
    });
    expect(out).toEqual({
      token: '[redacted]',
      nested: { Authorization: '[redacted]', hubspotApiKey: '[redacted]', list: [{ clientSecret: '[redacted]', note: 'call [redacted]' }] },
      count: 3,
      ok: true,
      none: null,
    });
  });

  it('keeps ordinary text intact', () => {
    expect(redactText('Handoff h-12 moved to IN_HANDOFF by owner 42')).toBe('Handoff h-12 moved to IN_HANDOFF by owner 42');
  });

  it('never lets an embedded HubSpot token through', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[a-f0-9]{8}-[a-f0-9]{4}$/), fc.string(), (before, id, after) => {
        const token = `pat-eu1-${id}`;
        expect(redactText(`${before} ${token} ${after}`)).not.toContain(token);
      }),
    );
  });

  it('survives cycles-free deep nesting and errors', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let index = 0; index < 20; index += 1) {
      const next: Record<string, unknown> = {};
      cursor.child = next;
      cursor = next;
    }
    expect(JSON.stringify(redact(deep))).toContain('[too deep]');
    expect(redact(new Error('boom for a@b.io'))).toEqual({ name: 'Error', message: 'boom for [redacted]' });
  });
});
