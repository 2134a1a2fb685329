// WebKit (the engine of every iPhone browser) and Firefox, driven over classic WebDriver with
// selenium-webdriver from Node 20. Playwright's own WebKit and Firefox builds cannot be had
// here, so these are Debian's: WebKitGTK's MiniBrowser under Xvfb (it has no headless mode),
// and firefox-esr headless with geckodriver.
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';

/** The window sizes every flow runs at: an iPhone-sized window, and a desktop one. */
export const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

const children = [];

function freePort() {
  return new Promise((ok, no) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', no);
  });
}

/** Starts Xvfb on a free display (`-displayfd` writes the number it chose). */
async function xvfb() {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  children.push(proc);
  return new Promise((ok, no) => {
    let out = '';
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) ok(`:${out.trim()}`);
    });
    proc.on('exit', (code) => no(new Error(`Xvfb exited with ${code}`)));
  });
}

/** Waits until a WebDriver server answers its status endpoint. */
async function ready(url) {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${url}/status`).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no WebDriver at ${url}`);
}

function minibrowser() {
  const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' });
  const binary = files.split('\n').find((f) => f.endsWith('/MiniBrowser'));
  if (!binary) throw new Error('MiniBrowser not found: scripts/setup.sh --browser installs it');
  return binary;
}

let display;

/** A MiniBrowser (WebKitGTK) session under Xvfb. */
async function webkit() {
  display ??= await xvfb();
  const port = await freePort();
  const proc = spawn('WebKitWebDriver', [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display },
    stdio: 'ignore',
  });
  children.push(proc);
  const url = `http://127.0.0.1:${port}`;
  await ready(url);
  const driver = await new Builder()
    .usingServer(url)
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: minibrowser(), args: ['--automation', '--full-screen'] },
    })
    .build();
  return { driver, stop: () => driver.quit().finally(() => proc.kill()) };
}

/** A headless Firefox ESR session whose window may be narrower than Firefox's 450 px. */
async function gecko() {
  const profile = await mkdtemp(join(tmpdir(), 'zezhou-firefox-'));
  await mkdir(join(profile, 'chrome'));
  await writeFile(
    join(profile, 'chrome', 'userChrome.css'),
    ':root{--window-min-width:0px!important;min-width:0!important}',
  );
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX ?? '/usr/bin/firefox-esr')
    .addArguments('-headless', '--kiosk')
    .setProfile(profile)
    .setPreference('toolkit.legacyUserProfileCustomizations.stylesheets', true)
    .setPreference('browser.download.folderList', 2)
    .setPreference('browser.download.dir', profile)
    .setPreference('browser.download.useDownloadDir', true);
  const service = new firefox.ServiceBuilder(
    process.env.GECKODRIVER ?? join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver'),
  );
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  return { driver, stop: () => driver.quit() };
}

export const ENGINES = { webkit, firefox: gecko };

/** Opens a session of `engine` with the window at `size` (SIZES). */
export async function session(engine, size) {
  const s = await ENGINES[engine]();
  await s.driver.manage().setTimeouts({ script: 30000, pageLoad: 30000 });
  await s.driver.manage().window().setRect(SIZES[size]);
  return s;
}

/** Ends Xvfb and any driver left running. */
export function stopAll() {
  for (const c of children) c.kill();
}
