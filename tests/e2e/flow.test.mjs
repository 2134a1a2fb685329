// Reader-flow bugs (issue 12): focus, scroll, history, print and layout, found by trying the
// app as a new reader would, on a phone with touch and on a desktop. Each test names its bug.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, waitForApp, screenshot, overflowsHorizontally, press, pdfPages, PROFILES, SCREENSHOTS } from './harness.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => env?.close());

async function openApp(profile, path = '', options) {
  const page = await env.open(profile, path, options);
  await waitForApp(page);
  return page;
}

const card = (page, rank) => page.locator(`article[data-rank="${rank}"]`);
const ranks = (page) =>
  page.locator('article[data-testid="event-card"]').evaluateAll((els) => els.map((e) => Number(e.dataset.rank)));
// The view's address relative to the app's root (the language's page and the hash),
// decoded: `en/#/event/3?sort=money`, `#/zh-Hans/event/2`, `` for 简体's bare page.
const view = (page) =>
  page.evaluate((root) => decodeURIComponent(location.href.slice(root.length)), env.app.url);
const scrollY = (page) => page.evaluate(() => window.scrollY);
const focused = (page, locator) => locator.evaluate((el) => el === document.activeElement);
const inView = async (page, locator) => {
  const box = await locator.boundingBox();
  const { height } = page.viewportSize();
  return box !== null && box.y >= -1 && box.y < height / 2;
};

