// The size budget: the first load of dist/ (HTML, CSS, JS, WASM), gzipped, at most 150 KB.
//
// The first load is index.html and every HTML, CSS, JS or WASM file it names (links,
// scripts, the loader's imports), as a browser fetches them before the page is interactive.
// The charts module is not in it: the page loads it when the charts come near the screen
// (reading.test.mjs and charts.test.mjs check that in a browser); its size is printed too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join } from 'node:path';

const BUDGET = 150_000; // bytes, gzipped
const COUNTED = new Set(['.html', '.css', '.js', '.wasm']);
const DIST = process.env.DIST ?? 'dist';

/** Files of dist/ named in `html` by href=, src= or a quoted './name' (the inline loader). */
function named(html, files) {
  const refs = new Set();
  for (const m of html.matchAll(/(?:href|src)=(?:"|')?\.?\/?([^"'\s>]+)/g)) refs.add(m[1]);
  for (const m of html.matchAll(/'\.\/([^']+)'/g)) refs.add(m[1]);
  return [...refs].filter((name) => files.includes(name) && COUNTED.has(extname(name)));
}

async function table(names) {
  let raw = 0;
  let gz = 0;
  const rows = [];
  for (const name of [...names].sort()) {
    const body = await readFile(join(DIST, name));
    const zipped = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += zipped;
    rows.push(`  ${name.padEnd(44)} ${String(body.length).padStart(8)} ${String(zipped).padStart(8)}`);
  }
  return { raw, gz, rows };
}

test('the first load fits the 150 KB gzip budget', async () => {
  const files = await readdir(DIST);
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const first = ['index.html', ...named(html, files)];
  assert.ok(first.some((n) => n.endsWith('.wasm')), 'index.html names no .wasm: build first');
  assert.ok(first.some((n) => n.endsWith('.css')), 'index.html names no stylesheet');
  const { raw, gz, rows } = await table(first);
  console.log(`first load (bytes)${' '.repeat(29)}raw     gzip\n${rows.join('\n')}`);
  console.log(`  ${'total'.padEnd(44)} ${String(raw).padStart(8)} ${String(gz).padStart(8)}  (budget ${BUDGET})`);

  // Loaded later, when the charts come near the screen.
  const charts = files.filter((n) => n.startsWith('charts-'));
  assert.ok(!first.some((n) => charts.includes(n)), 'the charts module must not be in the first load');
  if (charts.length) {
    const later = await table(charts);
    console.log(`charts module, loaded later\n${later.rows.join('\n')}`);
    console.log(`  ${'total'.padEnd(44)} ${String(later.raw).padStart(8)} ${String(later.gz).padStart(8)}`);
  }
  assert.ok(gz <= BUDGET, `first load is ${gz} bytes gzipped, over the ${BUDGET} budget`);
});
