// The reader's flows in WebKit (every iPhone browser) and Firefox (issue 14), at an iPhone's
// 390 × 844 and at a desktop's 1280 × 800, against dist/ served under a sub-path. Errors,
// unhandled rejections, CSP violations and console.error are collected by the test server's
// probe script (WebKitWebDriver has no log endpoint) and fail a test.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { By, Key } from 'selenium-webdriver';
import { serveDist } from '../e2e/server.mjs';
import { session, stopAll } from './drivers.mjs';
import { linesOf, ORPHAN, SIMPLIFIED_ONLY } from '../e2e/lines.mjs';

const SCREENSHOTS = new URL('../e2e/screenshots/', import.meta.url).pathname;
const ENGINES = (process.env.ENGINES ?? 'webkit,firefox').split(',');

let app;
before(async () => {
  app = await serveDist({ prefix: '/zezhou/', probe: true });
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  stopAll();
  await app?.close();
});

/** A page driver with the few verbs the flows need. */
function reader(driver, engine, size) {
  const js = (body, ...args) => driver.executeScript(body, ...args);
  const self = {
    driver,
    js,
    // A new document each time (from about:blank: a hash alone would not load the page again).
    go: async (path = '') => {
      await driver.get('about:blank');
      await driver.get(app.url + path);
    },
    waitFor: (body, what, timeout = 20000, ...args) =>
      driver.wait(() => js(`return Boolean((() => { ${body} })())`, ...args), timeout, `waited for ${what}`),
    ready: () => self.waitFor(`return document.documentElement.dataset.app === 'ready'`, 'the live app'),
    el: (css) => driver.findElement(By.css(css)),
    all: (css) => driver.findElements(By.css(css)),
    text: (css) => js(`return document.querySelector(arguments[0])?.textContent ?? null`, css),
    click: async (css) => {
      await js(`document.querySelector(arguments[0]).scrollIntoView({block: 'center'})`, css);
      await driver.findElement(By.css(css)).click();
    },
    problems: () => js(`return window.__problems ?? ['no probe on this page']`),
    clean: async () => assert.deepEqual(await self.problems(), [], `${engine} ${size}`),
    shoot: async (name) => {
      const png = await driver.takeScreenshot();
      await writeFile(`${SCREENSHOTS}engines-${engine}-${size}-${name}.png`, Buffer.from(png, 'base64'));
    },
    ranks: () =>
      js(`return [...document.querySelectorAll('article[data-testid="event-card"]')].map((e) => Number(e.dataset.rank))`),
  };
  return self;
}

