import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_PAGE = 'bench/seed.html';
export const SEED_SCRIPT = 'bench/seed.js';

const SEED_HTML = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8" /><link rel="icon" href="data:," /><title>Baton bench seeding</title></head>
<body><p>Bench seeding page (not part of the app).</p><script src="./seed.js"></script></body></html>
`;

/**
 * Builds a private copy of the app into a fresh temporary folder (others may be
 * rebuilding `dist/` meanwhile, and nothing generated lands in the repo): the production renderer (the project's own Vite config,
 * only the output folder differs) and, under `bench/`, the seeding page and the
 * bench page script as one classic IIFE (so it also loads into the app page
 * with `page.addScriptTag`, allowed by the app's `script-src 'self'`).
 */
export async function buildBenchDist(options: { readable?: boolean } = {}): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'baton-bench-dist-'));
  // Diagnosis only, not for figures: BENCH_DEV_BUILD=1 builds React's development flavour
  // (readable errors); BENCH_NO_MINIFY=1 (or `readable`, for --profile) keeps names readable in CPU profiles.
  const dev = process.env.BENCH_DEV_BUILD === '1';
  const noMinify = dev || options.readable === true || process.env.BENCH_NO_MINIFY === '1';
  await build({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'error',
    ...(dev ? { mode: 'development', define: { 'process.env.NODE_ENV': '"development"' } } : {}),
    build: { outDir, emptyOutDir: true, sourcemap: false, ...(noMinify ? { minify: false } : {}) },
  });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(outDir, 'bench'),
      emptyOutDir: true,
      minify: true,
      target: 'chrome130',
      lib: { entry: join(REPO_ROOT, 'bench/page/seed-entry.ts'), formats: ['iife'], name: 'BatonBenchPage', fileName: () => 'seed.js' },
    },
  });
  await mkdir(join(outDir, 'bench'), { recursive: true });
  await writeFile(join(outDir, SEED_PAGE), SEED_HTML);
  return outDir;
}
