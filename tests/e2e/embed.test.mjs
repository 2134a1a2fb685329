// Embeddable charts (issue 17): each chart's embed action copies an <iframe> snippet with a
// fallback link; the embed view (embed.html, beside index.html) shows that one chart alone,
// as wide as the iframe, in a page of another origin, at 320 px and 800 px, with no error and
// no request off the app's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { setUp, waitForApp, watch, PROFILES, SCREENSHOTS } from './harness.mjs';

let env;
let host;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
  // A news site on another origin that embeds the chart: ?src=…&width=….
  host = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const src = url.searchParams.get('src');
    const width = Number(url.searchParams.get('width'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>A news site</title></head>
<body style="margin:0"><p>Some article text.</p>
<iframe id="chart" src="${src}" title="chart" width="${width}" height="760" style="border:0"></iframe>
</body></html>`);
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  await env?.close();
  host?.close();
});

test("the embed action copies an iframe of the embed view and a fallback link", async () => {
  const page = await env.open('desktop', '#/zh-Hans', { permissions: ['clipboard-read', 'clipboard-write'] });
  await waitForApp(page);
  await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
  const chart = page.locator('[data-testid="chart"][data-chart="achieved-vs-target"]');
  await chart.getByTestId('embed').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="embed-status"]')].some((s) => s.textContent));
  assert.equal(await chart.getByTestId('embed-status').textContent(), '嵌入代码已复制');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  const [iframe, link] = snippet.split('\n');
  assert.match(iframe, new RegExp(`^<iframe src="${env.app.url}embed\\.html#/zh-Hans/achieved-vs-target" title="任务完成情况" width="100%"`));
  assert.equal(link, `<p><a href="${env.app.url}">任务完成情况（泽州县2017年脱贫攻坚十件大事）</a></p>`);
  assert.deepEqual(page.problems, []);
});

for (const [width, lang, slug, title] of [
  [320, 'en', 'money-by-programme', 'Spending and investment by programme'],
  [800, 'zh-Hant', 'households-and-people', '戶數與人數'],
]) {
  test(`the embed view alone in an iframe of another origin, ${width} px (${lang})`, async () => {
    const context = await env.browser.newContext({ viewport: { width: Math.max(width, 360), height: 900 } });
    const page = await context.newPage();
    const problems = [];
    const hostOrigin = `http://127.0.0.1:${host.address().port}`;
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('request', (r) => {
      const origin = new URL(r.url()).origin;
      if (origin !== env.app.origin && origin !== hostOrigin && !r.url().startsWith('data:')) problems.push(`off-origin: ${r.url()}`);
    });
    const src = `${env.app.url}embed.html#/${lang}/${slug}`;
    await page.goto(`${hostOrigin}/?src=${encodeURIComponent(src)}&width=${width}`);
    const frame = page.frameLocator('#chart');
    await frame.locator('[data-testid="chart-image"] svg').waitFor({ timeout: 20000 });

    // That chart alone, with its title, description, table toggle, source and a link back.
    assert.equal(await frame.locator('[data-testid="chart"]').count(), 1);
    assert.equal(await frame.locator(`[data-testid="chart"][data-chart="${slug}"]`).count(), 1);
    assert.equal((await frame.locator('.chart__title').textContent()).trim(), title);
    assert.ok((await frame.getByTestId('chart-description').textContent()).length > 20);
    assert.equal(await frame.getByTestId('chart-table-toggle').count(), 1);
    assert.match(await frame.locator('.embed__source').textContent(), lang === 'en' ? /^Source: Gao Feng/ : /^來源：高峰/);
    const back = frame.getByTestId('embed-sheet');
    assert.equal(await back.evaluate((a) => a.href), `${env.app.url}${lang}/`);
    assert.equal(await back.getAttribute('target'), '_blank');
    // Nothing of the page: no header, no cards.
    assert.equal(await frame.locator('.site-header, article').count(), 0);

    // As wide as the iframe, and no wider.
    const fit = await frame.locator('html').evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      svg: document.querySelector('[data-testid="chart-image"] svg').getBoundingClientRect().width,
      lang: document.documentElement.lang,
    }));
    assert.equal(fit.client, width);
    assert.ok(fit.scroll <= fit.client, `${fit.scroll} > ${fit.client}`);
    assert.ok(fit.svg > width * 0.8, `chart ${fit.svg} px in ${width}`);
    assert.equal(fit.lang, lang);

    // The table toggle works inside.
    await frame.getByTestId('chart-table-toggle').click();
    await frame.locator('table').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}embed-${width}-${lang}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/**
 * Chart `slug` alone in the embed view, with `memory()`: the bytes of every WebAssembly
 * memory the page made (the app's; the parts share it), after a garbage collection.
 */
