// The local OA server of the end-to-end tests, the demo and the browser bench: OA-style pages
// hosting the real editors from node_modules, and the drafts. Plus a sentinel proxy: Chromium is
// pointed at it, so any request that would leave the machine lands here and is recorded.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftByName } from './draft';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const NM = join(ROOT, 'node_modules');

/** URL prefix → directory served under it. */
const MOUNTS: Record<string, string> = {
  '/pages/': join(HERE, 'pages'),
  '/vendor/tinymce/': join(NM, 'tinymce'),
  '/vendor/wangeditor/': join(NM, '@wangeditor/editor/dist'),
  '/vendor/quill/': join(NM, 'quill/dist'),
  '/vendor/ckeditor5/': join(NM, 'ckeditor5/dist/browser'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

// The plain contenteditable page runs under a strict CSP: painting must not need inline styles.
const CSP: Record<string, string> = {
  'contenteditable.html': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:",
};

/** A running local server. */
export interface PageServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startPageServer(port = 0): Promise<PageServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/draft.json') {
      res.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store' });
      res.end(JSON.stringify(draftByName(url.searchParams.get('name') ?? 'small')));
      return;
    }
    if (url.pathname === '/' || url.pathname === '/pages/') {
      res.writeHead(302, { location: '/pages/index.html' });
      res.end();
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    for (const [prefix, dir] of Object.entries(MOUNTS)) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
      if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) break;
      const name = file.slice(file.lastIndexOf('/') + 1);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': prefix === '/pages/' ? 'no-store' : 'max-age=3600',
        ...(CSP[name] ? { 'content-security-policy': CSP[name] } : {}),
      });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  const address = await listen(server, port);
  const origin = `http://127.0.0.1:${address.port}`;
  return { origin, url: (path) => `${origin}${path}`, close: () => close(server) };
}

/** The sentinel proxy: records and refuses every request routed to it. */
export interface Sentinel {
  proxy: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startSentinel(): Promise<Sentinel> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(403);
    res.end();
  });
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  const address = await listen(server, 0);
  return { proxy: `http://127.0.0.1:${address.port}`, requests, close: () => close(server) };
}

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server.address() as AddressInfo));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((ok) => server.close(() => ok()));
}
