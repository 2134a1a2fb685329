import { setUp, waitForApp } from './harness.mjs';
const env = await setUp({ prefix: '/pub/zezhou/' });
const page = await env.open('phone', '');
await waitForApp(page);
const info = () => page.evaluate(() => {
  const slot = document.getElementById('charts-root');
  const out = [];
  let el = slot;
  while (el && el !== document.body) {
    const prev = el.previousElementSibling;
    out.push(`${el.tagName}.${el.className} y=${Math.round(el.getBoundingClientRect().top + scrollY)} h=${Math.round(el.getBoundingClientRect().height)} prev=${prev ? prev.tagName + '.' + prev.className + ' h=' + Math.round(prev.getBoundingClientRect().height) : '-'}`);
    el = el.parentElement;
  }
  return out.join('\n');
});
console.log(await info());
await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
console.log('scrollY', await page.evaluate(() => scrollY));
await page.locator('[data-testid="chart-image"] svg').first().waitFor();
await page.waitForTimeout(500);
console.log(await info());
console.log('scrollY', await page.evaluate(() => scrollY));
console.log(await page.evaluate(() => [...document.getElementById('charts-root').children].map((c) => `${c.tagName}.${c.className} h=${Math.round(c.getBoundingClientRect().height)}`).join('\n')));
await env.close();
