import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../electron/window/csp';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedDist {
  /** e.g. http://127.0.0.1:41234/ (with trailing slash). */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Send the app's CSP header like Electron's main does (default true). */
  csp?: boolean;
}

/**
 * Serves a built renderer folder on 127.0.0.1 (random port) the way the app
 * sees it: `/` is index.html, the CSP header is set, nothing outside the
 * folder is reachable.
 */
export async function serveDist(dir: string, options: ServeOptions = {}): Promise<ServedDist> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const send = (status: number, text: string) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'Bad path');
    }
    const file = resolve(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (file !== root && !file.startsWith(`${root}${sep}`)) return send(403, 'Forbidden');
    stat(file).then(
      (info) => {
        if (!info.isFile()) return send(404, 'Not found');
        const headers: Record<string, string | number> = {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'content-length': info.size,
          'cache-control': 'no-store',
        };
        if (options.csp !== false) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
        response.writeHead(200, headers);
        if (request.method === 'HEAD') return response.end();
        createReadStream(file).pipe(response);
      },
      () => send(404, 'Not found'),
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
