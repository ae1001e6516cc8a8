import { z } from 'zod';

/**
 * Codes the IPC layer itself produces. Handlers add their own (`HUBSPOT_*`,
 * `OFFLINE`, …), so the wire schema accepts any UPPER_SNAKE code; these are the
 * ones every caller can rely on.
 */
export const IPC_ERROR_CODES = {
  /** The request did not match the channel's schema; `issues` says where. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** No channel of that name exists in the contract. */
  UNKNOWN_CHANNEL: 'UNKNOWN_CHANNEL',
  /** The call did not come from Baton's own window. */
  FORBIDDEN_SENDER: 'FORBIDDEN_SENDER',
  /** A URL Baton refuses to open (only https: and mailto: are allowed). */
  FORBIDDEN_URL: 'FORBIDDEN_URL',
  /** The OS cannot encrypt secrets, so Baton will not store them. */
  SECRET_STORE_UNAVAILABLE: 'SECRET_STORE_UNAVAILABLE',
  /** A stored secret exists but cannot be decrypted here. */
  SECRET_UNREADABLE: 'SECRET_UNREADABLE',
  /** Running in a plain browser: there is no desktop host to answer. */
  NO_HOST: 'NO_HOST',
  /** A bug or unexpected failure in the host; the message says what was being done. */
  INTERNAL: 'INTERNAL',
} as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[keyof typeof IPC_ERROR_CODES];

export const IpcErrorCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'An error code is UPPER_SNAKE_CASE');

/** One problem found in a request: where (a dotted path, '' for the root) and what. */
export const IpcIssueSchema = z.object({ path: z.string(), message: z.string() });
export type IpcIssue = z.infer<typeof IpcIssueSchema>;

/** The error half of the envelope: a machine code and a message a human can act on. */
export const IpcErrorInfoSchema = z.object({
  code: IpcErrorCodeSchema,
  message: z.string(),
  issues: z.array(IpcIssueSchema).optional(),
});
export type IpcErrorInfo = z.infer<typeof IpcErrorInfoSchema>;

/**
 * What a main-side handler throws to answer with a specific error. The
 * dispatcher turns it into `{ ok: false, error: { code, message, issues } }`;
 * anything else thrown becomes INTERNAL with a generic message (thrown errors
 * may carry tokens or paths that must not reach the renderer).
 */
export class IpcError extends Error {
  override readonly name = 'IpcError';
  readonly code: string;
  readonly issues: IpcIssue[] | undefined;

  constructor(code: string, message: string, issues?: IpcIssue[]) {
    super(message);
    this.code = code;
    this.issues = issues;
  }

  toInfo(): IpcErrorInfo {
    return this.issues === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, issues: this.issues };
  }
}

/** Zod issues as path + message pairs, e.g. `{ path: 'url', message: 'Invalid URL' }`. */
/** Issue texts quote the caller's keys; a hostile caller must not make us build huge errors. */
const MAX_ISSUES = 20;
const MAX_ISSUE_TEXT = 300;

function clip(text: string): string {
  return text.length <= MAX_ISSUE_TEXT ? text : `${text.slice(0, MAX_ISSUE_TEXT)}…`;
}

export function issuesFromZod(error: z.ZodError): IpcIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: clip(issue.path.map((segment) => String(segment)).join('.')),
    message: clip(issue.message),
  }));
}
