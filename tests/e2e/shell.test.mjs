// The app shell mounts in a real browser, on a phone with touch and on a desktop, under a
// sub-path, with no console error, failed request or off-origin request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, waitForApp, screenshot } from './harness.mjs';

let env;
before(async () => {
  env = await setUp({ prefix: '/zezhou/' });
});
after(async () => env?.close());

for (const profile of ['phone', 'desktop']) {
  test(`the app mounts and shows its shell on ${profile}`, async () => {
    const page = await env.open(profile);
    await waitForApp(page);
    assert.equal(await page.title(), '泽州县2017年脱贫攻坚十件大事');
    const h1 = page.locator('header h1');
    assert.equal(await h1.textContent(), '泽州县2017年脱贫攻坚十件大事');
    assert.equal(await page.locator('main#main').count(), 1);
    const footer = await page.locator('footer').textContent();
    assert.match(footer, /本报讯/);
    assert.match(footer, /高峰/);
    await screenshot(page, `shell-${profile}`);
    assert.deepEqual(page.problems, []);
  });
}
