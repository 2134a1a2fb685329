// The first view shows the story's title and the report's ten event cards, from the
// embedded dataset, in simplified characters (the report's published form); with
// JavaScript off the same first view arrives as HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, waitForApp, screenshot, overflowsHorizontally } from './harness.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => env?.close());

// The ten headings as the source report has them, cleaned by hand here (pinyin removed,
// simplified): the test's own reading of data/source.txt, independent of the app's pipeline.
async function headingsFromSource() {
  const raw = await readFile(new URL('../../data/source.txt', import.meta.url), 'utf8');
  return raw
    .split('\n')
    .map((line) => line.match(/^(\d+)、([^。]+)。/))
    .filter(Boolean)
    .map((m) => ({ rank: Number(m[1]), heading: m[2].replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '') }));
}

for (const profile of ['phone', 'desktop']) {
  test(`the story title and ten event headings show on ${profile}`, async () => {
    const page = await env.open(profile);
    await waitForApp(page);
    assert.equal(await page.locator('h1').textContent(), '泽州县2017年脱贫攻坚十件大事');
    const items = page.getByTestId('event-card');
    assert.equal(await items.count(), 10);
    const shown = await items.locator('.card__title').allTextContents();
    const source = await headingsFromSource();
    assert.equal(source.length, 10);
    // The source is machine-converted traditional; the app shows simplified. Check the
    // characters both scripts share and a few known simplified headings exactly.
    assert.equal(shown[0], '主要减贫指标超额完成');
    assert.equal(shown[1], '啃下易地扶贫搬迁硬骨头');
    assert.equal(shown[9], '大扶贫格局初步形成');
    for (const [i, { heading }] of source.entries()) {
      assert.equal(shown[i].length, heading.replace(/,/g, '，').length, `heading ${i + 1}`);
    }
    assert.ok(!shown.join('').match(/[()a-z]/), 'a pinyin annotation survived');
    assert.equal(await overflowsHorizontally(page), false);
    await screenshot(page, `titles-${profile}`);
    assert.deepEqual(page.problems, []);
  });
}

test('without JavaScript the first view arrives as HTML', async () => {
  const page = await env.open('desktop', '', { javaScriptEnabled: false });
  assert.equal(await page.locator('h1').textContent(), '泽州县2017年脱贫攻坚十件大事');
  assert.equal(await page.getByTestId('event-card').count(), 10);
  // The cards open, with their full text: nothing hides it without the app.
  assert.ok(await page.locator('[data-rank="2"] .event-text').isVisible());
  assert.match(await page.locator('[data-rank="2"] .event-text').textContent(), /安置784户2551人/);
  // No control that would do nothing: the controls that need the app are hidden, and a
  // headline figure is a link that jumps to its card. The story's tiles and marks are the
  // live app's markup (it takes them over as they are), and take no taps without it.
  assert.ok((await page.getByTestId('figure-tile').count()) >= 10);
  const visibleButtons = await page
    .locator('#app button:not(.tile)')
    .evaluateAll((els) => els.filter((el) => el.checkVisibility()).map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(visibleButtons, []);
  const taking = await page
    .locator('#app .tile, #app .mark')
    .evaluateAll((els) => els.filter((el) => getComputedStyle(el).pointerEvents !== 'none').length);
  assert.equal(taking, 0, 'tiles and marks that take taps without the app');
  await page.getByTestId('headline-figure').first().click();
  assert.equal(await page.evaluate(() => location.hash), '#event-1');
  assert.ok(await page.locator('.static-note').isVisible(), 'the static note shows');
  await screenshot(page, 'titles-no-javascript');
});

test('the language switch changes every string, persists, and rides in the URL', async () => {
  const page = await env.open('phone');
  await waitForApp(page);
  await page.locator('.lang-switch__option[data-lang="en"]').tap();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(page.url(), `${env.app.url}en/`, "English's page");
  const h1 = await page.locator('h1').textContent();
  assert.match(h1, /Zezhou/);
  assert.equal(await page.title(), h1);
  const headings = await page.getByTestId('event-card').locator('.card__title').allTextContents();
  assert.equal(headings.length, 10);
  assert.ok(headings.every((h) => !/[\u3400-\u9fff]/.test(h)), `Chinese left in English: ${headings}`);
  assert.match((await page.getByTestId('headline-figure').allTextContents()).join(' '), /5,222 people/);
  await page.locator('.lang-switch__option[data-lang="zh-Hant"]').tap();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.equal(await page.locator('h1').textContent(), '澤州縣2017年脫貧攻堅十件大事');
  assert.match((await page.getByTestId('headline-figure').allTextContents()).join(' '), /1925\.04萬元/);
  // Kept across visits: a link without a language opens in the stored one.
  await page.goto(env.app.url);
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hant');
  await screenshot(page, 'titles-traditional-phone');
  assert.deepEqual(page.problems, []);
});
