// The charts (issue 5): money by programme, achieved against target, households and people,
// and the completion bars on cards; tooltips by tap, hover and keyboard; going to a card; the
// table view; the log switch in the URL; redraw on resize; downloads; dark mode; axe-core.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  setUp,
  waitForApp,
  screenshot,
  axeViolations,
  overflowsHorizontally,
  pdfPages,
  SCREENSHOTS,
} from './harness.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => env?.close());

// What each chart must show as direct labels (simplified Chinese), from the report.
const VALUES = {
  // Spending and investment only: microcredit loans issued are not spending (issue 11).
  'money-by-programme': ['1.28亿', '1925.04万', '110万', '100万'],
  'achieved-vs-target': ['127%', '126%', '任务 100%'],
  'households-and-people': ['2078户', '5222人', '784户', '2551人'],
};
const TITLES = {
  'money-by-programme': '各项目支出与投资',
  'achieved-vs-target': '任务完成情况',
  'households-and-people': '户数与人数',
};

/** Opens the app and brings the charts near the screen, which loads their module. */
async function openApp(profile, path = '', options) {
  const page = await env.open(profile, path, options);
  await waitForApp(page);
  await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
  await page.locator('[data-testid="chart-image"] svg').nth(2).waitFor();
  return page;
}

const chart = (page, slug) => page.locator(`[data-testid="chart"][data-chart="${slug}"]`);
const marks = (page, slug) => chart(page, slug).getByTestId('chart-mark');
const tooltip = (page, slug) => chart(page, slug).getByTestId('chart-tooltip');
const svgText = (page, slug) =>
  chart(page, slug)
    .locator('svg text')
    .evaluateAll((els) => els.map((e) => e.textContent.trim()));
/** The colours of the chart's first-series bars, as the theme paints them. */
const barFills = (page, slug) =>
  chart(page, slug)
    .locator('svg .chart-bar-1')
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).fill));
const SERIES_1 = { light: 'rgb(168, 35, 27)', dark: 'rgb(255, 143, 128)' };

/** Waits until the chart's tooltip is shown and placed. */
async function tooltipShown(page, slug) {
  await chart(page, slug).locator('.chart__tooltip--placed:not([hidden])').waitFor();
  return tooltip(page, slug);
}

async function tooltipHidden(page, slug) {
  await tooltip(page, slug).waitFor({ state: 'hidden' });
}

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function shoot(page, name) {
  for (const slug of Object.keys(VALUES)) {
    await chart(page, slug).screenshot({ path: `${SCREENSHOTS}${name}-${slug}.png` });
  }
}

test('the charts module loads only when the charts come near the screen', async () => {
  const page = await env.open('phone');
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  await waitForApp(page);
  // Weak test (issue 13): a fixed 800 ms sleep stood for "the page has looked". Now: an
  // observer like the page's (same slot, same margin), made after it, reports after it
  // (observers are told in the order they were made); the page loads the charts in that
  // callback, synchronously, by adding their start script.
  const near = await page.evaluate(
    () =>
      new Promise((ok) => {
        const observer = new IntersectionObserver(
          (entries) => {
            observer.disconnect();
            ok(entries[0].isIntersecting);
          },
          { rootMargin: '100% 0px' },
        );
        observer.observe(document.getElementById('charts-root'));
      }),
  );
  assert.equal(near, false, 'the charts slot is near the screen at first: the test means nothing');
  assert.deepEqual(fetched.filter((n) => n.startsWith('charts-')), [], 'loaded before it was needed');
  assert.match(await page.getByTestId('charts-slot').textContent(), /图表加载中/);
  await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
  await page.locator('[data-testid="chart-image"] svg').nth(2).waitFor();
  const charts = fetched.filter((n) => n.startsWith('charts-'));
  // One file: the charts' part of the app's module (src/lib.rs, `charts`).
  assert.equal(charts.length, 1, charts.join(', '));
  assert.match(charts[0], /^charts-[0-9a-f]{16}\.wasm$/);
  assert.equal(await page.getByTestId('charts-slot').getAttribute('data-state'), 'ready');
  assert.deepEqual(page.problems, []);
});

