// Read-aloud (issue 16, item 3), tested at the browser API boundary: an init script stands
// in for speechSynthesis and SpeechSynthesisUtterance, records every utterance (text, lang,
// voice) and every call, offers the voices a test sets, and lets the test end an utterance.
// Then a real Chromium run without the stand-in: headless Chromium on Linux has the API but
// no voices, and the control must say so. Reading is done by the charts module (the page
// only asks it, see src/browser/island.rs): a press before that module has loaded loads it.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, waitForApp, screenshot, press, overflowsHorizontally } from './harness.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => env?.close());

/** The stand-in, run before the app. `window.__speech` is the test's handle. */
function stub() {
  const log = { utterances: [], calls: [], current: null };
  let voices = JSON.parse(sessionStorage.getItem('voices') ?? '[]');
  const listeners = {};
  class Utterance {
    constructor(text) {
      this.text = text;
      this.lang = '';
      this.voice = null;
      this.onstart = this.onend = this.onerror = null;
    }
  }
  const fire = (u, type) => {
    const ev = { type, target: u, utterance: u };
    if (type === 'error') ev.error = 'interrupted';
    u[`on${type}`]?.(ev);
  };
  const synth = {
    paused: false,
    speaking: false,
    onvoiceschanged: null,
    getVoices: () => voices.slice(),
    speak(u) {
      log.calls.push('speak');
      log.utterances.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
      log.current = u;
      this.speaking = true;
      queueMicrotask(() => fire(u, 'start'));
    },
    pause() {
      log.calls.push('pause');
      this.paused = true;
    },
    resume() {
      log.calls.push('resume');
      this.paused = false;
    },
    cancel() {
      log.calls.push('cancel');
      const u = log.current;
      log.current = null;
      this.speaking = false;
      // As Chromium does: the cancelled utterance reports an error, later.
      if (u) setTimeout(() => fire(u, 'error'), 0);
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  window.__speech = {
    log,
    /** Ends the utterance being spoken (the next one starts). */
    end() {
      const u = log.current;
      log.current = null;
      if (u) fire(u, 'end');
    },
    /** The device's voices arrive later, as in Chromium. */
    setVoices(list) {
      voices = list;
      synth.onvoiceschanged?.({ type: 'voiceschanged' });
    },
  };
}

/** Voices like a phone's: Chinese for the mainland, Taiwan and Hong Kong, English. */
const VOICES = [
  { name: 'Network US', lang: 'en-US', localService: false, default: false },
  { name: 'Local GB', lang: 'en-GB', localService: true, default: false },
  { name: 'Tingting', lang: 'zh-CN', localService: true, default: true },
  { name: 'Meijia', lang: 'zh-TW', localService: true, default: false },
  { name: 'Sinji', lang: 'zh-HK', localService: true, default: false },
];

/** Opens the app with the stand-in and `voices` (an empty list: none until set). */
async function openWithStub(profile, path, voices = VOICES) {
  const page = await env.open(profile, path);
  await page.context().addInitScript(
    ([list]) => sessionStorage.setItem('voices', JSON.stringify(list)),
    [voices],
  );
  await page.context().addInitScript(stub);
  await page.reload();
  await waitForApp(page);
  return page;
}

const log = (page) => page.evaluate(() => window.__speech.log);
const reading = (page) =>
  page.locator('.sentence--reading').evaluateAll((els) => els.map((e) => e.textContent));
const control = (page, rank) => page.locator(`article[data-rank="${rank}"] .listen`);

for (const profile of ['phone', 'desktop']) {
  describe(`read-aloud on ${profile}`, () => {
    test('a card is read sentence by sentence in 简体 by a zh-CN voice, highlighted, with pause, resume and stop', async () => {
      const page = await openWithStub(profile, '#/zh-Hans');
      const listen = control(page, 1).getByTestId('listen');
      assert.equal(await listen.textContent(), '朗读');
      await press(page, listen);
      // The card opens, its heading is read first.
      await page.waitForFunction(() => window.__speech.log.utterances.length === 1);
      assert.ok(await page.locator('article[data-rank="1"]').evaluate((e) => e.classList.contains('card--open')));
      let l = await log(page);
      assert.deepEqual(l.utterances[0], { text: '主要减贫指标超额完成', lang: 'zh-CN', voice: 'Tingting' });
      assert.deepEqual(await reading(page), ['主要减贫指标超额完成']);
      assert.equal(await listen.textContent(), '暂停');
      assert.ok(await control(page, 1).getByTestId('listen-stop').isVisible());
      // The end of a sentence moves the reading and the highlight to the next one.
      await page.evaluate(() => window.__speech.end());
      await page.waitForFunction(() => window.__speech.log.utterances.length === 2);
      l = await log(page);
      assert.equal(l.utterances[1].text, '全县2017年共减贫2078户5222人，6个贫困村退出，贫困发生率降至0.89%；');
      assert.deepEqual(await reading(page), [l.utterances[1].text]);
      // Kept in view.
      const inView = await page.locator('.sentence--reading').evaluate((e) => {
        const r = e.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      assert.ok(inView, 'the sentence being read is in view');
      await page.evaluate(() => window.__speech.end());
      await page.waitForFunction(() => window.__speech.log.utterances.length === 3);
      assert.match((await log(page)).utterances[2].text, /^县级财政专项扶贫资金投入1925\.04万元/);
      await screenshot(page, `speech-${profile}-reading`);
      // Focus stays on the control: nothing is announced, nothing moves.
      if (profile === 'desktop') {
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'listen');
      }
      assert.equal(await page.locator('.sentence[aria-live], .sentence--reading[role]').count(), 0);
      // Pause, resume.
      await press(page, listen);
      assert.equal(await listen.textContent(), '继续朗读');
      await press(page, listen);
      assert.equal(await listen.textContent(), '暂停');
      l = await log(page);
      assert.deepEqual(l.calls.filter((c) => c === 'pause' || c === 'resume').slice(-2), ['pause', 'resume']);
      // Stop: cancelled, the highlight gone, the control back to 朗读, no further sentence.
      await press(page, control(page, 1).getByTestId('listen-stop'));
      l = await log(page);
      assert.equal(l.calls.at(-1), 'cancel');
      assert.deepEqual(await reading(page), []);
      assert.equal(await listen.textContent(), '朗读');
      assert.equal(await control(page, 1).getByTestId('listen-stop').isVisible(), false);
      await page.waitForTimeout(50);
      assert.equal((await log(page)).utterances.length, 3, 'the cancelled utterance did not lead to another');
      assert.equal(await overflowsHorizontally(page), false);
      assert.deepEqual(page.problems, []);
    });

    test('繁體 is read by a zh-TW voice, English by a local en voice with money said in millions', async () => {
      const page = await openWithStub(profile, '#/zh-Hant');
      await press(page, control(page, 2).getByTestId('listen'));
      await page.waitForFunction(() => window.__speech.log.utterances.length === 1);
      assert.deepEqual((await log(page)).utterances[0], { text: '啃下易地扶貧搬遷硬骨頭', lang: 'zh-TW', voice: 'Meijia' });
      await page.evaluate(() => window.__speech.end());
      await page.waitForFunction(() => window.__speech.log.utterances.length === 2);
      assert.match((await log(page)).utterances[1].text, /完成2016至2017年2000人任務的127%。$/);
      // A language change stops the reading.
      await press(page, page.locator('.lang-switch__option[data-lang="en"]'));
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal((await log(page)).calls.at(-1), 'cancel');
      assert.deepEqual(await reading(page), []);
      await press(page, control(page, 1).getByTestId('listen'));
      await page.waitForFunction(() => window.__speech.log.utterances.length === 3);
      for (let i = 0; i < 3; i++) {
        await page.evaluate(() => window.__speech.end());
        await page.waitForFunction((n) => window.__speech.log.utterances.length === n, 4 + i);
      }
      const l = await log(page);
      assert.deepEqual(
        l.utterances.slice(2).map((u) => [u.lang, u.voice]),
        Array(4).fill(['en-GB', 'Local GB']),
      );
      assert.equal(l.utterances[2].text, 'Main poverty-reduction targets exceeded');
      assert.match(l.utterances[5].text, /^The county budget put 19\.25 million yuan of special/);
      // What the text shows stays as it is; only the voice says it differently.
      assert.match(await page.locator('.sentence--reading').textContent(), /19,250,400 yuan/);
      assert.equal(await control(page, 1).getByTestId('listen').textContent(), 'Pause');
      await screenshot(page, `speech-${profile}-english`);
      // Another card's listen stops this one; closing that card stops it too.
      await press(page, control(page, 2).getByTestId('listen'));
      await page.waitForFunction(() => window.__speech.log.utterances.length === 7);
      assert.equal(await control(page, 1).getByTestId('listen').textContent(), 'Listen');
      assert.equal((await log(page)).utterances[6].text, 'Cracking the hard nut of poverty-alleviation relocation');
      await press(page, page.locator('article[data-rank="2"] .card__toggle'));
      await page.waitForFunction(() => document.querySelectorAll('.sentence--reading').length === 0);
      assert.equal((await log(page)).calls.at(-1), 'cancel');
      // A filter that hides the card being read stops it too.
      await press(page, control(page, 3).getByTestId('listen'));
      await page.waitForFunction(() => window.__speech.log.utterances.length === 8);
      await press(page, page.locator('.chip[data-theme-id="targets"]'));
      await page.waitForFunction(() => !document.querySelector('article[data-rank="3"]'));
      assert.equal((await log(page)).calls.at(-1), 'cancel');
      assert.deepEqual(await reading(page), []);
      assert.deepEqual(page.problems, []);
    });

    test('the lead is read too, after the voices arrive late', async () => {
      const page = await openWithStub(profile, '#/zh-Hans', []);
      await press(page, page.locator('.site-header__listen').getByTestId('listen'));
      // The charts module, which reads aloud, may still be loading: the voices arrive
      // once it waits for them.
      await page.waitForFunction(() => speechSynthesis.onvoiceschanged !== null);
      await page.evaluate((v) => window.__speech.setVoices(v), VOICES);
      await page.waitForFunction(() => window.__speech.log.utterances.length === 1);
      assert.equal((await log(page)).utterances[0].text, '脱贫攻坚事关人民群众福祉和民生改善，是备受社会关注的重点民生工作。');
      assert.deepEqual(await reading(page), [(await log(page)).utterances[0].text]);
      // Leaving the page stops it.
      await page.evaluate(() => dispatchEvent(new Event('pagehide')));
      assert.equal((await log(page)).calls.at(-1), 'cancel');
      assert.deepEqual(page.problems, []);
    });

    test('with no voice for the language the control says so, in the language', async () => {
      const page = await openWithStub(profile, '#/zh-Hans', VOICES.slice(0, 2));
      const c = control(page, 3);
      await press(page, c.getByTestId('listen'));
      await page.waitForFunction(() => document.querySelector('[data-rank="3"] .listen__note').textContent !== '');
      assert.equal(await c.getByTestId('listen-note').textContent(), '这台设备没有中文语音，无法朗读。');
      assert.equal((await log(page)).utterances.length, 0);
      assert.equal(await c.getByTestId('listen').textContent(), '朗读');
      await screenshot(page, `speech-${profile}-no-voice`);
      // English has a voice on this device.
      await press(page, page.locator('.lang-switch__option[data-lang="en"]'));
      await press(page, control(page, 3).getByTestId('listen'));
      await page.waitForFunction(() => window.__speech.log.utterances.length === 1);
      assert.equal(await control(page, 3).getByTestId('listen-note').textContent(), '');
      assert.deepEqual(page.problems, []);
    });
  });
}

test('without speechSynthesis the control says the browser cannot read aloud', async () => {
  const page = await env.open('desktop', '#/en');
  await page.context().addInitScript(() => {
    delete window.speechSynthesis;
    delete Window.prototype.speechSynthesis;
  });
  await page.reload();
  await waitForApp(page);
  await press(page, control(page, 4).getByTestId('listen'));
  // Said by the charts module, once loaded.
  await page.waitForFunction(() => document.querySelector('[data-rank="4"] .listen__note').textContent !== '');
  assert.equal(await control(page, 4).getByTestId('listen-note').textContent(), 'This browser cannot read aloud.');
  assert.equal(await control(page, 4).getAttribute('data-state'), 'idle');
  assert.deepEqual(page.problems, []);
});

test('real headless Chromium, whose speech synthesis has no voice, says so after waiting for voices', async () => {
  const page = await env.open('phone', '#/zh-Hant');
  await waitForApp(page);
  assert.equal(await page.evaluate(() => typeof speechSynthesis.speak), 'function');
  const c = control(page, 5);
  await press(page, c.getByTestId('listen'));
  await page.waitForFunction(() => document.querySelector('[data-rank="5"] .listen__note').textContent !== '', null, { timeout: 5000 });
  assert.equal(await c.getByTestId('listen-note').textContent(), '這台裝置沒有中文語音，無法朗讀。');
  await screenshot(page, 'speech-phone-real-chromium-no-voice');
  assert.deepEqual(page.problems, []);
});

// Read-aloud lives in the charts module, which the page loads when the charts come near the
// screen: a press at the top of the page, long before that, must load it at once and read,
// with the control busy meanwhile, and starting the module (which mounts the charts far
// below) must not move anything on screen.
for (const profile of ['phone', 'desktop']) {
  test(`a listen press before the charts module has loaded loads it and reads, nothing on screen moving, on ${profile}`, async () => {
    const page = await openWithStub(profile, '#/zh-Hans');
    const chartsRequested = () =>
      page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/charts-[0-9a-f]+/.test(e.name)));
    assert.equal(await chartsRequested(), false, 'the charts module is not loaded at the top of the page');
    const listen = page.locator('.site-header__listen').getByTestId('listen');
    await listen.scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      // Every layout shift, those right after the press included (CLS leaves them out).
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__shifts.push(`${e.value} ${e.sources.map((s) => s.node?.className ?? s.node?.nodeName).join(' ')}`);
        }
      }).observe({ type: 'layout-shift' });
      // The control's states.
      window.__states = [];
      new MutationObserver((records) => {
        for (const r of records) window.__states.push(r.target.dataset.state);
      }).observe(document.querySelector('.site-header__listen'), {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-state'],
      });
    });
    // Where everything on screen is in the document (outside the control, whose labels
    // change with the reading, and the sentence spans, whose highlight draws a line box of
    // its own: the text and marks inside them count); the height of what runs on below the screen (the main
    // column, which the charts lengthen) does not count.
    const onScreen = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('#app *')]
          .filter((e) => !e.closest('.listen') && !e.matches('.sentence'))
          .map((e) => [e, e.getBoundingClientRect()])
          .filter(([, r]) => r.height > 0 && r.bottom > 0 && r.top < innerHeight)
          .map(([e, r]) => {
            const height = r.bottom <= innerHeight ? `x${Math.round(r.height)}` : '';
            return `${e.tagName}.${e.classList[0]} ${Math.round(r.left)},${Math.round(r.top + scrollY)} ${Math.round(r.width)}${height}`;
          }),
      );
    const before = await onScreen();
    assert.ok(before.length > 20, before.join('\n'));
    await press(page, listen);
    await page.waitForFunction(() => window.__speech.log.utterances.length === 1);
    assert.equal(await chartsRequested(), true);
    assert.equal((await log(page)).utterances[0].text, '脱贫攻坚事关人民群众福祉和民生改善，是备受社会关注的重点民生工作。');
    assert.deepEqual(await page.evaluate(() => window.__states), ['busy', 'reading'], 'busy while the module loads, then reading');
    assert.equal(await listen.textContent(), '暂停');
    // The module mounted the charts into their slot, far below.
    await page.waitForFunction(() => document.getElementById('charts-root')?.dataset.state === 'ready');
    await page.waitForTimeout(300);
    assert.deepEqual(await onScreen(), before, 'nothing on screen moved');
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift');
    await screenshot(page, `speech-${profile}-first-press`);
    // It goes on as any reading: the next sentence, then stop.
    await page.evaluate(() => window.__speech.end());
    await page.waitForFunction(() => window.__speech.log.utterances.length === 2);
    await press(page, page.locator('.site-header__listen').getByTestId('listen-stop'));
    assert.equal((await log(page)).calls.at(-1), 'cancel');
    assert.deepEqual(await reading(page), []);
    assert.deepEqual(page.problems, []);
  });
}
