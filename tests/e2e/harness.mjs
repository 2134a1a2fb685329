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

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
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
    const page = await context.newPage();
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

/** Collects console errors, page errors, failed requests and off-origin requests. */
export function watch(page, origin) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`off-origin request: ${url}`);
    }
  });
  return problems;
}

/** Waits until the WebAssembly app has mounted and marked itself ready. */
export async function waitForApp(page) {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, {
    timeout: 20000,
  });
}

export async function screenshot(page, name) {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}
