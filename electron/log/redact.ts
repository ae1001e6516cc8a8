/**
 * Strips secrets and personal data from anything headed for a log file. Logs
 * get attached to bug reports, so a HubSpot token or a client's e-mail must
 * never reach one, whichever code path produced the message.
 */

const REDACTED = '[redacted]';

/** Keys whose values are secret whatever they contain. */
const SECRET_KEY = /token|authori[sz]ation|secret|password|passwd|api[-_]?key|cookie|credential|private[-_]?key/i;

const SECRET_PATTERNS: readonly RegExp[] = [
  // HubSpot private-app / service keys: pat-na1-…, pat-eu1-…
  /\bpat-[a-z0-9]+-[a-z0-9-]+/gi,
  // Authorization header values, however they got into a string.
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\bBasic\s+[A-Za-z0-9+/=]{8,}/g,
  // JSON-ish "token": "…" fragments inside free text.
  /("?(?:access_?token|refresh_?token|token|secret|password|authorization)"?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;}&]+)/gi,
  // E-mail addresses (personal data).
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
];

export function redactText(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match: string, prefix?: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return out;
}

const MAX_DEPTH = 8;

/** Deep copy of `value` with secret keys blanked and secret-looking text replaced. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1);
  }
  return out;
}
