// Hydrate, don't rebuild (issue 15): the live app takes the prerendered first view over in
// place. Nodes of the first view, marked before the WebAssembly runs, are the same nodes
// after the take-over and work there; nothing moves (a layout-shift observer sees nothing),
// for a plain load and for the states only the browser knows (the URL's view, stored
// choices, a link in another language); the reader's scroll and focus stay; no console
// message, in the release build and in the debug build (which reports hydration
// mismatches). The debug build is target/dist-dev (scripts/test.sh builds it; DEV_DIST).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PROFILES, waitForApp, press, screenshot } from './harness.mjs';
import { serveDist } from './server.mjs';

const PREFIX = '/pub/zezhou/';
let browser;
let release;
let debug;
before(async () => {
  browser = await launch();
  release = await serveDist({ prefix: PREFIX });
  debug = await serveDist({ root: process.env.DEV_DIST ?? 'target/dist-dev', prefix: PREFIX });
});
after(async () => {
  await browser?.close();
  await release?.close();
  await debug?.close();
});

// The first view's nodes a test marks before the app runs and finds again after: containers,
// controls, and the story's own markup (a card's title, a tile, a mark in the lead and in a
// card's text, a sentence of the lead), by name.
const MARKED = {
  app: '#app',
  card: 'article[data-rank="1"]',
  toggle: 'article[data-rank="1"] .card__toggle',
  title: 'h1',
  search: '#search',
  chip: '.chip[data-theme-id]:not([data-theme-id=""])',
  lang: '.lang-switch__option[data-lang="en"]',
  head: 'article[data-rank="1"] .card__head',
  cardTitle: 'article[data-rank="1"] h3',
  tile: 'article[data-rank="1"] button.tile',
  leadMark: '.site-header__lead .mark',
  leadSentence: '.site-header__lead .sentence',
  textMark: 'article[data-rank="1"] .card__body .mark',
};

// Runs in every document before its scripts: records layout shifts, and at DOMContentLoaded
// (the first view parsed, long before the app: the loader waits for the largest paint) marks
// the nodes of MARKED with a property, keeps the first view's markup (`__before`), and, when
// asked (`__setUp`), scrolls and moves focus as a reader would.
const OBSERVE = (marked) => {
  window.__shifts = [];
  window.__shiftSources = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__shifts.push(e.value);
      // What moved, for the failure message.
      for (const s of e.sources) {
        const el = s.node?.nodeType === 1 ? s.node : s.node?.parentElement;
        window.__shiftSources.push(
          `${Math.round(e.startTime)} ms ${el?.tagName}.${el?.className} ${s.previousRect.y}->${s.currentRect.y} (h ${s.previousRect.height}->${s.currentRect.height}) app ${document.documentElement.dataset.app ?? '-'}`,
        );
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  window.__markup = () => document.getElementById('app').outerHTML;
  document.addEventListener('DOMContentLoaded', () => {
    window.__wasReady = document.documentElement.dataset.app === 'ready';
    for (const [name, css] of Object.entries(marked)) {
      const el = document.querySelector(css);
      if (el) el.__firstView = name;
    }
    window.__before = window.__markup();
    const setUp = JSON.parse(sessionStorage.getItem('__setUp') ?? '{}');
    if (setUp.focus) {
      document.querySelector(setUp.focus).focus({ preventScroll: true });
    }
    if (setUp.scroll) window.scrollTo(0, setUp.scroll);
    window.__scrollBefore = window.scrollY;
  });
};

/** Opens `path` on `server` with the observer; `storage` goes into localStorage first. */
async function open(server, path, { profile = 'phone', storage = {}, setUp = {}, slowTexts } = {}) {
  const context = await browser.newContext(PROFILES[profile]);
  // Other languages' texts on a slow network: what needs them at the start must wait for them.
  if (slowTexts) {
    await context.route(slowTexts, async (route) => {
      await new Promise((ok) => setTimeout(ok, 1500));
      await route.continue();
    });
  }
  await context.addInitScript(
    ([storage, setUp]) => {
      for (const [k, v] of Object.entries(storage)) localStorage.setItem(k, v);
      sessionStorage.setItem('__setUp', JSON.stringify(setUp));
    },
    [storage, setUp],
  );
  await context.addInitScript(OBSERVE, MARKED);
  const page = await context.newPage();
  page.profile = profile;
  page.messages = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && page.messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.messages.push(`pageerror: ${e.message}`));
  await page.goto(server.url + path);
  // A hydration error stops the app: say what the console said.
  await waitForApp(page).catch((e) => assert.fail(`${path}: ${e.message}; console: ${page.messages.join('; ').slice(0, 1500)}`));
  // The take-over's last steps, and any paint after them.
  await page.waitForTimeout(300);
  return page;
}

/** The names of the marked first-view nodes found again by their selectors (MARKED). */
const sameNodes = (page) =>
  page.evaluate((marked) => Object.fromEntries(Object.entries(marked).map(([name, css]) => [name, document.querySelector(css)?.__firstView])), MARKED);

