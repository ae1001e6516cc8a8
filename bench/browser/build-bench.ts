import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A private renderer build plus the bench page: others may be rebuilding `dist/` meanwhile. */
export const BENCH_DIST = join(REPO_ROOT, 'dist-bench');
export const SEED_PAGE = 'bench/seed.html';
export const SEED_SCRIPT = 'bench/seed.js';

const SEED_HTML = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8" /><title>Baton bench seeding</title></head>
<body><p>Bench seeding page (not part of the app).</p><script src="./seed.js"></script></body></html>
`;

/**
 * Builds `dist-bench/`: the production renderer (the project's own Vite config,
 * only the output folder differs) and, under `bench/`, the seeding page and the
 * bench page script as one classic IIFE (so it also loads into the app page
 * with `page.addScriptTag`, allowed by the app's `script-src 'self'`).
 */
export async function buildBenchDist(): Promise<string> {
  await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: BENCH_DIST, emptyOutDir: true, sourcemap: false } });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(BENCH_DIST, 'bench'),
      emptyOutDir: true,
      minify: true,
      target: 'chrome130',
      lib: { entry: join(REPO_ROOT, 'bench/page/seed-entry.ts'), formats: ['iife'], name: 'BatonBenchPage', fileName: () => 'seed.js' },
    },
  });
  await mkdir(join(BENCH_DIST, 'bench'), { recursive: true });
  await writeFile(join(BENCH_DIST, SEED_PAGE), SEED_HTML);
  return BENCH_DIST;
}
