// Every language a page (issue 15): the build writes the first view in each language
// (index.html, zh-Hant/index.html, en/index.html), each readable without JavaScript, and the
// live app keeps the URL on the page of the language shown. Old hash links (#/en/event/3)
// keep opening the same view. All under a sub-path, as a static host serves it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, waitForApp, screenshot, press, PROFILES, watch, reloadWatchingShifts } from './harness.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/pub/zezhou/' });
});
after(async () => env?.close());

const PAGES = [
  ['', 'zh-Hans', '泽州县2017年脱贫攻坚十件大事', '主要减贫指标超额完成'],
  ['zh-Hant/', 'zh-Hant', '澤州縣2017年脫貧攻堅十件大事', '主要減貧指標超額完成'],
  ['en/', 'en', "Ten Major Events in Zezhou County’s 2017 Fight Against Poverty", 'Main poverty-reduction targets exceeded'],
];

const card = (page, rank) => page.locator(`article[data-rank="${rank}"]`);
const isOpen = async (page, rank) => /card--open/.test(await card(page, rank).getAttribute('class'));
const lang = (page) => page.locator('html').getAttribute('lang');
const at = (path) => env.app.url + path;

for (const [folder, code, title, first] of PAGES) {
  for (const profile of ['phone', 'desktop']) {
    test(`${code} (${profile}): the page reads in its language without JavaScript`, async () => {
      const context = await env.browser.newContext({ ...PROFILES[profile], javaScriptEnabled: false });
      const page = await context.newPage();
      const problems = watch(page, env.app.origin);
      await page.goto(at(folder));
      assert.equal(await lang(page), code);
      assert.equal(await page.title(), title);
      assert.equal((await page.locator('h1').innerText()).trim(), title);
      assert.equal(await page.locator('article[data-testid="event-card"]').count(), 10);
      assert.ok((await card(page, 1).innerText()).includes(first), `${code}: the first card is not in the language`);
      // Its stylesheet came (from the root, one folder up for the language pages).
      const token = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--c-accent'));
      assert.notEqual(token.trim(), '', 'no stylesheet');
      assert.ok(await page.locator('noscript').count(), 'the no-script stylesheet');
      await screenshot(page, `pages-${code}-static-${profile}`, { fullPage: profile === 'phone' });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test(`${code}: the live app takes its page over in its language, with no layout shift, the worker at the root`, async () => {
    const page = await env.open('phone', folder);
    const shiftsSoFar = await reloadWatchingShifts(page);
    await waitForApp(page);
    assert.equal(await lang(page), code);
    assert.equal(page.url(), at(folder), 'the address stays the page');
    assert.ok((await card(page, 1).innerText()).includes(first));
    await page.waitForTimeout(300);
    const shifts = await shiftsSoFar();
    assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `layout shifts: ${shifts.join(', ')}`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, env.app.url, 'the worker is the root one');
    // The charts module, found from the root.
    await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="chart-image"] svg').first().waitFor();
    assert.deepEqual(page.problems, []);
  });
}

test('switching language moves to that language’s page; the back button and a reload keep the view', async () => {
  const page = await env.open('phone', '');
  await waitForApp(page);
  assert.equal(page.url(), at(''));
  await press(page, page.locator('.lang-switch__option[data-lang="en"]'));
  await page.waitForURL(at('en/'));
  assert.equal(await lang(page), 'en');
  // The document is still the root's: what loads later must come from the root all the
  // same (the charts module, its start script, the print pictures).
  await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
  await page.locator('[data-testid="chart-image"] svg').first().waitFor();
  await press(page, card(page, 3).locator('.card__toggle'));
  await page.waitForURL(at('en/#/event/3'));
  await press(page, page.locator('.lang-switch__option[data-lang="zh-Hant"]'));
  await page.waitForURL(at('zh-Hant/#/event/3'));
  assert.equal(await lang(page), 'zh-Hant');
  await page.goBack();
  await page.waitForURL(at('en/'));
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await isOpen(page, 3), false, 'back closed the card');
  await page.goForward();
  await page.waitForURL(at('zh-Hant/#/event/3'));
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.equal(await isOpen(page, 3), true);
  // A reload gets the page of that language, already in it before the app starts.
  const html = await (await page.request.get(page.url())).text();
  assert.match(html, /<html lang="?zh-Hant/);
  await page.reload();
  await waitForApp(page);
  assert.equal(await lang(page), 'zh-Hant');
  assert.equal(await isOpen(page, 3), true);
  // And 简体 back at the root: a view names its language in the hash there.
  await press(page, page.locator('.lang-switch__option[data-lang="zh-Hans"]'));
  await page.waitForURL(at('#/zh-Hans/event/3'));
  await screenshot(page, 'pages-switched-phone');
  assert.deepEqual(page.problems, []);
});

test('old hash links and new paths open the same view, the card in sight; a folder without its slash gets one', async () => {
  for (const [path, want, url, profile = 'desktop'] of [
    ['#/en/event/3', { lang: 'en', open: 3 }, 'en/#/event/3'],
    // A card far down, in a language other than the page's first view: the live app's
    // English cards are taller than the first view's Chinese ones.
    ['#/en/event/9', { lang: 'en', open: 9 }, 'en/#/event/9'],
    ['#/en/event/9', { lang: 'en', open: 9 }, 'en/#/event/9', 'phone'],
    ['en/#/zh-Hant/event/8', { lang: 'zh-Hant', open: 8 }, 'zh-Hant/#/event/8', 'phone'],
    ['#/zh-Hant?theme=relocation', { lang: 'zh-Hant', open: null }, 'zh-Hant/#?theme=relocation'],
    ['#/zh-Hans/event/2', { lang: 'zh-Hans', open: 2 }, '#/zh-Hans/event/2'],
    ['en/#/event/3', { lang: 'en', open: 3 }, 'en/#/event/3'],
    ['en/index.html#/event/5', { lang: 'en', open: 5 }, 'en/#/event/5'],
    ['zh-Hant/#/event/2?sort=money', { lang: 'zh-Hant', open: 2 }, 'zh-Hant/#/event/2?sort=money'],
    // An old link's language wins over the page it lands on.
    ['zh-Hant/#/en/event/4', { lang: 'en', open: 4 }, 'en/#/event/4'],
    ['en', { lang: 'en', open: null }, 'en/'],
  ]) {
    const page = await env.open(profile, path);
    await waitForApp(page);
    assert.equal(await lang(page), want.lang, path);
    const open = await page.locator('article.card--open').evaluateAll((els) => els.map((e) => Number(e.dataset.rank)));
    assert.deepEqual(open, want.open ? [want.open] : [], path);
    if (want.open) {
      // In sight, with focus, at the top of the screen where the first view put it.
      const card = page.locator('article.card--open');
      const top = await card.evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < page.viewportSize().height / 4, `${path} (${profile}): the card's top at ${top}`);
      assert.ok(await card.evaluate((el) => el === document.activeElement), `${path}: focus`);
    }
    await page.waitForURL(at(url));
    if (path.includes('theme=')) {
      assert.equal(await page.locator('article[data-testid="event-card"]').count() < 10, true, 'filtered');
    }
    assert.deepEqual(page.problems, [], path);
    await page.close();
  }
});

test('the root’s bare address applies the reader’s stored language and moves to its page', async () => {
  const page = await env.open('desktop', 'en/');
  await waitForApp(page);
  await page.goto(at(''));
  await waitForApp(page);
  assert.equal(await lang(page), 'en');
  await page.waitForURL(at('en/'));
  assert.deepEqual(page.problems, []);
});
