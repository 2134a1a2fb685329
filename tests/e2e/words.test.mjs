// Trust the words (issue 11): the report's lead under the title in three languages, with and
// without JavaScript; every glossary entry opened in each language; tiles that read right.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, waitForApp, screenshot, axeViolations, press } from './harness.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => env?.close());

// The glossary's ids, from the dataset itself, so an entry added next year is checked too.
const GLOSSARY = [
  ...(await readFile(new URL('../../data/story.toml', import.meta.url), 'utf8')).matchAll(
    /^\[\[glossary\]\]\s*\nid = "([^"]+)"/gm,
  ),
].map((m) => m[1]);

// How the lead begins in each language: the report's words, and the project's translation.
const LEAD = {
  'zh-Hans': '脱贫攻坚事关人民群众福祉和民生改善',
  'zh-Hant': '脫貧攻堅事關人民群眾福祉和民生改善',
  en: 'The fight against poverty bears on',
};

async function openApp(profile, path = '', options) {
  const page = await env.open(profile, path, options);
  await waitForApp(page);
  return page;
}

describe('the lead', () => {
  for (const profile of ['phone', 'desktop']) {
    test(`is under the title in three languages (${profile})`, async () => {
      // Regression: the report's opening paragraph was in the data but shown nowhere.
      for (const lang of Object.keys(LEAD)) {
        const page = await openApp(profile, `#/${lang}`);
        const lead = page.getByTestId('lead');
        assert.ok((await lead.textContent()).startsWith(LEAD[lang]), await lead.textContent());
        const title = await page.locator('h1').boundingBox();
        const box = await lead.boundingBox();
        assert.ok(box.y > title.y + title.height, `lead at ${box.y}, title ends at ${title.y + title.height}`);
        // Its terms open the glossary panel.
        assert.ok((await lead.locator('[data-term]').count()) >= 2, lang);
        if (lang === 'en') {
          await screenshot(page, `words-lead-${profile}-en`);
          assert.deepEqual(await axeViolations(page), []);
        }
        assert.deepEqual(page.problems, []);
      }
    });
  }

  test('is in the page without JavaScript', async () => {
    const page = await env.open('phone', '', { javaScriptEnabled: false });
    const lead = page.getByTestId('lead');
    assert.ok((await lead.textContent()).startsWith(LEAD['zh-Hans']));
    // No button that would do nothing without the app.
    assert.equal(await lead.locator('button').count(), 0);
    await screenshot(page, 'words-lead-phone-nojs');
    assert.deepEqual(page.problems, []);
  });
});

test('every glossary entry opens in every language', async () => {
  // Regression: several entries could never be opened in some language (精准施策 stood only
  // in the unrendered lead; 贫困村退出 and 县处级 inside figure spans; English wordings that
  // differed from the entry's).
  assert.ok(GLOSSARY.length >= 40, `${GLOSSARY.length} glossary entries`);
  for (const lang of Object.keys(LEAD)) {
    const page = await openApp('desktop', `#/${lang}`);
    const marked = new Set(
      await page.locator('[data-term]').evaluateAll((els) => els.map((e) => e.dataset.term)),
    );
    assert.deepEqual(GLOSSARY.filter((id) => !marked.has(id)), [], `${lang}: entries with no mark`);
    for (const id of GLOSSARY) {
      const mark = page.locator(`[data-term="${id}"]`).first();
      // A mark in a closed card's text: open the card first, as a reader would.
      if (!(await mark.isVisible())) {
        const card = mark.locator('xpath=ancestor::article');
        await card.locator('.card__toggle').click();
      }
      await mark.click();
      const panel = page.getByTestId('panel');
      await panel.waitFor({ state: 'visible' });
      const title = await panel.locator('#panel-title').textContent();
      assert.ok(title.length > 0, `${lang} ${id}: an empty panel`);
      assert.ok((await panel.locator('.panel__explanation').textContent()).length > 10, `${lang} ${id}`);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
    }
    assert.deepEqual(page.problems, []);
  }
});

test('tiles read right: a count of one is singular, a set phrase is no count', async () => {
  // Regression: tiles read "3位" (三位一体 is "three-in-one", not three persons), "1 captains"
  // and "4 full coverages".
  for (const lang of Object.keys(LEAD)) {
    const page = await openApp('phone', `#/${lang}`);
    const values = await page.locator('.tile__value').allTextContents();
    assert.ok(values.length > 20, values.join(' | '));
    for (const wrong of ['3位', '1 captains', 'full coverages', '1 team captains']) {
      assert.ok(!values.some((v) => v.includes(wrong)), `${lang}: ${values.join(' | ')}`);
    }
    if (lang === 'en') {
      assert.ok(values.includes('1 team captain'), values.join(' | '));
      assert.ok(values.includes('4 kinds of full coverage'), values.join(' | '));
      const card9 = page.locator('article[data-rank="9"]');
      await card9.scrollIntoViewIfNeeded();
      await screenshot(page, 'words-tiles-phone-en');
    }
    assert.deepEqual(page.problems, []);
  }
});

test('a glossary term in the lead opens from a tap on the phone', async () => {
  const page = await openApp('phone', '#/zh-Hant');
  await press(page, page.getByTestId('lead').locator('[data-term="targeted-measures"]'));
  const panel = page.getByTestId('panel');
  await panel.waitFor({ state: 'visible' });
  assert.equal(await panel.locator('#panel-title').textContent(), '精準施策');
  await screenshot(page, 'words-lead-term-phone');
  assert.deepEqual(page.problems, []);
});

test('a mark opens with Space as with Enter, as any button does', async () => {
  // Regression: marks became links in the role of buttons (so they wrap like text), and a
  // link answers Enter only; Space scrolled the page instead.
  const page = await openApp('desktop', '#/en');
  const panel = page.getByTestId('panel');
  for (const key of ['Enter', 'Space']) {
    await page.getByTestId('lead').locator('[data-term="leading-group"]').focus();
    const before = await page.evaluate(() => scrollY);
    await page.keyboard.press(key);
    await panel.waitFor({ state: 'visible' });
    assert.equal(await panel.locator('#panel-title').textContent(), 'leading group', key);
    assert.equal(await page.evaluate(() => scrollY), before, `${key} scrolled the page`);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  }
  assert.deepEqual(page.problems, []);
});