// Print (issue 13: no test covered the charts' part of it). Printing loads no module (print
// does not wait for one; issue 12 dropped loading on beforeprint for that reason): before the
// charts have loaded, the build's picture of them in the page's language stands in; once
// they are live, they print themselves and the picture is not fetched.
test('print: the build\'s picture of the charts before they load, the live charts after', async () => {
  const page = await env.open('desktop', '#/en');
  await waitForApp(page);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  const slot = page.getByTestId('charts-slot');
  const standIn = () => slot.evaluate((el) => getComputedStyle(el, '::after').content);
  const flat = (t) => t.normalize('NFKC').replace(/\s+/g, '');
  const pdf = () => page.pdf({ format: 'A4' }).then(pdfPages).then((pages) => flat(pages.join('')));

  await page.emulateMedia({ media: 'print' });
  assert.match(await standIn(), /print-charts-en\.svg/);
  let text = await pdf();
  assert.ok(fetched.includes('print-charts-en.svg'), fetched.join(', '));
  assert.ok(!fetched.some((n) => n.startsWith('print-charts-zh')), fetched.join(', '));
  assert.deepEqual(fetched.filter((n) => n.startsWith('charts-')), [], 'printing loaded the module');
  assert.ok(text.includes(flat('Spending and investment by programme')), text.slice(0, 400));

  await page.emulateMedia({ media: 'screen' });
  await slot.scrollIntoViewIfNeeded();
  await page.locator('[data-testid="chart-image"] svg').nth(2).waitFor();
  await page.emulateMedia({ media: 'print' });
  fetched.length = 0;
  assert.doesNotMatch(await standIn(), /print-charts/);
  text = await pdf();
  assert.ok(!fetched.some((n) => n.startsWith('print-charts')), fetched.join(', '));
  // The live charts' own titles and direct labels.
  for (const label of ['Spending and investment by programme', '128M', '127%']) {
    assert.ok(text.includes(flat(label)), `${label} not printed: ${text.slice(0, 400)}`);
  }
  assert.deepEqual(page.problems, []);
});