/** Words of `selector`'s text that the layout split over two lines. */
function brokenWords(page, selector) {
  return page.evaluate((selector) => {
    const broken = [];
    for (const el of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const re = /[A-Za-z0-9.,%]+/g;
        for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);
}

/** The lines of an element's text, as laid out: each character grouped by its line's top. */
function lines(page, selector) {
  return page.evaluate((selector) => {
    const rows = new Map();
    for (const el of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (!rect) continue;
          const top = Math.round(rect.bottom);
          rows.set(top, (rows.get(top) ?? '') + node.data[i]);
        }
      }
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  }, selector);
}

for (const profile of ['phone', 'desktop']) {
  describe(`reader flow on ${profile}`, () => {
    // Bug 1: a tap outside an open panel closed it, returned focus to the figure (which
    // scrolled the page back down) and was lost: the language and the filter stayed.
    test('a tap outside the panel closes it, keeps the scroll and does its own job', async () => {
      const page = await openApp(profile, '#/zh-Hans/event/1');
      const mark = card(page, 1).locator('.mark--figure', { hasText: '5222人' }).first();
      const panel = page.getByTestId('panel');
      await press(page, mark);
      await panel.waitFor({ state: 'visible' });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForFunction(() => window.scrollY === 0);
      await press(page, page.locator('.lang-switch__option[data-lang="en"]'));
      await panel.waitFor({ state: 'hidden' });
      await page.waitForTimeout(400);
      assert.equal(await scrollY(page), 0, 'the page jumped when the panel closed');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the tap on English was lost');

      // The same with a theme chip.
      await press(page, card(page, 1).locator('.mark--figure').first());
      await panel.waitFor({ state: 'visible' });
      const chip = page.locator('.chip[data-theme-id="relocation"]');
      await chip.scrollIntoViewIfNeeded();
      const before = await scrollY(page);
      await press(page, chip);
      await panel.waitFor({ state: 'hidden' });
      await page.waitForTimeout(400);
      assert.equal(await scrollY(page), before, 'the page jumped when the panel closed');
      assert.equal(await chip.getAttribute('aria-pressed'), 'true', 'the tap on the chip was lost');
      assert.deepEqual(page.problems, []);
    });

    // Bug 3: a shared link to a card opened it but left the page at the top, focus on the body.
    test('a deep link lands on its card, with focus on it, after a reload too', async () => {
      const page = await env.open(profile, '#/zh-Hans/event/7');
      // No smooth scroll from the top: the card is in view in the frame the app goes live.
      await page.waitForFunction(() => {
        if (document.documentElement.dataset.app !== 'ready') return false;
        const top = document.querySelector('article[data-rank="7"]').getBoundingClientRect().top;
        if (top < -1 || top > innerHeight / 2) throw new Error(`card 7 at ${top} when the app went live`);
        return true;
      });
      const c = card(page, 7);
      assert.match(await c.getAttribute('class'), /card--open/);
      assert.equal(await focused(page, c), true);
      await page.reload();
      await waitForApp(page);
      await page.waitForTimeout(300);
      assert.ok(await inView(page, c), `card 7 out of view after a reload: ${JSON.stringify(await c.boundingBox())}`);
      assert.equal(await focused(page, c), true);
      await screenshot(page, `flow-deep-link-${profile}`);
      // No jump from the top either: the HTML first view is already at the card when the
      // page is parsed (a new tab, so no scroll position is restored).
      await page.context().addInitScript(() =>
        document.addEventListener('DOMContentLoaded', () => {
          window.firstViewTop = document.getElementById('event-7').getBoundingClientRect().top;
        }),
      );
      const tab = await page.context().newPage();
      await tab.goto(page.url());
      const top = await tab.evaluate(() => window.firstViewTop);
      const { height } = page.viewportSize();
      assert.ok(top >= -1 && top < height / 2, `the first view shows card 7 at ${top}`);
      await waitForApp(tab);
      assert.deepEqual(page.problems, []);
    });

    // Bug 5: "clear filters" dropped focus to the body; the next Tab skipped the ten cards.
    test('clear filters puts focus in the search box', async () => {
      const page = await openApp(profile);
      const search = page.getByTestId('search');
      await search.fill('没有这个词zzz');
      const clear = page.getByTestId('empty').locator('button');
      await clear.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('article[data-testid="event-card"]').length === 10);
      assert.equal(await focused(page, search), true, 'focus left the search box');
      assert.deepEqual(page.problems, []);
    });

    // Bug 8: every chip or language tap added a history entry; a card is the one place worth
    // going back to, the rest replace the entry.
    test('chips, language, sort and search replace the history entry; opening a card adds one', async () => {
      const page = await openApp(profile);
      const length = () => page.evaluate(() => history.length);
      const start = await length();
      for (const id of ['relocation', 'health', '']) await press(page, page.locator(`.chip[data-theme-id="${id}"]`));
      for (const lang of ['en', 'zh-Hant', 'zh-Hans']) await press(page, page.locator(`.lang-switch__option[data-lang="${lang}"]`));
      await page.getByTestId('sort').selectOption('money');
      await page.getByTestId('search').fill('搬迁');
      assert.equal(await view(page), '#/zh-Hans?q=搬迁&sort=money');
      assert.equal(await length(), start, 'a control change added a history entry');
      await press(page, card(page, 2).locator('.card__toggle'));
      assert.equal(await length(), start + 1, 'opening a card is a place to go back to');
      await page.goBack();
      await page.waitForFunction(() => location.hash.startsWith('#/zh-Hans?'));
      assert.doesNotMatch(await card(page, 2).getAttribute('class'), /card--open/);
      assert.deepEqual(page.problems, []);
    });

    // Bug 8: the URL kept event/2 when the theme filter hid card 2.
    test('the URL drops the open card when a filter hides it', async () => {
      const page = await openApp(profile, '#/zh-Hans/event/2');
      await press(page, page.locator('.chip[data-theme-id="health"]'));
      assert.ok(!(await ranks(page)).includes(2));
      assert.equal(await view(page), '#/zh-Hans?theme=health');
      assert.deepEqual(page.problems, []);
    });

    // Bug 8: a search of spaces wrote ?q=%20%20%20 into the URL.
    test('a blank search stays out of the URL', async () => {
      const page = await openApp(profile);
      const search = page.getByTestId('search');
      await search.fill('   ');
      assert.equal((await ranks(page)).length, 10);
      assert.equal(await view(page), '');
      assert.deepEqual(page.problems, []);
    });

    // Bug 8: "12800万" found nothing, although "1.28亿", the same amount, did.
    test('12800万 finds 1.28亿', async () => {
      const page = await openApp(profile);
      const search = page.getByTestId('search');
      await search.fill('12800万');
      assert.deepEqual(await ranks(page), [2]);
      await search.fill('1.28亿');
      assert.deepEqual(await ranks(page), [2]);
      assert.deepEqual(page.problems, []);
    });

    // Bug 8: adjacent figures ("2078户5222人") looked like one highlighted block.
    test('adjacent figures show as two marks', async () => {
      const page = await openApp(profile, '#/zh-Hans/event/1');
      const a = await card(page, 1).locator('.mark--figure', { hasText: '2078户' }).first().boundingBox();
      const b = await card(page, 1).locator('.mark--figure', { hasText: '5222人' }).first().boundingBox();
      if (Math.abs(a.y - b.y) < 2) {
        assert.ok(b.x - (a.x + a.width) >= 3, `no gap between 2078户 and 5222人: ${a.x + a.width} → ${b.x}`);
      }
      await card(page, 1).locator('.event-text').screenshot({ path: `${SCREENSHOTS}flow-adjacent-${profile}.png` });
      assert.deepEqual(page.problems, []);
    });

    // Bug 8: the appearance select showed only "跟随系统" with no visible label.
    test('the appearance select has a visible label', async () => {
      const page = await openApp(profile);
      const label = page.locator('label.select', { has: page.getByTestId('appearance') }).locator('span').first();
      assert.equal(await label.textContent(), '外观');
      const box = await label.boundingBox();
      assert.ok(box && box.width > 10 && box.height > 10, `label not visible: ${JSON.stringify(box)}`);
      assert.equal(await overflowsHorizontally(page), false);
      await screenshot(page, `flow-header-${profile}`);
      assert.deepEqual(page.problems, []);
    });
  });
}

