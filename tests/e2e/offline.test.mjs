// Offline and installable (PRODUCT.md §5 feature 10): after one visit the app opens with the
// network off, deep links included; the manifest and its icons load; the worker's scope is
// the app's folder; a new build replaces the old cache; a mistyped path lands on the app,
// at the domain root and under any sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { access, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setUp, waitForApp, screenshot, watch } from './harness.mjs';
import { serveDist } from './server.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
// The ten event cards.
const CARDS = '[data-testid="event-card"]';

let env;
let scratch;
before(async () => {
  await access(join(DIST, 'sw.js')).catch(() => {
    throw new Error(`${DIST}/sw.js is missing: build with trunk (its post-build hook writes it)`);
  });
  scratch = await mkdtemp(join(tmpdir(), 'zezhou-offline-'));
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => {
  await env?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Opens the app and waits until its service worker controls the page (precache done). */
async function visit(profile, path = '') {
  const page = await env.open(profile, path);
  await waitForApp(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20000,
  });
  return page;
}

/** Reloads with the network off, and waits for the app. */
async function reloadOffline(page) {
  await page.context().setOffline(true);
  const response = await page.reload();
  assert.ok(response.fromServiceWorker(), 'the page did not come from the service worker');
  await waitForApp(page);
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

for (const profile of ['phone', 'desktop']) {
  test(`after one visit the app reloads and works with the network off on ${profile}`, async () => {
    const page = await visit(profile);
    await reloadOffline(page);
    assert.equal(await page.locator(CARDS).count(), 10);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
    await screenshot(page, `offline-${profile}`);
    // The charts module, never fetched on the first visit, comes from the precache too.
    await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="chart-image"] svg').nth(2).waitFor();
    assert.deepEqual(page.problems, []);
    // Proof the network is really off: a file the build does not have cannot be fetched.
    const probe = await page.evaluate(() =>
      fetch('./not-in-this-build.txt').then(
        () => 'fetched',
        () => 'offline',
      ),
    );
    assert.equal(probe, 'offline');
  });
}

test('offline, a switch to each other language works (its texts from the precache)', async () => {
  const page = await visit('desktop');
  await reloadOffline(page);
  for (const [code, heading] of [
    ['en', /Main poverty-reduction targets exceeded/],
    ['zh-Hant', /減貧指標超額完成/],
  ]) {
    await page.locator(`.lang-switch__option[data-lang="${code}"]`).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, code);
    assert.match(await page.locator('article[data-rank="1"] .card__title').textContent(), heading);
  }
  // And search across them: the English word on the 繁體 page.
  await page.getByTestId('search').fill('poverty');
  await page.waitForFunction(() => document.querySelectorAll('article[data-testid="event-card"]').length > 0);
  assert.deepEqual(page.problems, []);
});

test('a deep link reloaded offline opens its view', async () => {
  const page = await visit('phone', '#/en/event/2');
  await reloadOffline(page);
  // The app had moved the old link to the English page, which the worker serves offline.
  assert.equal(page.url(), `${env.app.url}en/#/event/2`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  // The open event rides in the state: the document title names it.
  assert.match(await page.title(), / · /);
  assert.equal(await page.locator(CARDS).count(), 10);
  assert.deepEqual(page.problems, []);
});

test('offline, a mistyped path under the app lands on the app and keeps the view', async () => {
  const page = await visit('phone');
  await page.context().setOffline(true);
  await page.goto(`${env.app.url}no/such/path#/en/event/3`);
  await waitForApp(page);
  // Landed on the app's folder with the view, which the app then moved to English's page.
  await page.waitForURL(`${env.app.url}en/#/event/3`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  // The open event rides in the state: the document title names it.
  assert.match(await page.title(), / · /);
  assert.deepEqual(page.problems, []);
});

test("the worker's scope is the app's folder", async () => {
  const page = await visit('desktop');
  const { scope, script } = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { scope: registration.scope, script: registration.active.scriptURL };
  });
  assert.equal(scope, env.app.url);
  assert.equal(script, `${env.app.url}sw.js`);
  // One cache, named after this folder and this build.
  const names = await cacheNames(page);
  assert.equal(names.length, 1);
  assert.ok(names[0].startsWith(`zezhou:${env.app.url}:`), names[0]);
  assert.deepEqual(page.problems, []);
});

test('the manifest is linked and parses, and its icons load at their sizes', async () => {
  const page = await env.open('phone');
  await waitForApp(page);
  const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href);
  assert.equal(href, `${env.app.url}manifest.webmanifest`);
  const response = await page.request.get(href);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^application\/manifest\+json/);
  const manifest = await response.json();
  assert.equal(manifest.name, '泽州县2017年脱贫攻坚十件大事');
  assert.ok(manifest.short_name && manifest.short_name.length <= 12, manifest.short_name);
  assert.equal(manifest.lang, 'zh-Hans');
  assert.equal(manifest.display, 'standalone');
  assert.equal(new URL(manifest.start_url, href).href, env.app.url);
  assert.equal(new URL(manifest.scope, href).href, env.app.url);
  assert.equal(manifest.theme_color, '#a8231b');
  assert.equal(manifest.background_color, '#f7f5f0');

  const purposes = [];
  for (const icon of manifest.icons) {
    const [w, h] = await pngSize(page, new URL(icon.src, href).href);
    assert.equal(`${w}x${h}`, icon.sizes, icon.src);
    purposes.push(`${icon.sizes} ${icon.purpose ?? 'any'}`);
  }
  for (const wanted of ['192x192 any', '512x512 any', '512x512 maskable']) {
    assert.ok(purposes.includes(wanted), `no ${wanted} icon`);
  }

  const touch = await page.evaluate(
    () => document.querySelector('link[rel="apple-touch-icon"]')?.href,
  );
  assert.deepEqual(await pngSize(page, touch), [180, 180]);
  const themes = await page.evaluate(() =>
    [...document.querySelectorAll('meta[name="theme-color"]')].map((m) => m.media),
  );
  assert.deepEqual(themes.sort(), ['(prefers-color-scheme: dark)', '(prefers-color-scheme: light)']);
  assert.deepEqual(page.problems, []);
});