async function chartAlone(slug) {
  const context = await env.browser.newContext(PROFILES.desktop);
  await context.addInitScript(() => {
    window.__memories = [];
    const instantiate = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...args) => {
      const made = await instantiate.apply(WebAssembly, args);
      if (made.instance.exports.memory) window.__memories.push(made.instance.exports.memory);
      return made;
    };
  });
  const page = await context.newPage();
  page.problems = watch(page, env.app.origin);
  await page.goto(`${env.app.url}embed.html#/zh-Hans/${slug}`);
  await page.locator('[data-testid="chart-image"] svg').first().waitFor();
  const cdp = await context.newCDPSession(page);
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return page.evaluate(() => window.__memories.reduce((sum, m) => sum + m.buffer.byteLength, 0));
  };
  return { context, page, memory };
}

// The charts' memory stays flat over language switches (the benchmark's "heap flat", for
// the charts: each of the three alone in the embed view, which follows <html lang>). The
// money chart's scale switch, rebuilt with every language, grew the module's memory by
// about 0.2 KB a switch (found once the charts shared the page's module). WebAssembly
// memory grows by 64 KB pages: after a warm-up, 1,000 switches may add at most one.
test('the charts keep their memory over 1,000 language switches', async () => {
  for (const slug of ['money-by-programme', 'achieved-vs-target', 'households-and-people']) {
    const { context, page, memory } = await chartAlone(slug);
    const switches = (n) =>
      page.evaluate(async (n) => {
        for (let i = 0; i < n; i++) {
          document.documentElement.lang = i % 2 ? 'zh-Hans' : 'en';
          await new Promise((frame) => requestAnimationFrame(() => setTimeout(frame)));
        }
      }, n);
    await switches(200);
    const before = await memory();
    assert.ok(before > 0, 'no WebAssembly memory seen');
    await switches(1000);
    const after = await memory();
    assert.ok(after - before <= 65536, `${slug}: ${before} -> ${after} bytes over 1,000 switches`);
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});

// A tooltip is a view built at each opening (its figure, its source, a close button): 1,000
// openings and closings, by click and by Escape, may add at most one 64 KB page too.
test('a chart keeps its memory over 1,000 tooltips opened and closed', async () => {
  const { context, page, memory } = await chartAlone('households-and-people');
  const tooltips = (n) =>
    page.evaluate(async (n) => {
      const frame = () => new Promise((next) => requestAnimationFrame(() => setTimeout(next)));
      const marks = [...document.querySelectorAll('[data-testid="chart-mark"]')];
      const tip = () => document.querySelector('[data-testid="chart-tooltip"]');
      for (let i = 0; i < n; i++) {
        marks[i % marks.length].click();
        await frame();
        if (tip()?.hidden !== false) throw new Error(`tooltip ${i} did not open`);
        document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await frame();
        if (!tip().hidden) throw new Error(`tooltip ${i} did not close`);
      }
    }, n);
  await tooltips(100);
  const before = await memory();
  assert.ok(before > 0, 'no WebAssembly memory seen');
  await tooltips(1000);
  const after = await memory();
  assert.ok(after - before <= 65536, `${before} -> ${after} bytes over 1,000 tooltips`);
  assert.deepEqual(page.problems, []);
  await context.close();
});
