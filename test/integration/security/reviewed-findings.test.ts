import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from './electronegativity';
import { compareWithReviewed, describeComparison, loadReviewedFindings, locateFindings, type ReviewedFinding } from './reviewed-findings';

const finding = (fields: Partial<Finding>): Finding => ({
  id: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main.ts',
  line: 2,
  column: 0,
  sample: null,
  severity: 'MEDIUM',
  confidence: 'TENTATIVE',
  description: 'Review the use of openExternal',
  ...fields,
});

const reviewed: ReviewedFinding = {
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'electron/main.ts',
  line: 'shell.openExternal(url);',
  reason: 'Only ever called with a URL checked against the https:/mailto: allow-list.',
};

describe('comparing findings with the reviewed list', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baton-reviewed-'));
  });

  it('matches a reviewed finding by its line’s text, wherever the line moved', () => {
    writeFileSync(join(dir, 'main.ts'), '// a comment added above\n\n\n  shell.openExternal(url);\n');
    const located = locateFindings([finding({ line: 4 })], dir, 'electron/');
    expect(located[0]).toMatchObject({ file: 'electron/main.ts', line: 'shell.openExternal(url);', at: 'electron/main.ts:4:0' });
    expect(compareWithReviewed(located, [reviewed])).toEqual({ unreviewed: [], stale: [] });
  });

  it('lists a new finding and a review whose line changed, saying what to do', () => {
    writeFileSync(join(dir, 'main.ts'), 'import { shell } from "electron";\nshell.openExternal(untrusted);\n');
    const comparison = compareWithReviewed(locateFindings([finding({})], dir, 'electron/'), [reviewed]);
    expect(comparison.unreviewed.map((f) => f.line)).toEqual(['shell.openExternal(untrusted);']);
    expect(comparison.stale).toEqual([reviewed]);
    const message = describeComparison(comparison, 'reviewed.json');
    expect(message).toContain('1 issue(s) nobody has reviewed. Fix each, or add it to reviewed.json');
    expect(message).toContain('OPEN_EXTERNAL_JS_CHECK at electron/main.ts:2:0');
    expect(message).toContain('1 reviewed entry matches no finding any more');
  });

  it('keeps app-wide findings (no file) comparable', () => {
    const located = locateFindings([finding({ id: 'CSP_GLOBAL_CHECK', file: 'N/A', line: 0 })], dir, 'electron/');
    expect(located).toEqual([{ check: 'CSP_GLOBAL_CHECK', file: 'N/A', line: '(app-wide)', at: 'app-wide', description: 'Review the use of openExternal' }]);
  });

  it('refuses a reviewed list whose entry gives no reason', () => {
    const path = join(dir, 'reviewed.json');
    writeFileSync(path, JSON.stringify([{ ...reviewed, reason: 'fine' }]));
    expect(() => loadReviewedFindings(path)).toThrow(/say why this is safe/);
  });
});
