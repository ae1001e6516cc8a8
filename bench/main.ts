import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBoardFigures, type BoardBenchPlan } from './browser/board-figures';
import { REPO_ROOT } from './browser/build-bench';
import { profileMoves } from './browser/move-profile';
import { describeMachine } from './machine';
import { BenchResultsSchema, type Figure } from './results-schema';
import { runSyncFigures } from './sync/sync-figures';
import { formatTable } from './table';

/**
 * `npm run bench [-- --quick] [-- --only=board|sync]`: figures 1–4 and 7 in
 * Chromium, 5–6 in Node, a table on stdout and `bench/results.json`
 * (`--quick` or `--only` write `bench/results.partial.json` instead, so a
 * smoke run never replaces the full figures). `--profile[=size]` writes no
 * figures: it traces moves at 10k (or `size`) handoffs for diagnosis.
 */

const label = (size: number) => (size >= 1000 ? `${size / 1000}k` : String(size));

const FULL: BoardBenchPlan = {
  sizes: [1_000, 10_000, 100_000],
  openRuns: (size) => (size >= 100_000 ? 3 : 5),
  dragSizes: [10_000, 100_000],
  dragRuns: 7,
  frameRuns: 3,
  importSize: 10_000,
  importRuns: 3,
  label,
};

const QUICK: BoardBenchPlan = {
  sizes: [1_000, 10_000],
  openRuns: () => 2,
  dragSizes: [10_000],
  dragRuns: 3,
  frameRuns: 1,
  importSize: 1_000,
  importRuns: 1,
  label,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const profile = args.find((arg) => arg === '--profile' || arg.startsWith('--profile='));
  if (profile !== undefined) {
    const size = profile.includes('=') ? Number(profile.slice('--profile='.length)) : 10_000;
    if (!Number.isInteger(size) || size < 100) throw new Error(`--profile=${profile.slice('--profile='.length)}: give a number of handoffs (100 or more)`);
    await profileMoves(size, Number(process.env.BENCH_PROFILE_RUNS ?? 3), (line) => console.log(line));
    return;
  }
  const unknown = args.filter((arg) => !['--quick', '--only=board', '--only=sync'].includes(arg));
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(' ')}; use --quick and/or --only=board|sync`);
  const quick = args.includes('--quick');
  const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length) ?? null;
  const startedAt = new Date();
  const log = (line: string) => console.log(line);
  const figures: Figure[] = [];
  if (only !== 'sync') figures.push(...(await runBoardFigures(quick ? QUICK : FULL, log)));
  if (only !== 'board') {
    log('sync figures against the HubSpot fake (real time: the rate limits are waited out)…');
    figures.push(...(await runSyncFigures(quick ? 1_000 : 10_000, log)));
  }
  const results = BenchResultsSchema.parse({ machine: describeMachine(startedAt, quick), figures });
  const file = join(REPO_ROOT, 'bench', quick || only !== null ? 'results.partial.json' : 'results.json');
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${formatTable(results.figures)}\n\n${results.figures.filter((f) => f.met === false).length} of ${results.figures.filter((f) => f.met !== null).length} targets missed; written to ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
