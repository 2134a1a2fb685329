// The benchmark (not a test): prints bytes of the first load, load and interaction timings
// of the app against a plain static HTML page of the same first view, and heap growth.
// Run through scripts/bench.sh, which builds dist/ first. Figures, not assertions: the
// machine is shared and noisy; only the size budget is a test.
import { readdir, readFile, mkdir, writeFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join } from 'node:path';
import { serveDist } from '../e2e/server.mjs';
import { launch, PROFILES } from '../e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 20);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const ms = (x) => `${x.toFixed(1)} ms`;

// 1. Bytes of the first load, per file type.
const FIRST = new Set(['.html', '.css', '.js', '.wasm']);
const byType = {};
for (const name of await readdir('dist')) {
  if (!FIRST.has(extname(name)) || name === 'sw.js' || name === '404.html') continue;
  const body = await readFile(join('dist', name));
  const t = (byType[extname(name)] ??= { raw: 0, gz: 0 });
  t.raw += body.length;
  t.gz += gzipSync(body, { level: 9 }).length;
}
console.log('\nfirst load           raw bytes   gzip bytes');
let raw = 0;
let gz = 0;
for (const [type, t] of Object.entries(byType)) {
  console.log(`  ${type.padEnd(16)} ${String(t.raw).padStart(10)} ${String(t.gz).padStart(12)}`);
  raw += t.raw;
  gz += t.gz;
}
console.log(`  ${'total'.padEnd(16)} ${String(raw).padStart(10)} ${String(gz).padStart(12)}   (budget 150000)`);

// 2. A plain static page of the same first view: dist/index.html without any script.
const staticDir = 'target/bench-static';
await rm(staticDir, { recursive: true, force: true });
await mkdir(staticDir, { recursive: true });
for (const name of await readdir('dist')) {
  if (extname(name) === '.css') await writeFile(join(staticDir, name), await readFile(join('dist', name)));
}
const html = (await readFile('dist/index.html', 'utf8'))
  .replace(/<script\b[\s\S]*?<\/script>/g, '')
  .replace(/<link[^>]*rel=(?:"|)(?:modulepreload|preload)[^>]*>/g, '')
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
await writeFile(join(staticDir, 'index.html'), html);

const app = await serveDist({ root: 'dist', prefix: '/app/' });
const plain = await serveDist({ root: staticDir, prefix: '/static/' });
const browser = await launch();

async function paintTimes(url, waitForApp) {
  const fcp = [];
  const lcp = [];
  const ready = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(PROFILES.desktop);
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__lcp = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__lcp = e.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(url);
    if (waitForApp) await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    await page.waitForTimeout(100);
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      lcp: window.__lcp,
      ready: performance.getEntriesByName('app-interactive')[0]?.startTime ?? NaN,
    }));
    fcp.push(t.fcp);
    lcp.push(t.lcp);
    ready.push(t.ready);
    await context.close();
  }
  return { fcp: median(fcp), lcp: median(lcp), ready: median(ready) };
}

const ours = await paintTimes(app.url, true);
const theirs = await paintTimes(plain.url, false);
console.log(`\nload, desktop, median of ${RUNS}     app        static page   ratio`);
console.log(`  first contentful paint  ${ms(ours.fcp).padStart(10)} ${ms(theirs.fcp).padStart(12)}   ${(ours.fcp / theirs.fcp).toFixed(2)}`);
console.log(`  largest contentful paint${ms(ours.lcp).padStart(10)} ${ms(theirs.lcp).padStart(12)}   ${(ours.lcp / theirs.lcp).toFixed(2)}`);
console.log(`  interactive (app mark)  ${ms(ours.ready).padStart(10)}`);

// 3. Interactions, each timed from the click to the next animation frame.
const context = await browser.newContext(PROFILES.desktop);
const page = await context.newPage();
await page.goto(app.url);
await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
const timeClick = (selector) =>
  page.evaluate(
    (sel) =>
      new Promise((done) => {
        const t0 = performance.now();
        document.querySelector(sel).click();
        requestAnimationFrame(() => done(performance.now() - t0));
      }),
    selector,
  );
const switches = [];
for (let i = 0; i < RUNS; i++) {
  switches.push(await timeClick(`.lang-switch__option[data-lang="${i % 2 ? 'zh-Hans' : 'en'}"]`));
}
console.log(`\ninteraction, median of ${RUNS}`);
console.log(`  language switch          ${ms(median(switches))}`);
console.log('  filter, search, open card, chart resize: not mounted yet (see README)');

// 4. Heap after 1,000 alternating language switches against after the first.
const heap = () => page.evaluate(() => performance.memory?.usedJSHeapSize ?? NaN);
const cdp = await context.newCDPSession(page);
await timeClick('.lang-switch__option[data-lang="en"]');
await cdp.send('HeapProfiler.collectGarbage');
const first = await heap();
for (let i = 0; i < 1000; i++) {
  await timeClick(`.lang-switch__option[data-lang="${i % 2 ? 'en' : 'zh-Hans'}"]`);
}
await cdp.send('HeapProfiler.collectGarbage');
const after = await heap();
console.log(`\nJS heap after the first switch ${(first / 1024).toFixed(0)} KB, after 1,000 more ${(after / 1024).toFixed(0)} KB`);
console.log('(Lighthouse figures: not yet part of this script; see the README.)');

await browser.close();
await app.close();
await plain.close();
