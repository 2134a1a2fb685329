// The story's texts by language (issue #15): each language's page fetches its own texts
// before the app starts and the others' once it is live; a switch to a language whose texts
// are not here yet waits for them (the last switch asked for wins); texts that cannot load
// leave the page as it is, and a later switch tries again; search finds each language's
// words once its texts are here; a link naming another language starts in it. (A texts file
// that fails its integrity check: site.test.mjs and tests/engines; offline switching:
// offline.test.mjs.) The story's markup in another language is a part of the app's module
// of its own (src/markup.rs), loaded once the app is live and idle: a switch before it is
// here waits for it too, and one that cannot load leaves the page as it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, waitForApp, watch, tamper, PROFILES, screenshot } from './harness.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => {
  await env?.close();
});

const TEXTS = /\/story-(hans|hant|en)-[0-9a-f]+\.bin$/;
const MARKUP = /\/markup-[0-9a-f]+\.wasm$/;

/** A gate a held request waits at. */
function gate() {
  let open;
  const opened = new Promise((go) => (open = go));
  return { opened, open };
}

/**
 * Opens `path` (no service worker, so every request is seen here), the texts files going
 * through `page.hold[pool]` when set (a route handler), and records the time the app became
 * ready (`window.__ready`) and each texts file's request (`page.asked`).
 */
async function open(path, { profile = 'desktop', hold = {}, stored, markup } = {}) {
  const context = await env.browser.newContext({ ...PROFILES[profile], serviceWorkers: 'block' });
  await context.addInitScript((stored) => {
    if (stored) localStorage.setItem('zezhou.lang', stored);
    // (The document, not yet its root element.)
    new MutationObserver(() => {
      if (document.documentElement.dataset.app === 'ready') window.__ready ??= performance.now();
    }).observe(document, { subtree: true, attributeFilter: ['data-app'] });
  }, stored);
  const page = await context.newPage();
  page.hold = hold;
  page.asked = [];
  await context.route(TEXTS, async (route) => {
    const pool = TEXTS.exec(route.request().url())[1];
    page.asked.push(pool);
    if (page.hold[pool]) await page.hold[pool](route);
    else await route.continue();
  });
  page.markupAsked = [];
  await context.route(MARKUP, async (route) => {
    page.markupAsked.push(await page.evaluate(() => window.__ready ?? null).catch(() => null));
    if (markup) await markup(route);
    else await route.continue();
  });
  page.problems = watch(page, env.app.origin);
  await page.goto(env.app.url + path);
  return page;
}

/** The texts files fetched before the app was ready, and all of them, once all three are. */
async function fetched(page) {
  await page.waitForFunction(
    () => performance.getEntriesByType('resource').filter((e) => /\/story-\w+-/.test(e.name)).length === 3,
    null,
    { timeout: 20000 },
  );
  return page.evaluate(() => {
    const files = performance.getEntriesByType('resource').filter((e) => /\/story-\w+-/.test(e.name));
    const pool = (e) => /\/story-(\w+)-/.exec(e.name)[1];
    return {
      first: files.filter((e) => e.startTime < window.__ready).map(pool).sort(),
      all: files.map(pool).sort(),
    };
  });
}

const lang = (page) => page.evaluate(() => document.documentElement.lang);
const title = (page, rank) => page.locator(`article[data-rank="${rank}"] .card__title`).first().textContent();
const option = (page, code) => page.locator(`.lang-switch__option[data-lang="${code}"]`);
const shown = (page) =>
  page.evaluate(() => [...document.querySelectorAll('article[data-testid="event-card"]')].length);

