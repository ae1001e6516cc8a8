/**
 * The domain is pure: "now" is always passed in, as a Date or an ISO string.
 * An unreadable clock is a programming error, not user input, so it throws.
 */
export function toEpochMs(value: Date | string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new RangeError(`Not a valid point in time: ${String(value)}`);
  }
  return ms;
}

/** "2026-11-20 09:00 UTC": unambiguous in messages whatever the reader's zone. */
export function formatUtcMinute(value: Date | string): string {
  const iso = new Date(toEpochMs(value)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
