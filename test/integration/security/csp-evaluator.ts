import { createRequire } from 'node:module';

/** The parts of @doyensec/csp-evaluator (Google's CSP Evaluator, untyped) the test uses. */
interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (parsed: unknown, version: number) => { evaluate(): { directive: string; value?: string; severity: number; description: string }[] };
  Version: { CSP3: number };
  severities: Record<'HIGH' | 'SYNTAX' | 'MEDIUM' | 'HIGH_MAYBE' | 'STRICT_CSP' | 'MEDIUM_MAYBE' | 'INFO' | 'NONE', number>;
}

// Loaded from Electronegativity's own dependencies: the very evaluator its CSP_GLOBAL_CHECK uses.
const fromScanner = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json'));
export const cspEvaluator = fromScanner('@doyensec/csp-evaluator') as CspEvaluatorModule;

export interface CspFinding {
  directive: string;
  value: string | undefined;
  severity: number;
}

/** What Electronegativity's CSP_GLOBAL_CHECK would have evaluated, had it been able to read the policy. */
export function evaluatePolicy(policy: string): CspFinding[] {
  const parsed = new cspEvaluator.CspParser(policy);
  return new cspEvaluator.CspEvaluator(parsed.csp, cspEvaluator.Version.CSP3)
    .evaluate()
    .map((finding) => ({ directive: finding.directive, value: finding.value, severity: finding.severity }));
}