const shifts = (page) => page.evaluate(() => window.__shifts);
const sources = (page) => page.evaluate(() => window.__shiftSources.join('; '));

/** Asserts the app's markup is the first view's, showing where it differs. */
async function assertFirstView(page, what) {
  const [now, before] = await page.evaluate(() => [window.__markup(), window.__before]);
  if (now === before) return;
  let at = 0;
  while (now[at] === before[at]) at++;
  assert.fail(`${what}: differs at ${at}: now …${now.slice(at - 80, at + 80)}… was …${before.slice(at - 80, at + 80)}…`);
}
const total = (list) => list.reduce((a, b) => a + b, 0);

for (const [folder, code] of [['', 'zh-Hans'], ['zh-Hant/', 'zh-Hant'], ['en/', 'en']]) {
  test(`${code}: the live app takes the first view over in place: the same nodes, working, nothing moved`, async () => {
    const page = await open(release, folder);
    assert.equal(await page.evaluate(() => window.__wasReady), false, 'the marks were set before the app');
    // Every marked node, the story's markup (titles, tiles, marks, sentences) included.
    assert.deepEqual(await sameNodes(page), Object.fromEntries(Object.keys(MARKED).map((name) => [name, name])));
    // The take-over changed nothing: the state it started in is the one the build rendered.
    await assertFirstView(page, 'after the take-over');
    assert.equal(total(await shifts(page)), 0, `layout shifts: ${await shifts(page)}: ${await sources(page)}`);
    assert.deepEqual(page.messages, []);

    // The marked nodes work: open a card with its own toggle, filter with a chip, search.
    await press(page, page.locator('article[data-rank="1"] .card__toggle'));
    assert.equal(
      await page.evaluate(() => {
        const card = document.querySelector('article.card--open');
        return card?.__firstView === 'card' && !card.querySelector('.card__body').hidden;
      }),
      true,
      'the marked card opened',
    );
    // The first view's mark in the card's text opens the panel.
    await press(page, page.locator('article[data-rank="1"] .card__body .mark').first());
    await page.getByTestId('panel').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('panel').waitFor({ state: 'hidden' });
    await press(page, page.locator('.chip[data-theme-id]:not([data-theme-id=""])').first());
    assert.equal(await page.locator('.chip[aria-pressed="true"]').evaluate((el) => el.__firstView), 'chip');
    assert.ok((await page.locator('article[data-testid="event-card"]').count()) < 10, 'filtered');
    await page.locator('#search').fill('zzzz-none');
    await page.getByTestId('empty').waitFor();
    await press(page, page.getByTestId('empty').locator('button'));
    assert.equal(await page.locator('article[data-testid="event-card"]').count(), 10);
    assert.equal(await page.evaluate(() => document.activeElement?.__firstView), 'search');
    assert.deepEqual(page.messages, []);
    await page.context().close();
  });
}

