import { describe, expect, it } from 'vitest';
import type { HubSpotOwner } from '../../shared/sync/protocol';
import { readableFor } from './owners';

const owner = (id: string, firstName: string | null, lastName: string | null, email: string | null = null): HubSpotOwner => ({ id, firstName, lastName, email, userId: null, archived: false });

describe('names and zone for the deal timeline', () => {
  it("prefers the workspace's People, fills in HubSpot's owners by name (or email), and keeps the workspace zone", () => {
    const readable = readableFor({ people: [{ id: '1', name: 'Ada L.' }], timeZone: 'Europe/Berlin' }, [owner('1', 'Ada', 'Lovelace'), owner('2', 'Grace', 'Hopper'), owner('3', null, null, 'lin@example.com'), owner('4', null, null)]);
    expect(readable).toEqual({
      people: [
        { id: '1', name: 'Ada L.' },
        { id: '2', name: 'Grace Hopper' },
        { id: '3', name: 'lin@example.com' },
      ],
      timeZone: 'Europe/Berlin',
    });
  });

  it('reads times in UTC when the renderer sent no zone', () => {
    expect(readableFor(undefined, [])).toEqual({ people: [], timeZone: 'UTC' });
  });
});