// Bug 2: after Back or Forward the sort select showed the reader's last choice, not the state
// the URL restored.
test('the sort select shows the sort the URL restores, after Back and Forward', async () => {
  const page = await openApp('desktop');
  const sort = page.getByTestId('sort');
  await sort.selectOption('people');
  await page.evaluate(() => (location.hash = '#/zh-Hans?sort=money'));
  await page.waitForFunction(() => document.querySelector('article[data-testid="event-card"]').dataset.rank === '2');
  assert.equal(await sort.inputValue(), 'money');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/zh-Hans?sort=people');
  assert.equal((await ranks(page))[0], 1);
  assert.equal(await sort.inputValue(), 'people');
  await page.goForward();
  await page.waitForFunction(() => location.hash === '#/zh-Hans?sort=money');
  assert.equal(await sort.inputValue(), 'money');
  await page.evaluate(() => (location.hash = '#/zh-Hans'));
  await page.waitForFunction(() => document.querySelector('article[data-testid="event-card"]').dataset.rank === '1');
  assert.equal(await sort.inputValue(), 'report');
  assert.deepEqual(page.problems, []);
});

// Bug 8: on the phone the "链接已复制" toast covered the language switch.
test('the share confirmation does not cover the language switch on a phone', async () => {
  const page = await openApp('phone', '', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.evaluate(() => {
    delete Navigator.prototype.share;
  });
  await press(page, page.getByTestId('share'));
  const text = page.getByTestId('notice').getByText('链接已复制');
  await text.waitFor();
  const a = await text.boundingBox();
  const b = await page.locator('.lang-switch').boundingBox();
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  assert.equal(overlap, false, `toast ${JSON.stringify(a)} covers the switch ${JSON.stringify(b)}`);
  await screenshot(page, 'flow-notice-phone');
  assert.deepEqual(page.problems, []);
});

// Bug 8: on the phone the title wrapped to leave "事" alone on its second line.
test('the title does not leave one character alone on a phone', async () => {
  for (const width of [PROFILES.phone.viewport.width, 360, 320]) {
    const page = await openApp('phone', '', { viewport: { width, height: 800 } });
    const rows = await lines(page, 'h1');
    assert.ok(rows.every((r) => r.trim().length >= 3), `${width} px: ${JSON.stringify(rows)}`);
    await page.context().close();
  }
});

// Bug 6: words broke inside words at 320 px ("2,078 househol / ds"), and long marks became
// centred blocks that left commas alone on a line.
test('at 320 px English breaks between words, and marks wrap like text', async () => {
  const page = await openApp('phone', '#/en/event/2', { viewport: { width: 320, height: 640 } });
  for (const selector of ['.headline__value', '.headline__label', '.tile__value', '.tile__label', '.card__title', '.event-text']) {
    assert.deepEqual(await brokenWords(page, selector), [], selector);
  }
  // …and a word kept whole still fits its box.
  const sticking = await page.evaluate(() =>
    [...document.querySelectorAll('.headline__value, .tile__value')]
      .filter((el) => el.getBoundingClientRect().right > el.parentElement.getBoundingClientRect().right - 4)
      .map((el) => el.textContent),
  );
  assert.deepEqual(sticking, [], 'figures that stick out of their boxes');
  for (const rank of [1, 2, 3, 6]) {
    await page.goto(`${env.app.url}#/en/event/${rank}`);
    await waitForApp(page);
    const rows = await lines(page, `article[data-rank="${rank}"] .event-text`);
    const lonely = rows.filter((r) => /^[\s,.;:)]+$/.test(r));
    assert.deepEqual(lonely, [], `card ${rank}: a line of punctuation alone`);
    assert.deepEqual(await brokenWords(page, `article[data-rank="${rank}"] .event-text`), [], `card ${rank}`);
  }
  await screenshot(page, 'flow-320-english-card');
  assert.equal(await overflowsHorizontally(page), false);
  assert.deepEqual(page.problems, []);
});