test('switching language keeps the nodes of the first view, and back gives the first view again', async () => {
  const page = await open(release, '');
  await press(page, page.locator('.lang-switch__option[data-lang="en"]'));
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('.lang-switch__option[data-lang="en"]').evaluate((el) => el.__firstView), 'lang');
  assert.equal(await page.locator('article[data-rank="1"]').evaluate((el) => el.__firstView), 'card');
  assert.match(await page.locator('h1').innerText(), /Ten Major Events/);
  assert.equal(await page.locator('h1').evaluate((el) => el.__firstView), 'title');
  // Every text that follows the language is drawn anew from the state: back in the page's
  // language it is the first view again, so the state the app took the view over in was
  // the one the build rendered (a difference hydration itself would not report).
  await press(page, page.locator('.lang-switch__option[data-lang="zh-Hans"]'));
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  await assertFirstView(page, 'back in the first language');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('the debug build takes every language page over without a hydration message', async () => {
  for (const folder of ['', 'zh-Hant/', 'en/']) {
    const page = await open(debug, folder);
    assert.equal(await page.locator('#app').evaluate((el) => el.__firstView), 'app', folder);
    assert.equal(total(await shifts(page)), 0, `${folder}: layout shifts`);
    assert.deepEqual(page.messages, [], folder);
    await page.context().close();
  }
});

test('a reader who scrolled and moved focus before the take-over keeps both', async () => {
  const page = await open(release, '', {
    setUp: { scroll: 900, focus: 'article[data-rank="3"] .card__toggle' },
  });
  assert.equal(await page.evaluate(() => window.scrollY), await page.evaluate(() => window.__scrollBefore));
  assert.equal(await page.evaluate(() => window.__scrollBefore), 900);
  assert.equal(
    await page.evaluate(() => document.activeElement === document.querySelector('article[data-rank="3"] .card__toggle')),
    true,
    'focus stayed on the toggle',
  );
  assert.equal(total(await shifts(page)), 0);
  // Focus inside the story's markup (a card's listen control) stays on its control too.
  const listen = await open(release, 'en/', { setUp: { focus: 'article[data-rank="2"] [data-testid="listen"]' } });
  assert.equal(
    await listen.evaluate(() => document.activeElement === document.querySelector('article[data-rank="2"] [data-testid="listen"]')),
    true,
    'focus stayed on the listen control',
  );
  assert.deepEqual([...page.messages, ...listen.messages], []);
  await page.context().close();
  await listen.context().close();
});

test('what only the browser knows applies after the take-over with no layout shift', async () => {
  for (const [path, want, options = {}] of [
    ['#/zh-Hans/event/2', { lang: 'zh-Hans', open: 2, url: '#/zh-Hans/event/2' }],
    ['en/#/event/9?sort=money', { lang: 'en', open: 9, url: 'en/#/event/9?sort=money' }],
    ['zh-Hant/#?theme=relocation', { lang: 'zh-Hant', cards: 'fewer', url: 'zh-Hant/#?theme=relocation' }],
    ['en/#?q=school', { lang: 'en', cards: 'fewer', url: 'en/#?q=school' }],
    // A search in another language's words: found at once (every language's texts asked for).
    ['en/#?q=%E6%90%AC%E8%BF%81', { lang: 'en', cards: 'fewer', found: true, url: 'en/#?q=%E6%90%AC%E8%BF%81' }, { slowTexts: /story-han[st]-/ }],
    // Old links in another language than the page's: that language's page, before any paint.
    ['#/en/event/9', { lang: 'en', open: 9, url: 'en/#/event/9' }],
    ['en/#/zh-Hant/event/8', { lang: 'zh-Hant', open: 8, url: 'zh-Hant/#/event/8' }],
    ['zh-Hant/#/zh-Hans?sort=people', { lang: 'zh-Hans', url: '#/zh-Hans?sort=people' }],
    // 简体 asked for by name wins over a stored choice.
    ['en/#/zh-Hans', { lang: 'zh-Hans', url: '' }, { storage: { 'zezhou.lang': 'zh-Hant' } }],
    // The root's bare address in the stored language.
    ['', { lang: 'en', url: 'en/' }, { storage: { 'zezhou.lang': 'en' } }],
    // Stored text size and theme: on <html> before the first paint, the controls say so.
    ['', { lang: 'zh-Hans', url: '#/zh-Hans?text=large', large: 'true', theme: 'dark' }, { storage: { 'zezhou.text': 'large', 'zezhou.appearance': 'dark' } }],
    ['en/#?text=xl', { lang: 'en', url: 'en/#?text=xl', large: 'true', xl: 'true' }],
  ]) {
    for (const profile of ['phone', 'desktop']) {
      const page = await open(release, path, { ...options, profile });
      const where = `${path || '(root)'} ${JSON.stringify(options)} (${profile})`;
      assert.equal(await page.evaluate(() => document.documentElement.lang), want.lang, where);
      assert.equal(page.url(), release.url + want.url, where);
      const opened = await page.locator('article.card--open').evaluateAll((els) => els.map((e) => Number(e.dataset.rank)));
      assert.deepEqual(opened, want.open ? [want.open] : [], where);
      if (want.open) {
        const card = page.locator('article.card--open');
        const top = await card.evaluate((el) => el.getBoundingClientRect().top);
        assert.ok(top >= 0 && top < page.viewportSize().height / 4, `${where}: the card's top at ${top}`);
        assert.ok(await card.evaluate((el) => el === document.activeElement), `${where}: focus`);
      }
      const cards = await page.locator('article[data-testid="event-card"]').count();
      assert.equal(cards < 10, want.cards === 'fewer', `${where}: ${cards} cards`);
      if (want.found) assert.ok(cards > 0, `${where}: nothing found`);
      if (want.large) {
        assert.equal(await page.getByTestId('large-text').getAttribute('aria-pressed'), want.large, where);
        assert.equal(await page.getByTestId('extra-large-text').isVisible(), true, where);
      }
      if (want.xl) assert.equal(await page.getByTestId('extra-large-text').getAttribute('aria-pressed'), want.xl, where);
      if (want.theme) {
        assert.equal(await page.getByTestId('appearance').inputValue(), want.theme, where);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), want.theme, where);
      }
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-pending')), false, where);
      const seen = await shifts(page);
      assert.equal(total(seen), 0, `${where}: layout shifts ${seen}: ${await sources(page)}`);
      assert.deepEqual(page.messages, [], where);
      if (profile === 'phone' && want.open === 9) await screenshot(page, `hydrate-${want.lang}-event-9-phone`);
      await page.context().close();
    }
  }
});

test("a link's view hidden for the take-over shows all the same when the app never comes", async () => {
  const context = await browser.newContext(PROFILES.phone);
  // The WebAssembly never arrives (a stalled download): no failure to react to.
  await context.route(/\.wasm$/, () => {});
  const page = await context.newPage();
  await page.goto(release.url + '#/zh-Hans/event/2');
  const main = () => page.locator('.main').evaluate((el) => getComputedStyle(el).visibility);
  assert.equal(await main(), 'hidden', 'hidden while the app may still come');
  await page.waitForTimeout(8500);
  assert.equal(await main(), 'visible', 'the static first view after 8 seconds');
  assert.equal(await page.getByTestId('event-card').first().isVisible(), true);
  await context.close();
});
