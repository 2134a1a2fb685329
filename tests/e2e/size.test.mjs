// The size budget: the first load of dist/ (HTML, CSS, JS, WASM), gzipped, at most 150 KB.
//
// Both gzip levels are stated: -6, zlib's default, which servers that gzip on the fly use
// unless told otherwise (Apache's mod_deflate, Node's zlib; nginx's own default is 1), and
// -9, the smallest gzip, which the budget is set on (as the README's figures have always
// been).
//
// The first load is a language's page and every HTML, CSS, JS or WASM file it names (links,
// scripts, the loader's imports) and the story's texts its language starts with, as a
// browser fetches them before the page is interactive (first-load.mjs); each language's page
// (简体 index.html, 繁體 zh-Hant/index.html, English en/index.html) has the same budget.
// The charts module is not in it: the page loads it when the charts come near the screen
// (reading.test.mjs and charts.test.mjs check that in a browser); it has a budget of its own,
// 120 KB (issue 15). Nor is the markup module, loaded once the page is idle (first-load.mjs);
// its size is printed too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { loadParts, PAGES } from './first-load.mjs';

const BUDGET = 150_000; // bytes, gzipped
const CHARTS_BUDGET = 120_000; // bytes, gzipped
const DIST = process.env.DIST ?? 'dist';

const col = (n) => String(n).padStart(8);

async function table(names) {
  let raw = 0;
  let gz6 = 0;
  let gz = 0;
  const rows = [];
  for (const name of [...names].sort()) {
    const body = await readFile(join(DIST, name));
    const at6 = gzipSync(body, { level: 6 }).length;
    const at9 = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz6 += at6;
    gz += at9;
    rows.push(`  ${name.padEnd(44)} ${col(body.length)} ${col(at6)} ${col(at9)}`);
  }
  return { raw, gz6, gz, rows };
}

for (const [lang, page] of Object.entries(PAGES)) {
  test(`the first load of the ${lang} page (${page}) fits the 150 KB gzip budget`, async () => {
    const { first, later: charts, idle } = await loadParts(DIST, page);
    assert.ok(first.some((n) => n.endsWith('.wasm')), `${page} names no .wasm: build first`);
    assert.ok(first.some((n) => n.endsWith('.css')), `${page} names no stylesheet`);
    const { raw, gz6, gz, rows } = await table(first);
    console.log(`${lang}: first load (bytes)${' '.repeat(27 - lang.length)}raw  gzip -6  gzip -9\n${rows.join('\n')}`);
    console.log(`  ${'total'.padEnd(44)} ${col(raw)} ${col(gz6)} ${col(gz)}  (budget ${BUDGET}, on -9)`);

    // Loaded later, when the charts come near the screen.
    assert.ok(!first.some((n) => charts.includes(n) || idle.includes(n)), 'a split-off module must not be in the first load');
    if (charts.length && lang === 'zh-Hans') {
      for (const [what, names] of [['charts module, loaded when near', charts], ['markup module, loaded when idle', idle]]) {
        const later = await table(names);
        console.log(`${what}\n${later.rows.join('\n')}`);
        console.log(`  ${'total'.padEnd(44)} ${col(later.raw)} ${col(later.gz6)} ${col(later.gz)}`);
      }
    }
    assert.ok(gz <= BUDGET, `the ${lang} page's first load is ${gz} bytes gzipped at -9 (${gz6} at -6), over the ${BUDGET} budget`);
  });
}

test('the charts module fits its 120 KB gzip budget', async () => {
  const { later: charts } = await loadParts(DIST);
  assert.ok(charts.some((n) => n.startsWith('charts-')), 'no charts module: build first');
  const { gz, gz6 } = await table(charts);
  assert.ok(gz <= CHARTS_BUDGET, `the charts module is ${gz} bytes gzipped at -9 (${gz6} at -6), over the ${CHARTS_BUDGET} budget`);
});
