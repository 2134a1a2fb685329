// A static file server for dist/, mounted under a sub-path, as a static host would serve it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** Content types by extension, as a static host sends them (also used by the benchmark). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` at `prefix` (e.g. "/zezhou/") on 127.0.0.1 and an ephemeral port.
 * Like static hosts, a missing path under the prefix gets the root's 404.html (status 404)
 * when there is one. Returns { url, origin, setRoot, close }, where url is the app's address
 * (ending in the prefix) and setRoot(dir) serves another folder from then on (a new deploy).
 */
export async function serveDist({ root = process.env.DIST ?? 'dist', prefix = '/zezhou/' } = {}) {
  let base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) return notFound(res);
      let file = normalize(join(base, path.slice(prefix.length)));
      if (!file.startsWith(base)) return notFound(res, base);
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (!body) return notFound(res, base);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      notFound(res);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    setRoot: (dir) => {
      base = resolve(dir);
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

async function notFound(res, base) {
  const page = base ? await readFile(join(base, '404.html')).catch(() => null) : null;
  res.writeHead(404, {
    'content-type': page ? TYPES['.html'] : 'text/plain; charset=utf-8',
    'cache-control': 'no-cache',
  });
  res.end(page ?? 'not found');
}