/** Fetches a PNG (status 200, type image/png) and returns [width, height] from its header. */
async function pngSize(page, url) {
  const response = await page.request.get(url);
  assert.equal(response.status(), 200, url);
  assert.equal(response.headers()['content-type'], 'image/png', url);
  const bytes = await response.body();
  assert.equal(bytes.subarray(0, 8).toString('latin1'), '\x89PNG\r\n\x1a\n', url);
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR', url);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('a new build replaces the old cache and the old page', async () => {
  // Build A is dist/ as built; build B changes the page, so its worker names a new cache
  // (a new build's sw.js differs in its version: crates/postbuild/src/offline.rs tests that any change
  // of any file changes it).
  const a = join(scratch, 'a');
  const b = join(scratch, 'b');
  await cp(DIST, a, { recursive: true });
  await cp(DIST, b, { recursive: true });
  const page = await readFile(join(b, 'index.html'), 'utf8');
  await writeFile(join(b, 'index.html'), page.replace('</body>', '<!-- build B --></body>'));
  const worker = await readFile(join(b, 'sw.js'), 'utf8');
  const version = /const VERSION = "([0-9a-f]+)";/.exec(worker)?.[1];
  assert.ok(version, 'sw.js has no VERSION');
  const versionB = version.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  await writeFile(join(b, 'sw.js'), worker.replace(`"${version}"`, `"${versionB}"`));

  env.app.setRoot(a);
  try {
    const tab = await visit('desktop');
    const before = await cacheNames(tab);
    assert.deepEqual(before, [`zezhou:${env.app.url}:${version}`]);

    env.app.setRoot(b);
    // The first reload gets B's page from the network and finds B's worker, which installs,
    // takes over and deletes A's cache.
    await tab.reload();
    await waitForApp(tab);
    await waitUntil(async () => {
      const names = await cacheNames(tab);
      return names.length === 1 && names[0].endsWith(`:${versionB}`);
    }, 'the old cache was not replaced');
    await tab.reload();
    await waitForApp(tab);
    assert.match(await tab.content(), /<!-- build B -->/);
    assert.deepEqual(await cacheNames(tab), [`zezhou:${env.app.url}:${versionB}`]);

    // B's cache is complete: B opens offline.
    await reloadOffline(tab);
    assert.match(await tab.content(), /<!-- build B -->/);
    assert.equal(await tab.locator(CARDS).count(), 10);
    assert.deepEqual(tab.problems, []);
  } finally {
    env.app.setRoot(DIST);
  }
});

async function waitUntil(check, message, timeout = 20000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(message);
}

// 404.html cannot know the folder it is deployed to: it probes each folder above the
// missing path for the app's manifest. Its own 404 and the probes' 404s are expected.
for (const prefix of ['/zezhou/', '/', '/deep/er/app/']) {
  test(`a mistyped path lands on the app, which is served at ${prefix}`, async () => {
    const app = prefix === '/zezhou/' ? env.app : await serveDist({ prefix });
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      const problems = watch(page, app.origin);
      const response = await page.goto(`${app.url}no/such/path#/en/event/2`);
      assert.equal(response.status(), 404);
      await page.waitForURL(`${app.url}#/en/event/2`);
      await waitForApp(page);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      // The open event rides in the state: the document title names it.
  assert.match(await page.title(), / · /);
      const unexpected = problems.filter(
        (p) =>
          !p.startsWith(`HTTP 404: ${app.url}no/such/path`) &&
          !/^HTTP 404: .*\/manifest\.webmanifest$/.test(p) &&
          p !== 'console: Failed to load resource: the server responded with a status of 404 (Not Found)',
      );
      assert.deepEqual(unexpected, []);
    } finally {
      await context.close();
      if (app !== env.app) await app.close();
    }
  });
}

test('without JavaScript, the 404 page says so in both languages and links home', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${env.app.url}no/such/path`);
    assert.equal(response.status(), 404);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
    const text = await page.locator('body').textContent();
    assert.match(text, /页面不存在/);
    assert.match(text, /This page does not exist/);
    assert.equal(await page.locator('a[href="./"]').count(), 1);
    await screenshot(page, 'offline-404-no-script');
  } finally {
    await context.close();
  }
});