for (const profile of ['phone', 'desktop']) {
  describe(`charts on ${profile}`, () => {
    test('every chart renders its values as a named image with a description', async () => {
      const page = await openApp(profile);
      await chart(page, 'money-by-programme').scrollIntoViewIfNeeded();
      for (const [slug, values] of Object.entries(VALUES)) {
        const texts = await svgText(page, slug);
        for (const value of values) {
          assert.ok(texts.includes(value), `${slug} lacks ${value}: ${texts.join(' | ')}`);
        }
        const image = chart(page, slug).getByTestId('chart-image');
        assert.equal(await image.getAttribute('role'), 'img');
        const titleId = await image.getAttribute('aria-labelledby');
        assert.equal(await page.locator(`#${titleId}`).textContent(), TITLES[slug]);
        const description = await chart(page, slug).getByTestId('chart-description').textContent();
        assert.ok(description.length > 20, description);
        // A strict CSP blocks inline style attributes: the SVG has none.
        assert.equal(await chart(page, slug).locator('svg[style], svg [style]').count(), 0);
        // Every mark is a touch target of at least 44 px.
        for (const box of await marks(page, slug).evaluateAll((els) =>
          els.map((e) => e.getBoundingClientRect().toJSON()),
        )) {
          assert.ok(box.height >= 44, `${slug} mark ${box.height}px tall`);
        }
      }
      const money = await chart(page, 'money-by-programme').getByTestId('chart-description').textContent();
      assert.match(money, /集中安置点建设投资最多，为1\.28亿元/);
      assert.equal(await overflowsHorizontally(page), false);
      await shoot(page, `charts-${profile}-light`);
      assert.deepEqual(page.problems, []);
    });

    test('a tooltip opens on a mark beside it, stays, and is dismissed', async () => {
      const page = await openApp(profile);
      const slug = 'households-and-people';
      const mark = marks(page, slug).nth(1);
      await mark.scrollIntoViewIfNeeded();
      if (profile === 'phone') await mark.tap();
      else await mark.hover();
      const tip = await tooltipShown(page, slug);
      assert.equal(await tip.getByTestId('chart-tooltip-value').textContent(), '5222人');
      assert.match(await tip.textContent(), /原文数字/);
      // Never over the finger's (or pointer's) target.
      assert.equal(overlaps(await tip.boundingBox(), await mark.boundingBox()), false);
      // Inside the chart box horizontally.
      const box = await chart(page, slug).locator('.chart__box').boundingBox();
      const t = await tip.boundingBox();
      assert.ok(t.x >= box.x - 1 && t.x + t.width <= box.x + box.width + 1, 'tooltip leaves the chart');
      await screenshot(page, `charts-tooltip-${profile}`);
      if (profile === 'desktop') {
        // Bug (issue 12): on desktop the tooltip stayed open after the pointer left the bar.
        // A tooltip that hover opened goes when the pointer leaves; a clicked one stays
        // until dismissed; Escape dismisses.
        await page.mouse.move(5, 5);
        await tooltipHidden(page, slug);
        await mark.click();
        await tooltipShown(page, slug);
        await page.mouse.move(5, 5);
        await page.waitForTimeout(200);
        assert.equal(await tip.isVisible(), true, 'a clicked tooltip stays');
        await page.keyboard.press('Escape');
        await tooltipHidden(page, slug);
        // Hover opens another mark's tooltip as the pointer moves to it.
        await marks(page, slug).nth(2).hover();
        await tooltipShown(page, slug);
        assert.equal(await tip.getByTestId('chart-tooltip-value').textContent(), '784户');
        // One the keyboard opened stays when the mouse leaves.
        await marks(page, slug).nth(0).focus();
        await page.waitForFunction(
          (s) => document.querySelector(`[data-chart="${s}"] [data-testid="chart-tooltip-value"]`)?.textContent === '2078户',
          slug,
        );
        await page.mouse.move(5, 5);
        await page.waitForTimeout(200);
        assert.equal(await tip.isVisible(), true, 'a tooltip opened by a key stays');
      }
      // A tap (or click) elsewhere dismisses it.
      if (profile === 'phone') await page.locator('#charts-heading').tap();
      else await page.locator('#charts-heading').click();
      await tooltipHidden(page, slug);
      // The close button dismisses it.
      if (profile === 'phone') await mark.tap();
      else await mark.click();
      await tooltipShown(page, slug);
      const close = tip.getByTestId('chart-tooltip-close');
      if (profile === 'phone') await close.tap();
      else await close.click();
      await tooltipHidden(page, slug);
      assert.deepEqual(page.problems, []);
    });

    test('a mark leads to its card', async () => {
      const page = await openApp(profile);
      const slug = 'money-by-programme';
      const mark = marks(page, slug).first();
      await mark.scrollIntoViewIfNeeded();
      if (profile === 'phone') await mark.tap();
      else await mark.click();
      const tip = await tooltipShown(page, slug);
      assert.equal(await tip.getByTestId('chart-tooltip-value').textContent(), '1.28亿元');
      const go = tip.getByTestId('chart-go');
      if (profile === 'phone') await go.tap();
      else await go.click();
      const card = page.locator('#event-2');
      await page.waitForFunction(() => document.getElementById('event-2')?.classList.contains('card--open'));
      await page.waitForFunction(() => {
        const r = document.getElementById('event-2').getBoundingClientRect();
        return r.top >= -1 && r.top < window.innerHeight / 2;
      });
      assert.match(await card.getAttribute('class'), /card--open/);
      assert.equal(await card.evaluate((el) => el === document.activeElement), true, 'focus moves to the card');
      await tooltipHidden(page, slug);
      assert.deepEqual(page.problems, []);
    });

    test('the table view lists every figure', async () => {
      const page = await openApp(profile);
      const c = chart(page, 'money-by-programme');
      const toggle = c.getByTestId('chart-table-toggle');
      const table = c.getByTestId('chart-table');
      assert.equal(await table.isVisible(), false);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.equal(await table.isVisible(), true);
      assert.equal(await table.locator('caption').textContent(), '各项目支出与投资');
      assert.equal(await table.locator('thead th[scope="col"]').count(), 3);
      assert.equal(await table.locator('tbody th[scope="row"]').count(), 4);
      const text = await table.textContent();
      for (const value of ['1.28亿元', '1925.04万元', '110万元', '100万元']) {
        assert.ok(text.includes(value), `table lacks ${value}`);
      }
      assert.equal(await overflowsHorizontally(page), false);
      await c.screenshot({ path: `${SCREENSHOTS}charts-${profile}-table.png` });
      await toggle.click();
      assert.equal(await table.isVisible(), false);
      assert.deepEqual(page.problems, []);
    });
  });
}

