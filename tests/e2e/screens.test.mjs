// The reader's checklist in Chromium (the issue's "Screens, read as a reader would"): what the
// 繁體 phone, the English pages and the three languages' texts say, asserted as a reader reads
// them (exact figures, the title's lines, the lead's first words, an open card in view), and
// a screenshot of each of those views (`screens-chromium-<profile>-<what>.png`, viewport or
// element shots, so a person can read them). WebKit and Firefox read theirs in
// tests/engines/engines.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, waitForApp, screenshot, SCREENSHOTS } from './harness.mjs';
import { linesOf, ORPHAN, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './lines.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => env?.close());

const shot = (locator, name) => locator.screenshot({ path: `${SCREENSHOTS}screens-chromium-${name}.png` });
const strip = (page) => page.locator('.headline');
const headline = (page) => page.getByTestId('headline-figure').locator('.headline__value').allTextContents();
/** The page's text as it reads (shown and screen-reader text), without scripts and styles. */
const readText = (page) =>
  page.evaluate(() => {
    const body = document.body.cloneNode(true);
    for (const el of body.querySelectorAll('script, style, noscript, template')) el.remove();
    return body.textContent;
  });

// The report's title, between its phrases only: place, year, 脱贫攻坚 (a glossary term), and
// 十件大事; the first break a wide enough phone makes is after the year.
const TITLE = {
  'zh-Hans': ['泽州县', '2017年', '脱贫攻坚', '十件大事'],
  'zh-Hant': ['澤州縣', '2017年', '脫貧攻堅', '十件大事'],
};
const PAGE = { 'zh-Hans': '', 'zh-Hant': 'zh-Hant/', en: 'en/' };

/** Asserts that every line of the title is a run of whole phrases. */
function wholePhrases(lines, phrases, where) {
  let at = 0;
  for (const line of lines) {
    let taken = '';
    while (taken.length < line.length && at < phrases.length) taken += phrases[at++];
    assert.equal(taken, line, `${where}: the title breaks inside a phrase: ${JSON.stringify(lines)}`);
  }
  assert.equal(at, phrases.length, `${where}: ${JSON.stringify(lines)}`);
}

test('繁體 on a phone: the title, the lead and its terms, and the six key figures as the report gives them', async () => {
  const page = await env.open('phone', 'zh-Hant/');
  await waitForApp(page);
  const h1 = page.locator('h1');
  assert.equal(await h1.textContent(), '澤州縣2017年脫貧攻堅十件大事');
  assert.deepEqual(await h1.evaluate(linesOf), ['澤州縣2017年', '脫貧攻堅十件大事']);
  const lead = page.getByTestId('lead');
  assert.ok((await lead.textContent()).startsWith('脫貧攻堅事關人民群眾福祉和民生改善，是備受社會關注'));
  assert.deepEqual(await lead.locator('[data-term]').allTextContents(), ['脫貧攻堅', '精準施策', '領導小組']);
  assert.deepEqual(await headline(page), ['5222人', '2078戶', '6個', '0.89%', '1925.04萬元', '1.28億元']);
  const shown = await page.evaluate(() => document.body.innerText);
  for (const word of ['澤州縣', '脫貧攻堅', '關注', '獲得感']) assert.ok(shown.includes(word), word);
  assert.doesNotMatch(shown, SIMPLIFIED_ONLY);
  await screenshot(page, 'screens-chromium-phone-zh-Hant-header');
  await strip(page).scrollIntoViewIfNeeded();
  await shot(strip(page), 'phone-zh-Hant-figures');
  // The charts' labels, wrapped by our layout: no character alone on a line either
  // ("…（報道未給出任務金 / 額）").
  await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
  await page.locator('[data-testid="chart-image"] svg').nth(2).waitFor();
  const labels = await page.locator('[data-testid="chart-image"] svg text').allTextContents();
  assert.deepEqual(labels.filter((l) => ORPHAN.test(l.trim())), [], 'a chart label line of one character');
  const completion = page.locator('[data-testid="chart"][data-chart="achieved-vs-target"]');
  assert.ok(labels.includes('127%') && labels.includes('126%'), labels.join(' '));
  await completion.scrollIntoViewIfNeeded();
  await shot(completion, 'phone-zh-Hant-completion');
  assert.deepEqual(page.problems, []);
});

test('the Chinese titles break only between phrases, at 412, 390 and 320 px and in 长辈模式, and never overflow', async () => {
  for (const lang of ['zh-Hans', 'zh-Hant']) {
    const page = await env.open('phone', PAGE[lang]);
    await waitForApp(page);
    const h1 = page.locator('h1');
    for (const [width, large] of [[412, false], [390, false], [320, false], [320, true], [412, true]]) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate((on) => {
        if (on) document.documentElement.dataset.text = 'large';
        else delete document.documentElement.dataset.text;
      }, large);
      const where = `${lang} at ${width} px${large ? ', 长辈模式' : ''}`;
      const lines = await h1.evaluate(linesOf);
      wholePhrases(lines, TITLE[lang], where);
      if (!large) assert.deepEqual(lines, [TITLE[lang].slice(0, 2).join(''), TITLE[lang].slice(2).join('')], where);
      assert.ok(await h1.evaluate((e) => e.scrollWidth <= e.clientWidth), `${where}: the title overflows`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${where}: sideways scroll`);
      if (width === 320) {
        await h1.scrollIntoViewIfNeeded();
        await screenshot(page, `screens-chromium-phone320-${lang}${large ? '-large' : ''}-title`);
      }
    }
    assert.deepEqual(page.problems, []);
  }
  // English's title wraps between its words as ever: no break marks in it.
  const en = await env.open('phone', PAGE.en);
  await waitForApp(en);
  assert.equal(await en.locator('h1 wbr').count(), 0);
});

test('no Chinese label leaves one character alone on its last line, on a 390 px and a 320 px phone', async () => {
  for (const lang of ['zh-Hans', 'zh-Hant']) {
    const page = await env.open('phone', PAGE[lang]);
    await waitForApp(page);
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      const lines = [];
      for (const label of await page.locator('.headline__label, .tile__label, .card__title').all()) {
        lines.push(await label.evaluate(linesOf));
      }
      const orphans = lines.filter((l) => l.length > 1 && ORPHAN.test(l.at(-1)));
      assert.deepEqual(orphans, [], `${lang} at ${width} px`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('article[data-rank="1"]').scrollIntoViewIfNeeded();
    await shot(page.locator('article[data-rank="1"]'), `phone390-${lang}-card-1`);
    assert.deepEqual(page.problems, []);
  }
});

/**
 * A tile label's phrases (its `.phrase` inline blocks; runs in the page): each one's text,
 * and whether it fits the label's width on one line. Empty for a label without phrases.
 */
function labelPhrases(el) {
  return [...el.querySelectorAll('.phrase')].map((p) => {
    const probe = p.cloneNode(true);
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;display:inline';
    el.append(probe);
    const fits = probe.getBoundingClientRect().width <= el.getBoundingClientRect().width + 0.5;
    probe.remove();
    return { text: p.textContent, fits };
  });
}

/**
 * Asserts that each line of a label is a run of whole phrases, but for a phrase wider than
 * the line, which takes lines of its own; and that no line is one character alone.
 */
function linesOfPhrases(lines, phrases, where) {
  let at = 0;
  let partial = '';
  for (const line of lines) {
    assert.doesNotMatch(line, ORPHAN, `${where}: a character alone: ${JSON.stringify(lines)}`);
    if (partial || !phrases[at].fits) {
      // Inside a phrase wider than the line.
      partial += line;
      assert.ok(phrases[at].text.startsWith(partial), `${where}: ${JSON.stringify(lines)}`);
      if (partial === phrases[at].text) [partial, at] = ['', at + 1];
      continue;
    }
    let taken = '';
    while (taken.length < line.length && at < phrases.length && phrases[at].fits) taken += phrases[at++].text;
    assert.equal(taken, line, `${where}: a line breaks inside a phrase: ${JSON.stringify(lines)}`);
  }
  assert.equal(at, phrases.length, `${where}: ${JSON.stringify(lines)}`);
}

test('what a reader keeps whole stays on one line: the kicker\'s year, a label\'s phrases, a figure in the text, a headline figure, a tile\'s amount (320 and 390 px, 长辈模式)', async () => {
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    const page = await env.open('phone', PAGE[lang]);
    await waitForApp(page);
    // Every card's text laid out, as when each is open.
    await page.evaluate(() => document.querySelectorAll('.card__body[hidden]').forEach((b) => b.removeAttribute('hidden')));
    for (const [width, size] of [[390, null], [320, null], [320, 'large'], [320, 'xl']]) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate((size) => {
        if (size) document.documentElement.dataset.text = size;
        else delete document.documentElement.dataset.text;
      }, size);
      const where = `${lang} at ${width} px${size ? `, text ${size}` : ''}`;
      // The year is never alone: the line that ends with it starts with the place's last part.
      const kicker = page.locator('.site-header__kicker');
      const kickerLines = await kicker.evaluate(linesOf);
      assert.match(kickerLines.at(-1), /\S\s·\s2017$/u, `${where}: ${JSON.stringify(kickerLines)}`);
      // Chinese breaks between the place's levels (its <wbr>s).
      if (lang !== 'en') {
        const levels = await kicker.evaluate((el) => el.innerHTML.split('<wbr>').map((p) => p.replace(/&nbsp;|\u00a0/g, ' ')));
        wholePhrases(kickerLines.map((l) => l.replace(/\u00a0/g, ' ')), levels, `${where}, the kicker`);
      }
      // A label's lines are whole phrases, unless one is wider than the line.
      let marked = 0;
      for (const el of await page.locator('.tile__label, .headline__label').all()) {
        const phrases = await el.evaluate(labelPhrases);
        if (phrases.length) linesOfPhrases(await el.evaluate(linesOf), phrases, `${where}, "${phrases.map((p) => p.text).join('')}"`);
        marked += phrases.length ? 1 : 0;
      }
      // "2017年 / 全县减贫人数" has them, in Chinese; English breaks at spaces.
      if (lang === 'en') assert.equal(marked, 0, where);
      else assert.ok(marked >= 10, `${where}: ${marked} labels with phrases`);
      // A Chinese figure in the text is one line: "5222 / 人" split its number from its
      // unit. (An English one wraps at its spaces: "four kinds of full coverage".)
      const split = await page.locator(':lang(zh) .mark--figure').evaluateAll((marks) =>
        marks.filter((m) => new Set([...m.getClientRects()].map((r) => Math.round(r.top))).size > 1).map((m) => m.textContent),
      );
      assert.deepEqual(split, [], `${where}: figures split across lines`);
      // A headline figure breaks only at its spaces (never "household / s"), and a Chinese
      // one not at all (never "1925.04万 / 元").
      for (const value of await page.locator('.headline__value').all()) {
        const [lines, text] = [await value.evaluate(linesOf), (await value.textContent()).trim()];
        assert.equal(lines.join(' '), text, `${where}: ${JSON.stringify(lines)}`);
        if (lang !== 'en') assert.equal(lines.length, 1, `${where}: ${JSON.stringify(lines)}`);
      }
      // A tile's amount keeps its number with its magnitude word: never "CNY 1 / million".
      for (const value of await page.locator('.tile__value').allTextContents()) {
        assert.doesNotMatch(value, /\d (million|billion)/, `${where}: ${value}`);
      }
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${where}: sideways scroll`);
    }
    if (lang === 'en') {
      // After a switch, the place and the headline's labels come from the markup part,
      // phrase by phrase.
      await page.locator('.lang-switch__option[data-lang="zh-Hant"]').click();
      await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
      assert.equal(await page.locator('.site-header__kicker').evaluate((e) => e.innerHTML), '山西省<wbr>晉城市<wbr>澤州縣&nbsp;·&nbsp;2017');
      const labels = page.locator('.headline__label');
      assert.deepEqual(await labels.first().locator('.phrase').allTextContents(), ['2017年', '全縣減貧人數']);
      assert.equal(await labels.nth(4).textContent(), '縣級財政專項扶貧資金投入');
    }
    assert.deepEqual(page.problems, []);
  }
});

