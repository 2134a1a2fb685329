import { setUp, waitForApp } from './harness.mjs';
const env = await setUp({ prefix: '/pub/zezhou/' });
const page = await env.open(process.argv[2] ?? 'phone', '');
await page.addInitScript(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__shifts.push({ v: e.value, t: Math.round(e.startTime), input: e.hadRecentInput, src: e.sources.map((s) => `${s.node?.className ?? s.node?.nodeName} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`) });
  }).observe({ type: 'layout-shift', buffered: true });
});
await page.reload();
await waitForApp(page);
await page.waitForTimeout(500);
console.log('before', JSON.stringify(await page.evaluate(() => window.__shifts)));
await page.getByTestId('charts-slot').scrollIntoViewIfNeeded();
await page.locator('[data-testid="chart-image"] svg').first().waitFor();
await page.waitForTimeout(500);
console.log('after', JSON.stringify(await page.evaluate(() => window.__shifts), null, 1));
await env.close();