test('keyboard: arrows move between marks with the same tooltip and an announcement', async () => {
  const page = await openApp('desktop');
  const slug = 'money-by-programme';
  const all = marks(page, slug);
  // One tab stop for the chart's marks.
  const tabbable = await all.evaluateAll((els) => els.filter((e) => e.tabIndex === 0).length);
  assert.equal(tabbable, 1);
  // Tab from the log switch's last button reaches the first mark.
  await chart(page, slug).getByTestId('scale-log').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.figure), 'relocation-investment');
  const tip = await tooltipShown(page, slug);
  assert.equal(await tip.getByTestId('chart-tooltip-value').textContent(), '1.28亿元');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.figure), 'county-special-fund');
  await page.waitForFunction(
    () => document.querySelector('[data-chart="money-by-programme"] [data-testid="chart-tooltip-value"]')?.textContent === '1925.04万元',
  );
  const live = chart(page, slug).getByTestId('chart-live');
  assert.match(await live.textContent(), /县级财政专项扶贫资金投入：1925\.04万元（原文数字） 2\/4/);
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.figure), 'internet-investment');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.figure), 'internet-investment');
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.figure), 'relocation-investment');
  // The roving tab stop followed.
  const stop = await all.evaluateAll((els) => els.findIndex((e) => e.tabIndex === 0));
  assert.equal(stop, 0);
  // Tab moves into the tooltip; Escape there closes it and returns focus to the mark.
  await tooltipShown(page, slug);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'chart-go');
  await page.keyboard.press('Escape');
  await tooltipHidden(page, slug);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.figure), 'relocation-investment');
  // Enter on the go button leads to the card.
  await page.keyboard.press('ArrowDown');
  await tooltipShown(page, slug);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('event-1')?.classList.contains('card--open'));
  assert.deepEqual(page.problems, []);
});

test('the log switch redraws the money chart and lands in the URL', async () => {
  const page = await openApp('phone');
  const c = chart(page, 'money-by-programme');
  const widths = () =>
    c.locator('svg .chart-bar-1').evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))));
  const linear = await widths();
  assert.ok(Math.min(...linear) < 3, `linear: ${linear}`);
  const log = c.getByTestId('scale-log');
  assert.equal(await log.getAttribute('aria-pressed'), 'false');
  await log.tap();
  assert.equal(await log.getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => location.hash.includes('scale=log'));
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-chart="money-by-programme"] svg .chart-bar-1')].every(
      (r) => Number(r.getAttribute('width')) > 30,
    ),
  );
  const texts = await svgText(page, 'money-by-programme');
  for (const value of VALUES['money-by-programme']) assert.ok(texts.includes(value), value);
  await c.screenshot({ path: `${SCREENSHOTS}charts-phone-light-money-log.png` });
  // A link with scale=log opens with the log scale.
  const url = page.url();
  const again = await openApp('desktop', url.slice(url.indexOf('#')));
  assert.equal(await chart(again, 'money-by-programme').getByTestId('scale-log').getAttribute('aria-pressed'), 'true');
  await chart(again, 'money-by-programme').screenshot({ path: `${SCREENSHOTS}charts-desktop-light-money-log.png` });
  assert.deepEqual(page.problems, []);
  assert.deepEqual(again.problems, []);
});

