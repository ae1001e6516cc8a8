// Several HubSpot portals behind one API host, as on api.hubapi.com: the
// bearer token decides which portal (account) a request acts in. Each portal
// is a whole fake of its own (state, faults, stats, rate limits); a small
// front server on 127.0.0.1 forwards every request to the portal its token
// belongs to, unchanged, and relays the answer unchanged.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHubSpotFake } from './index';
import type { HubSpotFake, HubSpotFakeOptions } from './types';

export interface PortalSpec {
  portalId: number;
  /** Tokens that act in this portal (each token in one portal only). */
  tokens: string[];
  /** This portal's own options (its tier, the scopes its tokens were granted), over the shared ones. */
  options?: Omit<HubSpotFakeOptions, 'portalId' | 'tokens' | 'clock'>;
}

export interface HubSpotPortals {
  /** The one API base URL for every portal. */
  baseUrl: string;
  /** The fakes, in the order of the specs. */
  portals: HubSpotFake[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The token a request acts with: the bearer header, or the body's `tokenKey` for token introspection (a public route). */
function tokenOf(req: IncomingMessage, body: Buffer): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (match?.[1]) return match[1].trim();
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { tokenKey?: unknown };
    return typeof parsed.tokenKey === 'string' ? parsed.tokenKey : undefined;
  } catch {
    return undefined;
  }
}

export async function startHubSpotPortals(specs: readonly PortalSpec[], options: Omit<HubSpotFakeOptions, 'portalId' | 'tokens'> = {}): Promise<HubSpotPortals> {
  if (specs.length === 0) throw new Error('startHubSpotPortals needs at least one portal.');
  const portals = await Promise.all(specs.map((spec) => startHubSpotFake({ ...options, ...spec.options, portalId: spec.portalId, tokens: spec.tokens })));
  const byToken = new Map<string, HubSpotFake>();
  specs.forEach((spec, i) => {
    const fake = portals[i];
    if (fake) for (const token of spec.tokens) byToken.set(token, fake);
  });
  const fallback = portals[0];
  if (!fallback) throw new Error('startHubSpotPortals: no portal started.');

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const token = tokenOf(req, body);
      // An unknown (or missing) token goes to the first portal, which answers HubSpot's 401 for it.
      const target = (token !== undefined ? byToken.get(token) : undefined) ?? fallback;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers[name] = value;
      }
      const method = req.method ?? 'GET';
      const answer = await fetch(`${target.baseUrl}${req.url ?? '/'}`, {
        method,
        headers,
        ...(body.length > 0 && method !== 'GET' && method !== 'HEAD' ? { body: body.toString('utf8') } : {}),
      });
      const relayed: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') relayed[name] = value;
      });
      const payload = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, relayed).end(payload);
    })().catch(() => {
      // The portal dropped the connection (a `drop` fault): so does the front door.
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    portals,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(portals.map((fake) => fake.close()));
    },
  };
}
