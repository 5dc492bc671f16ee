/**
 * Serves the mini-program's H5 build and proxies /api/* to the local API on the same origin, so the
 * browser needs no CORS and the build's API base is simply "/api".
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export async function startH5Server(options: { root: string; apiTarget: string; port: number; host?: string }): Promise<{ url: string; server: Server; stop: () => Promise<void> }> {
  const api = new URL(options.apiTarget);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const upstream = request({ host: api.hostname, port: api.port, method: req.method, path: url.pathname.slice(4) + url.search, headers: { ...req.headers, host: api.host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => {
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'API_UNREACHABLE', message: '本地接口服务未启动或已停止' } }));
      });
      req.pipe(upstream);
      return;
    }
    let file = path.join(options.root, decodeURIComponent(url.pathname));
    if (!file.startsWith(options.root) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(options.root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=300' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, server, stop: () => new Promise((r) => server.close(() => r())) };
}
