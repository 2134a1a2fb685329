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
 * What the test server puts before the CSP `<meta>` of every page when `probe` is set, for
 * engines whose driver has no log endpoint (WebKitWebDriver): a same-origin script that
 * records errors, unhandled rejections, CSP violations and console.error in
 * `window.__problems`, and with `?nowasm` in the page's address removes WebAssembly first.
 * It marks nodes of the first view at DOMContentLoaded (`__firstView`), before the app
 * takes the view over. It also records `<html>`'s view attributes at the first animation frame (before the first
 * paint) in `window.__firstFrame`, to tell a flash of the wrong layout.
 */
const PROBE = `window.__problems = [];
if (location.search.includes('nowasm')) delete window.WebAssembly;
const note = (what) => window.__problems.push(String(what));
addEventListener('error', (e) => note('error: ' + (e.message || e.target?.src || e.target?.href || e.type)), true);
addEventListener('unhandledrejection', (e) => note('rejection: ' + (e.reason?.message ?? e.reason)));
document.addEventListener('securitypolicyviolation', (e) => note('CSP: ' + e.violatedDirective + ' blocked ' + e.blockedURI));
const consoleError = console.error.bind(console);
console.error = (...args) => { note('console: ' + args.join(' ')); consoleError(...args); };
// Nodes of the first view, marked before the app (tests/engines: the same nodes after it),
// the story's own markup (a card's title and tile, the lead's mark) included.
window.__marked = ['#app', 'article[data-rank="1"]', 'h1', 'article[data-rank="1"] h3', 'article[data-rank="1"] button.tile', '.site-header__lead .mark'];
document.addEventListener('DOMContentLoaded', () => {
  window.__markedBeforeApp = document.documentElement.dataset.app !== 'ready';
  for (const css of window.__marked) {
    const el = document.querySelector(css);
    if (el) el.__firstView = true;
  }
});
requestAnimationFrame(() => {
  const root = document.documentElement;
  window.__firstFrame = { text: root.dataset.text ?? null, theme: root.dataset.theme ?? null, fontSize: getComputedStyle(root).fontSize };
});
`;

/**
 * Serves `root` at `prefix` (e.g. "/zezhou/") on 127.0.0.1 and an ephemeral port.
 * Like static hosts, a missing path under the prefix gets the root's 404.html (status 404)
 * when there is one. Returns { url, origin, setRoot, close, set }, where url is the app's
 * address (ending in the prefix), setRoot(dir) serves another folder from then on (a new
 * deploy), and set({ offline, tamper }) changes what it does from then on: `offline` drops
 * every connection (the network is gone), `tamper` (a RegExp) changes one byte of every file
 * whose path matches it. With `probe`, pages carry the PROBE script.
 */
export async function serveDist({
  root = process.env.DIST ?? 'dist',
  prefix = '/zezhou/',
  probe = false,
} = {}) {
  let base = resolve(root);
  const mode = { offline: false, tamper: null };
  const server = createServer(async (req, res) => {
    if (mode.offline) return req.socket.destroy();
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) return notFound(res);
      if (probe && path === `${prefix}__probe.js`) {
        res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-cache' });
        return res.end(PROBE);
      }
      let file = normalize(join(base, path.slice(prefix.length)));
      if (!file.startsWith(base)) return notFound(res, base);
      if ((await stat(file).catch(() => null))?.isDirectory()) {
        // As static hosts do: a folder's address ends in "/", so the page's relative
        // addresses resolve inside it.
        if (!path.endsWith('/')) {
          const to = new URL(req.url, 'http://x');
          res.writeHead(301, { location: `${to.pathname}/${to.search}` });
          return res.end();
        }
        file = join(file, 'index.html');
      }
      let body = await readFile(file).catch(() => null);
      if (!body) return notFound(res, base);
      if (mode.tamper?.test(path)) {
        body = Buffer.from(body);
        body[body.length - 2] ^= 1;
      }
      if (probe && extname(file) === '.html') {
        body = Buffer.from(
          body
            .toString('utf8')
            .replace(/<meta http-equiv="?Content-Security-Policy/i, (csp) => `<script src="${prefix}__probe.js"></script>${csp}`),
        );
      }
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
    set: (changes) => Object.assign(mode, changes),
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
