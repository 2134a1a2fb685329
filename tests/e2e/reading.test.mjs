// The reading experience (issue 4): headline figures, cards, figure and glossary panels,
// filters, search, sort, languages, persistence, deep links, back button, share, themes,
// reduced motion, 320 px, junk URLs and axe-core, on a phone with touch and on a desktop.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  setUp,
  waitForApp,
  screenshot,
  axeViolations,
  overflowsHorizontally,
  press,
} from './harness.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => env?.close());

// Headings of the report, as published (simplified): the source of truth the cards must show.
const HEADINGS = {
  1: '主要减贫指标超额完成',
  2: '啃下易地扶贫搬迁硬骨头',
  5: '医疗保障帮扶和健康扶贫工作取得实效',
  10: '大扶贫格局初步形成',
};

async function openApp(profile, path = '', options) {
  const page = await env.open(profile, path, options);
  await waitForApp(page);
  return page;
}

const card = (page, rank) => page.locator(`article[data-rank="${rank}"]`);
const count = (page) => page.getByTestId('result-count').textContent();
const ranks = (page) =>
  page.locator('article[data-testid="event-card"]').evaluateAll((els) => els.map((e) => Number(e.dataset.rank)));
// The view's address relative to the app's root (the language's page and the hash),
// decoded: `en/#/event/3?sort=money`, `#/zh-Hans/event/2`, `` for 简体's bare page.
const view = (page) =>
  page.evaluate((root) => decodeURIComponent(location.href.slice(root.length)), env.app.url);