test('English on a phone: the lead, and card 9 open and in view after a deep link', async () => {
  const page = await env.open('phone', 'en/');
  await waitForApp(page);
  const lead = await page.getByTestId('lead').textContent();
  assert.ok(lead.startsWith('The fight against poverty bears on the people’s well-being'), lead.slice(0, 80));
  assert.deepEqual(await headline(page), ['5,222 people', '2,078 households', '6 poor villages', '0.89%', 'CNY 19.25 million', 'CNY 128 million']);
  await screenshot(page, 'screens-chromium-phone-en-lead');

  const linked = await env.open('phone', 'en/#/event/9');
  await waitForApp(linked);
  const card = linked.locator('article[data-rank="9"]');
  await linked.waitForTimeout(300);
  assert.match(await card.getAttribute('class'), /card--open/);
  const box = await card.boundingBox();
  const height = linked.viewportSize().height;
  assert.ok(box.y >= -1 && box.y < height / 2, `card 9 at ${box.y} of ${height}`);
  assert.match(await card.locator('h3').textContent(), /Launching the “Internet Plus Zezhou poverty alleviation” model/);
  assert.match(await card.textContent(), /poor households’ farm and sideline products/);
  await screenshot(linked, 'screens-chromium-phone-en-card-9');
  assert.deepEqual([...page.problems, ...linked.problems], []);
});

test('nothing reads wrong in any of the three languages, the charts included', async () => {
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    const page = await env.open('desktop', PAGE[lang]);
    await waitForApp(page);
    await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="chart-image"] svg').nth(2).waitFor();
    const text = await readText(page);
    assert.doesNotMatch(text, /undefined|NaN|\[object|null|\{\{|\uFFFD/, lang);
    if (lang === 'zh-Hans') assert.doesNotMatch(text, TRADITIONAL_ONLY, lang);
    if (lang === 'zh-Hant') assert.doesNotMatch(text, SIMPLIFIED_ONLY, lang);
    if (lang === 'en') {
      // Apostrophes are typographic, as the quotes are: no straight one inside or after a word.
      const straight = text.match(/.{0,20}\p{L}'.{0,20}/gu) ?? [];
      assert.deepEqual(straight, [], 'straight apostrophes');
      assert.doesNotMatch(text, /[“”]\s*[“”]/u);
    }
    assert.deepEqual(page.problems, []);
  }
});
