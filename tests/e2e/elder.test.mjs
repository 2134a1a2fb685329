// 长辈模式 and high contrast (issue 16): large text from the header, kept across a reload
// and in a shared link, drawn large from the first frame; the ageing-friendly spec's line
// and paragraph spacing; a high-contrast theme at WCAG AAA; text at 200% and under WCAG
// 1.4.12's text-spacing overrides without clipping or sideways scrolling, at 320 px too.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, waitForApp, screenshot, overflowsHorizontally, press, SCREENSHOTS } from './harness.mjs';

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

const rootFontPx = (page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const textAttr = (page) => page.evaluate(() => document.documentElement.dataset.text ?? null);
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

/** Loads the charts (their module comes when their slot nears the screen). */
async function showCharts(page) {
  await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
  await page.locator('[data-testid="chart-image"] svg').nth(2).waitFor();
}

/** How many times larger than its layout each chart is drawn (its width over its viewBox's). */
const chartScales = (page) =>
  page.locator('[data-testid="chart-image"] svg').evaluateAll((svgs) =>
    svgs.map((svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width),
  );

/**
 * Records, in the page's first animation frame (before its first paint), the text-size
 * attribute and the root font size: a flash of the small layout shows here as null / 16px.
 */
function recordFirstFrame(context) {
  return context.addInitScript(() => {
    requestAnimationFrame(() => {
      const root = document.documentElement;
      window.__firstFrame = {
        text: root.dataset.text ?? null,
        fontSize: getComputedStyle(root).fontSize,
        body: document.body !== null,
      };
    });
  });
}

for (const profile of ['phone', 'desktop']) {
  describe(`large text (${profile})`, () => {
    test('turns on from the header, survives a reload and a shared link, and is large from the first frame', async () => {
      const page = await openApp(profile, '#/zh-Hans');
      const toggle = page.getByTestId('large-text');
      assert.equal(await toggle.textContent(), '长辈模式');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      assert.equal(await rootFontPx(page), 16);
      const before = await page.locator('.headline__value').first().boundingBox();

      await press(page, toggle);
      assert.equal(await textAttr(page), 'large');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal(await rootFontPx(page), 24, 'at least 1.5 times the base size');
      assert.match(await hash(page), /[?&]text=large\b/);
      const after = await page.locator('.headline__value').first().boundingBox();
      assert.ok(after.height >= before.height * 1.4, `${before.height} -> ${after.height}`);
      // Targets grow with the text.
      const box = await toggle.boundingBox();
      assert.ok(box.height >= 59, `toggle is ${box.height} px high`);
      await screenshot(page, `elder-${profile}-large`);

      // A further step.
      await press(page, page.getByTestId('extra-large-text'));
      assert.equal(await textAttr(page), 'xl');
      assert.equal(await rootFontPx(page), 28);
      assert.match(await hash(page), /[?&]text=xl\b/);

      // Kept across a reload, and drawn large from the first frame.
      await recordFirstFrame(page.context());
      await page.reload();
      await page.waitForFunction(() => window.__firstFrame);
      assert.deepEqual(await page.evaluate(() => window.__firstFrame), {
        text: 'xl',
        fontSize: '28px',
        body: true,
      });
      await waitForApp(page);
      assert.equal(await page.getByTestId('extra-large-text').getAttribute('aria-pressed'), 'true');

      // Back to the normal size: the URL and storage forget it.
      await press(page, page.getByTestId('large-text'));
      assert.equal(await textAttr(page), null);
      assert.equal(await rootFontPx(page), 16);
      assert.doesNotMatch(await hash(page), /text=/);
      assert.equal(await page.getByTestId('extra-large-text').isVisible(), false);
      await page.reload();
      await waitForApp(page);
      assert.equal(await textAttr(page), null);
      assert.deepEqual(page.problems, []);
    });

    test('a shared link opens large in a browser that never chose it, from the first frame', async () => {
      const context = await env.browser.newContext(
        profile === 'phone' ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 800 } },
      );
      await recordFirstFrame(context);
      const page = await context.newPage();
      await page.goto(`${env.app.url}#/en/event/2?text=large`);
      await page.waitForFunction(() => window.__firstFrame);
      assert.deepEqual(await page.evaluate(() => window.__firstFrame), {
        text: 'large',
        fontSize: '24px',
        body: true,
      });
      await waitForApp(page);
      assert.equal(await page.getByTestId('large-text').textContent(), 'Large text');
      assert.equal(await page.getByTestId('large-text').getAttribute('aria-pressed'), 'true');
      assert.equal(page.url(), `${env.app.url}en/#/event/2?text=large`);
      assert.equal(await page.locator('article[data-rank="2"].card--open').count(), 1);
      await context.close();
    });

    test("the spacing meets the ageing-friendly spec's ratios", async () => {
      const page = await openApp(profile, '#/zh-Hans/event/1?text=large');
      const measured = await page.evaluate(() => {
        const out = [];
        for (const selector of ['.site-header__lead', '.card--open .card__summary', '.card--open .event-text']) {
          const p = document.querySelector(selector);
          const style = getComputedStyle(p);
          const fontSize = parseFloat(style.fontSize);
          const lineHeight = parseFloat(style.lineHeight);
          // The space after the paragraph: to the next box in the flow.
          let next = p.nextElementSibling ?? p.parentElement.nextElementSibling;
          while (next && next.getBoundingClientRect().height === 0) next = next.nextElementSibling;
          const gap = next.getBoundingClientRect().top - p.getBoundingClientRect().bottom;
          out.push({ selector, fontSize, lineHeight, gap });
        }
        return out;
      });
      for (const { selector, fontSize, lineHeight, gap } of measured) {
        assert.ok(fontSize >= 24, `${selector}: ${fontSize}px text`);
        assert.ok(lineHeight >= 1.3 * fontSize, `${selector}: line ${lineHeight} for text ${fontSize}`);
        assert.ok(gap >= 1.3 * lineHeight - 0.5, `${selector}: ${gap}px after, line ${lineHeight}`);
      }
    });

    test('the charts are drawn at the larger size too', async () => {
      const page = await openApp(profile, '#/zh-Hans');
      await showCharts(page);
      const normal = await chartScales(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await press(page, page.getByTestId('large-text'));
      await showCharts(page);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="chart-image"] svg')].every(
          (svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width > 1.3,
        ),
      );
      const large = await chartScales(page);
      for (const [i, s] of large.entries()) {
        assert.ok(s >= 1.4 * normal[i] - 0.01, `chart ${i}: drawn ${normal[i]} -> ${s} times its layout`);
      }
      // Tap targets on the bars keep pace.
      const target = await page.getByTestId('chart-mark').first().boundingBox();
      assert.ok(target.height >= 44 * 1.4, `${target.height}`);
      await page.locator('[data-testid="chart"]').first().scrollIntoViewIfNeeded();
      await screenshot(page, `elder-${profile}-charts`);
      assert.deepEqual(page.problems, []);
    });
  });
}

