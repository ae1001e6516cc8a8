import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOnScreen, loadWindowState, saveWindowState, windowStateFrom } from './window-bounds';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const twoScreens = [...screen, { x: 1920, y: 0, width: 1280, height: 1024 }];

describe('window bounds', () => {
  let file: string;
  beforeEach(() => {
    file = join(mkdtempSync(join(tmpdir(), 'baton-bounds-')), 'nested', 'window-state.json');
  });

  it('round-trips valid bounds', () => {
    saveWindowState(file, { x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(loadWindowState(file, screen)).toEqual({ ok: true, state: { x: 10, y: 20, width: 1200, height: 800, maximized: true } });
  });

  it('reports a missing file, corrupt JSON and out-of-range values', () => {
    expect(loadWindowState(file, screen)).toMatchObject({ ok: false, reason: 'missing' });
    saveWindowState(file, { x: 0, y: 0, width: 900, height: 600, maximized: false });
    writeFileSync(file, 'not json');
    expect(loadWindowState(file, screen)).toMatchObject({ ok: false, reason: 'corrupt' });
    writeFileSync(file, JSON.stringify({ x: 0, y: 0, width: 10, height: 600, maximized: false }));
    expect(loadWindowState(file, screen)).toMatchObject({ ok: false, reason: 'invalid' });
    writeFileSync(file, JSON.stringify({ x: 'a', y: 0, width: 900, height: 600, maximized: false }));
    expect(loadWindowState(file, screen)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('rejects bounds on a display that is no longer attached', () => {
    saveWindowState(file, { x: 2000, y: 100, width: 1000, height: 700, maximized: false });
    expect(loadWindowState(file, twoScreens).ok).toBe(true);
    expect(loadWindowState(file, screen)).toMatchObject({ ok: false, reason: 'off-screen' });
  });

  it('needs the title bar on screen, not just a corner', () => {
    expect(isOnScreen({ x: 1900, y: 100, width: 1000, height: 700 }, screen)).toBe(false);
    expect(isOnScreen({ x: 100, y: -600, width: 1000, height: 700 }, screen)).toBe(false);
    expect(isOnScreen({ x: -500, y: 0, width: 1000, height: 700 }, screen)).toBe(true);
  });

  it('clamps live bounds into range before saving', () => {
    expect(windowStateFrom({ x: 1.4, y: 2.6, width: 300, height: 100 }, false)).toEqual({ x: 1, y: 3, width: 800, height: 560, maximized: false });
  });
});
