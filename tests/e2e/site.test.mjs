// Shipping like a static site: the policy in dist/index.html, the first view without
// WebAssembly, and no layout shift when the live app replaces the HTML first view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setUp, waitForApp, screenshot, tamper, PROFILES, reloadWatchingShifts } from './harness.mjs';

const DIST = process.env.DIST ?? 'dist';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => env?.close());

test('dist/index.html has a strict CSP that hashes every inline script, and true SRI on the app and its styles', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'no CSP meta');
  const csp = meta[1];
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'the CSP must precede every script');
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.doesNotMatch(csp, /'unsafe-eval'/);
  const directive = (name) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
  assert.equal(directive('default-src'), "default-src 'self'");
  assert.equal(directive('style-src'), "style-src 'self'");
  assert.equal(directive('object-src'), "object-src 'none'");
  assert.equal(directive('base-uri'), "base-uri 'none'");
  const scriptSrc = directive('script-src');
  assert.match(scriptSrc, /^script-src 'self' 'wasm-unsafe-eval'/);
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.ok(inline.length >= 1, 'trunk\'s loader is inline');
  for (const body of inline) {
    const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    assert.ok(scriptSrc.includes(hash), `inline script without its hash: ${body.slice(0, 60)}`);
  }
  // The app's JavaScript and WebAssembly are fetched by the loader after the first paint,
  // each checked against its integrity value (a module script, whose integrity every engine
  // checks, unlike modulepreload's in WebKit; and fetch's integrity).
  assert.doesNotMatch(html, /rel=(?:"|)(?:preload|modulepreload)\b/, 'the app must not be preloaded with the first view');
  const loader = inline.find((body) => body.includes('largest-contentful-paint'));
  assert.ok(loader, 'the late loader is inline');
  // It reads its files and their integrity values from its element's data-* attributes.
  const loaderTag = html.match(/<script type=module ([^>]*)>/)?.[1] ?? '';
  const attr = (name) => loaderTag.match(new RegExp(`(?:^|\\s)${name}=(?:"|)([^"\\s>]+)`))?.[1];
  const checked = ['js', 'wasm'].map((kind) => ({
    href: attr(`data-${kind}`)?.replace(/^\.\//, ''),
    want: attr(`data-${kind}-integrity`),
  }));
  assert.match(loader, /integrity:\w+\.jsIntegrity/, 'the loader checks the JavaScript');
  assert.match(loader, /integrity:\w+\.wasmIntegrity/, 'the loader checks the WebAssembly');
  assert.deepEqual(checked.map((c) => c.href.split('.').pop()).sort(), ['js', 'wasm']);
  const stylesheets = [...html.matchAll(/<link\b[^>]*\brel=(?:"|)stylesheet\b[^>]*>/g)].map((m) => m[0]);
  // One joined stylesheet (the build hook joins style/*.css) and the no-script one.
  assert.equal(stylesheets.length, 2, stylesheets.join('\n'));
  for (const link of stylesheets) {
    assert.match(link, /integrity=/, `stylesheet without integrity: ${link}`);
    checked.push({
      href: link.match(/\bhref=(?:"|)\.\/([^"\s>]+)/)[1],
      want: link.match(/\bintegrity=(?:"|)(sha384-[^"\s>]+)/)[1],
    });
  }
  // Every integrity value is the hash of the file as served (the hook rewrites some files).
  for (const { href, want } of checked) {
    const body = await readFile(join(DIST, href));
    assert.equal(`sha384-${createHash('sha384').update(body).digest('base64')}`, want, `integrity of ${href}`);
  }
  assert.doesNotMatch(html, /\sstyle="/, 'an inline style attribute would be blocked');
});

test('without WebAssembly the HTML first view shows the text, the headline figures and the ten cards', async () => {
  const page = await env.browser.newPage();
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(env.app.url);
  await page.waitForFunction(() => document.documentElement.classList.contains('no-wasm'));
  assert.equal(await page.locator('h1').textContent(), '泽州县2017年脱贫攻坚十件大事');
  assert.ok((await page.getByTestId('headline-figure').count()) >= 5);
  assert.match((await page.getByTestId('headline-figure').allTextContents()).join(' '), /5222人/);
  assert.equal(await page.getByTestId('event-card').count(), 10);
  assert.ok(await page.locator('[data-rank="10"] .event-text').isVisible(), 'the full text shows');
  assert.ok(await page.locator('.static-note').isVisible(), 'the note says the interactive version needs a newer browser');
  assert.equal(await page.locator('.site-header__bar').isVisible(), false, 'controls that need the app are hidden');
  await screenshot(page, 'site-no-webassembly');
  await page.close();
});

for (const profile of ['phone', 'desktop']) {
  test(`the live app replaces the HTML first view with no layout shift on ${profile}`, async () => {
    const page = await env.open(profile, '', {});
    // A fresh load with a shift observer in place from the start.
    const shiftsSoFar = await reloadWatchingShifts(page);
    await waitForApp(page);
    await page.waitForTimeout(500);
    const shifts = await shiftsSoFar();
    const total = shifts.reduce((a, b) => a + b, 0);
    assert.equal(total, 0, `layout shifts: ${shifts.join(', ')}`);
    assert.deepEqual(page.problems, []);
  });
}

/** A browser context whose responses for `pattern` have their last byte changed. */
async function tampered(pattern) {
  const context = await env.browser.newContext(PROFILES.desktop);
  await tamper(context, pattern);
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  return page;
}

for (const [part, pattern] of [
  ['WebAssembly', /\/zezhou-[0-9a-f]+_bg\.wasm$/],
  ['JavaScript', /\/zezhou-[0-9a-f]+\.js$/],
  // The story's texts the page starts with (its language's, here 简体's).
  ['texts', /\/story-hans-[0-9a-f]+\.bin$/],
]) {
  test(`the page's ${part} failing its integrity check is refused; the static view stays`, async () => {
    const page = await tampered(pattern);
    await page.goto(env.app.url);
    await page.waitForFunction(() => document.documentElement.classList.contains('no-wasm'));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined);
    assert.ok(page.errors.some((e) => /integrity/i.test(e)), page.errors.join('\n'));
    assert.equal(await page.locator('h1').textContent(), '泽州县2017年脱贫攻坚十件大事');
    assert.equal(await page.getByTestId('event-card').count(), 10);
    assert.ok(await page.locator('.static-note').isVisible(), 'the note says the interactive version is missing');
    assert.equal(await page.locator('.site-header__bar').isVisible(), false, 'controls that need the app are hidden');
    await page.context().close();
  });
}

test('a charts module that fails its integrity check is refused; the page goes on', async () => {
  const page = await tampered(/\/charts-[0-9a-f]+\.wasm$/);
  await page.goto(env.app.url);
  await waitForApp(page);
  await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /charts-[0-9a-f]+\.wasm$/.test(r.name)));
  await page.waitForTimeout(500);
  assert.ok(page.errors.some((e) => /integrity/i.test(e)), page.errors.join('\n'));
  assert.equal(await page.getByTestId('chart-image').count(), 0);
  // No "loading" left for good: the slot says it failed and hides.
  await page.waitForFunction(() => document.getElementById('charts-root').dataset.state === 'failed');
  assert.equal(await page.getByTestId('charts-slot').isVisible(), false);
  // The page itself still works: a card opens.
  await page.locator('article[data-rank="3"] .card__toggle').click();
  assert.equal(await page.locator('article[data-rank="3"] .card__toggle').getAttribute('aria-expanded'), 'true');
  await page.context().close();
});