// --- High contrast ---------------------------------------------------------------------

/** Contrast ratio of two CSS colours (rgb()/hex), as WCAG defines it. */
async function contrastOf(page, pairs) {
  return page.evaluate((pairs) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const rgb = (c) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 1, 1);
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const lum = (c) =>
      rgb(c)
        .map((v) => v / 255)
        .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    return pairs.map(([a, b]) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    });
  }, pairs);
}

for (const profile of ['phone', 'desktop']) {
  test(`high contrast: axe finds nothing with the AAA contrast rule, charts included (${profile})`, async () => {
    const page = await openApp(profile, '#/zh-Hans/event/1');
    await page.getByTestId('appearance').selectOption('contrast');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'contrast');
    await showCharts(page);
    // A tooltip and a glossary panel open too.
    await page.getByTestId('chart-mark').first().click();
    await page.getByTestId('chart-tooltip').first().waitFor();

    const { default: fs } = await import('node:fs/promises');
    const axe = await fs.readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'rule', values: ['color-contrast-enhanced', 'color-contrast', 'link-in-text-block', 'non-text-contrast'].filter((id) => window.axe.getRules().some((r) => r.ruleId === id)) },
      });
      return result.violations.map((v) => `${v.id} @ ${v.nodes.map((n) => `${n.target.join(' ')} ${n.any[0]?.data?.contrastRatio ?? ''}`).slice(0, 4).join(' | ')}`);
    });
    assert.deepEqual(violations, []);

    // axe does not read SVG text: every chart text against the chart's background, by hand.
    const pairs = await page.locator('[data-testid="chart-image"] svg').evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const background = getComputedStyle(svg.querySelector('rect')).fill;
        return [...svg.querySelectorAll('text')].map((t) => [t.getAttribute('fill') ?? getComputedStyle(t).fill, background]);
      }),
    );
    assert.ok(pairs.length > 10, `${pairs.length} chart texts`);
    const ratios = await contrastOf(page, pairs);
    for (const [i, r] of ratios.entries()) assert.ok(r >= 7, `${pairs[i].join(' on ')}: ${r.toFixed(2)}:1`);

    // Every theme colour meant for text, on both backgrounds.
    const tokens = await page.evaluate(() => {
      const s = getComputedStyle(document.documentElement);
      const v = (n) => s.getPropertyValue(n).trim();
      return [
        [v('--c-text'), v('--c-bg')],
        [v('--c-text-2'), v('--c-surface')],
        [v('--c-text-2'), v('--c-surface-2')],
        [v('--c-accent'), v('--c-surface')],
        [v('--c-accent-text'), v('--c-accent')],
        [v('--c-text'), v('--c-mark')],
      ];
    });
    const tokenRatios = await contrastOf(page, tokens);
    for (const [i, r] of tokenRatios.entries()) assert.ok(r >= 7, `${tokens[i].join(' on ')}: ${r.toFixed(2)}:1`);

    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `elder-${profile}-contrast`);
    await page.locator('[data-testid="chart"]').first().scrollIntoViewIfNeeded();
    await screenshot(page, `elder-${profile}-contrast-charts`);
    // Kept across a reload, from the first frame.
    await recordFirstFrame(page.context());
    await page.addInitScript(() =>
      requestAnimationFrame(() => (window.__firstTheme = document.documentElement.dataset.theme)),
    );
    await page.reload();
    await page.waitForFunction(() => window.__firstTheme !== undefined);
    assert.equal(await page.evaluate(() => window.__firstTheme), 'contrast');
    assert.deepEqual(page.problems, []);
  });
}

