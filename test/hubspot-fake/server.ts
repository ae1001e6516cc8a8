import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody, HubSpotHttpError, type HubSpotErrorBody } from './errors';
import type { FaultQueue } from './faults';
import type { Portal } from './portal';
import type { RateLimits } from './rate-limits';
import { matchRoute, type Route } from './router';
import type { RequestLogger } from './request-log';
import type { Fault } from './types';

export interface ServerDeps {
  portal: Portal;
  routes: readonly Route[];
  faults: FaultQueue;
  limits: RateLimits;
  log: RequestLogger;
  tokens: readonly string[];
  /** undefined: every scope granted. */
  scopes: readonly string[] | undefined;
}

interface Answer {
  status: number;
  body?: unknown;
  /** Sent verbatim instead of JSON-encoding `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

const FAULT_MESSAGES: Record<number, [string, string]> = {
  423: ['LOCKED', 'The resource is locked by another request. Try again in a few seconds.'],
  477: ['MIGRATION_IN_PROGRESS', 'This account is being migrated between data centers. Retry after the migration finishes.'],
  500: ['INTERNAL_ERROR', 'Internal error.'],
  502: ['BAD_GATEWAY', 'Bad gateway.'],
  503: ['SERVICE_UNAVAILABLE', 'Service unavailable.'],
  504: ['GATEWAY_TIMEOUT', 'Gateway timeout.'],
  524: ['TIMEOUT', 'The origin server timed out.'],
};

function faultAnswer(fault: Exclude<Fault, { kind: string }>): Answer {
  const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
  if (fault.status === 429) {
    const policyName = fault.policyName ?? 'TEN_SECONDLY_ROLLING';
    const message = policyName === 'DAILY' ? 'You have reached your daily limit.' : 'You have reached your ten_secondly_rolling limit.';
    return { status: 429, headers, body: errorBody('RATE_LIMITS', message, { errorType: 'RATE_LIMIT', policyName }) };
  }
  const [category, message] = FAULT_MESSAGES[fault.status] ?? ['INTERNAL_ERROR', 'Internal error.'];
  return { status: fault.status, headers, body: errorBody(category, message) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new HubSpotHttpError(400, errorBody('VALIDATION_ERROR', `Invalid input JSON: ${detail}`, { subCategory: 'INVALID_JSON' }));
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1]?.trim();
}

/** The HubSpot behaviour around a route: auth, rate limits, scopes, JSON parsing, error rendering. */
function answer(deps: ServerDeps, req: IncomingMessage, method: string, url: URL, text: string): { answer: Answer; rateLimited: boolean } {
  const matched = matchRoute(deps.routes, method, url.pathname);
  const route = typeof matched === 'object' ? matched.route : undefined;
  let headers: Record<string, string> = {};
  try {
    const token = bearer(req);
    if (!route?.public) {
      if (token === undefined) {
        throw new HubSpotHttpError(401, errorBody('INVALID_AUTHENTICATION',
          'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview'));
      }
      if (!deps.tokens.includes(token)) {
        throw new HubSpotHttpError(401, errorBody('INVALID_AUTHENTICATION', 'The access token provided is invalid, expired or revoked.', { subCategory: 'INVALID_TOKEN' }));
      }
      const decision = deps.limits.admit(token, route?.isSearch ?? false);
      if (!decision.ok) return { answer: { status: 429, body: decision.body, headers: decision.headers }, rateLimited: true };
      headers = decision.headers;
    }
    if (matched === undefined) {
      throw new HubSpotHttpError(404, errorBody('RESOURCE_NOT_FOUND', `No route for ${method} ${url.pathname}`));
    }
    if (matched === 'method-not-allowed') {
      throw new HubSpotHttpError(405, errorBody('METHOD_NOT_ALLOWED', `${method} is not supported on ${url.pathname}`));
    }
    const scope = matched.route.scope?.(matched.params);
    const needed: readonly string[] = scope === undefined ? [] : typeof scope === 'string' ? [scope] : scope;
    const granted = deps.scopes;
    if (needed.length > 0 && granted !== undefined && !needed.some((s) => granted.includes(s))) {
      throw new HubSpotHttpError(403, errorBody('MISSING_SCOPES',
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", {
          errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [...needed] } }],
          links: { scopes: 'https://developers.hubspot.com/scopes' },
        }));
    }
    const result = matched.route.handle({
      method, params: matched.params, query: url.searchParams, body: parseJson(text), portal: deps.portal, token: token ?? '',
    });
    return { answer: { ...result, headers }, rateLimited: false };
  } catch (error) {
    if (error instanceof HubSpotHttpError) return { answer: { status: error.status, body: error.body, headers: { ...headers, ...error.headers } }, rateLimited: false };
    const message = error instanceof Error ? error.message : String(error);
    const body: HubSpotErrorBody = errorBody('INTERNAL_ERROR', `HubSpot fake crashed: ${message}`);
    return { answer: { status: 500, body, headers }, rateLimited: false };
  }
}

function send(res: ServerResponse, reply: Answer): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  const payload = reply.raw ?? JSON.stringify(reply.body ?? {});
  headers['Content-Type'] = 'application/json;charset=utf-8';
  res.writeHead(reply.status, headers).end(payload);
}

export interface RunningServer {
  server: Server;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const held = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = deps.portal.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(req);
    const logged = (() => {
      try {
        return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        return text;
      }
    })();
    const record = (status: number): void => deps.log.record({ method, path: url.pathname + url.search, status, at, ...(logged === undefined ? {} : { body: logged }) });

    const fault = deps.faults.take(method, url.pathname);
    if (fault && 'kind' in fault) {
      switch (fault.kind) {
        case 'drop':
          record(0);
          req.socket.destroy();
          return;
        case 'lost': {
          const applied = answer(deps, req, method, url, text);
          if (applied.rateLimited) deps.log.countRateLimited();
          record(0);
          req.socket.destroy();
          return;
        }
        case 'malformed':
          record(200);
          send(res, { status: 200, raw: fault.body });
          return;
        case 'json':
          record(fault.status);
          send(res, { status: fault.status, body: fault.body });
          return;
        case 'timeout':
          if (fault.delayMs === undefined) {
            record(0);
            held.add(res);
            res.on('close', () => held.delete(res));
            return;
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              timers.delete(timer);
              resolve();
            }, fault.delayMs);
            timers.add(timer);
          });
          if (res.destroyed) return;
          break;
      }
    } else if (fault) {
      const reply = faultAnswer(fault);
      record(reply.status);
      send(res, reply);
      return;
    }
    const { answer: reply, rateLimited } = answer(deps, req, method, url, text);
    if (rateLimited) deps.log.countRateLimited();
    record(reply.status);
    send(res, reply);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) send(res, { status: 500, body: errorBody('INTERNAL_ERROR', `HubSpot fake crashed: ${message}`) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const res of held) res.destroy();
        held.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
