import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BenchResultsSchema, REQUIRED_FULL_RUN_FIGURES, figure } from '../bench/results-schema';

const RESULTS = fileURLToPath(new URL('../bench/results.json', import.meta.url));

describe('bench/results.json', () => {
  it('has the documented format, a consistent "met" for every figure, and every figure of a full run', () => {
    const results = BenchResultsSchema.parse(JSON.parse(readFileSync(RESULTS, 'utf8')));
    expect(results.machine.quick).toBe(false);
    expect(results.figures.map((f) => f.name)).toEqual(expect.arrayContaining([...REQUIRED_FULL_RUN_FIGURES]));
  });

  it('rejects a figure whose "met" contradicts its value and target', () => {
    const honest = figure('drag-commit-10k-ms', 20, 'ms', { op: '<=', value: 16.7 });
    expect(honest.met).toBe(false);
    const machine = { cpus: 2, cpuModel: 'x', memoryGb: 4, platform: 'linux', node: 'v20', chromium: 'c', quick: false, startedAt: '2026-11-24T00:00:00.000Z', durationS: 1 };
    expect(BenchResultsSchema.safeParse({ machine, figures: [honest] }).success).toBe(true);
    expect(BenchResultsSchema.safeParse({ machine, figures: [{ ...honest, met: true }] }).success).toBe(false);
    expect(BenchResultsSchema.safeParse({ machine, figures: [{ ...honest, target: null }] }).success).toBe(false);
    expect(BenchResultsSchema.safeParse({ machine, figures: [honest, honest] }).success).toBe(false);
  });
});