// Bug 8: the 404 page linked to "/", wrong under a sub-path, and without JavaScript said
// "Opening the fact sheet…" for good.
test('without JavaScript the 404 page links to the app folder and does not promise to open it', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${env.app.url}no-such-page`);
    const link = page.locator('a');
    assert.equal(await link.evaluate((a) => a.href), env.app.url);
    assert.equal(await page.getByText('Opening the fact sheet').isVisible(), false);
    assert.equal(await page.getByText('正在打开').isVisible(), false);
  } finally {
    await context.close();
  }
});

// Bug 4: printing before scrolling to the charts left them out (their module loads only
// near the screen); page 1 held only the header, each later page one or two cards with half
// the page blank; screen hints ("tap one to see its source sentence") were printed.
for (const lang of ['zh-Hans', 'en']) {
  test(`print (${lang}): the charts without scrolling first, cards that flow, no screen hints`, async () => {
    const page = await openApp('desktop', `#/${lang}`);
    const wrong = [];
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    const pages = await pdfPages(pdf);
    const [first, money] = lang === 'en' ? ['Main poverty-reduction targets exceeded', 'Spending and investment by programme'] : ['主要减贫指标超额完成', '各项目支出与投资'];
    // NFKC: pdftotext gives some characters as their Kangxi radical forms (⾦ for 金).
    const flat = (t) => t.normalize('NFKC').replace(/\s+/g, '');
    if (!flat(pages[0]).includes(flat(first))) wrong.push(`page 1 lacks the first card: ${flat(pages[0]).slice(0, 300)}`);
    if (!flat(pages.join('')).includes(flat(money))) wrong.push('the charts did not print');
    const hint = /tapone|点按|點按/i.exec(flat(pages.join('')));
    if (hint) wrong.push(`a screen hint prints: …${flat(pages.join('')).slice(hint.index - 40, hint.index + 40)}…`);
    // A document: the pages are full. The height of the page's content laid out for print
    // at the text width of an A4 page, over the height of that text area, is how many pages
    // it takes; allow one for breaks.
    await page.setViewportSize({ width: 680, height: 800 });
    const printed = await page.evaluate(() => document.documentElement.scrollHeight);
    const needed = Math.ceil(printed / (((297 - 30) * 96) / 25.4));
    if (pages.length > needed + 1) wrong.push(`${pages.length} pages for ${needed} pages of content`);
    assert.deepEqual(wrong, []);
    assert.deepEqual(page.problems, []);
  });
}
