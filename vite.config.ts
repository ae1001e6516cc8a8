import { builtinModules } from 'node:module';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };
import { strictCspInBuild } from './scripts/strict-csp-plugin';
import { noTestCodeInBuild } from './scripts/no-test-code-plugin';

// One Vite config, three builds: the renderer (default mode), the Electron main
// process (`--mode main`) and the preload (`--mode preload`). Main and preload
// are bundled for Electron's own Node; runtime dependencies stay external so
// electron-builder ships them from node_modules.
const nodeExternals = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

// The sandboxed preload can `require` only `electron` (and a few polyfills),
// so everything else it uses (zod, the contract) is bundled into it.
const preloadExternals = ['electron'];

function electronEntry(entry: 'main' | 'preload'): UserConfig {
  const external = entry === 'preload' ? preloadExternals : nodeExternals;
  return {
    plugins: [noTestCodeInBuild()],
    build: {
      outDir: 'dist-electron',
      emptyOutDir: false,
      target: 'node22',
      sourcemap: true,
      minify: false,
      ssr: `electron/${entry}.ts`,
      rollupOptions: {
        external,
        output: {
          // The preload runs sandboxed, where only CommonJS `require` is available.
          format: entry === 'preload' ? 'cjs' : 'es',
          entryFileNames: entry === 'preload' ? 'preload.cjs' : 'main.js',
        },
      },
    },
    ssr: { noExternal: true, external },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'main' || mode === 'preload') return electronEntry(mode);
  return {
    root: 'renderer',
    base: './',
    plugins: [react(), strictCspInBuild(), noTestCodeInBuild()],
    // The automatic-backup worker is bundled on its own: it gets the same check.
    worker: { plugins: () => [noTestCodeInBuild()] },
    build: {
      outDir: '../dist',
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: true,
    },
    server: { host: '127.0.0.1', port: 5173, strictPort: true },
  };
});
