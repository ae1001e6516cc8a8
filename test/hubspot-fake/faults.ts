import type { Fault, FaultInjector, FaultMatcher } from './types';

interface ArmedFault {
  matcher: FaultMatcher;
  fault: Fault;
  remaining: number;
}

function matches(matcher: FaultMatcher, method: string, pathname: string): boolean {
  if (matcher.method && matcher.method.toUpperCase() !== method) return false;
  if (matcher.path === undefined) return true;
  if (typeof matcher.path === 'string') return pathname.startsWith(matcher.path);
  matcher.path.lastIndex = 0;
  return matcher.path.test(pathname);
}

/** Faults armed by a test, consumed in the order they were armed. */
export class FaultQueue implements FaultInjector {
  private armed: ArmedFault[] = [];

  failNext(matcher: FaultMatcher, fault: Fault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`failNext: times must be a positive integer, got ${times}`);
    this.armed.push({ matcher, fault, remaining: times });
  }

  clear(): void {
    this.armed = [];
  }

  get pending(): number {
    return this.armed.reduce((sum, a) => sum + a.remaining, 0);
  }

  /** The fault for this request, if one is armed for it (consumes one use). */
  take(method: string, pathname: string): Fault | undefined {
    const found = this.armed.find((a) => matches(a.matcher, method, pathname));
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining === 0) this.armed = this.armed.filter((a) => a !== found);
    return found.fault;
  }
}
