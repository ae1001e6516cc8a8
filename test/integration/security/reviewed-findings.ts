import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Finding } from './electronegativity';

/**
 * One Electronegativity finding a person has looked at and explained. It is
 * matched by check, file and the text of the line the scanner points at
 * (trimmed), not the line number, so unrelated edits above it do not
 * invalidate the review — but editing that line does, and asks for a new one.
 */
export const ReviewedFindingSchema = z
  .object({
    check: z.string().regex(/^[A-Z_]+$/, 'a check id, e.g. OPEN_EXTERNAL_JS_CHECK'),
    file: z.string().min(1),
    line: z.string().min(1, 'the trimmed source line the scanner points at'),
    reason: z.string().min(40, 'say why this is safe, in a sentence or more'),
  })
  .strict();
export type ReviewedFinding = z.infer<typeof ReviewedFindingSchema>;

export const ReviewedFindingsSchema = z.array(ReviewedFindingSchema);

export function loadReviewedFindings(path: string): ReviewedFinding[] {
  const parsed = ReviewedFindingsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a valid reviewed-findings list: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A finding as the reviewed list names it: the file under its repository path, and its source line's text. */
export interface LocatedFinding {
  check: string;
  file: string;
  line: string;
  /** Where it is now, for the failure message. */
  at: string;
  description: string;
}

/** Adds the text of the line each finding points at (read from the scanned copy) and the repository prefix. */
export function locateFindings(findings: readonly Finding[], scannedDir: string, repoPrefix: string): LocatedFinding[] {
  const lines = new Map<string, string[]>();
  const sourceLines = (file: string): string[] => {
    let cached = lines.get(file);
    if (cached === undefined) {
      cached = readFileSync(join(scannedDir, file), 'utf8').split(/\r?\n/);
      lines.set(file, cached);
    }
    return cached;
  };
  return findings.map((finding) => {
    const file = finding.file.split('\\').join('/');
    const appWide = file === 'N/A';
    return {
      check: finding.id,
      file: appWide ? 'N/A' : `${repoPrefix}${file}`,
      line: appWide ? '(app-wide)' : (sourceLines(file)[finding.line - 1] ?? '').trim(),
      at: appWide ? 'app-wide' : `${repoPrefix}${file}:${finding.line}:${finding.column}`,
      description: finding.description ?? '',
    };
  });
}

export interface Comparison {
  /** Findings no reviewed entry explains: fix them, or review them. */
  unreviewed: LocatedFinding[];
  /** Reviewed entries that match nothing any more: the code changed, delete or update them. */
  stale: ReviewedFinding[];
}

const matches = (reviewed: ReviewedFinding, finding: LocatedFinding): boolean =>
  reviewed.check === finding.check && reviewed.file === finding.file && reviewed.line === finding.line;

export function compareWithReviewed(findings: readonly LocatedFinding[], reviewed: readonly ReviewedFinding[]): Comparison {
  return {
    unreviewed: findings.filter((finding) => !reviewed.some((entry) => matches(entry, finding))),
    stale: reviewed.filter((entry) => !findings.some((finding) => matches(entry, finding))),
  };
}

export function describeComparison({ unreviewed, stale }: Comparison, reviewedPath: string): string {
  const parts: string[] = [];
  if (unreviewed.length > 0) {
    parts.push(
      `Electronegativity found ${unreviewed.length} issue(s) nobody has reviewed. Fix each, or add it to ${reviewedPath} with the reason it is safe:`,
      ...unreviewed.map((f) => `  ${f.check} at ${f.at}: ${f.description}\n    line: ${f.line}`),
    );
  }
  if (stale.length > 0) {
    parts.push(
      `${stale.length} reviewed entr${stale.length === 1 ? 'y matches' : 'ies match'} no finding any more (the code changed). Remove or update:`,
      ...stale.map((entry) => `  ${entry.check} in ${entry.file}: ${entry.line}`),
    );
  }
  return parts.join('\n');
}