for (const [path, code, first, heading] of [
  ['', 'zh-Hans', ['hans'], '减贫指标超额完成'],
  ['zh-Hant/', 'zh-Hant', ['hans', 'hant'], '減貧指標超額完成'],
  ['en/', 'en', ['en'], 'Main poverty-reduction targets exceeded'],
]) {
  test(`${code}: the page fetches its own texts before the app starts, the others' once it is live`, async () => {
    const page = await open(path);
    await waitForApp(page);
    assert.equal(await lang(page), code);
    assert.match(await title(page, 1), new RegExp(heading));
    const { first: before, all } = await fetched(page);
    assert.deepEqual(before, first);
    assert.deepEqual(all, ['en', 'hans', 'hant']);
    // Each language's page then switches at once to each other language.
    for (const other of ['zh-Hans', 'zh-Hant', 'en'].filter((l) => l !== code)) {
      await option(page, other).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, other);
    }
    await option(page, code).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, code);
    assert.match(await title(page, 1), new RegExp(heading));
    await screenshot(page, `texts-${code}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('a switch waits for its language’s texts, the last switch wins, and search gains each language', async () => {
  const [en, hant] = [gate(), gate()];
  const page = await open('', {
    hold: {
      en: async (route) => (await en.opened, route.continue()),
      hant: async (route) => (await hant.opened, route.continue()),
    },
  });
  await waitForApp(page);
  const search = page.getByTestId('search');
  await search.fill('poverty');
  await page.waitForFunction(() => document.querySelectorAll('article[data-testid="event-card"]').length === 0);
  // English, not here yet: the page stays in 简体 and asks for it at once.
  await option(page, 'en').click();
  await page.waitForTimeout(300);
  assert.equal(await lang(page), 'zh-Hans');
  assert.ok(page.asked.includes('en'));
  // Then 繁體, not here either: it replaces the English switch.
  await option(page, 'zh-Hant').click();
  en.open();
  // English arrives: no switch to it, but search finds its words.
  await page.waitForFunction(() => document.querySelectorAll('article[data-testid="event-card"]').length > 0);
  assert.ok((await shown(page)) >= 3, 'poverty finds the events that say it');
  assert.equal(await lang(page), 'zh-Hans');
  hant.open();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.match(page.url(), /\/zh-Hant\/#\?q=poverty$/);
  assert.match(await title(page, 1), /減貧指標超額完成/);
  // A switch to a language here drops one that waits.
  await search.fill('');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a language whose texts cannot load leaves the page as it is; a later switch tries again', async () => {
  const page = await open('', { hold: { en: (route) => route.abort() } });
  await waitForApp(page);
  await option(page, 'en').click();
  await page.waitForTimeout(500);
  assert.equal(await lang(page), 'zh-Hans');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('no-wasm')), false);
  assert.match(await title(page, 1), /减贫指标超额完成/);
  // The app goes on: a card opens, 繁體 switches.
  await page.locator('article[data-rank="2"] .card__toggle').click();
  await page.waitForFunction(() => /card--open/.test(document.querySelector('#event-2').className));
  await option(page, 'zh-Hant').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  // The network back: English this time.
  page.hold.en = null;
  await option(page, 'en').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await title(page, 2), /relocation/i);
  const failed = (p) => /story-en-[0-9a-f]+\.bin/.test(p) || p === 'console: Failed to load resource: net::ERR_FAILED';
  assert.ok(page.problems.some(failed), 'the English texts were refused');
  assert.deepEqual(page.problems.filter((p) => !failed(p)), []);
  await page.context().close();
});

for (const [path, options, code, rank, heading] of [
  ['#/en/event/9', {}, 'en', 9, /./],
  ['en/#/zh-Hant/event/8', {}, 'zh-Hant', 8, /[\u4e00-\u9fff]/],
  ['', { stored: 'en' }, 'en', 1, /Main poverty-reduction targets exceeded/],
  ['zh-Hant/', { stored: 'en' }, 'zh-Hant', 1, /減貧指標超額完成/],
]) {
  test(`${path || 'the root'}${options.stored ? ` (stored ${options.stored})` : ''} starts in ${code} with its texts`, async () => {
    const page = await open(path, options);
    await waitForApp(page);
    assert.equal(await lang(page), code);
    assert.match(await title(page, rank), heading);
    // Its texts, fetched before the app started; nothing empty where a text goes.
    const before = await page.evaluate(() => window.__ready);
    assert.ok(before > 0);
    const empty = await page.evaluate(() =>
      [...document.querySelectorAll('.card__title, .headline__label, .site-header__title, .site-header__lead')]
        .filter((e) => !e.textContent.trim()).length,
    );
    assert.equal(empty, 0);
    assert.ok(page.asked.includes(code === 'en' ? 'en' : 'hans'));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('an English panel shows the 简体 original beside, once 简体’s texts are here', async () => {
  const hans = gate();
  const page = await open('en/', { hold: { hans: async (route) => (await hans.opened, route.continue()) } });
  await waitForApp(page);
  await page.locator('article[data-rank="1"] .card__toggle').click();
  await page.locator('#event-1 .mark--figure').first().click();
  await page.getByTestId('panel').waitFor();
  assert.equal(await page.locator('.panel__quote--original').count(), 0);
  hans.open();
  await page.locator('.panel__quote--original').waitFor();
  assert.match(await page.locator('.panel__quote--original').textContent(), /[\u4e00-\u9fff]/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the markup in another language loads once the app is live; a switch before it is here waits for it', async () => {
  const held = gate();
  const page = await open('', { markup: async (route) => (await held.opened, route.continue()) });
  await waitForApp(page);
  // Every language's texts, so that only the markup is missing.
  await fetched(page);
  await page.waitForFunction(() => window.__ready > 0);
  await page.waitForTimeout(1500);
  // Asked for once the app was ready (idle), not before; held here.
  assert.equal(page.markupAsked.length, 1, 'the markup module is asked for once the page is idle');
  assert.ok(page.markupAsked[0] > 0, 'not before the app was ready');
  await option(page, 'en').click();
  await page.waitForTimeout(500);
  assert.equal(await lang(page), 'zh-Hans', 'the switch waits for the markup');
  assert.match(await title(page, 1), /减贫指标超额完成/);
  held.open();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await title(page, 1), /Main poverty-reduction targets exceeded/);
  // Its marks work: a figure opens the panel.
  await page.locator('article[data-rank="1"] .card__toggle').click();
  await page.locator('#event-1 .mark--figure').first().click();
  await page.getByTestId('panel').waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a markup module that fails its integrity check leaves the language as it is; the page goes on', async () => {
  const context = await env.browser.newContext({ ...PROFILES.desktop, serviceWorkers: 'block' });
  await tamper(context, MARKUP);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(env.app.url);
  await waitForApp(page);
  await option(page, 'en').click();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/markup-/.test(e.name)));
  await page.waitForTimeout(800);
  assert.equal(await lang(page), 'zh-Hans');
  assert.ok(errors.some((e) => /integrity/i.test(e)), errors.join('\n'));
  assert.ok(!errors.some((e) => /pageerror|panicked/.test(e)), errors.join('\n'));
  assert.equal(await page.getByTestId('crash').count(), 0);
  // The page itself still works: a card opens.
  await page.locator('article[data-rank="3"] .card__toggle').click();
  assert.equal(await page.locator('article[data-rank="3"] .card__toggle').getAttribute('aria-expanded'), 'true');
  await context.close();
});