// --- Text zoom and spacing ---------------------------------------------------------------

/** WCAG 1.4.12's overrides (the W3C's text-spacing bookmarklet), and 200% text. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }`;
const TEXT_200 = `html { font-size: 200% !important; }`;

/**
 * Text that does not fit: elements whose content is clipped (a box that hides or scrolls
 * its overflow and is smaller than its content), and text lines that stick out of their
 * element's box or out of the viewport's width.
 */
function overflowingText(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}`;
    for (const el of document.querySelectorAll('#app *')) {
      if (el.closest('svg, .visually-hidden, [hidden], noscript')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const clips = ['hidden', 'clip', 'auto', 'scroll'];
      if (clips.includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT')
        out.push(`${name(el)}: clipped sideways (${el.scrollWidth} > ${el.clientWidth})`);
      if (clips.includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1 && !['auto', 'scroll'].includes(style.overflowY))
        out.push(`${name(el)}: clipped (${el.scrollHeight} > ${el.clientHeight})`);
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.data.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.width === 0) continue;
          if (r.left < box.left - 1 || r.right > box.right + 1)
            out.push(`${name(el)}: "${node.data.trim().slice(0, 20)}" sticks out of its box (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`);
          if (r.left < -1 || r.right > width + 1)
            out.push(`${name(el)}: "${node.data.trim().slice(0, 20)}" leaves the screen`);
        }
      }
    }
    return [...new Set(out)];
  });
}

for (const [profile, viewport] of [
  ['phone', null],
  ['phone', { width: 320, height: 640 }],
  ['desktop', null],
]) {
  const label = viewport ? `${viewport.width} px` : profile;
  for (const [what, css, path] of [
    ['200% text', TEXT_200, '#/zh-Hans/event/7'],
    ['200% text in English', TEXT_200, '#/en/event/7'],
    ['the text-spacing overrides', TEXT_SPACING, '#/en/event/7'],
    ['large text with the text-spacing overrides', TEXT_SPACING, '#/zh-Hant/event/7?text=xl'],
  ]) {
    test(`${what}: nothing clipped, nothing sticks out, no sideways scroll (${label})`, async () => {
      const page = await openApp(profile, path, viewport ? { viewport } : {});
      await page.evaluate((css) => {
        // Injected as a constructed sheet: the CSP admits no inline <style>.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, css);
      await showCharts(page);
      // A panel open too, and the charts' table.
      await page.locator('.card--open [data-testid="figure-tile"]').first().click();
      await page.getByTestId('panel').waitFor();
      assert.deepEqual(await overflowingText(page), []);
      assert.equal(await overflowsHorizontally(page), false, 'the page scrolls sideways');
      await page.getByTestId('panel-close').click();
      if (what.startsWith('large') && viewport) {
        await page.locator('.card--open').scrollIntoViewIfNeeded();
        await screenshot(page, `elder-320-spacing`);
      }
      assert.deepEqual(page.problems, []);
    });
  }
}