for (const profile of ['phone', 'desktop']) {
  describe(`reading on ${profile}`, () => {
    test('the header, headline figures and ten cards in report order, in simplified Chinese', async () => {
      const page = await openApp(profile);
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
      assert.equal(await page.locator('h1').textContent(), '泽州县2017年脱贫攻坚十件大事');
      const header = await page.locator('header.site-header').textContent();
      assert.match(header, /2017/);
      assert.match(header, /本报讯/);
      assert.match(header, /高峰/);
      const headline = await page.getByTestId('headline-figure').allTextContents();
      assert.ok(headline.length >= 5, headline.join(' | '));
      const joined = headline.join(' ');
      for (const expected of ['5222人', '2078户', '0.89%', '1925.04万元']) {
        assert.ok(joined.includes(expected), `headline lacks ${expected}: ${joined}`);
      }
      assert.deepEqual(await ranks(page), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (const [rank, heading] of Object.entries(HEADINGS)) {
        assert.equal(await card(page, rank).locator('.card__title').textContent(), heading);
      }
      assert.equal(await count(page), '显示 10 / 10 件大事');
      assert.equal(await overflowsHorizontally(page), false);
      await screenshot(page, `reading-main-${profile}`);
      await screenshot(page, `reading-main-full-${profile}`, { fullPage: true });
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(page.problems, []);
    });

    test('a headline figure leads to its card', async () => {
      const page = await openApp(profile);
      await press(page, page.locator('[data-testid="headline-figure"][data-figure="relocation-investment"]'));
      await page.waitForFunction(() => location.hash === '#/zh-Hans/event/2');
      const c = card(page, 2);
      assert.match(await c.getAttribute('class'), /card--open/);
      await page.waitForTimeout(600);
      const box = await c.boundingBox();
      const viewport = page.viewportSize();
      assert.ok(box.y < viewport.height && box.y + box.height > 0, `card 2 out of view: ${box.y}`);
      // Focus went with it, for keyboard and screen-reader users.
      assert.equal(await c.evaluate((el) => el === document.activeElement), true);
      assert.deepEqual(page.problems, []);
    });

    test('a card expands to its full text; a figure shows its source sentence', async () => {
      const page = await openApp(profile);
      const c = card(page, 2);
      const toggle = c.locator('.card__toggle');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await c.locator('.card__body').isVisible(), false);
      await press(page, toggle);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.ok(await c.locator('.card__body').isVisible());
      assert.equal(await view(page), '#/zh-Hans/event/2');
      const body = await c.locator('.event-text').textContent();
      assert.match(body, /安置784户2551人/);

      const mark = c.locator('.mark--figure', { hasText: '2551人' }).first();
      await press(page, mark);
      const panel = page.getByTestId('panel');
      await panel.waitFor({ state: 'visible' });
      assert.match(await panel.locator('#panel-title').textContent(), /./);
      assert.equal(await page.getByTestId('panel-value').textContent(), '2551人');
      assert.match(await panel.textContent(), /原文数字/);
      const quote = page.getByTestId('panel-source');
      assert.equal(await quote.locator('mark').textContent(), '2551人');
      assert.match(await quote.textContent(), /安置784户2551人/);
      await screenshot(page, `reading-figure-panel-${profile}`);
      assert.deepEqual(await axeViolations(page), []);

      // Escape closes it and returns focus to the mark that opened it.
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      assert.equal(await mark.evaluate((el) => el === document.activeElement), true);
      assert.deepEqual(page.problems, []);
    });

    test('a derived figure says so, with its formula', async () => {
      const page = await openApp(profile, '#/zh-Hans/event/1');
      const tile = card(page, 1).locator('.tile--derived[data-figure="people-per-household-lifted"]');
      assert.match(await tile.textContent(), /2\.51.*推算数字/);
      await press(page, tile);
      const panel = page.getByTestId('panel');
      await panel.waitFor({ state: 'visible' });
      assert.match(await panel.textContent(), /推算数字/);
      assert.match(await panel.textContent(), /算法.*5222 ÷ 2078/);
      assert.equal(await panel.getByTestId('panel-source').count(), 0, 'a derived figure has no source sentence');
      assert.deepEqual(page.problems, []);
    });

    test('a glossary term is explained; a tap outside and the close button dismiss', async () => {
      const page = await openApp(profile, '#/zh-Hans/event/2');
      const term = card(page, 2).locator('.mark--term').first();
      const termText = await term.textContent();
      await press(page, term);
      const panel = page.getByTestId('panel');
      await panel.waitFor({ state: 'visible' });
      assert.match(await panel.textContent(), /术语/);
      assert.equal(await panel.locator('#panel-title').textContent(), termText);
      await screenshot(page, `reading-term-panel-${profile}`);
      // Tap outside: on the page header.
      await press(page, page.locator('h1'));
      await panel.waitFor({ state: 'hidden' });
      await press(page, term);
      await panel.waitFor({ state: 'visible' });
      await press(page, page.getByTestId('panel-close'));
      await panel.waitFor({ state: 'hidden' });
      assert.deepEqual(page.problems, []);
    });

    test('theme filter, search in three scripts and by figure, sort, empty state', async () => {
      const page = await openApp(profile);
      await press(page, page.locator('.chip[data-theme-id="relocation"]'));
      assert.ok((await ranks(page)).includes(2));
      assert.ok((await ranks(page)).length < 10);
      assert.match(await view(page), /theme=relocation/);
      await press(page, page.locator('.chip[data-theme-id=""]'));
      assert.equal((await ranks(page)).length, 10);

      const search = page.getByTestId('search');
      for (const query of ['5222', '搬迁', 'relocation', '搬遷']) {
        await search.fill(query);
        const found = await ranks(page);
        assert.ok(found.length >= 1 && found.length < 10, `${query}: ${found}`);
        if (query === '5222') assert.deepEqual(found, [1]);
        else assert.ok(found.includes(2), `${query} misses event 2: ${found}`);
      }
      assert.match(await view(page), /q=搬遷/);
      await search.fill('没有这个词zzz');
      await page.getByTestId('empty').waitFor();
      assert.equal(await count(page), '显示 0 / 10 件大事');
      await screenshot(page, `reading-empty-${profile}`);
      await press(page, page.getByTestId('empty').locator('button'));
      assert.equal((await ranks(page)).length, 10);
      assert.equal(await search.inputValue(), '');

      await page.getByTestId('sort').selectOption('money');
      assert.equal((await ranks(page))[0], 2);
      await page.getByTestId('sort').selectOption('people');
      assert.equal((await ranks(page))[0], 1);
      assert.match(await view(page), /sort=people/);
      assert.deepEqual(page.problems, []);
    });

    test('languages: every string follows, the choice persists and rides in the URL', async () => {
      const page = await openApp(profile);
      await press(page, page.locator('.lang-switch__option[data-lang="en"]'));
      // A switch waits for the language's texts and the markup part (loaded when idle).
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(await view(page), 'en/');
      const h1 = await page.locator('h1').textContent();
      assert.match(h1, /Zezhou/);
      assert.equal(await page.title(), h1);
      assert.equal(await count(page), 'Showing 10 of 10 events');
      const headline = (await page.getByTestId('headline-figure').allTextContents()).join(' ');
      assert.match(headline, /5,222 people/);
      assert.match(headline, /CNY 19\.25 million/);
      assert.equal(await page.getByTestId('search').getAttribute('placeholder'), 'Search events or figures, e.g. relocation, 5222');
      await screenshot(page, `reading-english-${profile}`);
      assert.deepEqual(await axeViolations(page), []);

      await press(page, page.locator('.lang-switch__option[data-lang="zh-Hant"]'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant');
      assert.equal(await page.locator('h1').textContent(), '澤州縣2017年脫貧攻堅十件大事');
      const hant = (await page.getByTestId('headline-figure').allTextContents()).join(' ');
      assert.match(hant, /1925\.04萬元/);
      assert.match(hant, /2078戶/);
      await screenshot(page, `reading-traditional-${profile}`);
      assert.deepEqual(await axeViolations(page), []);

      // Persisted: a visit without a language in the URL opens in 繁體.
      await page.goto(env.app.url);
      await waitForApp(page);
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant');
      assert.equal(await view(page), 'zh-Hant/');
      assert.deepEqual(page.problems, []);
    });

    test('deep links in, and the back button walks back through views', async () => {
      const page = await openApp(profile, '#/en/event/5?sort=money');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.match(await card(page, 5).getAttribute('class'), /card--open/);
      assert.equal(await page.getByTestId('sort').inputValue(), 'money');
      assert.match(await page.title(), /·/);

      await press(page, card(page, 3).locator('.card__toggle'));
      assert.equal(await view(page), 'en/#/event/3?sort=money');
      await press(page, card(page, 4).locator('.card__toggle'));
      assert.equal(await view(page), 'en/#/event/4?sort=money');
      await page.goBack();
      await page.waitForFunction(() => location.hash === '#/event/3?sort=money');
      await page.waitForFunction(() => document.querySelector('article[data-rank="3"]').classList.contains('card--open'));
      assert.doesNotMatch(await card(page, 4).getAttribute('class'), /card--open/);
      await page.goBack();
      // The old link's first entry, as the app rewrote it: English has its page.
      await page.waitForFunction(() => location.hash === '#/event/5?sort=money' && location.pathname.endsWith('/en/'));
      assert.deepEqual(page.problems, []);
    });

    test('share falls back to copying the link, with a visible confirmation', async () => {
      const page = await openApp(profile, '#/zh-Hans/event/2', { permissions: ['clipboard-read', 'clipboard-write'] });
      // Headless Chromium on Linux has no share sheet; make sure the fallback is what runs.
      await page.evaluate(() => {
        delete Navigator.prototype.share;
      });
      await press(page, page.getByTestId('share'));
      const notice = page.getByTestId('notice');
      await notice.getByText('链接已复制').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await page.evaluate(() => location.href));
      assert.match(copied, /#\/zh-Hans\/event\/2$/);
      assert.deepEqual(page.problems, []);
    });

    test('dark theme from the system, a switch that persists, reduced motion', async () => {
      const page = await openApp(profile, '', { colorScheme: 'dark', reducedMotion: 'reduce' });
      const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(await bg(), 'rgb(19, 18, 16)');
      await screenshot(page, `reading-dark-${profile}`);
      assert.deepEqual(await axeViolations(page), []);
      await press(page, card(page, 2).locator('.card__toggle'));
      const mark = card(page, 2).locator('.mark--figure').first();
      await press(page, mark);
      await page.getByTestId('panel').waitFor({ state: 'visible' });
      await screenshot(page, `reading-dark-panel-${profile}`);
      assert.deepEqual(await axeViolations(page), []);
      await page.keyboard.press('Escape');
      const duration = await page.evaluate(
        () => getComputedStyle(document.querySelector('.card__chevron')).transitionDuration,
      );
      assert.ok(parseFloat(duration) < 0.01, `transition ${duration} under reduced motion`);

      await page.getByTestId('appearance').selectOption('light');
      assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
      assert.equal(await bg(), 'rgb(247, 245, 240)');
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
      assert.equal(await bg(), 'rgb(247, 245, 240)');
      assert.deepEqual(page.problems, []);
    });
  });
}

test('320 px wide: no horizontal scrolling, with a card and a panel open', async () => {
  const page = await openApp('phone', '#/en/event/2', { viewport: { width: 320, height: 640 } });
  assert.equal(await overflowsHorizontally(page), false);
  await press(page, card(page, 2).locator('.mark--figure').first());
  await page.getByTestId('panel').waitFor({ state: 'visible' });
  assert.equal(await overflowsHorizontally(page), false);
  await screenshot(page, 'reading-320-panel');
  await page.keyboard.press('Escape');
  await press(page, page.locator('.lang-switch__option[data-lang="zh-Hans"]'));
  assert.equal(await overflowsHorizontally(page), false);
  await screenshot(page, 'reading-320');
  assert.deepEqual(page.problems, []);
});

test('keyboard: tiles and marks open the panel, Escape returns focus', async () => {
  const page = await openApp('desktop', '#/zh-Hans/event/1');
  const tile = card(page, 1).getByTestId('figure-tile').first();
  await tile.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('panel').waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'panel-close');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.press('Escape');
  await page.getByTestId('panel').waitFor({ state: 'hidden' });
  assert.equal(await tile.evaluate((el) => el === document.activeElement), true);
  // Tab order starts with the skip link, then the language switch.
  await page.goto(env.app.url);
  await waitForApp(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'lang-switch__option');
  assert.deepEqual(page.problems, []);
});

test('junk URLs open the default view with no error', async () => {
  const junk = [
    '#garbage',
    '#/fr/event/2',
    '#/zh-Hans/event/99',
    '#/zh-Hans/event/-1',
    '#?q=%E0%A4%A',
    '#?theme=<script>alert(1)</script>',
    '#/<script>alert(1)</script>',
    `#/${'x'.repeat(10 * 1024)}`,
    '?q=%ZZ#/en?sort=%%%',
    '#%',
  ];
  const page = await openApp('desktop');
  for (const [i, j] of junk.entries()) {
    // A query string of its own makes each a full page load, not a same-page hash change.
    await page.goto(env.app.url + (j.startsWith('?') ? j : `?v=${i}${j}`));
    await waitForApp(page);
    assert.equal((await ranks(page)).length, 10, j.slice(0, 40));
    assert.equal(await page.locator('.card--open').count(), 0, j.slice(0, 40));
    await page.evaluate(() => localStorage.clear());
  }
  assert.deepEqual(page.problems, []);
});
