import { appLocationFrom, isAppUrl } from './app-location';

describe('isAppUrl', () => {
  const packaged = appLocationFrom(undefined, '/opt/baton/resources/app.asar/dist/index.html');
  const dev = appLocationFrom('http://127.0.0.1:5173/', '/unused/index.html');

  it('accepts pages inside the built renderer folder only', () => {
    expect(isAppUrl('file:///opt/baton/resources/app.asar/dist/index.html', packaged)).toBe(true);
    expect(isAppUrl('file:///opt/baton/resources/app.asar/dist/assets/x.js', packaged)).toBe(true);
    expect(isAppUrl('file:///opt/baton/resources/app.asar/dist/../../secret.html', packaged)).toBe(false);
    expect(isAppUrl('file:///opt/baton/resources/app.asar/distant/index.html', packaged)).toBe(false);
    expect(isAppUrl('file://remote-host/opt/baton/resources/app.asar/dist/index.html', packaged)).toBe(false);
    expect(isAppUrl('https://example.com/', packaged)).toBe(false);
    expect(isAppUrl(undefined, packaged)).toBe(false);
    expect(isAppUrl('::garbage', packaged)).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    expect(isAppUrl('http://127.0.0.1:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('file:///opt/baton/resources/app.asar/dist/index.html', dev)).toBe(false);
  });
});
