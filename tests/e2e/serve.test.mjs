// `trunk serve`, the command every contributor starts with, is clean: the page it serves
// logs no error and no CSP violation, and an edit reloads it.
//
// Bug (issue 13): trunk's dev server puts its reload script inline in the page, with
// placeholders it fills per response, so the policy's hash of it never matched: the browser
// blocked it and reload-on-save was dead. The post-build step now makes it constant and
// hashes it (crates/postbuild/src/dev.rs).
//
// A debug build: scripts/test.sh builds one first (target/dist-dev), so the server's own
// build only links and runs the hook. Its output goes to target/dist-serve, not dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { launch, PROFILES, watch } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
// The debug build and the hook take a while on a busy machine.
const READY_MS = 10 * 60_000;
const REBUILD_MS = 5 * 60_000;

/** A port nothing listens on now. */
async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

let trunk;
let browser;
let url;
let log = '';
before(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  trunk = spawn(
    'trunk',
    ['serve', '--port', String(port), '--address', '127.0.0.1', '--dist', 'target/dist-serve'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  for (const stream of [trunk.stdout, trunk.stderr]) stream.on('data', (d) => (log += d));
  await waitFor(async () => (await fetch(url).catch(() => null))?.ok, READY_MS, 'trunk serve to answer');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  // trunk and the cargo and hook processes it started: the group it leads.
  if (trunk?.pid) {
    try {
      process.kill(-trunk.pid, 'SIGTERM');
    } catch {}
  }
});

async function waitFor(check, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    if (trunk.exitCode !== null) throw new Error(`trunk exited:\n${log.slice(-3000)}`);
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error(`timed out waiting for ${what}:\n${log.slice(-3000)}`);
}

test('the page trunk serves has no console error and no CSP violation, and an edit reloads it', async () => {
  const context = await browser.newContext(PROFILES.desktop);
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
    ),
  );
  const page = await context.newPage();
  const problems = watch(page, url.replace(/\/$/, ''));
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, {
    timeout: 60_000,
  });
  assert.deepEqual(problems, []);
  // trunk's reload script ran (its element, made constant by the hook) and connected.
  await waitFor(() => sockets.some((u) => u.endsWith('/.well-known/trunk/ws')), 10_000, 'the reload socket');
  assert.equal(await page.locator('script[data-ws-base]').count(), 1);

  // English's page, one folder down, the same: its files from the root, its reload script
  // connected.
  const en = await context.newPage();
  const enProblems = watch(en, url.replace(/\/$/, ''));
  const enSockets = [];
  en.on('websocket', (ws) => enSockets.push(ws.url()));
  await en.goto(`${url}en/`);
  await en.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 60_000 });
  assert.equal(await en.locator('html').getAttribute('lang'), 'en');
  await waitFor(() => enSockets.some((u) => u.endsWith('/.well-known/trunk/ws')), 10_000, "English page's reload socket");
  assert.deepEqual(enProblems, []);
  await en.close();

  // An edit (a stylesheet saved, with the same text: trunk's watcher ignores a bare touch)
  // rebuilds, and the server tells the page to reload.
  await page.evaluate(() => {
    window.beforeEdit = true;
  });
  const stylesheet = `${ROOT}style/base.css`;
  await writeFile(stylesheet, await readFile(stylesheet));
  await waitFor(
    async () => !(await page.evaluate(() => window.beforeEdit === true).catch(() => true)),
    REBUILD_MS,
    'the page to reload after the edit',
  );
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, {
    timeout: 60_000,
  });
  assert.deepEqual(problems, []);
  await context.close();
});
