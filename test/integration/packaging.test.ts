import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { extractAll, listPackage, statFile } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';

/**
 * Packs the app directory with electron-builder exactly as `npm run dist`
 * configures it (electron-builder.yml), but on a stand-in Electron
 * distribution: the real binary cannot be downloaded here. The stand-in
 * carries a genuine fuse wire, so the fuse flipping is checked too.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's default fuse states: RunAsNode, CookieEncryption, NodeOptions,
// NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolPrivileges.
const DEFAULT_FUSES = '10110001';
const MAX_ASAR_BYTES = 40 * 1024 * 1024;

function fakeElectronDist(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'locales', 'en-US.pak'), 'locale');
  writeFileSync(join(dir, 'LICENSE'), 'MIT');
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for electron"\n# '),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES, 'ascii'),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
}

function fuseWire(executable: string): string {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(Buffer.from(FUSE_SENTINEL, 'ascii')) + FUSE_SENTINEL.length;
  const length = bytes[at + 1] ?? 0;
  return bytes.subarray(at + 2, at + 2 + length).toString('ascii');
}

function topLevel(path: string): string {
  const parts = path.replace(/^[/\\]+/, '').split(/[/\\]/);
  if (parts[0] === 'node_modules') return parts[1]?.startsWith('@') === true ? `node_modules/${parts[1]}/${parts[2] ?? ''}` : `node_modules/${parts[1] ?? ''}`;
  return parts[0] ?? '';
}

describe('packaged app (electron-builder --dir on a stand-in Electron)', () => {
  let work: string;
  let asarPath: string;
  let executable: string;
  let files: string[];
  let extracted: string;

  beforeAll(async () => {
    if (!existsSync(join(repo, 'dist/index.html')) || !existsSync(join(repo, 'dist-electron/main.js')) || !existsSync(join(repo, 'dist-electron/preload.cjs'))) {
      execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'pipe' });
    }
    work = mkdtempSync(join(tmpdir(), 'baton-pack-'));
    const electronDist = join(work, 'electron-dist');
    fakeElectronDist(electronDist);
    await build({
      projectDir: repo,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: { electronDist, directories: { output: join(work, 'release') } },
    });
    const appDir = join(work, 'release', 'linux-unpacked');
    asarPath = join(appDir, 'resources', 'app.asar');
    executable = join(appDir, 'baton');
    files = listPackage(asarPath, { isPack: false });
    extracted = join(work, 'extracted');
    extractAll(asarPath, extracted);
  }, 180_000);

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('contains the built app and its entry points', () => {
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/dist/index.html', '/dist-electron/main.js', '/dist-electron/preload.cjs']));
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { main: string };
    expect(files).toContain(`/${manifest.main}`);
  });

  it('ships only built files, package.json and runtime dependencies', () => {
    const roots = new Set(files.map(topLevel));
    const allowedRoots = new Set(['dist', 'dist-electron', 'package.json', 'node_modules']);
    for (const root of roots) {
      if (root.startsWith('node_modules/')) continue;
      expect(allowedRoots.has(root), `unexpected ${root} in app.asar`).toBe(true);
    }
    expect(roots).toContain('node_modules/zod');
    expect(roots).toContain('node_modules/@hubspot/api-client');
  });

  it('leaves out sources, tests, fixtures, maps and dev dependencies', () => {
    const forbidden = [/^\/(electron|renderer|shared|test|scripts|build)\//, /\.test\.[cm]?[jt]sx?$/, /^\/dist(-electron)?\/.*\.map$/, /\/fixtures?\//];
    for (const pattern of forbidden) expect(files.filter((file) => pattern.test(file))).toEqual([]);
    for (const dev of ['electron', 'electron-builder', 'vite', 'vitest', 'react', 'dexie', 'typescript', 'playwright-core', 'fast-check', 'eslint']) {
      expect(files.some((file) => file.startsWith(`/node_modules/${dev}/`)), `${dev} must not be packaged`).toBe(false);
    }
  });

  it('stays small', () => {
    const total = files.reduce((sum, file) => {
      const entry = statFile(asarPath, file.slice(1)) as { size?: number };
      return sum + (entry.size ?? 0);
    }, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(MAX_ASAR_BYTES);
  });

  it('resolves its runtime dependencies from inside the archive', () => {
    const requireFromApp = createRequire(join(extracted, 'dist-electron', 'main.js'));
    const zod = requireFromApp('zod') as { z?: { string?: unknown } };
    expect(typeof zod.z?.string).toBe('function');
    const hubspot = requireFromApp('@hubspot/api-client') as { Client?: unknown };
    expect(typeof hubspot.Client).toBe('function');
    expect(requireFromApp.resolve('@hubspot/api-client').startsWith(extracted)).toBe(true);
  });

  it('has a preload that needs nothing but electron (the sandbox allows no other require)', () => {
    const preload = readFileSync(join(extracted, 'dist-electron', 'preload.cjs'), 'utf8');
    const required = new Set([...preload.matchAll(/require\((["'])([^"']+)\1\)/g)].map((match) => match[2]));
    expect([...required]).toEqual(['electron']);
  });

  it('flips the security fuses in the executable', () => {
    // 0 = off, 1 = on: RunAsNode off, cookie encryption on, NODE_OPTIONS off,
    // --inspect off, asar integrity on, only-load-from-asar on, last two untouched.
    expect(fuseWire(executable)).toBe('01001101');
  });
});
