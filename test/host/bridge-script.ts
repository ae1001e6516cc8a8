import { fileURLToPath } from 'node:url';
import { build } from 'vite';

let cached: Promise<string> | null = null;

/**
 * `bridge-entry.ts` bundled into one classic script (IIFE) for
 * `page.addInitScript`. Built once per process with Vite, so the page runs the
 * real `shared/ipc/build-api.ts`, not a copy.
 */
export function bridgeScript(): Promise<string> {
  cached ??= (async () => {
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        target: 'chrome120',
        lib: { entry: fileURLToPath(new URL('./bridge-entry.ts', import.meta.url)), formats: ['iife'], name: 'BatonTestBridge' },
        rollupOptions: { output: { entryFileNames: 'bridge.js' } },
      },
    });
    const results = Array.isArray(output) ? output : [output];
    for (const result of results) {
      if (!('output' in result)) continue;
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk !== undefined && chunk.type === 'chunk') return chunk.code;
    }
    throw new Error('Bundling the test bridge produced no script');
  })();
  return cached;
}
