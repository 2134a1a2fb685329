// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core,
// a phone profile with touch and a desktop profile, and a watch on every page for console
// errors, page errors, failed requests and requests that leave the app's origin.
import { chromium, devices } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { serveDist } from './server.mjs';

export const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname;

export const PROFILES = {
  phone: { ...devices['Pixel 7'] },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
};

/** Chromium's flags for tests and the benchmark: no sandbox, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Starts the server and a browser. Returns { app, browser, open, close }.
 * `open(profile, path)` opens a new page in a fresh context and records every problem in
 * `page.problems`; call `expectClean(page)` at the end of a test.
 */
export async function setUp({ prefix = '/zezhou/' } = {}) {
  const app = await serveDist({ prefix });
  const browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
  const contexts = [];

  async function open(profile, path = '', options = {}) {
    const context = await browser.newContext({ ...PROFILES[profile], ...options });
    contexts.push(context);
    // Any Content-Security-Policy violation becomes a console error, which fails the test.
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
      ),
    );
    const page = await context.newPage();
    page.profile = profile;
    page.problems = watch(page, app.origin);
    await page.goto(app.url + path);
    return page;
  }

  async function close() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close();
    await app.close();
  }

  return { app, browser, open, close };
}

/** Changes the last byte of every response of `context` whose URL matches `pattern` (a file
 * that then fails its integrity check). */
export async function tamper(context, pattern) {
  await context.route(pattern, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 0xff;
    await route.fulfill({ response, body });
  });
}

/** Collects console errors, page errors, failed requests and off-origin requests. */
export function watch(page, origin) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A navigation cancels what the previous page was still loading (its favicon, say).
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`off-origin request: ${url}`);
    }
  });
  return problems;
}

/**
 * Loads the page again with a layout-shift observer in place from the start; returns a
 * function that gives the shifts recorded so far.
 */
export async function reloadWatchingShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.reload();
  return () => page.evaluate(() => window.__shifts);
}

/** Waits until the WebAssembly app has mounted and marked itself ready. */
export async function waitForApp(page) {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, {
    timeout: 20000,
  });
}

/** Saves what the reader sees (the viewport), or the whole page with `{ fullPage: true }`. */
export async function screenshot(page, name, { fullPage = false } = {}) {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

const AXE_SOURCE = await import('node:fs/promises').then((fs) =>
  fs.readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8'),
);

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on the page and returns its violations, each as
 * "rule: target …" lines. Injected with evaluate, which a strict CSP allows.
 */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`,
    );
  });
  return violations;
}

/** True when the page scrolls sideways. */
export async function overflowsHorizontally(page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/** Taps on touch profiles, clicks otherwise. */
export async function press(page, locator) {
  if (PROFILES[page.profile]?.hasTouch) await locator.tap();
  else await locator.click();
}

/** The text of each page of a PDF, by pdftotext (poppler-utils, installed by setup.sh). */
export async function pdfPages(pdf) {
  const { execFile } = await import('node:child_process');
  const { writeFile, mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(`${tmpdir()}/print-`);
  await writeFile(`${dir}/page.pdf`, pdf);
  const text = await new Promise((ok, fail) =>
    execFile('pdftotext', ['-layout', `${dir}/page.pdf`, '-'], { maxBuffer: 1 << 24 }, (err, out) =>
      err ? fail(err) : ok(out),
    ),
  );
  return text.split('\f').filter((p) => p.trim());
}
