import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../../electron/window/csp';
import { cspEvaluator, evaluatePolicy } from './csp-evaluator';
import { scanWithElectronegativity, stageShippedSources, type ScanReport } from './electronegativity';
import { compareWithReviewed, describeComparison, loadReviewedFindings, locateFindings } from './reviewed-findings';

/**
 * Electronegativity (Doyensec's Electron security scanner) over the main
 * process and preload, as shipped. Every finding must be fixed or explained
 * in electron/security/electronegativity-reviewed.json; an explanation that
 * no longer matches a finding fails too, so the list cannot rot.
 *
 * Only shipped source is scanned (tests and *.fixture.ts are left out of a
 * staged copy): the scanner's global checks judge all files together, so a
 * test that registers a `will-navigate` handler or a permission handler on
 * a fake would count as the app doing it and could hide a real gap, and
 * test strings such as a hostile "default-src *" header would add noise.
 */

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const REVIEWED = 'electron/security/electronegativity-reviewed.json';

let shipped: ScanReport;
let stagedElectron: string;
let fixture: ScanReport;

beforeAll(async () => {
  stagedElectron = stageShippedSources(`${repo}electron`);
  // One scan takes about 1.5 s (offline, no network waits); both run at once.
  [shipped, fixture] = await Promise.all([
    scanWithElectronegativity(stagedElectron),
    scanWithElectronegativity(fileURLToPath(new URL('./fixtures', import.meta.url))),
  ]);
}, 120_000);

afterAll(() => {
  rmSync(stagedElectron, { recursive: true, force: true });
});

describe('Electronegativity', () => {
  it('is live: it finds the deliberately insecure fixture window', () => {
    const source = readFileSync(new URL('./fixtures/insecure-window.ts', import.meta.url), 'utf8').split('\n');
    const lineOf = (text: string) => source.findIndex((line) => line.includes(text)) + 1;
    const found = fixture.issues.filter((issue) => issue.file === 'insecure-window.ts').map((issue) => `${issue.id}@${issue.line}`);
    expect(found).toEqual(
      expect.arrayContaining([`NODE_INTEGRATION_JS_CHECK@${lineOf('nodeIntegration: true')}`, `CONTEXT_ISOLATION_JS_CHECK@${lineOf('contextIsolation: false')}`]),
    );
    expect(fixture.errors).toEqual([]);
  });

  it('scans the shipped sources only', () => {
    expect(existsSync(join(stagedElectron, 'main.ts'))).toBe(true);
    expect(existsSync(join(stagedElectron, 'window', 'main-window.ts'))).toBe(true);
    expect(existsSync(join(stagedElectron, 'main.test.ts'))).toBe(false);
    expect(existsSync(join(stagedElectron, 'ipc', 'memory-host-deps.fixture.ts'))).toBe(false);
  });

  it('parses every shipped main-process file (a file it cannot parse would hide its findings)', () => {
    expect(shipped.errors).toEqual([]);
  });

  it('reports nothing in electron/ that is not fixed or reviewed, and every review still matches', () => {
    const findings = locateFindings(shipped.issues, stagedElectron, 'electron/');
    const comparison = compareWithReviewed(findings, loadReviewedFindings(`${repo}${REVIEWED}`));
    expect(describeComparison(comparison, REVIEWED)).toBe('');
  });

  it('sees the window settings it checks (they are a literal at new BrowserWindow)', () => {
    const windowFindings = shipped.issues.filter((issue) => issue.file.endsWith('main-window.ts')).map((issue) => issue.id);
    // Only the preload review remains; context isolation, sandbox, Node integration and auxclick are seen to be set.
    expect(windowFindings).toEqual(['PRELOAD_JS_CHECK']);
  });
});

describe('the Content-Security-Policy the scanner cannot read (reviewed CSP_GLOBAL_CHECK)', () => {
  it('gets from the scanner’s own CSP evaluator only the finding explained here', () => {
    const { severities } = cspEvaluator;
    expect(evaluatePolicy(CONTENT_SECURITY_POLICY)).toEqual([
      // "'self' can be problematic if you host JSONP, Angular or user uploaded files": 'self' is the
      // app's own bundle (file:// in a packaged build), which serves none of those.
      { directive: 'script-src', value: "'self'", severity: severities.MEDIUM_MAYBE },
    ]);
  });
});
