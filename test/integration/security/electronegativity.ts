import { fork } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Electron version the scanner judges defaults against (e.g. sandbox is on by
 * default since 20). Pinned rather than read from package.json: the scanned
 * folder has none, and the scanner would otherwise assume the worst.
 */
export const SCANNED_ELECTRON_VERSION = '45.0.0';

const RUNNER = fileURLToPath(new URL('./run-electronegativity.mjs', import.meta.url));

const FindingSchema = z.object({
  id: z.string(),
  /** Relative to the scanned folder, '/'-separated; "N/A" for app-wide findings. */
  file: z.string(),
  line: z.number(),
  column: z.number(),
  sample: z.string().nullable(),
  severity: z.string().nullable(),
  confidence: z.string().nullable(),
  description: z.string().nullable(),
});
export type Finding = z.infer<typeof FindingSchema>;

const ReportSchema = z.object({
  issues: z.array(FindingSchema),
  /** Files the scanner could not parse: their findings would be missing. */
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
});
export type ScanReport = z.infer<typeof ReportSchema>;

/**
 * Runs Electronegativity over `directory` in a child process (see
 * run-electronegativity.mjs) and resolves with its findings. Rejects with
 * what went wrong — the child failing, answering nonsense, or still running
 * at the deadline (it is killed then) — so a broken scan can never pass as
 * "no findings".
 */
export function scanWithElectronegativity(directory: string, deadlineMs = 60_000): Promise<ScanReport> {
  return new Promise((resolve, reject) => {
    let output = '';
    let report: unknown;
    const child = fork(RUNNER, [directory, SCANNED_ELECTRON_VERSION], {
      // Not vitest's loader flags: the runner is plain Node.
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Electronegativity was still scanning ${directory} after ${deadlineMs} ms and was stopped.\n${output}`));
    }, deadlineMs);
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('message', (message) => (report = message));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`Electronegativity exited with ${code ?? signal} scanning ${directory}:\n${output}`));
        return;
      }
      const parsed = ReportSchema.safeParse(report);
      if (parsed.success) resolve(parsed.data);
      else reject(new Error(`Electronegativity's report for ${directory} was not understood: ${parsed.error.message}\n${output}`));
    });
  });
}

/** Tests, fixtures and test helpers are not shipped; see the test for why they are left out of the scan. */
export function isShippedSource(relativePath: string): boolean {
  return !/\.(test|fixture)\.tsx?$/.test(relativePath);
}

/** A copy of `sourceDir` holding only shipped source, in a fresh temporary folder. */
export function stageShippedSources(sourceDir: string): string {
  const staged = mkdtempSync(join(tmpdir(), 'baton-electronegativity-'));
  cpSync(sourceDir, staged, { recursive: true, filter: (path) => isShippedSource(path) });
  return staged;
}
