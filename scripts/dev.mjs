// `npm start`: the renderer on Vite's dev server (hot reload), main and preload
// rebuilt on change, and Electron restarted whenever either rebuilds.
// BATON_DEV_PORT overrides the port (the renderer's CSP allows 5173 for HMR);
// BATON_DEV_OUT_DIR builds main/preload elsewhere (tests, so they never race
// a real build writing dist-electron/).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build, createServer } from 'vite';

const require = createRequire(import.meta.url);
const port = Number(process.env.BATON_DEV_PORT ?? 5173);
const devUrl = `http://127.0.0.1:${port}/`;
const outDir = process.env.BATON_DEV_OUT_DIR === undefined ? undefined : resolve(process.env.BATON_DEV_OUT_DIR);
// Electron runs the app folder (package.json → dist-electron/main.js), or the
// relocated main bundle when the output folder is overridden.
const electronArgs = outDir === undefined ? ['.'] : [join(outDir, 'main.js')];

/** The binary the `electron` package points at (it downloads it on first use). */
function electronBinary() {
  const path = require('electron');
  if (typeof path !== 'string') throw new Error('The electron package did not resolve to a binary path; is it installed?');
  return path;
}

let server = null;
const watchers = [];
let electronProcess = null;
let stopping = false;
// Restarts are chained so two quick rebuilds (main + preload) never race.
let restartChain = Promise.resolve();

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (electronProcess !== null && electronProcess.exitCode === null) electronProcess.kill();
  for (const watcher of watchers) await watcher.close();
  if (server !== null) await server.close();
  process.exit(code);
}

function startElectron() {
  const child = spawn(electronBinary(), electronArgs, {
    stdio: 'inherit',
    env: { ...process.env, VITE_DEV_SERVER_URL: devUrl },
  });
  child.on('exit', (code) => {
    // The user closing Electron ends the session; a restart we caused does not.
    if (child === electronProcess && !stopping) void shutdown(code ?? 0);
  });
  electronProcess = child;
}

function restartElectron() {
  restartChain = restartChain.then(async () => {
    const old = electronProcess;
    electronProcess = null;
    if (old !== null && old.exitCode === null) {
      const exited = new Promise((resolve) => old.once('exit', resolve));
      old.kill();
      await exited;
    }
    if (!stopping) startElectron();
  });
  return restartChain;
}

/** Builds main or preload in watch mode; resolves after the first build. */
function watchEntry(mode) {
  return new Promise((resolve, reject) => {
    let first = true;
    build({ mode, logLevel: 'warn', build: { watch: {}, ...(outDir === undefined ? {} : { outDir }) } })
      .then((watcher) => {
        watchers.push(watcher);
        watcher.on('event', (event) => {
          if (event.code === 'BUNDLE_END') event.result?.close?.();
          if (event.code === 'ERROR') {
            console.error(`[dev] ${mode} build failed:`, event.error?.message ?? event.error);
            if (first) reject(event.error);
            return;
          }
          if (event.code !== 'END') return;
          if (first) {
            first = false;
            resolve();
            return;
          }
          console.log(`[dev] ${mode} rebuilt; restarting Electron`);
          restartElectron().catch((error) => console.error('[dev] restart failed', error));
        });
      })
      .catch(reject);
  });
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  server = await createServer({ server: { host: '127.0.0.1', port, strictPort: true } });
  await server.listen();
  server.printUrls();
  await Promise.all([watchEntry('main'), watchEntry('preload')]);
  startElectron();
} catch (error) {
  console.error('[dev] could not start:', error);
  await shutdown(1);
}
