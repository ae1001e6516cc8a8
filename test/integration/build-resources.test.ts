import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// Both ship with electron-builder (no type declarations, hence require + the shapes used here).
const require = createRequire(import.meta.url);
interface PNG {
  width: number;
  height: number;
  data: Buffer;
}
const { PNG } = require('pngjs') as { PNG: { sync: { read(bytes: Buffer): PNG } } };
const { load } = require('js-yaml') as { load(text: string): unknown };

const repo = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(`${repo}/${path}`);

function decodePng(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}

function alphaAt(png: PNG, x: number, y: number): number {
  return png.data[(y * png.width + x) * 4 + 3] ?? -1;
}

describe('packaging resources', () => {
  it('has a 1024×1024 PNG icon, transparent at the corners and opaque inside', () => {
    const icon = decodePng(read('build/icon.png'));
    expect([icon.width, icon.height]).toEqual([1024, 1024]);
    expect(alphaAt(icon, 0, 0)).toBe(0);
    expect(alphaAt(icon, 512, 512)).toBe(255);
  });

  it('has a Windows .ico with PNG images up to 256 px', () => {
    const ico = read('build/icon.ico');
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const entry = 6 + index * 16;
      const size = ico[entry] === 0 ? 256 : (ico[entry] ?? 0);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      const png = decodePng(ico.subarray(offset, offset + length));
      expect(png.width).toBe(size);
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('has a macOS .icns whose blocks are PNGs of the declared sizes', () => {
    const icns = read('build/icon.icns');
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const expected: Record<string, number> = { icp4: 16, icp5: 32, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic14: 512 };
    const found: Record<string, number> = {};
    for (let offset = 8; offset < icns.length; ) {
      const type = icns.subarray(offset, offset + 4).toString('ascii');
      const length = icns.readUInt32BE(offset + 4);
      found[type] = decodePng(icns.subarray(offset + 8, offset + length)).width;
      offset += length;
    }
    expect(found).toMatchObject(expected);
  });

  it('grants the hardened runtime only JIT', () => {
    const plist = read('build/entitlements.mac.plist').toString('utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('configures electron-builder as the release needs', () => {
    const config = load(read('electron-builder.yml').toString('utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({
      appId: 'com.baton.app',
      productName: 'Baton',
      directories: { output: 'release' },
      asar: true,
      mac: { hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist', category: 'public.app-category.productivity' },
      linux: { target: ['AppImage'] },
      fileAssociations: [expect.objectContaining({ ext: 'batonbackup', name: 'Baton backup' })],
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableCookieEncryption: true,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
      },
    });
    const mac = config.mac as { target: { target: string; arch: string[] }[] };
    expect(mac.target.map((target) => target.target).sort()).toEqual(['dmg', 'zip']);
    for (const target of mac.target) expect(target.arch.sort()).toEqual(['arm64', 'x64']);
    const win = config.win as { target: { target: string; arch: string[] }[] };
    expect(win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'dist-electron/**', 'package.json']));
  });
});
