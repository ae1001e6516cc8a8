import type { RequestLogEntry, RequestStats } from './types';

/** Every request the fake received, in arrival order. */
export class RequestLogger implements RequestStats {
  readonly requests: RequestLogEntry[] = [];
  private limited = 0;

  record(entry: RequestLogEntry): void {
    this.requests.push(entry);
  }

  countRateLimited(): void {
    this.limited += 1;
  }

  get rateLimited(): number {
    return this.limited;
  }

  count(pathPrefix?: string): number {
    return pathPrefix === undefined ? this.requests.length : this.requests.filter((r) => r.path.startsWith(pathPrefix)).length;
  }

  reset(): void {
    this.requests.length = 0;
    this.limited = 0;
  }
}
