// A panic shows a readable message with a reload link in the reader's language, never a
// blank or dead page. Runs against the test-only build with `--features crash-test`
// (scripts/test.sh builds it into target/dist-crash), which panics on `#crash-test`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, PROFILES, SCREENSHOTS } from './harness.mjs';

let app;
let browser;
before(async () => {
  app = await serveDist({ root: process.env.CRASH_DIST ?? 'target/dist-crash', prefix: '/zezhou/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

for (const [lang, text, reload] of [
  ['zh-Hans', '抱歉，页面出错了', '重新加载'],
  ['en', 'Sorry, something went wrong', 'Reload'],
]) {
  test(`a forced panic shows a message and a reload link in ${lang}`, async () => {
    const context = await browser.newContext(PROFILES.phone);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}#/${lang}?crash-test`);
    const alert = page.getByTestId('crash');
    await alert.waitFor({ timeout: 20000 });
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.textContent(), new RegExp(text));
    const link = alert.locator('a');
    assert.equal(await link.textContent(), reload);
    assert.ok((await link.getAttribute('href')).startsWith(app.url), 'the link reloads the app');
    // The report stays readable under the message.
    assert.ok(await page.locator('h1').isVisible());
    assert.ok(errors.length >= 1, 'the panic did happen');
    await page.screenshot({ path: `${SCREENSHOTS}crash-${lang}.png` });
    await context.close();
  });
}
