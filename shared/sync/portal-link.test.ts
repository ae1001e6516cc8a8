import { decidePortalLink, linkedPortalNumber, portalKey } from './portal-link';

describe('which portal a connect links the workspace to', () => {
  it('adopts the connected portal when none is recorded yet', () => {
    expect(decidePortalLink(null, 4242)).toEqual({ kind: 'adopt', portalId: '4242' });
  });

  it('keeps everything when the token is for the portal already linked', () => {
    expect(decidePortalLink('4242', 4242)).toEqual({ kind: 'same', portalId: '4242' });
  });

  it('asks before switching when the token is for another portal', () => {
    expect(decidePortalLink('4242', 5151)).toEqual({ kind: 'switch', from: '4242', to: '5151' });
  });

  it('treats a damaged record as another portal: only proof of the same one keeps the links', () => {
    expect(decidePortalLink('', 4242)).toEqual({ kind: 'switch', from: '', to: '4242' });
    expect(decidePortalLink('04242', 4242)).toEqual({ kind: 'switch', from: '04242', to: '4242' });
    expect(decidePortalLink('4242 ', 4242)).toMatchObject({ kind: 'switch' });
  });

  it('records the portal as its decimal hub id', () => {
    expect(portalKey(1_234_567)).toBe('1234567');
  });
});

describe('the linked portal as the host checks it', () => {
  it('reads a recorded hub id', () => {
    expect(linkedPortalNumber('1234567')).toBe(1_234_567);
  });

  it('has none when nothing is recorded', () => {
    expect(linkedPortalNumber(null)).toBeNull();
  });

  it('refuses what is not a hub id instead of guessing', () => {
    for (const damaged of ['', '0', '-5', '12.5', 'abc', '01234', '99999999999999999999']) expect(linkedPortalNumber(damaged), damaged).toBeNull();
  });
});