test('charts redraw to the width on resize, with no horizontal scroll at 320 px', async () => {
  const page = await openApp('desktop');
  const svgWidth = () =>
    chart(page, 'money-by-programme').locator('svg').evaluate((s) => Number(s.getAttribute('width')));
  const wide = await svgWidth();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.waitForFunction((w) => {
    const svg = document.querySelector('[data-chart="money-by-programme"] svg');
    return Number(svg.getAttribute('width')) < w;
  }, wide);
  const narrow = await svgWidth();
  const box = await chart(page, 'money-by-programme').locator('.chart__box').boundingBox();
  assert.ok(Math.abs(narrow - Math.max(240, Math.round(box.width))) <= 1, `${narrow} vs ${box.width}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));
  // Marks still sit over their bars.
  const mark = await marks(page, 'money-by-programme').first().boundingBox();
  assert.ok(mark.x >= box.x - 1 && mark.x + mark.width <= box.x + box.width + 1);
  await chart(page, 'money-by-programme').scrollIntoViewIfNeeded();
  await shoot(page, 'charts-320');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForFunction(
    (w) => Number(document.querySelector('[data-chart="money-by-programme"] svg').getAttribute('width')) === w,
    wide,
  );
  assert.deepEqual(page.problems, []);
});

describe('downloads', () => {
  async function download(page, slug, kind) {
    const button = chart(page, slug).getByTestId(`download-${kind}`);
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
  }

  test('SVG and PNG of the chart, CSV and JSON of its data', async () => {
    const page = await openApp('desktop');
    const slug = 'money-by-programme';

    const svg = await download(page, slug, 'svg');
    assert.equal(svg.name, 'zezhou-2017-money-by-programme.svg');
    const svgText = svg.body.toString('utf8');
    assert.ok(svgText.startsWith('<svg'), svgText.slice(0, 40));
    assert.match(svgText, /<title>各项目支出与投资<\/title>/);
    assert.ok(svgText.includes('1.28亿'));
    assert.ok(!svgText.includes('style='));
    // Bug (issue 12): the download had no title, source or margins: it stands alone now.
    assert.match(svgText, /<text [^>]*>各项目支出与投资<\/text>/);
    assert.match(svgText, /<text [^>]*>来源：高峰/);
    assert.match(svgText, /<svg x="24" y="\d+(\.\d+)?"/);
    const width = Number(/width="(\d+)"/.exec(svgText)[1]);
    const height = Number(/height="(\d+)"/.exec(svgText)[1]);

    const png = await download(page, slug, 'png');
    assert.equal(png.name, 'zezhou-2017-money-by-programme.png');
    assert.deepEqual([...png.body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.body.readUInt32BE(16), 2 * width);
    assert.equal(png.body.readUInt32BE(20), 2 * height);

    const csv = await download(page, slug, 'csv');
    assert.equal(csv.name, 'zezhou-2017-money-by-programme.csv');
    assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const csvText = csv.body.toString('utf8').slice(1);
    const [header, first] = csvText.split('\r\n');
    assert.match(header, /^chart,group,role,figure_id,label,value,unit,/);
    assert.match(header, /source_zh,source_en/);
    assert.match(first, /,relocation-investment,集中安置点建设投资,128000000,yuan,/);
    // The citations (issue 17): GB/T 7714, the title the project's, in square brackets.
    assert.match(csvText, /\r\ncitation,"高峰\. \[泽州县2017年脱贫攻坚十件大事\]\[N\]\./);

    const json = await download(page, slug, 'json');
    assert.equal(json.name, 'zezhou-2017-money-by-programme.json');
    const doc = JSON.parse(json.body.toString('utf8'));
    assert.match(doc.citation.report, /^高峰\. /);
    assert.match(doc.citation.app, /\[EB\/OL\]/);
    assert.equal(doc.figures[0].value, 128000000);
    assert.equal(doc.figures[0].unit, 'yuan');
    assert.equal(doc.figures[0].source_span['zh-Hans'], '1.28亿');

    // The achieved chart's data carries its context figures.
    const achieved = await download(page, 'achieved-vs-target', 'json');
    assert.equal(achieved.name, 'zezhou-2017-achieved-vs-target.json');
    const roles = JSON.parse(achieved.body.toString('utf8')).figures.map((f) => f.role);
    assert.deepEqual(roles, ['completion', 'achieved', 'target', 'completion', 'achieved']);
    assert.deepEqual(page.problems, []);
  });
});

describe('citations (issue 17)', () => {
  test('how to cite: GB/T 7714 in Chinese, APA in English, dated today; copied, and the same in the downloads', async () => {
    const page = await openApp('desktop', '#/zh-Hans', { permissions: ['clipboard-read', 'clipboard-write'] });
    const box = page.getByTestId('cite');
    await box.scrollIntoViewIfNeeded();
    const today = await page.evaluate(() => {
      const d = new Date();
      const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const apa = `${d.toLocaleString('en-US', { month: 'long' })} ${d.getDate()}, ${d.getFullYear()}`;
      return { iso, apa };
    });
    const page_ = env.app.url;
    assert.equal(await box.getByTestId('cite-report').textContent(), '高峰. [泽州县2017年脱贫攻坚十件大事][N]. [报纸名不详], [出版日期不详].');
    assert.equal(
      await box.getByTestId('cite-app').textContent(),
      `泽州县2017年脱贫攻坚十件大事: 互动事实页[EB/OL]. [${today.iso}]. ${page_}.`,
    );
    assert.match(await box.textContent(), /GB\/T 7714-2015/);

    await box.getByTestId('cite-copy').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="cite-status"]').textContent !== '');
    assert.equal(await box.getByTestId('cite-status').textContent(), '引用已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const [report, app] = copied.split('\n');
    assert.equal(report, await box.getByTestId('cite-report').textContent());
    assert.equal(app, await box.getByTestId('cite-app').textContent());

    // The downloads carry the same two citations.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      chart(page, 'money-by-programme').getByTestId('download-csv').click(),
    ]);
    const csv = (await readFile(await file.path())).toString('utf8');
    const field = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    const row = (text) => `citation,${field(text)}${','.repeat(13)}\r\n`;
    assert.ok(csv.endsWith(`\r\n${row(report)}${row(app)}`), csv.slice(-400));
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      chart(page, 'money-by-programme').getByTestId('download-json').click(),
    ]);
    assert.deepEqual(JSON.parse((await readFile(await json.path())).toString('utf8')).citation, { report, app });

    // In English, APA; in 繁體, GB/T in traditional characters.
    await page.locator('[data-lang="en"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="cite-report"]').textContent.startsWith('Gao'));
    assert.equal(
      await box.getByTestId('cite-report').textContent(),
      "Gao, F. (n.d.). [Ten major events in Zezhou County’s 2017 fight against poverty] [Staff report in Chinese, 本报讯; title supplied].",
    );
    assert.equal(
      await box.getByTestId('cite-app').textContent(),
      `Ten major events in Zezhou County’s 2017 fight against poverty: An interactive fact sheet. (n.d.). Retrieved ${today.apa}, from ${page_}en/`,
    );
    assert.equal(await box.getByTestId('cite-status').textContent(), '');
    await box.scrollIntoViewIfNeeded();
    await screenshot(page, 'cite-desktop-en');
    await page.locator('[data-lang="zh-Hant"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="cite-report"]').textContent.includes('[N]'));
    assert.match(await box.getByTestId('cite-report').textContent(), /^高峰\. \[澤州縣2017年脫貧攻堅十件大事\]\[N\]\. \[報紙名不詳\]/);
    assert.deepEqual(page.problems, []);
  });
});

describe('themes', () => {
  test('dark mode draws the charts in dark colours, and follows a system switch', async () => {
    for (const profile of ['phone', 'desktop']) {
      const page = await openApp(profile, '', { colorScheme: 'dark' });
      const dark = await barFills(page, 'money-by-programme');
      assert.ok(dark.length === 4 && dark.every((f) => f === SERIES_1.dark), dark.join());
      await chart(page, 'money-by-programme').scrollIntoViewIfNeeded();
      await shoot(page, `charts-${profile}-dark`);
      await page.emulateMedia({ colorScheme: 'light' });
      assert.deepEqual(await barFills(page, 'money-by-programme'), Array(4).fill(SERIES_1.light));
      if (profile === 'desktop') {
        // Forced colours (Windows high contrast): the system's colours.
        await page.emulateMedia({ forcedColors: 'active' });
        const forced = await barFills(page, 'money-by-programme');
        assert.ok(forced.every((f) => f !== SERIES_1.light), forced.join());
        await shoot(page, `charts-${profile}-forced`);
      }
      assert.deepEqual(page.problems, []);
    }
  });

  // Issue 13: a theme switch read the theme's colours from CSS and redrew every chart (new
  // SVG nodes, for the reader's choice and for the system's switch). The theme now colours
  // the same nodes through their classes.
  test('a theme switch recolours the charts without redrawing them', async () => {
    const page = await openApp('desktop', '', { colorScheme: 'light' });
    const slug = 'households-and-people';
    const drawn = () =>
      chart(page, slug)
        .locator('svg')
        .evaluate((svg) => ({
          same: svg === window.chartBefore,
          fills: [...svg.querySelectorAll('rect, polyline, text')].map((e) => {
            const style = getComputedStyle(e);
            return `${style.fill} ${style.stroke}`;
          }),
        }));
    await chart(page, slug).locator('svg').evaluate((svg) => (window.chartBefore = svg));
    const light = await drawn();
    const paints = (fills) =>
      page.waitForFunction(
        ([s, f]) =>
          [...document.querySelectorAll(`[data-chart="${s}"] svg rect`)].some((r) => getComputedStyle(r).fill === f),
        [slug, fills],
      );
    for (const [switchTo, colours] of [
      [() => page.getByTestId('appearance').selectOption('dark'), SERIES_1.dark],
      [() => page.getByTestId('appearance').selectOption('light'), SERIES_1.light],
      [() => page.getByTestId('appearance').selectOption('system'), SERIES_1.light],
      [() => page.emulateMedia({ colorScheme: 'dark' }), SERIES_1.dark],
    ]) {
      await switchTo();
      await paints(colours);
      // Two frames: a redraw would have come by now.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const now = await drawn();
      assert.equal(now.same, true, 'the chart was drawn again');
      assert.equal(now.fills.length, light.fills.length);
      if (colours === SERIES_1.dark) assert.notDeepEqual(now.fills, light.fills);
      else assert.deepEqual(now.fills, light.fills);
    }
    assert.deepEqual(page.problems, []);
  });
});

describe('cards', () => {
  test('cards 1 and 2 show a completion bar, the others nothing', async () => {
    const page = await openApp('phone');
    const visuals = await page
      .locator('article[data-testid="event-card"]')
      .evaluateAll((els) => els.filter((e) => e.querySelector('[data-testid="event-visual"]')).map((e) => Number(e.dataset.rank)));
    assert.deepEqual(visuals, [1, 2]);
    const text = await page.locator('article[data-rank="2"] [data-testid="event-visual"]').textContent();
    assert.match(text, /127%/);
    await page.locator('article[data-rank="1"]').screenshot({ path: `${SCREENSHOTS}charts-card-1-phone.png` });
    assert.deepEqual(page.problems, []);
  });
});

describe('accessibility', () => {
  for (const [profile, colorScheme] of [
    ['phone', 'light'],
    ['desktop', 'dark'],
  ]) {
    test(`axe-core finds nothing with the charts, a tooltip and a table shown (${profile}, ${colorScheme})`, async () => {
      const page = await openApp(profile, '', { colorScheme });
      const c = chart(page, 'achieved-vs-target');
      await c.getByTestId('chart-table-toggle').click();
      await c.getByTestId('chart-mark').first().click();
      await tooltipShown(page, 'achieved-vs-target');
      assert.deepEqual(await axeViolations(page), []);
      // And in English.
      await page.locator('[data-lang="en"]').first().click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      // Let the switch's colour transition finish before measuring contrast.
      await page.waitForTimeout(400);
      const texts = await svgText(page, 'money-by-programme');
      assert.ok(texts.includes('128M') && texts.includes('Amount (CNY)'), texts.join(' | '));
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(page.problems, []);
    });
  }
});
