import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `npm start` end to end, with a stand-in for the Electron binary (the real
 * one cannot be downloaded here): the stand-in records what it was started
 * with, fetches the renderer from the dev server, and exits — which must end
 * the dev session cleanly.
 */
describe('scripts/dev.mjs', () => {
  it('serves the renderer, builds main and preload, and launches Electron pointed at the dev server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-dev-'));
    const report = join(dir, 'report.txt');
    const fakeElectron = join(dir, 'electron');
    writeFileSync(
      fakeElectron,
      [
        '#!/bin/sh',
        `echo "url=$VITE_DEV_SERVER_URL" > "${report}"`,
        `echo "args=$*" >> "${report}"`,
        `node -e "fetch(process.env.VITE_DEV_SERVER_URL).then(r=>r.text()).then(t=>require('fs').appendFileSync('${report}', 'html=' + (t.includes('id=\\"root\\"') ? 'ok' : 'missing') + '\\n'))"`,
        'exit 0',
        '',
      ].join('\n'),
    );
    chmodSync(fakeElectron, 0o755);
    const port = await freePort();
    const child = spawn(process.execPath, ['scripts/dev.mjs'], {
      cwd: repo,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dir, BATON_DEV_PORT: String(port), BATON_DEV_OUT_DIR: join(dir, 'out') },
      stdio: 'pipe',
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output).toBe(0);
    expect(existsSync(report), output).toBe(true);
    const lines = readFileSync(report, 'utf8');
    expect(lines).toContain(`url=http://127.0.0.1:${port}/`);
    expect(lines).toContain(`args=${join(dir, 'out', 'main.js')}`);
    expect(lines).toContain('html=ok');
    expect(existsSync(join(dir, 'out', 'main.js'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'preload.cjs'))).toBe(true);
  }, 90_000);
});