for (const engine of ENGINES) {
  describe(engine, () => {
    // The reader's checklist (the "Screens, read as a reader would"): what the 繁體
    // phone, the 繁體 desktop's charts, the 简体 desktop's reading view and an English deep
    // link say, read in this engine, with a screenshot of each (`screens-<engine>-…`).
    test('the screens a reader reads: 繁體 phone and charts, 简体 reading view, English card 9', async () => {
      const lines = (r, css) => r.js(`return (${linesOf})(document.querySelector(arguments[0]))`, css);
      const texts = (r, css) => r.js(`return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent.trim())`, css);
      // The viewport with the element at its top (WebKitWebDriver's element shots come out
      // blank).
      const shootElement = async (r, css, name) => {
        await r.js(`document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })`, css);
        await r.driver.sleep(200);
        const png = await r.driver.takeScreenshot();
        await writeFile(`${SCREENSHOTS}screens-${engine}-${name}.png`, Buffer.from(png, 'base64'));
      };
      const charts = async (r) => {
        await r.js(`document.querySelector('#charts-root').scrollIntoView()`);
        await r.waitFor(`return document.querySelectorAll('[data-testid="chart-image"] svg').length === 3`, 'three charts', 30000);
      };
      const chart = (slug) => `[data-testid="chart"][data-chart="${slug}"]`;
      const money = chart('money-by-programme');
      const completion = chart('achieved-vs-target');
      const FIGURES = ['5222人', '2078戶', '6個', '0.89%', '1925.04萬元', '1.28億元'];
      const MONEY = ['1.28億', '1925.04萬', '110萬', '100萬'];

      const phone = await session(engine, 'phone');
      try {
        const r = reader(phone.driver, engine, 'phone');
        r.shoot = async (name) => {
          const png = await phone.driver.takeScreenshot();
          await writeFile(`${SCREENSHOTS}screens-${engine}-phone-${name}.png`, Buffer.from(png, 'base64'));
        };
        await r.go('zh-Hant/');
        await r.ready();
        // Lines of whole phrases (WebKit balances them as Chromium does: 澤州縣2017年 /
        // 脫貧攻堅十件大事; Firefox fills the first: 澤州縣2017年脫貧攻堅 / 十件大事).
        const title = await lines(r, 'h1');
        assert.ok(title.length === 2 && /^(澤州縣2017年(脫貧攻堅)?)$/.test(title[0]), JSON.stringify(title));
        assert.equal(title.join(''), '澤州縣2017年脫貧攻堅十件大事');
        if (engine === 'webkit') assert.deepEqual(title, ['澤州縣2017年', '脫貧攻堅十件大事']);
        assert.ok((await r.text('[data-testid="lead"]')).startsWith('脫貧攻堅事關人民群眾福祉'));
        assert.deepEqual(await texts(r, '[data-testid="headline-figure"] .headline__value'), FIGURES);
        const shown = await r.js('return document.body.innerText');
        assert.doesNotMatch(shown, SIMPLIFIED_ONLY);
        const labels = await r.js(
          `return [...document.querySelectorAll('.headline__label, .tile__label, .card__title')].map((e) => (${linesOf})(e))`,
        );
        assert.deepEqual(labels.filter((l) => l.length > 1 && ORPHAN.test(l.at(-1))), [], 'a character alone on its line');
        await r.shoot('zh-Hant-header');
        await charts(r);
        const phoneMoney = await texts(r, `${money} svg text.chart-label`);
        for (const value of MONEY) assert.ok(phoneMoney.includes(value), `${value} in ${phoneMoney}`);
        await shootElement(r, money, 'phone-zh-Hant-money');
        await r.go('en/#/event/9');
        await r.ready();
        await r.waitFor(`return document.querySelector('#event-9').classList.contains('card--open')`, 'card 9 open');
        await phone.driver.sleep(300);
        const top = await r.js(`return document.querySelector('#event-9').getBoundingClientRect().top`);
        assert.ok(top >= -1 && top < 844 / 2, `card 9 at ${top}`);
        assert.match(await r.text('#event-9'), /poor households’ farm and sideline products/);
        // Its quotes and apostrophes are Latin-narrow, not a CJK font's full width.
        for (const mark of ['“', '’']) {
          const ems = await r.js(
            `const walker = document.createTreeWalker(document.querySelector('#event-9'), NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const at = n.data.indexOf(arguments[0]);
              if (at < 0 || !n.parentElement.offsetParent) continue;
              const range = document.createRange();
              range.setStart(n, at);
              range.setEnd(n, at + 1);
              return range.getBoundingClientRect().width / parseFloat(getComputedStyle(n.parentElement).fontSize);
            }`,
            mark,
          );
          assert.ok(ems > 0 && ems < 0.7, `${mark} is ${ems} em wide`);
        }
        assert.ok((await r.text('[data-testid="lead"]')).startsWith('The fight against poverty bears on the people’s well-being'));
        await r.shoot('en-card-9');
        await r.clean();
      } finally {
        await phone.stop();
      }

      const desktop = await session(engine, 'desktop');
      try {
        const r = reader(desktop.driver, engine, 'desktop');
        await r.go('zh-Hant/');
        await r.ready();
        await charts(r);
        // The axes end on a tick (1.4億, 140 %); each bar says its figure.
        assert.equal((await texts(r, `${money} svg text.chart-tick`)).at(-2), '1.4億');
        assert.deepEqual((await texts(r, `${money} svg text.chart-label`)).slice(-4), MONEY);
        assert.equal((await texts(r, `${completion} svg text.chart-tick`)).at(-2), '140%');
        const done = await texts(r, `${completion} svg text.chart-label`);
        for (const value of ['127%', '126%', '任務 100%']) assert.ok(done.includes(value), `${value} in ${done}`);
        // 127 %: 2551 people against 2000; 126 %: 2791.86萬元 issued.
        const table = (await r.js(`return document.querySelector(arguments[0]).textContent`, `${completion} [data-testid="chart-table"]`)).replace(/\s+/g, ' ');
        for (const value of ['2551', '2000', '2791.86萬元', '127%', '126%']) assert.ok(table.includes(value), `${value} in ${table}`);
        // Side by side on a desktop: one view holds both.
        await shootElement(r, money, 'desktop-zh-Hant-charts');
        // 简体's reading view (the root keeps the language chosen last, 繁體: the link asks 简体).
        await r.go('#/zh-Hans');
        await r.ready();
        assert.equal(await r.text('h1'), '泽州县2017年脱贫攻坚十件大事');
        assert.ok((await r.text('[data-testid="lead"]')).startsWith('脱贫攻坚事关人民群众福祉'));
        assert.deepEqual(await texts(r, '[data-testid="headline-figure"] .headline__value'), ['5222人', '2078户', '6个', '0.89%', '1925.04万元', '1.28亿元']);
        const png = await desktop.driver.takeScreenshot();
        await writeFile(`${SCREENSHOTS}screens-${engine}-desktop-zh-Hans-reading.png`, Buffer.from(png, 'base64'));
        await r.clean();
      } finally {
        await desktop.stop();
      }
    });

    test('a changed byte in the page module is refused and the static view stays', async () => {
      // Integrity must not depend on modulepreload, which WebKit ignores: the loader takes
      // the JavaScript through a module <script integrity>, which every engine checks.
      for (const [what, pattern] of [
        ['JavaScript', /\/zezhou-[0-9a-f]+\.js$/],
        ['WebAssembly', /\/zezhou-[0-9a-f]+_bg\.wasm$/],
        // The story's texts the page starts with (its language's, here 简体's).
        ['texts', /\/story-hans-[0-9a-f]+\.bin$/],
      ]) {
        const { driver, stop } = await session(engine, 'phone');
        try {
          app.set({ tamper: pattern });
          const r = reader(driver, engine, 'phone');
          await r.go();
          await r.waitFor(`return document.documentElement.classList.contains('no-wasm')`, `${what} refused`);
          await driver.sleep(500);
          assert.notEqual(await r.js(`return document.documentElement.dataset.app`), 'ready', what);
          assert.equal((await r.ranks()).length, 10, what);
          assert.ok((await r.text('[data-testid="lead"]')).length > 50);
          assert.equal(await r.js(`return getComputedStyle(document.querySelector('.static-note')).display`) !== 'none', true);
        } finally {
          app.set({ tamper: null });
          await stop();
        }
      }
    });

    test('without WebAssembly the first view is the report, with a note', async () => {
      const { driver, stop } = await session(engine, 'phone');
      try {
        const r = reader(driver, engine, 'phone');
        await driver.get(`${app.url}?nowasm`);
        await r.waitFor(`return document.documentElement.classList.contains('no-wasm')`, 'the no-wasm class');
        assert.equal((await r.ranks()).length, 10);
        assert.match(await r.text('h1'), /泽州县2017年脱贫攻坚十件大事/);
        // The full texts are shown, and no control that would do nothing.
        assert.equal(await r.js(`return document.querySelector('#event-3-body').offsetHeight > 0`), true);
        assert.equal(await r.js(`return document.querySelector('.filters').offsetHeight`), 0);
        await r.shoot('nowasm');
        await r.clean();
      } finally {
        await stop();
      }
    });

    for (const size of ['phone', 'desktop']) {
      describe(`reading at ${size} size`, () => {
        let s;
        let r;
        before(async () => {
          s = await session(engine, size);
          r = reader(s.driver, engine, size);
        });
        after(async () => s?.stop());

        test('the live app takes the first view over in place: the lead, headline figures and ten cards', async () => {
          await r.go();
          await r.ready();
          // The same nodes as the first view's, marked before the app (the server's probe),
          // the story's markup (a card's title and tile, the lead's mark) included.
          assert.deepEqual(
            await r.js(
              `return [window.__markedBeforeApp, ...window.__marked.map((css) => css + ': ' + (document.querySelector(css)?.__firstView === true))]`,
            ),
            [true, ...(await r.js('return window.__marked')).map((css) => `${css}: true`)],
          );
          const width = await r.js('return window.innerWidth');
          assert.ok(size === 'phone' ? width <= 400 : width >= 1000, `window ${width} px wide`);
          assert.deepEqual(await r.ranks(), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
          assert.ok((await r.text('[data-testid="lead"]')).startsWith('脱贫攻坚事关'));
          const headline = await r.js(
            `return [...document.querySelectorAll('[data-testid="headline-figure"]')].map((e) => e.textContent).join(' ')`,
          );
          for (const figure of ['5222人', '2078户', '0.89%', '1925.04万元']) assert.ok(headline.includes(figure), headline);
          assert.equal(await r.js('return document.documentElement.scrollWidth <= document.documentElement.clientWidth'), true);
          await r.shoot('reading');
          await r.clean();
        });

        test('a card, a figure panel and a glossary term, by pointer and by keyboard', async () => {
          await r.click('article[data-rank="1"] .card__toggle');
          await r.waitFor(`return !document.querySelector('#event-1-body').hidden`, 'card 1 open');
          await r.click('#event-1-body [data-figure="people-lifted"]');
          await r.waitFor(`return !document.querySelector('[data-testid="panel"]').hidden`, 'the panel');
          assert.equal(await r.text('[data-testid="panel-value"]'), '5222人');
          assert.match(await r.text('[data-testid="panel-source"]'), /5222人/);
          await r.shoot('panel');
          await s.driver.actions().sendKeys(Key.ESCAPE).perform();
          await r.waitFor(`return document.querySelector('[data-testid="panel"]').hidden`, 'the panel closed');
          // A glossary term in the lead, by keyboard.
          await r.js(`document.querySelector('[data-testid="lead"] [data-term="targeted-measures"]').focus()`);
          await s.driver.switchTo().activeElement().sendKeys(Key.ENTER);
          await r.waitFor(`return !document.querySelector('[data-testid="panel"]').hidden`, 'the term panel');
          assert.equal(await r.text('#panel-title'), '精准施策');
          await s.driver.actions().sendKeys(Key.ESCAPE).perform();
          await r.waitFor(`return document.querySelector('[data-testid="panel"]').hidden`, 'the term panel closed');
          await r.clean();
        });

        test('filter, search and sort', async () => {
          await r.click('.chip[data-theme-id="relocation"]');
          await r.waitFor(`return document.querySelectorAll('article[data-testid="event-card"]').length === 1`, 'one card');
          assert.deepEqual(await r.ranks(), [2]);
          await r.click('.chip[data-theme-id=""]');
          const search = await r.el('[data-testid="search"]');
          await search.sendKeys('5222');
          await r.waitFor(`return document.querySelectorAll('article[data-testid="event-card"]').length === 1`, 'the search');
          assert.deepEqual(await r.ranks(), [1]);
          await search.clear();
          await r.js(`const i = document.querySelector('[data-testid="search"]'); i.value = ''; i.dispatchEvent(new Event('input', {bubbles: true}))`);
          await r.waitFor(`return document.querySelectorAll('article[data-testid="event-card"]').length === 10`, 'all cards');
          await r.click('[data-testid="sort"] option[value="money"]');
          await r.waitFor(`return document.querySelector('article[data-testid="event-card"]').dataset.rank === '2'`, 'money order');
          assert.deepEqual((await r.ranks()).slice(0, 2), [2, 1]);
          await r.click('[data-testid="sort"] option[value="report"]');
          await r.clean();
        });

        test('three languages and the back button', async () => {
          await r.go('#/zh-Hans');
          await r.ready();
          await r.click('[data-lang="zh-Hant"]');
          await r.waitFor(`return document.documentElement.lang === 'zh-Hant'`, '繁體');
          assert.equal(await r.text('h1'), '澤州縣2017年脫貧攻堅十件大事');
          await r.click('[data-lang="en"]');
          await r.waitFor(`return document.documentElement.lang === 'en'`, 'English');
          assert.equal(await r.text('h1'), "Ten Major Events in Zezhou County’s 2017 Fight Against Poverty");
          assert.ok((await r.text('[data-testid="lead"]')).startsWith('The fight against poverty'));
          // A language switch replaces the history entry; opening a card adds one, and Back
          // closes it again in the language the reader chose.
          await r.click('article[data-rank="3"] .card__toggle');
          // English has its page: the address moved there with the switch.
          await r.waitFor(`return location.pathname.endsWith('/en/') && location.hash === '#/event/3'`, 'card 3 in the URL');
          await s.driver.navigate().back();
          await r.waitFor(
            `return location.pathname.endsWith('/en/') && location.hash === '' && !document.querySelector('#event-3').classList.contains('card--open')`,
            'Back closes the card',
          );
          assert.equal(await r.js('return document.documentElement.lang'), 'en');
          await r.click('[data-lang="zh-Hans"]');
          await r.waitFor(`return document.documentElement.lang === 'zh-Hans'`, '简体');
          await r.clean();
        });

        test("each language's page: read in its language, taken over in it, the charts found from the root after a switch", async () => {
          await r.go('en/#/event/3');
          await r.waitFor(`return document.documentElement.lang === 'en' && document.querySelector('h1')?.textContent.includes('Zezhou')`, 'the English first view');
          await r.ready();
          await r.waitFor(`return document.querySelector('#event-3').classList.contains('card--open')`, 'card 3 open');
          assert.equal(await r.js('return document.title.includes("Zezhou")'), true);
          // To 繁體: the address moves to its page; what loads later still comes from the root.
          await r.click('[data-lang="zh-Hant"]');
          await r.waitFor(`return location.pathname.endsWith('/zh-Hant/') && location.hash === '#/event/3'`, '繁體’s page');
          await r.js(`document.querySelector('#charts-root').scrollIntoView()`);
          await r.waitFor(`return document.querySelector('#charts-root').dataset.state === 'ready'`, 'the charts module', 30000);
          await r.waitFor(`return document.querySelectorAll('[data-testid="chart-image"] svg').length === 3`, 'three charts');
          await r.shoot('zh-Hant-page');
          // An old link keeps its view and moves to its language's page.
          await r.go('#/en/event/2');
          await r.ready();
          await r.waitFor(`return location.pathname.endsWith('/en/') && location.hash === '#/event/2'`, 'the old link moved to English’s page');
          await r.click('[data-lang="zh-Hans"]');
          await r.waitFor(`return location.hash === '#/zh-Hans/event/2' && !location.pathname.endsWith('/en/')`, '简体 at the root');
          await r.clean();
        });

        test('长辈模式 and high contrast: large from the first frame after a reload, AAA colours, no sideways scroll at 200%', async () => {
          await r.go('#/zh-Hans');
          await r.ready();
          await r.click('[data-testid="large-text"]');
          await r.waitFor(`return document.documentElement.dataset.text === 'large'`, 'large text');
          assert.equal(await r.js(`return getComputedStyle(document.documentElement).fontSize`), '24px');
          assert.match(await r.js('return location.hash'), /[?&]text=large/);
          await r.click('[data-testid="appearance"] option[value="contrast"]');
          await r.waitFor(`return document.documentElement.dataset.theme === 'contrast'`, 'high contrast');
          assert.equal(await r.js(`return getComputedStyle(document.body).color`), 'rgb(0, 0, 0)');
          // A reload: the pre-paint script sets both before the first frame.
          await r.go(await r.js('return location.hash'));
          await r.waitFor(`return window.__firstFrame`, 'the first frame');
          assert.deepEqual(await r.js('return window.__firstFrame'), { text: 'large', theme: 'contrast', fontSize: '24px' });
          await r.ready();
          assert.equal(await r.js(`return document.querySelector('[data-testid="large-text"]').getAttribute('aria-pressed')`), 'true');
          await r.shoot('large-contrast');
          // 200% text: the page still fits the screen's width.
          await r.js(`const s = new CSSStyleSheet(); s.replaceSync('html { font-size: 200% !important; }'); document.adoptedStyleSheets = [s];`);
          await s.driver.sleep(200);
          assert.equal(await r.js('return document.documentElement.scrollWidth <= document.documentElement.clientWidth'), true);
          await r.js(`document.adoptedStyleSheets = [];`);
          // Back to the reader's usual view for the tests that follow.
          await r.click('[data-testid="large-text"]');
          await r.click('[data-testid="appearance"] option[value="system"]');
          await r.waitFor(`return !document.documentElement.dataset.text && !document.documentElement.dataset.theme`, 'the usual view');
          await r.clean();
        });

        test('share: the share sheet, else the clipboard, else a plain message', async () => {
          // The share sheet and clipboard permissions differ by engine (WebKitGTK has no
          // share sheet here; clipboard writes may be refused under automation): whatever the
          // engine offers, the reader is told what happened, and nothing fails.
          await r.go('#/zh-Hans');
          await r.ready();
          const offers = await r.js(`return { share: 'share' in navigator, clipboard: 'clipboard' in navigator }`);
          await r.click('[data-testid="share"]');
          await r.waitFor(`return document.querySelector('[data-testid="notice"]').textContent.trim().length > 0`, 'a notice');
          const notice = (await r.text('[data-testid="notice"]')).trim();
          assert.ok(['链接已复制', '已分享', '无法复制，请手动复制地址栏中的链接'].includes(notice), `${JSON.stringify(offers)}: ${notice}`);
          if (!offers.share && !offers.clipboard) assert.equal(notice, '无法复制，请手动复制地址栏中的链接');
          await r.clean();
        });

        test('a deep link opens its card', async () => {
          await r.go('#/zh-Hans/event/7');
          await r.ready();
          await r.waitFor(`return document.querySelector('#event-7').classList.contains('card--open')`, 'card 7 open');
          await r.clean();
        });

        test('the charts: drawn when near, a tooltip, the table and the downloads', async () => {
          await r.go();
          await r.ready();
          await r.js(`document.querySelector('#charts-root').scrollIntoView()`);
          await r.waitFor(`return document.querySelector('#charts-root').dataset.state === 'ready'`, 'the charts module', 30000);
          await r.waitFor(`return document.querySelectorAll('[data-testid="chart-image"] svg').length === 3`, 'three charts');
          const money = '[data-chart="money-by-programme"]';
          await r.click(`${money} [data-testid="chart-mark"]`);
          await r.waitFor(`return document.querySelector('${money} [data-testid="chart-tooltip-value"]')?.textContent === '1.28亿元'`, 'the tooltip');
          await r.shoot('charts');
          await r.click(`${money} [data-testid="chart-tooltip-close"]`);
          await r.click(`${money} [data-testid="chart-table-toggle"]`);
          await r.waitFor(`return !document.querySelector('${money} .chart__table-wrap').hidden`, 'the table');
          // Downloads: the links the app clicks, and what their files hold.
          // (The app revokes each object URL once clicked, so the hook keeps the blob itself.)
          await r.js(`window.__downloads = []; const blobs = new Map(); const create = URL.createObjectURL;
            URL.createObjectURL = (blob) => { const url = create(blob); blobs.set(url, blob); return url; };
            HTMLAnchorElement.prototype.click = function () { window.__downloads.push({ name: this.download, blob: blobs.get(this.href) }); };`);
          for (const kind of ['svg', 'png', 'csv', 'json']) {
            await r.click(`${money} [data-testid="download-${kind}"]`);
            await r.waitFor(`return window.__downloads.length > 0`, `the ${kind} download`);
            const file = await s.driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
              const { name, blob } = window.__downloads.pop();
              blob.arrayBuffer().then((b) => done({ name, head: [...new Uint8Array(b.slice(0, 8))], size: b.byteLength }), (e) => done({ name, error: String(e) }));`);
            assert.equal(file.name, `zezhou-2017-money-by-programme.${kind}`);
            assert.ok(file.size > 200, JSON.stringify(file));
            if (kind === 'png') assert.deepEqual(file.head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
            if (kind === 'svg') assert.deepEqual(file.head.slice(0, 4), [...Buffer.from('<svg')]);
          }
          await r.clean();
        });

        test('offline after one visit, where the engine runs service workers under automation', async (t) => {
          const supported = await r.js(`return 'serviceWorker' in navigator && window.isSecureContext`);
          if (!supported) return t.skip(`${engine}: no service worker here`);
          await r.go();
          await r.ready();
          const controlled = await s.driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
            navigator.serviceWorker.ready.then(() => done(true), () => done(false));
            setTimeout(() => done(false), 15000);`);
          if (!controlled) return t.skip(`${engine}: the service worker did not activate under automation`);
          app.set({ offline: true });
          try {
            // A reader's reload. (Firefox's WebDriver refresh is a hard reload, which bypasses
            // the service worker as a shift-reload does.)
            await r.js('window.__before = true; location.reload()');
            await r.waitFor(`return !window.__before && document.documentElement.dataset.app === 'ready'`, 'the app reloaded offline');
            assert.equal((await r.ranks()).length, 10);
            await r.js(`document.querySelector('#charts-root').scrollIntoView()`);
            await r.waitFor(`return document.querySelector('#charts-root').dataset.state === 'ready'`, 'charts offline', 30000);
          } finally {
            app.set({ offline: false });
          }
        });
      });
    }
  });
}
